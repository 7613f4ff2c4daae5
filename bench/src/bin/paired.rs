//! The two ratio targets measured in alternation, for a shared machine whose speed
//! wanders: criterion times one side for seconds and then the other, so a slow spell
//! can fall on one side only. Here each round times a batch of calls of one side, then
//! the same number of the other (the order swapped every round), and the ratio is taken
//! per round; the report gives the median of the rounds' ratios and their spread.
//!
//! ```sh
//! target/release/paired [--rounds N] [--json PATH] [--only TEXT]
//! ```
//!
//! Cases: a whole call on each response fixture (`parse-<fixture>`, as criterion's
//! `parse/*/client`) and one whole call with the example request and response
//! (`call`, as criterion's `call/*/client`).

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use fsx_bench::responses::{reshape, to_bytes, Model, Shape, SEED};
use fsx_bench::{aws, check_same_reading, fixture, ours, runtime, RESPONSE_FIXTURES};

/// How long one side's batch should take, so that timer and scheduling noise stay
/// small against it.
const BATCH: Duration = Duration::from_millis(20);

pub(crate) fn main() {
    let mut rounds = 40;
    let mut json = None;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--json" => json = args.next(),
            "--only" => only = args.next(),
            other => {
                eprintln!("unknown argument `{other}`; see bench/src/bin/paired.rs");
                std::process::exit(2);
            }
        }
    }
    let rt = runtime();
    let mut results = Vec::new();
    let Some(cases) = copy_backup_cases() else {
        println!("paired: ../shared is missing, skipped");
        return;
    };
    let wanted = |case: &str| only.as_deref().is_none_or(|only| case.contains(only));
    for (label, body) in cases {
        if !wanted(&format!("parse-{label}")) {
            continue;
        }
        check_same_reading(&body, &rt);
        let ours_client = ours::client(&body);
        let ours_input = ours::example_input();
        let aws_client = aws::client(&body);
        let aws_request = aws::example_input(&aws_client);
        let paired = measure(
            rounds,
            || {
                black_box(rt.block_on(ours::call(&ours_client, black_box(ours_input.clone()))));
            },
            || {
                black_box(rt.block_on(aws::call(black_box(aws_request.clone()))));
            },
        );
        let line = paired.summary(&format!("parse-{label}"), Some(body.len()));
        eprintln!("{line}");
        results.push(line);
    }
    #[cfg(fsx_full)]
    full_fsx::cases(rounds, &rt, &wanted, &mut results);
    let Some(body) = fixture("copy-backup-response.example.json").filter(|_| wanted("call")) else {
        return print_results(&results, json.as_deref());
    };
    let ours_client = ours::client(&body);
    let aws_client = aws::client(&body);
    let paired = measure(
        rounds,
        || {
            black_box(rt.block_on(ours::call(&ours_client, black_box(ours::example_input()))));
        },
        || {
            black_box(rt.block_on(aws::call(aws::example_input(black_box(&aws_client)))));
        },
    );
    results.push(paired.summary("call", None));
    print_results(&results, json.as_deref());
}

