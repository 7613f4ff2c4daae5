//! insta snapshots of every file generated from `model/`, and of the synthetic models
//! in `tests/models/` (each isolates one concern: recursion, enums, names, sensitive
//! members, nullability, every shape kind).

use codegen_tests::{render, workspace};

fn snapshot_name(prefix: &str, path: &str) -> String {
    format!("{prefix}__{}", path.replace('/', "__"))
}

#[test]
fn every_generated_file() {
    let files = render(&workspace().join("model"));
    assert!(
        files.len() > 100,
        "expected the whole CopyBackup tree, got {} files",
        files.len()
    );
    for (path, text) in files {
        insta::assert_snapshot!(snapshot_name("generated", &path), text);
    }
}

/// One snapshot per synthetic model: its Rust files (not the fixed runtime support),
/// concatenated with a banner per file.
fn synthetic(name: &str) {
    let files = render(&workspace().join(format!("tests/models/{name}.json")));
    let mut text = String::new();
    for (path, content) in &files {
        if path.starts_with("src/")
            && !matches!(path.as_str(), "src/error.rs" | "src/primitives.rs")
        {
            text.push_str(&format!("===== {path} =====\n{content}\n"));
        }
    }
    insta::assert_snapshot!(format!("synthetic__{name}"), text);
}

#[test]
fn synthetic_recursion() {
    synthetic("recursion");
}

#[test]
fn synthetic_enums() {
    synthetic("enums");
}

#[test]
fn synthetic_names() {
    synthetic("names");
}

#[test]
fn synthetic_sensitive() {
    synthetic("sensitive");
}

#[test]
fn synthetic_nullability() {
    synthetic("nullability");
}

#[test]
fn synthetic_kinds() {
    synthetic("kinds");
}

#[test]
fn synthetic_awsjson10() {
    synthetic("awsjson10");
}
