//! `cargo build` regenerates `generated/` when the model changes, and a build with
//! nothing changed rewrites and rebuilds nothing. Shown on a scratch copy of the
//! workspace (the real one is never touched): add an enum value to the model, build,
//! the variant is there; build again, everything is fresh. With `CODEGEN_CHECK=1` the
//! build fails on stale output instead of writing, and a bad model fails it with the
//! file and shape named.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use codegen_tests::{mirror, workspace};

/// The copy of the workspace. Its path stays the same from run to run, and files are
/// copied only when they differ, so Cargo rebuilds only what changed since last time.
fn scratch_workspace() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("scratch-workspace")
}

/// `cargo build -v --offline -p fsx` in the scratch workspace, sharing this build's
/// target directory so that registry crates are not compiled again.
fn cargo_build(root: &Path, check_only: bool) -> Output {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("..");
    let mut command = Command::new(env!("CARGO"));
    command
        .args(["build", "-v", "--offline", "-p", "fsx"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target)
        // The copy's own crates (the generator, `fsx`) are built here only: no
        // incremental state for them.
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("CODEGEN_CHECK");
    if check_only {
        command.env("CODEGEN_CHECK", "1");
    }
    command.output().expect("cargo runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Modification time of every file under `dir`.
fn mtimes(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    let mut times = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let modified = entry.metadata().unwrap().modified().unwrap();
                times.insert(path.strip_prefix(dir).unwrap().to_path_buf(), modified);
            }
        }
    }
    times
}

fn changed(
    before: &BTreeMap<PathBuf, SystemTime>,
    after: &BTreeMap<PathBuf, SystemTime>,
) -> Vec<PathBuf> {
    after
        .iter()
        .filter(|(path, time)| before.get(*path) != Some(time))
        .map(|(path, _)| path.clone())
        .collect()
}

/// Rewrites `model/backup.json` of `root` with `edit` applied to its shapes.
fn edit_model(root: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    let path = root.join("model/backup.json");
    let mut model: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    edit(&mut model["shapes"]);
    fs::write(&path, serde_json::to_string_pretty(&model).unwrap()).unwrap();
}

#[test]
fn cargo_build_regenerates_on_model_changes_and_is_fresh_after() {
    let root = scratch_workspace();
    mirror(&workspace(), &root);
    let generated = root.join("generated");
    let lifecycle_file = Path::new("src/types/_backup_lifecycle.rs");
    edit_model(&root, |shapes| {
        shapes["com.amazonaws.fsx#BackupLifecycle"]["members"]["ARCHIVED"] = serde_json::json!({
            "target": "smithy.api#Unit",
            "traits": {"smithy.api#enumValue": "ARCHIVED"}
        });
    });

    // Check mode: the build fails with a diff, and nothing is written.
    let before = mtimes(&generated);
    let output = cargo_build(&root, true);
    let message = stderr(&output);
    assert!(!output.status.success(), "{message}");
    assert!(
        message.contains("1 file(s) stale (CODEGEN_CHECK is set"),
        "{message}"
    );
    assert!(
        message.contains("+++ b/src/types/_backup_lifecycle.rs"),
        "{message}"
    );
    assert!(message.contains("+    Archived,"), "{message}");
    assert_eq!(changed(&before, &mtimes(&generated)), Vec::<PathBuf>::new());

    // A plain build regenerates: only the changed file is written, then compiled.
    let output = cargo_build(&root, false);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(changed(&before, &mtimes(&generated)), [lifecycle_file]);
    let lifecycle = fs::read_to_string(generated.join(lifecycle_file)).unwrap();
    assert!(lifecycle.contains("    Archived,"), "{lifecycle}");
    assert!(lifecycle.contains("\"ARCHIVED\""), "{lifecycle}");
    assert!(
        stderr(&output).contains("Compiling fsx"),
        "{}",
        stderr(&output)
    );

    // Nothing changed: nothing is written, run or compiled.
    let before = mtimes(&generated);
    let output = cargo_build(&root, false);
    let log = stderr(&output);
    assert!(output.status.success(), "{log}");
    assert_eq!(changed(&before, &mtimes(&generated)), Vec::<PathBuf>::new());
    assert!(log.contains("Fresh fsx"), "{log}");
    for rebuilt in ["Compiling", "Running", "Dirty"] {
        assert!(
            !log.contains(rebuilt),
            "`{rebuilt}` in a build with nothing changed:\n{log}"
        );
    }

    // A bad model fails the build with one line naming the file and the shape.
    edit_model(&root, |shapes| {
        shapes["com.amazonaws.fsx#Backup"]["members"]["Lifecycle"]["target"] =
            serde_json::json!("com.amazonaws.fsx#NoSuchShape");
    });
    let before = mtimes(&generated);
    let output = cargo_build(&root, false);
    let log = stderr(&output);
    assert!(!output.status.success(), "{log}");
    assert!(
        log.contains(
            "error: ../model/backup.json: shape `com.amazonaws.fsx#Backup`: target `com.amazonaws.fsx#NoSuchShape` does not exist"
        ),
        "{log}"
    );
    assert!(!log.contains("panicked"), "{log}");
    assert_eq!(changed(&before, &mtimes(&generated)), Vec::<PathBuf>::new());
}
