//! The generator on every awsJson service botocore ships (143 with botocore 1.43): each
//! botocore model (`service-2`, `paginators-1`, `endpoint-rule-set-1`) is converted to a
//! Smithy JSON AST model by `tests/botocore/to_smithy.py`, in the test's scratch
//! directory (nothing converted is kept in the repository), and generated in process.
//!
//! - Every service generates: a refusal or a panic of the generator fails the test,
//!   naming the service and the error.
//! - Every generated operation is sent under botocore's names: its `TARGET` is
//!   `<service shape>.<operation>` (the service shape is named after botocore's
//!   `targetPrefix`, its last dotted part: AWS's Smithy models name CloudTrail's service
//!   `CloudTrail_20131101`, where botocore sends the whole
//!   `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`), and the crate's protocol
//!   is botocore's `jsonVersion`, query-compatible when botocore says so. Only
//!   operations with event streams may be left out.
//! - A fixed sample of the generated crates ([`SAMPLE`]: the largest models and those
//!   with the most unusual names) passes `cargo clippy -D warnings` (the libraries: the
//!   crates have no tests of their own, and `--all-targets` would check each twice), in
//!   one scratch workspace sharing the scratch target directory (87 s on two loaded
//!   cores). `BOTOCORE_SWEEP=all` checks every crate instead (32 min with
//!   `--all-targets`, on two loaded cores).
//!
//! Skipped with a `SKIPPED` line when Python or botocore is missing; in CI a failure.

use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen_tests::harness::scratch::{cargo, report, shared_target, write_workspace};
use codegen_tests::{python_with_botocore, string_const, workspace};
use serde_json::Value;

/// The services whose crates clippy checks in every run: the largest models (by shapes
/// and operations) and those whose names the generator must work hardest on (shapes
/// named like prelude types or keywords, recursive shapes, odd enum values).
const SAMPLE: &[&str] = &[
    // The largest model (2965 shapes, 396 operations: 41 MB of generated source).
    "sagemaker",
    // A union that holds itself (`Not`): its accessor lent `&Box<T>` (clippy's
    // `borrowed_box`); so did iotfleetwise's `StructuredMessage`.
    "acm",
    "iotfleetwise",
    // Recursive unions (AttributeValue) and map pagination tokens (ExclusiveStartKey).
    "dynamodb",
    // awsQueryCompatible, JSON 1.0.
    "sqs",
    // The dotted target prefix.
    "cloudtrail",
    // Event streams (left out) beside the rest.
    "logs",
];

/// The scratch directory of this test.
fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("botocore-models")
}

