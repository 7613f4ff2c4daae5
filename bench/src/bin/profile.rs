//! Runs one benchmark case in a loop, for a profiler (callgrind, perf):
//! `profile <case> [iterations]`, the case one of `parse-<fixture>` (ours,
//! `parse_response`), `client-<fixture>` (ours, a whole call), `call-ours`, `call-aws`,
//! `parse-aws-<fixture>`, `dump-<fixture>` (the body, to stdout), `generate-fsx-full`,
//! `generate-model`, `generate-model-x16` (which also leaves the model in
//! `bench/target/model-x16/`). Besides the fixtures: `depth2-compact`, `depth2-shuffled`
//! and `depth2-unknown`, built as `paired` builds them. `full-describe-file-systems` and
//! `full-describe-backups`: whole calls through the full-FSx bindings, on `paired`'s
//! bodies.
//!
//! ```sh
//! valgrind --tool=callgrind target/release/profile parse-depth2 20
//! ```

use std::hint::black_box;

use fsx_bench::{aws, fixture, models, ours, runtime, RESPONSE_FIXTURES};

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_default();
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let rt = runtime();
    let body_of = |label: &str| {
        if label == "depth2-unknown" {
            let model =
                fsx_bench::responses::Model::load().unwrap_or_else(|| std::process::exit(0));
            let how = fsx_bench::responses::Shape {
                unknown: true,
                shuffle: Some(fsx_bench::responses::SEED),
                ..fsx_bench::responses::Shape::new(2, 2)
            };
            return fsx_bench::responses::to_bytes(
                &model.response("CopyBackupResponse", how),
                false,
            );
        }
        if let Some(seed) = match label {
            "depth2-shuffled" => Some(Some(fsx_bench::responses::SEED)),
            "depth2-compact" => Some(None),
            _ => None,
        } {
            let depth2 = fixture("copy-backup-response.depth2.json")
                .unwrap_or_else(|| std::process::exit(0));
            let depth2: serde_json::Value =
                serde_json::from_slice(&depth2).unwrap_or_else(|e| panic!("depth2: {e}"));
            let reshaped = fsx_bench::responses::reshape(&depth2, seed, false);
            return fsx_bench::responses::to_bytes(&reshaped, false);
        }
        let file = RESPONSE_FIXTURES
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, file)| *file)
            .unwrap_or_else(|| panic!("no fixture `{label}`"));
        fixture(file).unwrap_or_else(|| std::process::exit(0))
    };
    if let Some(label) = case.strip_prefix("dump-") {
        use std::io::Write;
        let body = body_of(label);
        std::io::stdout()
            .write_all(&body)
            .unwrap_or_else(|e| panic!("stdout: {e}"));
    } else if let Some(label) = case.strip_prefix("parse-aws-") {
        let client = aws::client(&body_of(label));
        let request = aws::example_input(&client);
        for _ in 0..iterations {
            black_box(rt.block_on(aws::call(request.clone())));
        }
    } else if let Some(label) = case.strip_prefix("client-") {
        let client = ours::client(&body_of(label));
        let input = ours::example_input();
        for _ in 0..iterations {
            black_box(rt.block_on(ours::call(&client, input.clone())));
        }
    } else if let Some(label) = case.strip_prefix("parse-") {
        let response = ours::response(&body_of(label));
        for _ in 0..iterations {
            black_box(ours::parse(black_box(&response)));
        }
    } else if case == "call-ours" {
        let client = ours::client(&body_of("example"));
        for _ in 0..iterations {
            black_box(rt.block_on(ours::call(&client, ours::example_input())));
        }
    } else if case == "call-aws" {
        let client = aws::client(&body_of("example"));
        for _ in 0..iterations {
            black_box(rt.block_on(aws::call(aws::example_input(&client))));
        }
    } else if let Some(operation) = case.strip_prefix("full-") {
        full_fsx_calls(operation, iterations, &rt);
    } else if let Some(model) = case.strip_prefix("generate-") {
        let path = match model {
            "model" => models::our_model(),
            "fsx-full" => models::reference_model().unwrap_or_else(|| std::process::exit(0)),
            "model-x16" => {
                // Kept in target/model-x16/ so the release CLI can be timed on it too.
                let dir = fsx_bench::project_root().join("bench/target/model-x16");
                std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
                models::replicated_model(16, &dir).unwrap_or_else(|e| panic!("model-x16: {e}"))
            }
            other => panic!("no model `{other}`"),
        };
        let config = codegen::Config::new().model(path);
        for _ in 0..iterations {
            black_box(config.render().unwrap_or_else(|e| panic!("{e}")));
        }
    } else {
        eprintln!("unknown case `{case}`; see the doc comment of bench/src/bin/profile.rs");
        std::process::exit(2);
    }
}

/// `full-<operation>`: whole calls of one operation through the bindings of the full FSx
/// model, on the response `paired` builds for it (`describe-file-systems`: compact, 4
/// file systems; `describe-backups`: keys shuffled, 4 backups).
#[cfg(fsx_full)]
fn full_fsx_calls(operation: &str, iterations: usize, rt: &tokio::runtime::Runtime) {
    use fsx_bench::fsx_full;
    use fsx_bench::responses::{to_bytes, Model, Shape};
    let model = Model::load().unwrap_or_else(|| std::process::exit(0));
    let shuffled = Shape {
        shuffle: Some(fsx_bench::responses::SEED),
        ..Shape::new(1, 4)
    };
    macro_rules! calls {
        ($shape:expr, $how:expr, $module:ident, $input:ident) => {{
            let body = to_bytes(&model.response($shape, $how), false);
            let client =
                fsx_full::Client::new(fsx_bench::ours::Replay::ok(&body)).with_region("us-east-1");
            let input = fsx_full::operation::$module::$input::builder().build();
            for _ in 0..iterations {
                black_box(rt.block_on(black_box(input.clone()).send_with(&client)))
                    .unwrap_or_else(|e| panic!("ours: call: {e}"));
            }
        }};
    }
    match operation {
        "describe-file-systems" => calls!(
            "DescribeFileSystemsResponse",
            Shape::new(1, 4),
            describe_file_systems,
            DescribeFileSystemsInput
        ),
        "describe-backups" => calls!(
            "DescribeBackupsResponse",
            shuffled,
            describe_backups,
            DescribeBackupsInput
        ),
        other => panic!("no full-FSx case `{other}`"),
    }
}

/// Without `../shared` there are no full-FSx bindings.
#[cfg(not(fsx_full))]
fn full_fsx_calls(_: &str, _: usize, _: &tokio::runtime::Runtime) {
    eprintln!("SKIPPED: the full-FSx bindings need ../shared");
}
