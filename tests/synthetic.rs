//! The synthetic models' generated crates compile without warnings (clippy and rustdoc
//! included) and behave as their `<model>.behaviour.rs` tests say; so do the awkward
//! models of `models/bad` that generate, without behaviour tests. All of them are built
//! in one scratch workspace under the target directory, offline (they have no
//! dependencies).

use std::path::Path;
use std::process::Command;

use codegen_tests::workspace;

const MODELS: &[&str] = &[
    "recursion",
    "enums",
    "names",
    "sensitive",
    "nullability",
    "kinds",
    "quirks",
];

/// Awkward models from `models/bad` that generate (see `broken_models.rs`): built and
/// linted like the others, without behaviour tests of their own.
const AWKWARD: &[&str] = &[
    "enum-values-not-identifiers",
    // Their one operation is left out: a crate without operations.
    "event-stream",
    "keyword-operation-names",
    "names-of-generic-parameters-and-std-types",
    "operation-without-input",
    "snake-case-collision",
    "streaming-blob",
    "structure-cycle",
    "type-name-collision",
];

fn write_awkward_crate(root: &Path, name: &str) -> String {
    let member = format!("awkward-{name}");
    codegen::Config::new()
        .model(workspace().join(format!("tests/models/bad/{name}.json")))
        .crate_name(format!("synthetic-{member}"))
        .out_dir(root.join(&member))
        .generate()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    member
}

fn write_crate(root: &Path, name: &str) {
    let model = workspace().join(format!("tests/models/{name}.json"));
    let dir = root.join(name);
    codegen::Config::new()
        .model(&model)
        .crate_name(format!("synthetic-{name}"))
        .out_dir(&dir)
        .generate()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    codegen_tests::add_test_dependencies(&dir);
    let behaviour = workspace().join(format!("tests/models/{name}.behaviour.rs"));
    let test_dir = dir.join("tests");
    std::fs::create_dir_all(&test_dir).unwrap();
    std::fs::copy(&behaviour, test_dir.join("behaviour.rs"))
        .unwrap_or_else(|e| panic!("{}: {e}", behaviour.display()));
}

fn cargo(root: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO"))
        .arg("--offline")
        .args(args)
        .current_dir(root)
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env("CARGO_TARGET_DIR", root.join("target"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {args:?} failed in {}:\n{}\n{}",
        root.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn synthetic_crates_build_cleanly_and_pass_their_behaviour_tests() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("synthetic");
    std::fs::create_dir_all(&root).unwrap();
    for name in MODELS {
        write_crate(&root, name);
    }
    let awkward = AWKWARD.iter().map(|name| write_awkward_crate(&root, name));
    let members = MODELS
        .iter()
        .map(|m| m.to_string())
        .chain(awkward)
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    std::fs::write(
        root.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"2\"\nmembers = [{members}]\n"),
    )
    .unwrap();
    cargo(
        &root,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    );
    cargo(&root, &["doc", "--workspace", "--no-deps", "--quiet"]);
    cargo(&root, &["test", "--workspace", "--quiet"]);
}
