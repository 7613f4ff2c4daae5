//! The synthetic models' generated crates compile without warnings (clippy and rustdoc
//! included) and behave as their `<model>.behaviour.rs` tests say; so do the awkward
//! models of `models/bad` that generate, without behaviour tests. All of them are built
//! in one scratch workspace under the target directory, offline (they have no
//! dependencies).
//!
//! The same models generated in depend mode (`Runtime::Depend`: the crates use the
//! `smithy-json-runtime` crate instead of copies of it) build as cleanly and pass the
//! same behaviour tests, and two of them share the runtime's types.

use std::path::Path;
use std::process::Command;

use codegen::{Runtime, RuntimeSource};
use codegen_tests::workspace;

const MODELS: &[&str] = &[
    "recursion",
    "enums",
    "names",
    "sensitive",
    "nullability",
    "kinds",
    "awsjson10",
    "quirks",
    "endpoints",
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

fn write_crate(root: &Path, name: &str, runtime: Runtime) {
    let model = workspace().join(format!("tests/models/{name}.json"));
    let dir = root.join(name);
    codegen::Config::new()
        .model(&model)
        .crate_name(format!("synthetic-{name}"))
        .out_dir(&dir)
        .runtime(runtime)
        .generate()
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    codegen_tests::add_test_dependencies(&dir);
    let behaviour = workspace().join(format!("tests/models/{name}.behaviour.rs"));
    let test_dir = dir.join("tests");
    std::fs::create_dir_all(&test_dir).unwrap();
    std::fs::copy(&behaviour, test_dir.join("behaviour.rs"))
        .unwrap_or_else(|e| panic!("{}: {e}", behaviour.display()));
}

/// Writes the scratch workspace's manifest with these members.
fn write_workspace(root: &Path, members: impl Iterator<Item = String>) {
    let members = members
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    std::fs::write(
        root.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"2\"\nmembers = [{members}]\n"),
    )
    .unwrap();
}

/// Clippy and rustdoc without warnings, then the tests, of every member of the scratch
/// workspace at `root`.
fn lint_document_and_test(root: &Path) {
    cargo(
        root,
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
    cargo(root, &["doc", "--workspace", "--no-deps", "--quiet"]);
    cargo(root, &["test", "--workspace", "--quiet"]);
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
        write_crate(&root, name, Runtime::Embed);
    }
    let awkward = AWKWARD.iter().map(|name| write_awkward_crate(&root, name));
    write_workspace(&root, MODELS.iter().map(|m| m.to_string()).chain(awkward));
    lint_document_and_test(&root);
}

/// The models generated in depend mode, with the behaviour tests of embed mode.
const DEPEND_MODELS: &[&str] = &["kinds", "recursion", "awsjson10", "endpoints"];

#[test]
fn depend_mode_crates_build_cleanly_pass_the_same_behaviour_tests_and_share_the_runtime() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("synthetic-depend");
    std::fs::create_dir_all(&root).unwrap();
    let runtime = workspace().join("runtime");
    let source = RuntimeSource::Path(runtime.to_str().expect("a UTF-8 path").to_owned());
    for name in DEPEND_MODELS {
        write_crate(&root, name, Runtime::Depend(source.clone()));
        let manifest = std::fs::read_to_string(root.join(name).join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains("smithy-json-runtime = { path = "),
            "{manifest}"
        );
        assert!(
            !root.join(name).join("src/json.rs").exists(),
            "no runtime file is embedded"
        );
    }
    write_sharing_crate(&root);
    let members = DEPEND_MODELS.iter().map(|m| m.to_string());
    write_workspace(&root, members.chain(["sharing".to_owned()]));
    lint_document_and_test(&root);
}

/// A crate using two depend-mode crates: it compiles only if their `DateTime`,
/// `Transport` and `Limits` are the runtime crate's, one type each.
fn write_sharing_crate(root: &Path) {
    let dir = root.join("sharing");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"sharing\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nsynthetic-kinds = { path = \"../kinds\" }\n\
         synthetic-recursion = { path = \"../recursion\" }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        r#"//! Both generated crates use the runtime crate's types.

/// One transport, one timestamp type and one set of limits for both clients.
pub fn share(
    transport: synthetic_kinds::transport::CannedTransport,
) -> synthetic_recursion::primitives::DateTime {
    let limits = synthetic_kinds::limits::Limits::default();
    let _kinds = synthetic_kinds::Client::new(synthetic_recursion::transport::CannedTransport::new())
        .with_limits(limits);
    let _recursion = synthetic_recursion::Client::new(transport).with_limits(limits);
    let time: synthetic_kinds::primitives::DateTime =
        synthetic_recursion::primitives::DateTime::from_secs(0);
    time
}
"#,
    )
    .unwrap();
}
