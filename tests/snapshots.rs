//! insta snapshots of the code generated for the synthetic models in `tests/models/`
//! (each isolates one concern: recursion, enums, names, sensitive members, nullability,
//! every shape kind, endpoint rules and their bindings). The code generated from `model/` is not snapshotted here: it is
//! committed in `generated/`, which `generated_fresh.rs` compares with the generator's
//! output; nor is the fixed runtime support ([`codegen::runtime_files`]), the same in
//! every crate.

use codegen_tests::{generated_files_on_disk, render, workspace};

/// One snapshot per synthetic model: its Rust files (not the fixed runtime support),
/// concatenated with a banner per file.
fn synthetic(name: &str) {
    let files = render(&workspace().join(format!("tests/models/{name}.json")));
    let runtime = codegen::runtime_files();
    let mut text = String::new();
    for (path, content) in &files {
        if path.starts_with("src/") && !runtime.contains(path) {
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

#[test]
fn synthetic_endpoints() {
    synthetic("endpoints");
}

#[test]
fn synthetic_pagination() {
    synthetic("pagination");
}

/// No snapshot repeats a file of `generated/` (the freshness test compares those) or holds
/// a runtime support file (the same in every generated crate).
#[test]
fn no_snapshot_repeats_a_generated_or_runtime_file() {
    let generated = generated_files_on_disk(&workspace().join("generated"));
    assert!(!generated.is_empty());
    for dir in ["tests/snapshots", "codegen-diff/tests/snapshots"] {
        let Ok(entries) = std::fs::read_dir(workspace().join(dir)) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // The body follows the second `---` line of insta's header.
            let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text).trim();
            for (file, content) in &generated {
                assert!(
                    body != content.trim(),
                    "{} repeats generated/{file}",
                    path.display()
                );
            }
            for file in codegen::runtime_files() {
                assert!(
                    !body.contains(&format!("===== {file} =====")),
                    "{} holds the runtime file {file}",
                    path.display()
                );
            }
        }
    }
}
