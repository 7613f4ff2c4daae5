//! The two ratio targets measured in alternation, for a shared machine whose speed
//! wanders: criterion times one side for seconds and then the other, so a slow spell
//! can fall on one side only. Here each round times a batch of calls of one side, then
//! the same number of the other (the order swapped every round), and the ratio is taken
//! per round; the report gives the median of the rounds' ratios and their spread.
//!
//! ```sh
//! target/release/paired [--rounds N] [--json PATH]
//! ```
//!
//! Cases: a whole call on each response fixture (`parse-<fixture>`, as criterion's
//! `parse/*/client`) and one whole call with the example request and response
//! (`call`, as criterion's `call/*/client`).

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use fsx_bench::{aws, check_same_reading, fixture, ours, runtime, RESPONSE_FIXTURES};

/// How long one side's batch should take, so that timer and scheduling noise stay
/// small against it.
const BATCH: Duration = Duration::from_millis(20);

fn main() {
    let mut rounds = 40;
    let mut json = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--json" => json = args.next(),
            other => {
                eprintln!("unknown argument `{other}`; see bench/src/bin/paired.rs");
                std::process::exit(2);
            }
        }
    }
    let rt = runtime();
    let mut results = Vec::new();
    for (label, file) in RESPONSE_FIXTURES {
        let Some(body) = fixture(file) else {
            println!("paired: ../shared is missing, skipped");
            return;
        };
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
        results.push(paired.summary(&format!("parse-{label}"), Some(body.len())));
    }
    let Some(body) = fixture("copy-backup-response.example.json") else {
        return;
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

    for line in &results {
        println!("{line}");
    }
    if let Some(path) = json {
        let mut file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in &results {
            writeln!(file, "{line}").unwrap_or_else(|e| panic!("{path}: {e}"));
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
