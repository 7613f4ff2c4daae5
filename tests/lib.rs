//! Helpers shared by the workspace tests: paths, the reference data in `../shared`,
//! rendering a model to files in memory, and ([`harness`]) building whole generated
//! crates in scratch workspaces.

pub mod harness;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `../shared/reference/<name>` beside the workspace, or `None` after [`skip`] when the
/// reference data is not on this machine (in CI, where it always is, a failure).
pub fn shared_reference(name: &str) -> Option<PathBuf> {
    shared(&format!("reference/{name}"))
}

/// `../shared/<relative>` (a file or a directory) beside the workspace, or `None` after
/// [`skip`] when it is not on this machine.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = workspace().join("../shared").join(relative);
    if path.exists() {
        Some(path)
    } else {
        skip(&format!("{} is not here", path.display()));
        None
    }
}

/// Whether this is a CI run, where every prerequisite of every test is installed: `CI`
/// is `true` or `1` (`.ci/run` exports it, as CI services do), or one of the older
/// `CI_REQUIRE_*` variables (such as `CI_REQUIRE_BOTOCORE`) is `1`.
pub fn in_ci() -> bool {
    std::env::vars().any(|(name, value)| {
        let set = value == "1" || value.eq_ignore_ascii_case("true");
        set && (name == "CI" || name.starts_with("CI_REQUIRE_"))
    })
}

/// The running test cannot run because `why` (`../shared` not here, botocore not
/// installed): in CI a failure naming the test and the reason; elsewhere one loud
/// `SKIPPED: <test>: <why>` line on stderr, past libtest's capture, so that it shows in
/// the output of a passing `cargo test`. The caller returns after it.
pub fn skip(why: &str) {
    let current = std::thread::current();
    let test = current.name().unwrap_or("a test");
    if in_ci() {
        panic!("{test}: cannot run in CI: {why} (CI installs every prerequisite)");
    }
    harness::scratch::report(&format!("SKIPPED: {test}: {why}"));
}

/// The Python interpreter with botocore (`PYTHON`, default `python3`), or `None` (after
/// a `SKIPPED` line; in CI a failure) when it or botocore is missing.
pub fn python_with_botocore() -> Option<String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    // Run in `tests/botocore/`, beside the scripts: from `tests/`, the `botocore/` folder there would pass for
    // the package.
    let check = Command::new(&python)
        .current_dir(workspace().join("tests/botocore"))
        .args(["-c", "import botocore; print(botocore.__version__)"])
        .output();
    let problem = match check {
        Ok(out) if out.status.success() => return Some(python),
        Ok(out) => format!(
            "`{python} -c 'import botocore'` failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
                .trim()
        ),
        Err(e) => format!("cannot run `{python}`: {e}"),
    };
    skip(&format!("{problem} (pip install botocore, or set PYTHON)"));
    None
}

/// The string value of `pub const <name>: &'static str = "...";` in a generated file
/// (an operation's `NAME` and `TARGET`).
pub fn string_const<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let start = text.find(&format!("pub const {name}: &'static str = \""))?;
    let rest = &text[start..];
    let open = rest.find('"')? + 1;
    let close = rest[open..].find('"')? + open;
    Some(&rest[open..close])
}

/// Renders the model at `model` (file or directory) with default settings.
pub fn render(model: &Path) -> BTreeMap<String, String> {
    codegen::Config::new()
        .model(model)
        .render()
        .unwrap_or_else(|e| panic!("generating from {}: {e}", model.display()))
}

/// Files under `dir` that the generator owns (first line carries the marker), by
/// relative path with `/` separators. `target/` is skipped.
pub fn generated_files_on_disk(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if entry.file_name() != "target" {
                    pending.push(path);
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if text
                .lines()
                .next()
                .is_some_and(|l| l.contains(codegen::output::write::GENERATED_MARKER))
            {
                let relative = path.strip_prefix(dir).unwrap_or(&path);
                let relative = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.insert(relative, text);
            }
        }
    }
    files
}

/// A unified diff between two versions of a file (the generator's own, as `--check`
/// prints it).
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    codegen::unified_diff(&codegen::StaleFile {
        path: path.to_owned(),
        on_disk: Some(old.to_owned()),
        generated: Some(new.to_owned()),
    })
}

/// Every difference between `expected` and `actual` file sets, as unified diffs.
pub fn diff_file_sets(
    expected: &BTreeMap<String, String>,
    actual: &BTreeMap<String, String>,
) -> String {
    let mut out = String::new();
    for (path, old) in expected {
        match actual.get(path) {
            Some(new) if new == old => {}
            Some(new) => out.push_str(&unified_diff(path, old, new)),
            None => out.push_str(&format!("only in the committed output: {path}\n")),
        }
    }
    for path in actual.keys().filter(|p| !expected.contains_key(*p)) {
        out.push_str(&format!("missing from the committed output: {path}\n"));
    }
    out
}

/// Makes `to` hold exactly the files of `from` (`target/` and hidden entries skipped),
/// rewriting only the files whose content differs.
pub fn mirror(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let mut wanted = Vec::new();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let name = entry.file_name();
        if name == "target" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        let (source, copy) = (entry.path(), to.join(&name));
        if source.is_dir() {
            mirror(&source, &copy);
        } else {
            let bytes = std::fs::read(&source).unwrap();
            if std::fs::read(&copy).ok().as_deref() != Some(bytes.as_slice()) {
                std::fs::write(&copy, bytes).unwrap();
            }
        }
        wanted.push(name);
    }
    for entry in std::fs::read_dir(to).unwrap().flatten() {
        if !wanted.contains(&entry.file_name()) {
            let path = entry.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path).unwrap();
            } else {
                std::fs::remove_file(&path).unwrap();
            }
        }
    }
}

/// Gives a generated crate the dev-dependencies its test files use: `serde_json` to
/// compare JSON, `flate2` to read compressed request bodies back.
pub fn add_test_dependencies(crate_dir: &Path) {
    let manifest = crate_dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    if !text.contains("[dev-dependencies]") {
        let text = format!(
            "{text}\n[dev-dependencies]\nserde_json = \"1\"\n\
             flate2 = {{ version = \"1.0.28\", default-features = false, features = [\"rust_backend\"] }}\n"
        );
        std::fs::write(&manifest, text).unwrap_or_else(|e| panic!("{}: {e}", manifest.display()));
    }
}
