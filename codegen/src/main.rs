//! The `codegen` command: `cargo run -p codegen` regenerates `generated/` from `model/`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: codegen [--model <file-or-dir>]... [--operation <name>]... [--crate-name <name>] [--out <dir>]

Generates a Rust crate from a Smithy JSON AST model.
  --model <path>        model file, or directory of *.json files (default: <workspace>/model)
  --operation <name>    generate only this operation (repeatable; default: every operation)
  --crate-name <name>   package name of the generated crate (default: the service's sdkId)
  --out <dir>           output directory (default: <workspace>/generated)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut config = codegen::Config::new();
    let mut models = Vec::new();
    let mut out = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--model" => models.push(PathBuf::from(value("--model")?)),
            "--operation" => config = config.operation(value("--operation")?),
            "--crate-name" => config = config.crate_name(value("--crate-name")?),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    if models.is_empty() {
        models.push(workspace_path("model"));
    }
    for model in models {
        config = config.model(model);
    }
    let out = out.unwrap_or_else(|| workspace_path("generated"));
    let report = config.out_dir(&out).generate().map_err(|e| e.to_string())?;
    for path in &report.written {
        println!("wrote {}", path.display());
    }
    for path in &report.removed {
        println!("removed {}", path.display());
    }
    println!(
        "{}: {} written, {} unchanged, {} removed",
        out.display(),
        report.written.len(),
        report.unchanged,
        report.removed.len()
    );
    Ok(())
}

/// `<workspace>/<name>`, relative to the current directory when that is the workspace.
fn workspace_path(name: &str) -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let workspace = workspace.canonicalize().unwrap_or(workspace);
    match std::env::current_dir() {
        Ok(cwd) if cwd == workspace => PathBuf::from(name),
        _ => workspace.join(name),
    }
}
