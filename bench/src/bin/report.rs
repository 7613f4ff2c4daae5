//! Prints the tables of figures and ratios of one `bench/run`: the criterion medians
//! under `target/criterion/`, and the paired, peak-memory, codegen-speed, rebuild-time
//! and compile-time results under `target/results/`. Ratios are ours against
//! aws-sdk-fsx, measured in the same run. Every target of issue 19 is marked met or
//! missed, and the last line counts them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn main() {
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let report = Report {
        criterion: target.join("criterion"),
        results: target.join("results"),
        verdicts: RefCell::default(),
    };
    report.print();
}

struct Report {
    criterion: PathBuf,
    results: PathBuf,
    /// Every target checked so far: what, and whether it was met.
    verdicts: RefCell<Vec<(String, bool)>>,
}

/// One criterion benchmark: median time per iteration, and its throughput unit.
struct Measured {
    median_ns: f64,
    bytes: Option<f64>,
}

impl Measured {
    fn mb_per_s(&self) -> f64 {
        self.bytes.unwrap_or(0.0) / self.median_ns * 1e9 / 1e6
    }

    fn per_s(&self) -> f64 {
        1e9 / self.median_ns
    }
}

impl Report {
    /// `group/function/parameter` as criterion stores it (`/` in a function ID is `_`).
    fn measured(&self, group: &str, function: &str, parameter: Option<&str>) -> Option<Measured> {
        let mut dir = self.criterion.join(group).join(function.replace('/', "_"));
        if let Some(parameter) = parameter {
            dir = dir.join(parameter);
        }
        let estimates = read_json(&dir.join("new/estimates.json"))?;
        let benchmark = read_json(&dir.join("new/benchmark.json"))?;
        Some(Measured {
            median_ns: estimates["median"]["point_estimate"].as_f64()?,
            bytes: benchmark["throughput"]["Bytes"].as_f64(),
        })
    }

    fn print(&self) {
        println!("| measure (criterion; the ratio targets are the paired rows) | ours | aws-sdk-fsx | ratio | target |");
        println!("|---|---|---|---|---|");
        self.print_parse();
        self.print_call();
        self.print_serialize();
        self.print_memory();
        self.print_paired();
        self.print_paired_mimalloc();
        self.print_codegen_speed();
        self.print_rebuild_time();
        self.print_compile_time();
        self.print_generate();
        println!();
        self.print_summary();
    }

    /// `target: met` or `target: **missed**`, remembered for the summary under `what`.
    fn verdict(&self, what: &str, met: bool, target: &str) -> String {
        self.verdicts
            .borrow_mut()
            .push((format!("{what} {target}"), met));
        verdict(met, target)
    }

    /// The contents of `results/{name}`, or `None` (and the summary says it is missing).
    fn result(&self, name: &str) -> Option<String> {
        let text = std::fs::read_to_string(self.results.join(name)).ok();
        if text.is_none() {
            let what = format!("`{name}` (not measured)");
            self.verdicts.borrow_mut().push((what, false));
        }
        text
    }

    /// How many targets were met, and which were missed.
    fn print_summary(&self) {
        let verdicts = self.verdicts.borrow();
        let missed: Vec<&str> = verdicts
            .iter()
            .filter(|(_, met)| !met)
            .map(|(what, _)| what.as_str())
            .collect();
        println!(
            "Targets: {} of {} met{}",
            verdicts.len() - missed.len(),
            verdicts.len(),
            if missed.is_empty() {
                String::new()
            } else {
                format!("; missed: {}", missed.join("; "))
            }
        );
    }

    fn print_parse(&self) {
        for fixture in ["example", "depth1", "depth2"] {
            let (Some(parse), Some(ours), Some(aws)) = (
                self.measured("parse", "ours/parse_response", Some(fixture)),
                self.measured("parse", "ours/client", Some(fixture)),
                self.measured("parse", "aws/client", Some(fixture)),
            ) else {
                continue;
            };
            let ratio = ours.mb_per_s() / aws.mb_per_s();
            println!(
                "| parse `{fixture}`, MB/s (whole call; `parse_response` alone) | {:.1} ({:.1}) | {:.1} | {ratio:.2}x ({:.2}x) | |",
                ours.mb_per_s(),
                parse.mb_per_s(),
                aws.mb_per_s(),
                parse.mb_per_s() / aws.mb_per_s(),
            );
        }
    }

    fn print_call(&self) {
        if let (Some(ours), Some(aws)) = (
            self.measured("call", "ours/client", None),
            self.measured("call", "aws/client", None),
        ) {
            let ratio = ours.per_s() / aws.per_s();
            println!(
                "| one call, example response, calls/s | {:.0} | {:.0} | {ratio:.1}x | |",
                ours.per_s(),
                aws.per_s(),
            );
        }
    }