/// Runs the converter into `dir` and returns its index.
fn convert(python: &str, dir: &Path) -> Value {
    let script = workspace().join("tests/botocore/to_smithy.py");
    let out = Command::new(python)
        .arg(&script)
        .arg(dir)
        .current_dir(workspace().join("tests/botocore"))
        .output()
        .unwrap_or_else(|e| panic!("starting {python} {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "to_smithy.py failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read(dir.join("index.json")).expect("the converter writes its index");
    serde_json::from_slice(&index).expect("the index is JSON")
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Generates the crate of one service into `dir`: its warnings, or what went wrong (an
/// error or a panic of the generator).
fn generate(model: &Path, name: &str, dir: &Path) -> Result<Vec<String>, String> {
    let run = catch_unwind(AssertUnwindSafe(|| {
        codegen::Config::new()
            .model(model)
            .crate_name(name)
            .out_dir(dir)
            .generate()
    }));
    match run {
        Ok(Ok(written)) => Ok(written.warnings),
        Ok(Err(e)) => Err(format!("refused: {e}")),
        Err(panic) => Err(format!(
            "panicked: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("?")
        )),
    }
}

/// Problems with the wire names of the crate in `dir` against botocore's `facts`; the
/// operations it generated.
fn check_names(dir: &Path, facts: &Value, problems: &mut Vec<String>) -> BTreeSet<String> {
    let service = facts["service"].as_str().unwrap();
    let read = |relative: &str| {
        std::fs::read_to_string(dir.join(relative))
            .unwrap_or_else(|e| panic!("{service}: {relative}: {e}"))
    };
    let version = match facts["media_type"].as_str().unwrap() {
        "application/x-amz-json-1.0" => "V1_0",
        _ => "V1_1",
    };
    let protocol = read("src/operation.rs");
    if !protocol.contains(&format!("AwsJson::{version}")) {
        problems.push(format!("{service}: the protocol is not AwsJson::{version}"));
    }
    if protocol.contains(".query_compatible()") != facts["query_compatible"].as_bool().unwrap() {
        problems.push(format!(
            "{service}: awsQueryCompatible differs from botocore"
        ));
    }
    let operations = strings(&facts["operations"]);
    let shape = facts["service_shape"].as_str().unwrap();
    let mut generated = BTreeSet::new();
    for entry in std::fs::read_dir(dir.join("src/operation")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap().to_string_lossy();
        let (Some(name), Some(target)) =
            (string_const(&text, "NAME"), string_const(&text, "TARGET"))
        else {
            problems.push(format!("{service}: {file} has no NAME or TARGET"));
            continue;
        };
        if !operations.contains(name) {
            problems.push(format!(
                "{service}: {file}: `{name}` is no botocore operation"
            ));
        }
        if target != format!("{shape}.{name}") {
            problems.push(format!(
                "{service}: {file}: TARGET `{target}`, not `{shape}.{name}`"
            ));
        }
        generated.insert(name.to_owned());
    }
    let streaming = strings(&facts["event_stream_operations"]);
    for missing in operations.difference(&generated) {
        if !streaming.contains(missing) {
            problems.push(format!(
                "{service}: `{missing}` left out, but it does not stream"
            ));
        }
    }
    generated
}

/// The services whose crates clippy checks: [`SAMPLE`], or all with `BOTOCORE_SWEEP=all`.
fn to_check(services: &[String]) -> Vec<String> {
    if std::env::var("BOTOCORE_SWEEP").is_ok_and(|v| v == "all") {
        return services.to_vec();
    }
    for name in SAMPLE {
        assert!(
            services.iter().any(|s| s == name),
            "the sample names `{name}`, which botocore no longer ships as an awsJson service"
        );
    }
    SAMPLE.iter().map(|s| (*s).to_owned()).collect()
}

/// The package name of a service's crate.
fn crate_name(service: &str) -> String {
    format!("botocore-{service}")
}

#[test]
fn every_botocore_json_service_generates_under_its_wire_names_and_a_sample_passes_clippy() {
    let Some(python) = python_with_botocore() else {
        return;
    };
    let root = scratch();
    let smithy = root.join("smithy");
    if smithy.exists() {
        std::fs::remove_dir_all(&smithy).unwrap();
    }
    let index = convert(&python, &smithy);
    let services = index["services"].as_array().expect("services");
    assert!(
        services.len() >= 100,
        "botocore {} has only {} awsJson services",
        index["botocore"],
        services.len()
    );
    let mut failures = Vec::new();
    let mut problems = Vec::new();
    let mut left_out = Vec::new();
    let mut notes = 0;
    let mut generated = Vec::new();
    let mut operations = 0;
    for facts in services {
        let service = facts["service"].as_str().unwrap();
        let model = smithy.join(facts["file"].as_str().unwrap());
        let dir = root.join(crate_name(service));
        match generate(&model, &crate_name(service), &dir) {
            Ok(warnings) => {
                operations += check_names(&dir, facts, &mut problems).len();
                left_out.extend(warnings.iter().map(|w| format!("{service}: {w}")));
                generated.push(service.to_owned());
            }
            Err(e) => failures.push(format!("{service}: {e}")),
        }
        notes += facts["notes"].as_array().map_or(0, Vec::len);
    }
    let checked = to_check(&generated);
    // The crates clippy does not check are removed once their names are checked (all
    // of them together are some 600 MB of source; CI's disk is small).
    for service in generated.iter().filter(|s| !checked.contains(s)) {
        std::fs::remove_dir_all(root.join(crate_name(service))).unwrap();
    }
    let members: Vec<String> = checked.iter().map(|s| crate_name(s)).collect();
    write_workspace(&root, &members);
    let run = cargo(
        &root,
        &shared_target(Path::new(env!("CARGO_TARGET_TMPDIR"))),
        &[
            "clippy",
            "--workspace",
            "--keep-going",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    );
    report(&format!(
        "botocore_models: botocore {}: {} of {} services generate ({operations} operations; \
         {} converter notes in index.json); clippy on {} crates: {} in {:.0} s; left out:\n{}",
        index["botocore"].as_str().unwrap_or("?"),
        generated.len(),
        services.len(),
        notes,
        checked.len(),
        if run.success { "clean" } else { "FAILED" },
        run.elapsed.as_secs_f64(),
        left_out
            .iter()
            .map(|line| format!("  {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    ));
    assert!(
        failures.is_empty(),
        "{} services do not generate:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        problems.is_empty(),
        "wire names differ from botocore's:\n{}",
        problems.join("\n")
    );
    assert!(
        run.success,
        "clippy fails on generated crates:\n{}",
        run.stderr
    );
}
