//! Scratch crates: a generated crate plus test files written by a test, built by a nested
//! `cargo` under the test target's scratch directory. Every scratch crate shares one
//! target directory, so the generated crates' dependencies are compiled once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::workspace;

/// A one-crate cargo workspace at `<tmp>/<name>/`, the crate in `<tmp>/<name>/<name>/`.
pub struct ScratchCrate {
    root: PathBuf,
    name: String,
    target: PathBuf,
}

/// What a nested cargo run printed, and how long it took.
pub struct CargoRun {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl CargoRun {
    /// Whether cargo compiled the package `name` (rather than finding it up to date).
    pub fn compiled(&self, name: &str) -> bool {
        self.stderr
            .lines()
            .any(|line| line.trim_start().starts_with(&format!("Compiling {name} ")))
    }
}

impl ScratchCrate {
    /// Prepares the workspace around the crate `name` under `tmp` (a test's
    /// `CARGO_TARGET_TMPDIR`), pinned to the project's `Cargo.lock` so that the nested
    /// build uses the dependency versions already downloaded.
    pub fn new(tmp: &Path, name: &str) -> ScratchCrate {
        let root = tmp.join(name);
        write_workspace(&root, &[name.to_owned()]);
        ScratchCrate {
            root,
            name: name.to_owned(),
            target: shared_target(tmp),
        }
    }

    /// The crate's directory (the generator's output directory).
    pub fn dir(&self) -> PathBuf {
        self.root.join(&self.name)
    }

    /// The package name, also the generator's crate name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Generates the crate from `model` (every operation), returning how long it took.
    pub fn generate(&self, model: &Path) -> Duration {
        let started = Instant::now();
        codegen::Config::new()
            .model(model)
            .crate_name(&self.name)
            .out_dir(self.dir())
            .generate()
            .unwrap_or_else(|e| panic!("generating from {}: {e}", model.display()));
        let elapsed = started.elapsed();
        crate::add_test_dependencies(&self.dir());
        elapsed
    }

    /// Writes `text` to `relative` inside the crate, leaving an identical file untouched
    /// (so that cargo sees nothing new).
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.dir().join(relative);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Removes the files under `relative` (a directory inside the crate) that are not in
    /// `keep`, so that a sample or test no longer written does not linger.
    pub fn prune(&self, relative: &str, keep: &[String]) {
        let Ok(entries) = std::fs::read_dir(self.dir().join(relative)) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && !keep.contains(&name) {
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }

    /// Runs `cargo <args>` offline in the scratch workspace (see [`cargo`]).
    pub fn cargo(&self, args: &[&str]) -> CargoRun {
        cargo(&self.root, &self.target, args)
    }

    /// Like [`ScratchCrate::cargo`], failing the test with cargo's output when it fails.
    pub fn cargo_ok(&self, args: &[&str]) -> CargoRun {
        cargo_ok(&self.root, &self.target, args)
    }
}

/// The one target directory of every scratch workspace under `tmp` (a test's
/// `CARGO_TARGET_TMPDIR`): the generated crates' dependencies (`http`, `serde_json`) are
/// compiled once for all of them, and a crate built again is only checked for freshness.
pub fn shared_target(tmp: &Path) -> PathBuf {
    tmp.join("scratch-target")
}

/// Makes `root` a cargo workspace of `members` (directories under it), pinned to the
/// project's `Cargo.lock` so that every scratch workspace uses the dependency versions
/// already downloaded, the same ones, built once in [`shared_target`].
pub fn write_workspace(root: &Path, members: &[String]) {
    std::fs::create_dir_all(root).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
    let members = members
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let manifest = format!("[workspace]\nresolver = \"2\"\nmembers = [{members}]\n");
    let path = root.join("Cargo.toml");
    // Rewritten only when it differs, so that cargo sees nothing new.
    if std::fs::read_to_string(&path).ok().as_deref() != Some(manifest.as_str()) {
        std::fs::write(&path, manifest).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let lock = root.join("Cargo.lock");
    if !lock.exists() {
        std::fs::copy(workspace().join("Cargo.lock"), &lock).unwrap();
    }
}

/// Runs `cargo <args>` offline in the workspace at `root`, building into `target`, with
/// the same lean settings for every scratch build (no debug info, no incremental state:
/// these crates are built to be checked, not debugged) so that they share their
/// dependencies' artifacts. Lints are denied through clippy's `-D warnings` by the
/// callers, not `RUSTFLAGS`, which would rebuild every dependency.
pub fn cargo(root: &Path, target: &Path, args: &[&str]) -> CargoRun {
    let started = Instant::now();
    let output = Command::new(env!("CARGO"))
        .arg("--offline")
        .args(args)
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("cargo runs");
    CargoRun {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// Like [`cargo`], failing the test with cargo's output when cargo fails.
pub fn cargo_ok(root: &Path, target: &Path, args: &[&str]) -> CargoRun {
    let run = cargo(root, target, args);
    assert!(
        run.success,
        "cargo {args:?} failed in {}:\n{}\n{}",
        root.display(),
        run.stdout,
        run.stderr
    );
    run
}

/// How one libtest test ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    /// With the test's captured output (its panic message).
    Failed(String),
    Ignored,
}

/// Every test libtest reported in `stdout` (its default, human format), by name.
pub fn libtest_outcomes(stdout: &str) -> BTreeMap<String, Outcome> {
    let mut outcomes = BTreeMap::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, result)) = rest.split_once(" ... ") else {
            continue;
        };
        let outcome = match result.trim() {
            "ok" => Outcome::Passed,
            "FAILED" => Outcome::Failed(String::new()),
            r if r.starts_with("ignored") => Outcome::Ignored,
            _ => continue,
        };
        outcomes.insert(name.to_owned(), outcome);
    }
    for (name, output) in failure_outputs(stdout) {
        if let Some(outcome @ Outcome::Failed(_)) = outcomes.get_mut(&name) {
            *outcome = Outcome::Failed(output);
        }
    }
    outcomes
}

/// The `---- <name> stdout ----` sections libtest prints for failed tests.
fn failure_outputs(stdout: &str) -> Vec<(String, String)> {
    let mut sections = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in stdout.lines() {
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|l| l.strip_suffix(" stdout ----"))
        {
            sections.extend(current.take());
            current = Some((name.to_owned(), String::new()));
        } else if line == "failures:" || line.starts_with("test result:") {
            sections.extend(current.take());
        } else if let Some((_, text)) = &mut current {
            text.push_str(line);
            text.push('\n');
        }
    }
    sections.extend(current);
    sections
}

/// Writes a line straight to the test process's stderr, past libtest's output capture,
/// so that it shows in `cargo test` logs whether the test passes or fails.
pub fn report(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_output_gives_each_tests_outcome_and_failure_message() {
        let stdout = "\nrunning 3 tests\ntest a ... ok\ntest b ... FAILED\n\
            test c ... ignored, not here\n\nfailures:\n\n---- b stdout ----\n\n\
            thread 'b' panicked at tests/x.rs:3:5:\nbody differs\n\n\nfailures:\n    b\n\n\
            test result: FAILED. 1 passed; 1 failed; 1 ignored\n";
        let outcomes = libtest_outcomes(stdout);
        assert_eq!(outcomes["a"], Outcome::Passed);
        assert_eq!(outcomes["c"], Outcome::Ignored);
        let Outcome::Failed(message) = &outcomes["b"] else {
            panic!("b failed: {outcomes:?}");
        };
        assert!(message.contains("body differs"), "{message}");
        assert_eq!(outcomes.len(), 3);
    }
}
