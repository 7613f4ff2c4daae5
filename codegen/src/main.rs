//! The `codegen` command: `cargo run -p codegen` regenerates `generated/` from `model/`.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: codegen::Allocator = codegen::Allocator;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::args::{workspace_path, Args, ModelOptions};

const USAGE: &str = "\
usage: codegen [--model <file-or-dir>]... [--service <name>] [--operation <name>]... [--crate-name <name>]
               [--out <dir>] [--runtime-crate <path> | --runtime-version <req>] [--check]
               [--verbose | --quiet] [--version]

Generates a Rust crate from a Smithy JSON AST model.
  --model <path>        model file, or directory of *.json files (default: <workspace>/model)
  --service <name>      the service to generate, when the model defines several
  --operation <name>    generate only this operation (repeatable; default: every operation)
  --crate-name <name>   package name of the generated crate (default: the service's sdkId)
  --out <dir>           output directory (default: <workspace>/generated)
  --runtime-crate <path>
                        depend on the runtime crate (smithy-json-runtime) at this path,
                        written as is into Cargo.toml (relative to the output directory,
                        or absolute), instead of embedding its modules (the default)
  --runtime-version <req>
                        depend on the runtime crate from the registry, this version
  --check               write nothing; if the output directory is stale, print a unified
                        diff of every file that would change and exit with code 1
  -v, --verbose         also list every file written or removed
  -q, --quiet           print nothing but warnings and errors
  -V, --version         print the version and exit

To compare with the code a git revision generates: `cargo run -p codegen-diff -- --base <git-rev>`.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((command, _)) if command == "diff" => Err(MOVED_DIFF.to_owned()),
        _ => run(args),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Stale) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `codegen diff` became the `codegen-diff` package (a build script using `codegen`
/// does not compile it).
const MOVED_DIFF: &str = "`codegen diff` moved to its own package: run `cargo run -p codegen-diff -- <options>` (same options)";

/// How a run that did not fail ended.
enum Outcome {
    Done,
    /// `--check` found the output directory stale.
    Stale,
}

fn run(args: Vec<String>) -> Result<Outcome, String> {
    let mut args = Args::new(args, USAGE);
    let mut options = ModelOptions::default();
    let mut out = None;
    let mut check = false;
    let mut runtime = codegen::Runtime::Embed;
    let mut verbosity = Verbosity::Normal;
    while let Some(flag) = args.next_flag() {
        if options.take(&flag, &mut args)? {
            continue;
        }
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(args.value("--out")?)),
            "--check" => check = true,
            "-v" | "--verbose" => verbosity = Verbosity::Verbose,
            "-q" | "--quiet" => verbosity = Verbosity::Quiet,
            "-V" | "--version" => {
                println!("codegen {}", env!("CARGO_PKG_VERSION"));
                return Ok(Outcome::Done);
            }
            "--runtime-crate" => {
                let path = args.value("--runtime-crate")?;
                runtime = codegen::Runtime::Depend(codegen::RuntimeSource::Path(path));
            }
            "--runtime-version" => {
                let version = args.value("--runtime-version")?;
                runtime = codegen::Runtime::Depend(codegen::RuntimeSource::Version(version));
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(Outcome::Done);
            }
            other => return Err(args.unknown(other)),
        }
    }
    let out = out.unwrap_or_else(|| workspace_path("generated"));
    let config = options.config().out_dir(&out).runtime(runtime);
    if check {
        return check_fresh(&config, &out, verbosity);
    }
    let report = config.generate().map_err(|e| e.to_string())?;
    if verbosity == Verbosity::Verbose {
        for path in &report.written {
            println!("wrote {}", path.display());
        }
        for path in &report.removed {
            println!("removed {}", path.display());
        }
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if verbosity != Verbosity::Quiet {
        println!("{}", summary(&report));
    }
    Ok(Outcome::Done)
}

/// How much a run prints besides warnings and errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verbosity {
    /// Nothing.
    Quiet,
    /// The one-line summary.
    Normal,
    /// Every file written or removed, then the summary.
    Verbose,
}

/// `generated 113 files: 2 written, 111 unchanged`, then the files removed and the
/// operations left out when there are any.
fn summary(report: &codegen::WriteReport) -> String {
    let written = report.written.len();
    let mut line = format!(
        "generated {} files: {written} written, {} unchanged",
        written + report.unchanged,
        report.unchanged
    );
    if !report.removed.is_empty() {
        line.push_str(&format!(", {} removed", report.removed.len()));
    }
    match report.warnings.len() {
        0 => {}
        1 => line.push_str("; 1 operation left out"),
        n => line.push_str(&format!("; {n} operations left out")),
    }
    line
}

/// `--check`: a unified diff per stale file on stdout, a summary on stderr.
fn check_fresh(
    config: &codegen::Config,
    out: &Path,
    verbosity: Verbosity,
) -> Result<Outcome, String> {
    let stale = config.check().map_err(|e| e.to_string())?;
    if stale.is_empty() {
        if verbosity != Verbosity::Quiet {
            println!("{}: up to date", out.display());
        }
        return Ok(Outcome::Done);
    }
    for file in &stale {
        print!("{}", codegen::unified_diff(file));
    }
    eprintln!(
        "{}: {} file(s) stale; run `cargo run -p codegen` and commit the result",
        out.display(),
        stale.len()
    );
    Ok(Outcome::Stale)
}
