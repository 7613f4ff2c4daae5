//! Helpers shared by the workspace tests: paths, the reference data in `../shared`,
//! rendering a model to files in memory, and ([`harness`]) building whole generated
//! crates in scratch workspaces.

pub mod harness;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `../shared/reference/<name>` beside the workspace, or `None` (and a note on stderr)
/// when the reference data is not on this machine.
pub fn shared_reference(name: &str) -> Option<PathBuf> {
    let path = workspace().join("../shared/reference").join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("SKIPPED: {} is not here (it is in CI)", path.display());
        None
    }
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