/// One JSON line per case, on stdout and (with `--json`) to a file.
fn print_results(results: &[String], json: Option<&str>) {
    for line in results {
        println!("{line}");
    }
    if let Some(path) = json {
        let mut file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in results {
            writeln!(file, "{line}").unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
}

/// The CopyBackup responses timed: the shipped fixtures, then `depth2` compact, compact
/// with its keys shuffled (seeded), and responses built from the full model (unknown
/// members and enum values; a deeper and wider tree). `None` without `../shared`.
fn copy_backup_cases() -> Option<Vec<(String, Vec<u8>)>> {
    let mut cases = Vec::new();
    for (label, file) in RESPONSE_FIXTURES {
        cases.push((label.to_owned(), fixture(file)?));
    }
    let depth2 = fixture("copy-backup-response.depth2.json")?;
    let depth2: serde_json::Value = serde_json::from_slice(&depth2).ok()?;
    cases.push((
        "depth2-compact".into(),
        to_bytes(&reshape(&depth2, None, false), false),
    ));
    let shuffled = reshape(&depth2, Some(SEED), false);
    cases.push(("depth2-shuffled".into(), to_bytes(&shuffled, false)));
    let model = Model::load()?;
    let unknown = Shape {
        unknown: true,
        shuffle: Some(SEED),
        ..Shape::new(2, 2)
    };
    let unknown = model.response("CopyBackupResponse", unknown);
    cases.push(("depth2-unknown".into(), to_bytes(&unknown, false)));
    let deep = model.response("CopyBackupResponse", Shape::new(3, 3));
    cases.push(("deep3x3".into(), to_bytes(&deep, false)));
    Some(cases)
}

/// Operations other than `CopyBackup`, through the bindings of the whole FSx model
/// (`fsx_bench::fsx_full`) and aws-sdk-fsx, on responses built from the model.
#[cfg(fsx_full)]
mod full_fsx {
    use super::*;
    use fsx_bench::fsx_full;

    macro_rules! case {
        ($label:expr, $body:expr, $module:ident, $input:ident, $method:ident, $list:ident,
         $rounds:expr, $rt:expr, $results:expr) => {{
            let body: Vec<u8> = $body;
            // The region aws-sdk-fsx's client has: both resolve the endpoint rules per call.
            let ours_client =
                fsx_full::Client::new(ours::Replay::ok(&body)).with_region("us-east-1");
            let ours_input = fsx_full::operation::$module::$input::builder().build();
            let aws_client = aws::client(&body);
            let ours_len = $rt
                .block_on(ours_input.clone().send_with(&ours_client))
                .unwrap_or_else(|e| panic!("ours: call: {e}"))
                .$list()
                .len();
            let aws_len = $rt
                .block_on(aws_client.$method().send())
                .unwrap_or_else(|e| panic!("aws: call: {e:?}"))
                .$list()
                .len();
            assert_eq!(
                ours_len, aws_len,
                "{}: the two sides read the body differently",
                $label
            );
            let paired = measure(
                $rounds,
                || {
                    black_box($rt.block_on(black_box(ours_input.clone()).send_with(&ours_client)))
                        .unwrap_or_else(|e| panic!("ours: call: {e}"));
                },
                || {
                    black_box($rt.block_on(black_box(aws_client.$method()).send()))
                        .unwrap_or_else(|e| panic!("aws: call: {e:?}"));
                },
            );
            let line = paired.summary($label, Some(body.len()));
            eprintln!("{line}");
            $results.push(line);
        }};
    }

    pub fn cases(
        rounds: usize,
        rt: &tokio::runtime::Runtime,
        wanted: &dyn Fn(&str) -> bool,
        results: &mut Vec<String>,
    ) {
        let Some(model) = Model::load() else {
            return;
        };
        let shuffled = |depth, width| Shape {
            shuffle: Some(SEED),
            ..Shape::new(depth, width)
        };
        let body = |shape: &str, how: Shape| to_bytes(&model.response(shape, how), false);
        if wanted("describe-backups") {
            case!(
                "describe-backups-shuffled",
                body("DescribeBackupsResponse", shuffled(1, 4)),
                describe_backups,
                DescribeBackupsInput,
                describe_backups,
                backups,
                rounds,
                rt,
                results
            );
        }
        if wanted("describe-volumes") {
            case!(
                "describe-volumes-shuffled",
                body("DescribeVolumesResponse", shuffled(1, 4)),
                describe_volumes,
                DescribeVolumesInput,
                describe_volumes,
                volumes,
                rounds,
                rt,
                results
            );
        }
        if wanted("describe-file-systems") {
            case!(
                "describe-file-systems-compact",
                body("DescribeFileSystemsResponse", Shape::new(1, 4)),
                describe_file_systems,
                DescribeFileSystemsInput,
                describe_file_systems,
                file_systems,
                rounds,
                rt,
                results
            );
        }
        if wanted("describe-storage-virtual-machines") {
            case!(
                "describe-storage-virtual-machines-unknown",
                body(
                    "DescribeStorageVirtualMachinesResponse",
                    Shape {
                        unknown: true,
                        ..shuffled(1, 4)
                    }
                ),
                describe_storage_virtual_machines,
                DescribeStorageVirtualMachinesInput,
                describe_storage_virtual_machines,
                storage_virtual_machines,
                rounds,
                rt,
                results
            );
        }
    }
}

/// Per-call times of each round, nanoseconds.
struct Paired {
    ours: Vec<f64>,
    aws: Vec<f64>,
}

/// `rounds` rounds of one batch per side, the sides' order swapped each round; both
/// batches of a round have the same number of calls, sized from a first calibration.
fn measure(rounds: usize, mut ours: impl FnMut(), mut aws: impl FnMut()) -> Paired {
    // Warm both sides, then size the batch by the slower one.
    let slowest = [time(&mut ours, 10), time(&mut aws, 10)]
        .into_iter()
        .fold(0.0, f64::max);
    let calls = ((BATCH.as_nanos() as f64 / slowest) as usize).max(1);
    let mut paired = Paired {
        ours: Vec::with_capacity(rounds),
        aws: Vec::with_capacity(rounds),
    };
    for round in 0..rounds {
        if round % 2 == 0 {
            paired.ours.push(time(&mut ours, calls));
            paired.aws.push(time(&mut aws, calls));
        } else {
            paired.aws.push(time(&mut aws, calls));
            paired.ours.push(time(&mut ours, calls));
        }
    }
    paired
}

/// Nanoseconds per call over `calls` calls.
fn time(f: &mut impl FnMut(), calls: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        f();
    }
    start.elapsed().as_nanos() as f64 / calls as f64
}

impl Paired {
    /// One JSON line: median per-call time of each side, and the median, lowest and
    /// highest of the rounds' ratios (aws time over ours: how many times faster ours is).
    fn summary(&self, case: &str, bytes: Option<usize>) -> String {
        let mut ratios: Vec<f64> = self
            .aws
            .iter()
            .zip(&self.ours)
            .map(|(a, o)| a / o)
            .collect();
        ratios.sort_by(f64::total_cmp);
        let value = serde_json::json!({
            "case": case,
            "bytes": bytes,
            "rounds": ratios.len(),
            "ours_ns": median(&self.ours),
            "aws_ns": median(&self.aws),
            "ratio_median": median(&ratios),
            "ratio_low": ratios.first(),
            "ratio_high": ratios.last(),
        });
        value.to_string()
    }
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}
