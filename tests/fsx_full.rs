//! The whole official FSx model (48 operations) generates a crate that clippy passes with
//! `-D warnings`, every operation's output, sampled from the model with every member
//! filled, parses and serializes back to the same JSON (through the crate's wire code,
//! and through its `serde` impls, with that feature on), and every case of the model's
//! `smithy.rules#endpointTests` passes through the generated endpoint resolver (the
//! crate's own generated unit tests), and the `DescribeBackups` paginator walks three
//! pages through an in-memory transport. Prints the generation and build times.

use std::path::Path;

use codegen_tests::harness::sample::Sampler;
use codegen_tests::harness::scratch::{report, ScratchCrate};
use codegen_tests::harness::{external_path, plan};
use codegen_tests::shared_reference;

const CRATE: &str = "fsx-full";
const OPERATIONS: usize = 48;

/// The generated test file: two round-trip tests per operation output, the wire code's
/// and serde's (with the crate's `serde` feature).
fn round_trip_tests(plan: &codegen::plan::Plan) -> String {
    let mut text = String::from(
        "//! Every operation output, sampled with every member filled, round-trips.\n\n\
         mod support;\n\nuse support::round_trip::round_trip;\n",
    );
    for operation in &plan.operations {
        text.push_str(&format!(
            "\n#[test]\nfn {module}_output_round_trips() {{\n    \
             round_trip(\n        include_str!(\"samples/{module}.json\"),\n        \
             {krate}::json::from_slice::<{path}>,\n        {krate}::json::to_vec,\n    );\n}}\n\n\
             #[test]\nfn {module}_output_round_trips_through_serde() {{\n    \
             round_trip(\n        include_str!(\"samples/{module}.json\"),\n        \
             |body| serde_json::from_slice::<{path}>(body),\n        serde_json::to_vec::<{path}>,\n    );\n}}\n",
            module = operation.module,
            path = external_path(&operation.output.path, CRATE),
            krate = CRATE.replace('-', "_"),
        ));
    }
    text
}

/// The generated crate's paginator test: three pages of `DescribeBackups` (`NextToken`
/// `t1`, `t2`, then none) through a transport that keeps the requests.
const PAGINATOR_TEST: &str = r##"//! `DescribeBackups` pages through three answers.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use fsx_full::endpoint::Endpoint;
use fsx_full::transport::Transport;

/// Answers each request with the next body, keeping the requests.
struct Pages {
    bodies: Mutex<Vec<&'static str>>,
    requests: Mutex<Vec<serde_json::Value>>,
}

impl Transport for Pages {
    type Error = std::io::Error;

    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, std::io::Error>> + Send {
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        self.requests.lock().unwrap().push(body);
        let next = self.bodies.lock().unwrap().remove(0);
        std::future::ready(Ok(http::Response::new(next.as_bytes().to_vec())))
    }
}

fn block_on<F: Future>(future: F) -> F::Output {
    struct Ignored;
    impl Wake for Ignored {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Ignored));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

#[test]
fn describe_backups_walks_three_pages() {
    let transport = Pages {
        bodies: Mutex::new(vec![
            r#"{"Backups":[{"BackupId":"backup-1"},{"BackupId":"backup-2"}],"NextToken":"t1"}"#,
            r#"{"Backups":[{"BackupId":"backup-3"}],"NextToken":"t2"}"#,
            r#"{"Backups":[{"BackupId":"backup-4"}]}"#,
        ]),
        requests: Mutex::new(Vec::new()),
    };
    let client = fsx_full::Client::new(transport)
        .with_endpoint(Endpoint::parse("https://fsx.us-east-1.amazonaws.com").unwrap());
    let mut pages = client.describe_backups().max_results(2).into_paginator().send();
    let mut ids = Vec::new();
    let mut count = 0;
    while let Some(page) = block_on(pages.next()) {
        count += 1;
        for backup in page.unwrap().backups() {
            ids.push(backup.backup_id().unwrap().to_owned());
        }
    }
    assert_eq!(count, 3);
    assert_eq!(ids, ["backup-1", "backup-2", "backup-3", "backup-4"]);
    let requests = client.transport().requests.lock().unwrap().clone();
    assert_eq!(
        requests,
        [
            serde_json::json!({"MaxResults": 2}),
            serde_json::json!({"MaxResults": 2, "NextToken": "t1"}),
            serde_json::json!({"MaxResults": 2, "NextToken": "t2"}),
        ]
    );
}
"##;

