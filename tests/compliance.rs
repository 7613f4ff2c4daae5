//! Smithy's awsJson1_1 protocol compliance suite against a crate generated from it: every
//! client request and response case becomes a Rust test in the generated crate, which is
//! built and run by a nested cargo. Prints one line per failed case and ends with
//! `N passed, M failed`. No case is skipped: host prefixes and request compression
//! included, every client case runs.
//!
//! The same suite runs a second time recast as awsJson1_0 (the service's protocol trait,
//! the cases' protocol and every expected `Content-Type` switched): the Smithy spec makes
//! the two protocols differ on the wire only in the media type, so every case must pass
//! for both.

use std::collections::BTreeMap;
use std::path::Path;

use codegen_tests::harness::compliance::{
    case_test, client_cases, operation_of, Case, Kind, SuiteFile,
};
use codegen_tests::harness::plan;
use codegen_tests::harness::rust_values::RustValues;
use codegen_tests::harness::scratch::{libtest_outcomes, report, Outcome, ScratchCrate};
use codegen_tests::shared_reference;
use serde_json::Value;

const SUITE: &str = "smithy-protocol-tests-awsjson1_1.json";
const CRATE: &str = "protocol-tests";
const TEST_FILE: &str = "tests/compliance.rs";
/// Rounds of dropping cases whose test does not compile.
const MAX_COMPILE_ROUNDS: usize = 8;

type Key = (Kind, String);

/// How a case ended, with the reason when it did not pass.
#[derive(Debug)]
enum Verdict {
    Passed,
    Failed(String),
}

#[test]
fn the_awsjson1_1_compliance_suite_passes() {
    let Some(suite) = shared_reference(SUITE) else {
        return; // `shared_reference` said why
    };
    let model: Value = serde_json::from_slice(&std::fs::read(&suite).unwrap()).unwrap();
    run_suite(&suite, &model, CRATE);
}

#[test]
fn the_suite_recast_as_awsjson1_0_passes() {
    let Some(suite) = shared_reference(SUITE) else {
        return; // `shared_reference` said why
    };
    let model: Value = serde_json::from_slice(&std::fs::read(&suite).unwrap()).unwrap();
    let model = recast_as_awsjson1_0(model);
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("awsjson1_0-suite.json");
    std::fs::write(&path, serde_json::to_vec(&model).unwrap()).unwrap();
    run_suite(&path, &model, "protocol-tests-json10");
}

/// Generates the suite's crate, writes one test per client case, runs them and asserts
/// that every one passes.
fn run_suite(suite: &Path, model: &Value, crate_name: &str) {
    let scratch = ScratchCrate::new(Path::new(env!("CARGO_TARGET_TMPDIR")), crate_name);
    scratch.generate(suite);
    let plan = plan(suite, crate_name);
    let values = RustValues::new(&plan);
    let cases = client_cases(model);

    let mut verdicts: BTreeMap<Key, Verdict> = BTreeMap::new();
    let mut runnable: Vec<(&Case, String)> = Vec::new();
    for case in &cases {
        let key = (case.kind, case.id.clone());
        let Some(operation) = operation_of(&plan, case) else {
            let reason = format!("no operation for `{}`", case.owner);
            verdicts.insert(key, Verdict::Failed(reason));
            continue;
        };
        match case_test(&values, operation, case) {
            Ok(code) => runnable.push((case, code)),
            Err(reason) => {
                verdicts.insert(key, Verdict::Failed(format!("params: {reason}")));
            }
        }
    }

    scratch.write(
        "tests/support/mod.rs",
        "pub mod compliance;\npub mod json_compare;\n",
    );
    // The template is written for the crate `protocol-tests`.
    let crate_ident = crate_name.replace('-', "_");
    scratch.write(
        "tests/support/compliance.rs",
        &include_str!("harness/templates/compliance_support.rs")
            .replace("protocol_tests::", &format!("{crate_ident}::")),
    );
    scratch.write(
        "tests/support/json_compare.rs",
        include_str!("harness/templates/json_compare.rs"),
    );
    let file = compile_dropping_broken_cases(&scratch, &values, &mut runnable, &mut verdicts);
    let run = scratch.cargo(&["test", "--test", "compliance"]);
    let outcomes = libtest_outcomes(&run.stdout);
    for (key, name, _) in &file.tests {
        let verdict = match outcomes.get(name) {
            Some(Outcome::Passed) => Verdict::Passed,
            Some(Outcome::Failed(output)) => Verdict::Failed(panic_message(output)),
            Some(Outcome::Ignored) => Verdict::Failed("ignored".to_owned()),
            None => Verdict::Failed(format!("did not run:\n{}", run.stderr)),
        };
        verdicts.insert(key.clone(), verdict);
    }

    assert_eq!(verdicts.len(), cases.len(), "every case has a verdict");
    let (passed, failed) = summarize(suite, &verdicts);
    assert_eq!(failed, 0, "compliance cases failed (see the lines above)");
    assert_eq!(passed, cases.len(), "every case passes");
}

