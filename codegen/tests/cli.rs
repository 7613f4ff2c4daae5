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

/// Generating the whole service leaves the operation out with a warning line naming it;
/// asking for it by name is refused.
fn assert_left_out(file: &str, warning: &str, refusal: &[&str]) {
    let model = models().join(file);
    let (code, stderr, wrote) = run(&model, &[]);
    assert_eq!(code, Some(0), "exit code for {file}; stderr: {stderr}");
    assert!(wrote, "{file}: nothing was written");
    assert_eq!(stderr.lines().collect::<Vec<_>>(), [warning], "{file}");
    assert_rejected(file, &["--operation", "Get"], refusal);
}

#[test]
fn event_stream_operations_are_left_out_with_a_warning() {
    assert_left_out(
        "bad/event-stream.json",
        "warning: operation `Get` left out: its input member `Thing` is an event stream \
         (`example.bad#Events`, a `@streaming` union), which this generator does not support",
        &[
            "event-stream.json",
            "shape `example.bad#Get`",
            "cannot be generated: its input member `Thing` is an event stream",
        ],
    );
}

#[test]
fn streaming_blob_operations_are_left_out_with_a_warning() {
    assert_left_out(
        "bad/streaming-blob.json",
        "warning: operation `Get` left out: its input member `Thing` is a streaming blob \
         (`example.bad#Payload`), which this generator does not support",
        &[
            "streaming-blob.json",
            "shape `example.bad#Get`",
            "cannot be generated: its input member `Thing` is a streaming blob",
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

#[test]
fn runtime_crate_flag_writes_a_dependency_instead_of_the_runtime_files() {
    let model = models().join("kinds.json");
    let (code, stderr, wrote) = run(&model, &["--runtime-crate", "runtime-path"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(wrote);
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-kinds---runtime-crate-runtime-path");
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("\nsmithy-json-runtime = { path = \"runtime-path\" }\n"),
        "{manifest}"
    );
    assert!(!out.join("src/json.rs").exists());
    let lib = std::fs::read_to_string(out.join("src/lib.rs")).unwrap();
    assert!(
        lib.contains("use ::smithy_json_runtime::protocol;"),
        "{lib}"
    );
}

#[test]
fn another_protocol_is_refused_with_its_name_also_for_one_operation() {
    for extra in [&[][..], &["--operation", "Get"][..]] {
        assert_rejected(
            "bad/protocol-rest-json.json",
            extra,
            &[
                "shape `example.bad#BadService`",
                "`aws.protocols#restJson1`",
                "awsJson1_0 and awsJson1_1",
            ],
        );
    }
}

#[test]
fn one_of_several_services_is_chosen_by_name() {
    assert_rejected("bad/two-services.json", &[], &["2 services", "--service"]);
    assert_rejected(
        "bad/two-services.json",
        &["--service", "Nope"],
        &["no service `Nope`", "example.bad#OtherService"],
    );
    let (code, stderr, wrote) = run(
        &models().join("bad/two-services.json"),
        &["--service", "example.bad#OtherService"],
    );
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

/// Runs the generator on `enums.json` into `out` with `extra` flags: (exit code, stdout,
/// stderr).
fn generate_into(out: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("--model")
        .arg(models().join("enums.json"))
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("the codegen binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn version_prints_the_package_version() {
    for flag in ["--version", "-V"] {
        let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
            .arg(flag)
            .output()
            .expect("the codegen binary runs");
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            format!("codegen {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

/// One summary line by default, the files with `--verbose`, nothing with `--quiet`.
#[test]
fn a_run_prints_one_summary_line_or_the_files_or_nothing() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-summary");
    let _ = std::fs::remove_dir_all(&out);
    let (code, stdout, stderr) = generate_into(&out, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let files = walk(&out);
    assert_eq!(
        stdout,
        format!("generated {files} files: {files} written, 0 unchanged\n")
    );

    std::fs::write(out.join("src/lib.rs"), "// edited\n").unwrap();
    let (_, stdout, _) = generate_into(&out, &["--verbose"]);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("wrote ") && lines[0].ends_with("lib.rs"),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        format!(
            "generated {files} files: 1 written, {} unchanged",
            files - 1
        )
    );

    std::fs::write(out.join("src/lib.rs"), "// edited\n").unwrap();
    let (code, stdout, stderr) = generate_into(&out, &["--quiet"]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (Some(0), "", ""));
    let (_, stdout, _) = generate_into(&out, &["-q", "--check"]);
    assert_eq!(stdout, "", "--check --quiet on a fresh crate");
}

/// The summary counts the operations left out; their warnings go to stderr.
#[test]
fn the_summary_counts_operations_left_out() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-summary-left-out");
    let _ = std::fs::remove_dir_all(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("--model")
        .arg(models().join("bad/event-stream.json"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("the codegen binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout.trim_end().ends_with("; 1 operation left out"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

/// The number of files under `dir`.
fn walk(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path)
            } else {
                1
            }
        })
        .sum()
}