    fn print_serialize(&self) {
        for input in ["example", "large"] {
            let (Some(request), Some(ours), Some(aws)) = (
                self.measured("serialize", "ours/request", Some(input)),
                self.measured("serialize", "ours/client", Some(input)),
                self.measured("serialize", "aws/client", Some(input)),
            ) else {
                continue;
            };
            println!(
                "| send the {input} input, µs per call (`request` alone) | {:.1} ({:.2}) | {:.1} | {:.1}x | |",
                ours.median_ns / 1e3,
                request.median_ns / 1e3,
                aws.median_ns / 1e3,
                aws.median_ns / ours.median_ns,
            );
        }
    }

    /// `compile-time.json` of `compile-time.sh`: clean debug builds with dependencies.
    fn print_compile_time(&self) {
        let Some(compile) = self
            .result("compile-time.json")
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        else {
            return;
        };
        let (Some(ours), Some(aws)) = (compile["ours_s"].as_f64(), compile["aws_s"].as_f64())
        else {
            return;
        };
        let runs = |key: &str| {
            let runs: Vec<String> = compile[key]
                .as_array()
                .into_iter()
                .flatten()
                .map(Value::to_string)
                .collect();
            runs.join(", ")
        };
        println!();
        println!(
            "| clean debug build with dependencies | s (runs) | aws-sdk-fsx s | ratio | target |"
        );
        println!("|---|---|---|---|---|");
        println!(
            "| `generated/` (`model/`, CopyBackup) | {ours:.1} ({}) | {aws:.1} | {:.1}x faster | |",
            runs("ours_runs"),
            aws / ours,
        );
        // The 4.5 s of the target was measured with incremental compilation (the script's
        // mode before 2026-12-04), so the target is checked against the same mode.
        if let Some(incremental) = compile["ours_incremental_s"].as_f64() {
            println!(
                "| `generated/`, incremental (as a path dependency) | {incremental:.1} ({}) | | | {} |",
                runs("ours_incremental_runs"),
                self.verdict("clean build of generated/", incremental <= 4.5, "<= 4.5 s")
            );
        }
        if let Some(full) = compile["fsx_full_s"].as_f64() {
            println!(
                "| full FSx reference model (48 operations) | {full:.1} ({}) | {aws:.1} | 1/{:.1} of aws-sdk-fsx's | {} |",
                runs("fsx_full_runs"),
                aws / full,
                self.verdict(
                    "clean build of the full-FSx crate",
                    full * 5.0 <= aws,
                    "<= 1/5 of aws-sdk-fsx's"
                )
            );
        }
    }

    /// `codegen-speed.json` of `codegen-speed.sh`: the release CLI writing a fresh folder.
    fn print_codegen_speed(&self) {
        let Some(text) = self.result("codegen-speed.json") else {
            return;
        };
        println!();
        println!("| codegen, release CLI writing a fresh folder | files | wall ms (median) | CPU ms | target |");
        println!("|---|---|---|---|---|");
        for line in text
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        {
            let model = line["model"].as_str().unwrap_or("?");
            let wall = line["wall_ms"].as_f64().unwrap_or(f64::NAN);
            let (limit, target) = match model {
                "model" => (50.0, "< 50 ms"),
                "fsx-full" => (200.0, "< 200 ms"),
                _ => (1000.0, "< 1 s"),
            };
            println!(
                "| `{model}`, {} runs | {} | {wall:.0} | {:.0} | {} |",
                line["runs"],
                line["files"],
                line["cpu_ms"].as_f64().unwrap_or(f64::NAN),
                self.verdict(&format!("codegen CLI `{model}`"), wall < limit, target)
            );
        }
    }

    /// `rebuild-time.json` of `rebuild-time.sh`: `cargo build` of `bindings/` after a
    /// one-line model change, and with nothing changed.
    fn print_rebuild_time(&self) {
        let Some(rebuild) = self
            .result("rebuild-time.json")
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        else {
            return;
        };
        let number = |key: &str| rebuild[key].as_f64().unwrap_or(f64::NAN);
        let regenerate = number("regenerate_s");
        let units = rebuild["noop_units_run"].as_u64();
        println!();
        println!("| `cargo build` of `bindings/` (debug) | s | target |");
        println!("|---|---|---|");
        println!(
            "| one-line model change: the build script's run (regeneration), median of {} | {regenerate:.2} | {} |",
            rebuild["runs"],
            self.verdict("regeneration after a one-line model change", regenerate < 1.0, "< 1 s")
        );
        println!(
            "| the same, whole build (regeneration and the library's compile) | {:.2} | |",
            number("build_s")
        );
        println!(
            "| nothing changed: {} units rebuilt or run | {:.2} | {} |",
            units.map_or_else(|| "?".to_owned(), |u| u.to_string()),
            number("noop_s"),
            self.verdict("build with nothing changed", units == Some(0), "no work")
        );
    }