/// The suite as awsJson1_0: every `aws.protocols#awsJson1_1` (the service's trait, each
/// case's protocol) and every `application/x-amz-json-1.1` (expected headers) switched
/// to their 1.0 forms.
fn recast_as_awsjson1_0(value: Value) -> Value {
    let recast = |text: String| {
        text.replace("aws.protocols#awsJson1_1", "aws.protocols#awsJson1_0")
            .replace("application/x-amz-json-1.1", "application/x-amz-json-1.0")
    };
    match value {
        Value::String(text) => Value::String(recast(text)),
        Value::Array(items) => Value::Array(items.into_iter().map(recast_as_awsjson1_0).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(key, value)| (recast(key), recast_as_awsjson1_0(value)))
                .collect(),
        ),
        other => other,
    }
}

/// Writes the suite file and builds it; a case whose test does not compile is failed
/// with the compiler's message and left out, until the file builds.
fn compile_dropping_broken_cases(
    scratch: &ScratchCrate,
    values: &RustValues<'_>,
    runnable: &mut Vec<(&Case, String)>,
    verdicts: &mut BTreeMap<Key, Verdict>,
) -> SuiteFile {
    for _ in 0..MAX_COMPILE_ROUNDS {
        let mut file = SuiteFile::new(values);
        for (case, code) in runnable.iter() {
            file.push(case, code);
        }
        scratch.write(TEST_FILE, &file.text);
        let build = scratch.cargo(&[
            "test",
            "--test",
            "compliance",
            "--no-run",
            "--message-format=json",
        ]);
        if build.success {
            return file;
        }
        let mut broken: BTreeMap<Key, String> = BTreeMap::new();
        for (line, message) in compile_errors(&build.stdout) {
            match line.and_then(|line| file.case_at(line)) {
                Some(key) => {
                    broken
                        .entry(key.clone())
                        .or_insert_with(|| headline(&message));
                }
                None => panic!(
                    "the generated crate or the shared test code does not compile:\n{message}"
                ),
            }
        }
        assert!(
            !broken.is_empty(),
            "the suite crate does not build:\n{}",
            build.stderr
        );
        runnable.retain(|(case, _)| !broken.contains_key(&(case.kind, case.id.clone())));
        for (key, message) in broken {
            verdicts.insert(key, Verdict::Failed(format!("does not compile: {message}")));
        }
    }
    panic!("the suite file still does not compile after {MAX_COMPILE_ROUNDS} rounds");
}

/// Each compiler error of `cargo --message-format=json` output: the line in the suite
/// file it points at (if it points there) and the rendered message.
fn compile_errors(stdout: &str) -> Vec<(Option<usize>, String)> {
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-message" && m["message"]["level"] == "error")
        .map(|m| {
            let message = &m["message"];
            let line = message["spans"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|s| {
                    s["is_primary"] == true
                        && s["file_name"]
                            .as_str()
                            .is_some_and(|f| f.ends_with(TEST_FILE))
                })
                .and_then(|s| s["line_start"].as_u64())
                .map(|l| l as usize);
            let rendered = message["rendered"].as_str().unwrap_or_default().to_owned();
            (line, rendered)
        })
        .collect()
}

/// A compiler message's first line and the location it points at.
fn headline(rendered: &str) -> String {
    let mut lines = rendered.lines();
    let first = lines.next().unwrap_or_default();
    match lines.find(|l| l.trim_start().starts_with("-->")) {
        Some(location) => format!("{first} ({})", location.trim_start()),
        None => first.to_owned(),
    }
}

/// The panic message in a failed test's output.
fn panic_message(output: &str) -> String {
    let mut lines = output.lines().skip_while(|l| !l.contains("panicked at"));
    lines.next();
    let message: Vec<&str> = lines
        .take_while(|l| !l.starts_with("note: ") && !l.starts_with("stack backtrace"))
        .collect();
    message.join("\n").trim().to_owned()
}

/// Prints every failed case, then the totals; returns them.
fn summarize(suite: &Path, verdicts: &BTreeMap<Key, Verdict>) -> (usize, usize) {
    let (mut passed, mut failed) = (0, 0);
    for ((kind, id), verdict) in verdicts {
        match verdict {
            Verdict::Passed => passed += 1,
            Verdict::Failed(reason) => {
                failed += 1;
                report(&format!("FAILED {kind} {id}: {reason}"));
            }
        }
    }
    report(&format!(
        "compliance ({}, {} client cases):",
        suite.file_name().unwrap_or_default().to_string_lossy(),
        verdicts.len()
    ));
    report(&format!("{passed} passed, {failed} failed, 0 skipped"));
    (passed, failed)
}