fn write_support(scratch: &ScratchCrate) {
    scratch.write(
        "tests/support/mod.rs",
        "pub mod json_compare;\npub mod round_trip;\n",
    );
    scratch.write(
        "tests/support/json_compare.rs",
        include_str!("harness/templates/json_compare.rs"),
    );
    scratch.write(
        "tests/support/round_trip.rs",
        include_str!("harness/templates/round_trip.rs"),
    );
}

#[test]
fn every_fsx_operation_builds_clippy_clean_and_its_output_round_trips() {
    let Some(model) = shared_reference("fsx-2018-03-01.json") else {
        return;
    };
    let scratch = ScratchCrate::new(Path::new(env!("CARGO_TARGET_TMPDIR")), CRATE);
    let generation = scratch.generate(&model);

    let plan = plan(&model, CRATE);
    assert_eq!(plan.operations.len(), OPERATIONS, "operations in the model");
    let mut sampler = Sampler::new(&plan);
    let mut samples = Vec::new();
    for operation in &plan.operations {
        let sample = sampler.structure(&operation.output.path);
        let file = format!("{}.json", operation.module);
        let text = serde_json::to_string(&sample).unwrap();
        scratch.write(&format!("tests/samples/{file}"), &text);
        samples.push(file);
    }
    scratch.prune("tests/samples", &samples);
    write_support(&scratch);
    scratch.write("tests/round_trip.rs", &round_trip_tests(&plan));
    scratch.write("tests/paginator.rs", PAGINATOR_TEST);

    let build = scratch.cargo_ok(&["build", "--lib"]);
    let serde = ["--features", "serde"];
    let clippy = ["clippy", "--all-targets", "--quiet"];
    scratch.cargo_ok(&[&clippy[..], &serde, &["--", "-D", "warnings"]].concat());
    let test = scratch.cargo_ok(&[&["test", "--test", "round_trip"][..], &serde].concat());
    let passed = passed_tests(&test.stdout);
    assert_eq!(
        passed,
        2 * OPERATIONS,
        "round-trip tests passed:\n{}",
        test.stdout
    );

    let cases = plan
        .service
        .endpoint_rules
        .as_ref()
        .map_or(0, |rules| rules.tests.len());
    assert!(cases > 0, "the FSx model has endpoint tests");
    let pages = scratch.cargo_ok(&["test", "--test", "paginator"]);
    assert_eq!(
        passed_tests(&pages.stdout),
        1,
        "paginator test:\n{}",
        pages.stdout
    );
    let endpoints = scratch.cargo_ok(&["test", "--lib", "endpoint_resolver::tests::"]);
    let endpoint_passed = passed_tests(&endpoints.stdout);
    assert_eq!(
        endpoint_passed, cases,
        "endpoint tests passed:\n{}",
        endpoints.stdout
    );

    report(&format!(
        "fsx_full: {OPERATIONS} operations, {} files generated in {:.2} s; `cargo build` of the \
         crate {:.1} s ({}); {passed} outputs round-trip (wire code and serde); {endpoint_passed} of {cases} \
         endpoint test cases pass ({:.1} s with their build)",
        codegen_tests::generated_files_on_disk(&scratch.dir()).len(),
        generation.as_secs_f64(),
        build.elapsed.as_secs_f64(),
        if build.compiled(CRATE) {
            "compiled"
        } else {
            "up to date"
        },
        endpoints.elapsed.as_secs_f64(),
    ));
}

/// How many tests `cargo test` says passed.
fn passed_tests(stdout: &str) -> usize {
    stdout
        .lines()
        .filter(|l| l.starts_with("test ") && l.ends_with(" ... ok"))
        .count()
}
