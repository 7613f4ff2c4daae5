//! The synthetic models' generated crates compile without warnings (clippy and rustdoc
//! included) and behave as their `<model>.behaviour.rs` tests say; so do the awkward
//! models of `models/bad` that generate, without behaviour tests. All of them are built
//! in one scratch workspace under the target directory, offline, into the target
//! directory every scratch crate shares (their dependencies are compiled once), with
//! their `serde` feature on (the `kinds` behaviour tests test it).
//!
//! The same models generated in depend mode (`Runtime::Depend`: the crates use the
//! `smithy-json-runtime` crate instead of copies of it) build as cleanly and pass the
//! same behaviour tests, and two of them share the runtime's types.

use std::path::Path;

use codegen::{Runtime, RuntimeSource};
use codegen_tests::harness::scratch::{cargo_ok, shared_target, write_workspace};
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
    "pagination",
];

/// Awkward models from `models/bad` that generate (see `broken_models.rs`): built and
/// linted like the others, without behaviour tests of their own.
const AWKWARD: &[&str] = &[
    "client-method-operation-names",
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
        write_crate(&root, name, Runtime::Embed);
    }
    let awkward = AWKWARD.iter().map(|name| write_awkward_crate(&root, name));
    let members: Vec<String> = MODELS
        .iter()
        .map(|m| m.to_string())
        .chain(awkward)
        .collect();
    write_workspace(&root, &members);
    lint_document_and_test(&root, &target, &members);
}

/// The models generated in depend mode, with the behaviour tests of embed mode.
const DEPEND_MODELS: &[&str] = &["kinds", "recursion", "awsjson10", "endpoints"];

#[test]
fn depend_mode_crates_build_cleanly_pass_the_same_behaviour_tests_and_share_the_runtime() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (root, target) = (tmp.join("synthetic-depend"), shared_target(tmp));
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
    let members: Vec<String> = DEPEND_MODELS
        .iter()
        .map(|m| m.to_string())
        .chain(["sharing".to_owned()])
        .collect();
    write_workspace(&root, &members);
    lint_document_and_test(&root, &target, &members);
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

/// Clippy and rustdoc without warnings, then the tests, of every member of the scratch
/// workspace at `root`, with the `serde` feature of every member that has it (so that
/// the behaviour tests test it too). Clippy's `-D warnings` denies rustc's warnings too,
/// in every target; `cargo doc` runs with `RUSTDOCFLAGS=-D warnings`.
fn lint_document_and_test(root: &Path, target: &Path, members: &[String]) {
    let features = serde_features(root, members);
    let features = ["--features", features.as_str()];
    let clippy = ["clippy", "--workspace", "--all-targets", "--quiet"];
    let deny = ["--", "-D", "warnings"];
    cargo_ok(root, target, &[&clippy[..], &features, &deny].concat());
    let doc = ["doc", "--workspace", "--no-deps", "--quiet"];
    cargo_ok(root, target, &[&doc[..], &features].concat());
    let test = ["test", "--workspace", "--quiet"];
    cargo_ok(root, target, &[&test[..], &features].concat());
}

/// `--features` of the members that have a `serde` feature: `<package>/serde,...`.
fn serde_features(root: &Path, members: &[String]) -> String {
    let mut features = Vec::new();
    for member in members {
        let manifest = std::fs::read_to_string(root.join(member).join("Cargo.toml")).unwrap();
        let package = manifest
            .lines()
            .find_map(|line| line.strip_prefix("name = \""))
            .and_then(|rest| rest.strip_suffix('"'))
            .expect("a package name");
        if manifest.lines().any(|line| line.starts_with("serde = [")) {
            features.push(format!("{package}/serde"));
        }
    }
    features.join(",")
}