    fn print_memory(&self) {
        let Some(text) = self.result("memory.jsonl") else {
            return;
        };
        let sides: Vec<Value> = text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        let side = |name: &str| sides.iter().find(|s| s["side"] == name);
        let (Some(parse), Some(ours), Some(aws)) = (side("ours"), side("ours-client"), side("aws"))
        else {
            return;
        };
        let kib = |v: &Value, key: &str| v[key].as_f64().unwrap_or(0.0) / 1024.0;
        let (peak, peer) = (kib(ours, "peak_heap_bytes"), kib(aws, "peak_heap_bytes"));
        println!(
            "| peak heap parsing `depth2`, KiB (whole call; `parse_response` alone) | {peak:.0} ({:.0}) | {peer:.0} | {:.2}x less | {} |",
            kib(parse, "peak_heap_bytes"),
            peer / peak,
            self.verdict("peak heap of a depth2 call", peak <= peer, "<= aws-sdk-fsx's")
        );
        println!(
            "| allocations parsing `depth2` (whole call) | {} | {} | {:.2}x fewer | |",
            ours["allocations"],
            aws["allocations"],
            aws["allocations"].as_f64().unwrap_or(0.0)
                / ours["allocations"].as_f64().unwrap_or(1.0),
        );
    }

    /// The rounds of `paired`: both sides timed in alternation, the ratio per round.
    fn print_paired(&self) {
        let Some(text) = self.result("paired.jsonl") else {
            return;
        };
        println!();
        println!("| paired rounds (whole calls, alternating) | ours µs | aws-sdk-fsx µs | ratio: median (lowest-highest) | target |");
        println!("|---|---|---|---|---|");
        for case in paired_cases(&text) {
            let name = case["case"].as_str().unwrap_or("?");
            // Issue 19: every response at least 3x, the shipped depth2 fixture 4x, the
            // example 20x.
            let (limit, target) = match name {
                "parse-depth2" => (4.0, ">= 4x"),
                "parse-example" | "call" => (20.0, ">= 20x"),
                _ => (3.0, ">= 3x"),
            };
            let met = case["ratio_median"].as_f64().is_some_and(|r| r >= limit);
            let target = self.verdict(&format!("paired `{name}`"), met, target);
            println!("{} {target} |", paired_row(&case));
        }
    }

    /// The same rounds with both sides under mimalloc (`paired-mimalloc`): what the
    /// allocator decides. No targets: issue 19's are the system allocator's.
    fn print_paired_mimalloc(&self) {
        let Ok(text) = std::fs::read_to_string(self.results.join("paired-mimalloc.jsonl")) else {
            return;
        };
        // Read again without a verdict: `print_paired` has counted it missing if it is.
        let system = std::fs::read_to_string(self.results.join("paired.jsonl")).unwrap_or_default();
        let system_ratios: HashMap<String, f64> = paired_cases(&system)
            .filter_map(|case| {
                Some((
                    case["case"].as_str()?.to_owned(),
                    case["ratio_median"].as_f64()?,
                ))
            })
            .collect();
        let system_ratio = |name: &str| {
            system_ratios
                .get(name)
                .map_or_else(|| "-".to_owned(), |ratio| format!("{ratio:.2}x"))
        };
        println!();
        println!("| the same, both sides under mimalloc (no targets) | ours µs | aws-sdk-fsx µs | ratio: median (lowest-highest) | system allocator |");
        println!("|---|---|---|---|---|");
        for case in paired_cases(&text) {
            let name = case["case"].as_str().unwrap_or("?");
            println!("{} {} |", paired_row(&case), system_ratio(name));
        }
    }

    fn print_generate(&self) {
        let rows: Vec<String> = ["model", "fsx-full", "model-x16"]
            .into_iter()
            .filter_map(|model| {
                let measured = self.measured("generate", model, None)?;
                let files = read_json(
                    &self
                        .criterion
                        .join(format!("generate/{model}/new/benchmark.json")),
                )
                .and_then(|b| b["throughput"]["Elements"].as_u64())
                .unwrap_or(0);
                Some(format!(
                    "| `{model}` | {files} | {:.1} |",
                    measured.median_ns / 1e6
                ))
            })
            .collect();
        if rows.is_empty() {
            return;
        }
        println!();
        println!(
            "| codegen in process (`Config::render`, nothing written; criterion) | files | ms |"
        );
        println!("|---|---|---|");
        for row in rows {
            println!("{row}");
        }
    }
}

fn verdict(met: bool, target: &str) -> String {
    format!("{target}: {}", if met { "met" } else { "**missed**" })
}

fn read_json(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// The cases of a `paired` JSON-lines file.
fn paired_cases(text: &str) -> impl Iterator<Item = Value> + '_ {
    text.lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
}

/// A case of `paired` as a table row, up to its last column: name and rounds, both
/// sides' µs, the median ratio and its spread.
fn paired_row(case: &Value) -> String {
    let number = |key: &str| case[key].as_f64().unwrap_or(f64::NAN);
    format!(
        "| `{}`, {} rounds | {:.1} | {:.1} | {:.2}x ({:.2}-{:.2}) |",
        case["case"].as_str().unwrap_or("?"),
        case["rounds"],
        number("ours_ns") / 1e3,
        number("aws_ns") / 1e3,
        number("ratio_median"),
        number("ratio_low"),
        number("ratio_high"),
    )
}
