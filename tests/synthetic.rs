//! The synthetic models' generated crates compile without warnings (clippy and rustdoc
//! included) and behave as their `<model>.behaviour.rs` tests say; so do the awkward
//! models of `models/bad` that generate, without behaviour tests. All of them are built
//! in one scratch workspace under the target directory, offline, into the target
//! directory every scratch crate shares (their dependencies are compiled once).

use std::path::Path;

use codegen_tests::harness::scratch::{cargo_ok, shared_target, write_workspace};
use codegen_tests::workspace;

const MODELS: &[&str] = &[
    "recursion",
    "enums",
    "names",
    "sensitive",
    "nullability",
    "kinds",
];

/// Awkward models from `models/bad` that generate (see `broken_models.rs`): built and
/// linted like the others, without behaviour tests of their own.
const AWKWARD: &[&str] = &[
    "enum-values-not-identifiers",
    "keyword-operation-names",
    "names-of-generic-parameters-and-std-types",
    "operation-without-input",
    "snake-case-collision",
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
    let text = std::fs::read_to_string(&behaviour)
        .unwrap_or_else(|e| panic!("{}: {e}", behaviour.display()));
    let copy = dir.join("tests/behaviour.rs");
    // Rewritten only when it differs, so that a second run finds the test binary fresh.
    if std::fs::read_to_string(&copy).ok().as_deref() != Some(text.as_str()) {
        std::fs::create_dir_all(dir.join("tests")).unwrap();
        std::fs::write(&copy, text).unwrap_or_else(|e| panic!("{}: {e}", copy.display()));
    }
}

#[test]
fn synthetic_crates_build_cleanly_and_pass_their_behaviour_tests() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (root, target) = (tmp.join("synthetic"), shared_target(tmp));
    std::fs::create_dir_all(&root).unwrap();
    for name in MODELS {
        write_crate(&root, name);
    }
    let awkward = AWKWARD.iter().map(|name| write_awkward_crate(&root, name));
    let members: Vec<String> = MODELS
        .iter()
        .map(|m| m.to_string())
        .chain(awkward)
        .collect();
    write_workspace(&root, &members);
    // Clippy's `-D warnings` denies rustc's warnings too, in every target; `cargo doc`
    // runs with `RUSTDOCFLAGS=-D warnings`.
    cargo_ok(
        &root,
        &target,
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
    cargo_ok(
        &root,
        &target,
        &["doc", "--workspace", "--no-deps", "--quiet"],
    );
    cargo_ok(&root, &target, &["test", "--workspace", "--quiet"]);
}
