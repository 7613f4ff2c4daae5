//! The `codegen` command on bad input: exit code 1, one message naming the file, the
//! shape and the problem, and nothing written.

use std::path::{Path, PathBuf};
use std::process::Command;

fn models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/models")
}

/// Runs the generator into a fresh directory; returns (exit code, stderr, whether the
/// output directory exists afterwards).
fn run(model: &Path, extra: &[&str]) -> (Option<i32>, String, bool) {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{}-{}",
        model.file_stem().unwrap().to_string_lossy(),
        extra.join("-")
    ));
    let _ = std::fs::remove_dir_all(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("--model")
        .arg(model)
        .arg("--out")
        .arg(&out)
        .args(extra)
        .output()
        .expect("the codegen binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr, out.exists())
}

fn assert_rejected(file: &str, extra: &[&str], expected: &[&str]) {
    let model = models().join(file);
    let (code, stderr, wrote) = run(&model, extra);
    assert_eq!(code, Some(1), "exit code for {file}; stderr: {stderr}");
    assert!(!wrote, "{file}: the output directory was created");
    assert_eq!(stderr.lines().count(), 1, "one line of error: {stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    for part in expected {
        assert!(
            stderr.contains(part),
            "{file}: expected {part:?} in: {stderr}"
        );
    }
}

#[test]
fn malformed_json() {
    assert_rejected(
        "bad/malformed.json",
        &[],
        &["malformed.json", "not valid JSON", "line"],
    );
}

#[test]
fn wrong_smithy_version() {
    assert_rejected(
        "bad/wrong-version.json",
        &[],
        &["wrong-version.json", "unsupported Smithy version \"1.0\""],
    );
}

#[test]
fn dangling_target() {
    assert_rejected(
        "bad/dangling-target.json",
        &[],
        &[
            "dangling-target.json",
            "shape `example.bad#GetInput`",
            "`example.bad#Missing` does not exist",
            "members.Thing.target",
        ],
    );
}

#[test]
fn duplicate_member() {
    assert_rejected(
        "bad/duplicate-member.json",
        &[],
        &[
            "duplicate-member.json",
            "shape `example.bad#GetInput`",
            "duplicate key `Name`",
        ],
    );
}

#[test]
fn unsupported_shape_kind() {
    assert_rejected(
        "bad/unsupported-kind.json",
        &[],
        &[
            "unsupported-kind.json",
            "shape `example.bad#Gizmo`",
            "unknown variant `gizmo`",
        ],
    );
}

#[test]
fn event_streams_are_refused_with_the_shape() {
    assert_rejected(
        "bad/event-stream.json",
        &[],
        &[
            "event-stream.json",
            "shape `example.bad#Events`",
            "event streams (a `@streaming` union) are not supported",
        ],
    );
}

#[test]
fn streaming_blobs_are_refused_with_the_shape() {
    assert_rejected(
        "bad/streaming-blob.json",
        &[],
        &[
            "streaming-blob.json",
            "shape `example.bad#Payload`",
            "streaming blobs (`@streaming`) are not supported",
        ],
    );
}

#[test]
fn a_mixin_cycle_is_refused() {
    assert_rejected(
        "bad/mixin-cycle.json",
        &[],
        &[
            "mixin-cycle.json",
            "shape `example.bad#A`",
            "its mixins form a cycle",
        ],
    );
}

#[test]
fn trait_of_the_wrong_type() {
    assert_rejected(
        "bad/wrong-trait-type.json",
        &[],
        &[
            "wrong-trait-type.json",
            "shape `example.bad#GetInput`",
            "`smithy.api#required` must be an object, found true",
        ],
    );
}

#[test]
fn operation_that_does_not_exist() {
    assert_rejected(
        "enums.json",
        &["--operation", "Nope"],
        &[
            "enums.json",
            "shape `example.enums#EnumService`",
            "has no operation `Nope`",
            "Choose",
        ],
    );
}

#[test]
fn a_good_model_generates() {
    let (code, stderr, wrote) = run(&models().join("enums.json"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(wrote);
}

/// `codegen diff` became the `codegen-diff` package: one line saying how to run it.
#[test]
fn diff_points_to_its_package() {
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["diff", "--base", "HEAD"])
        .output()
        .expect("the codegen binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line of error: {stderr}");
    assert!(stderr.contains("cargo run -p codegen-diff -- "), "{stderr}");
    assert!(output.stdout.is_empty());
}
