//! Regenerates `../generated` from `../model` before the library (`../generated/src`)
//! compiles, as `cargo run -p codegen` does. Cargo reruns this when a model file
//! changes, or when the generator does (a build dependency); only changed files are
//! written, so a build with nothing changed writes nothing and rebuilds nothing.
//!
//! With `CODEGEN_CHECK=1` it writes nothing and fails the build with a diff when
//! `generated/` is stale (CI checks the committed output this way).

use std::process::ExitCode;

/// The generator's allocator: fewer instructions than glibc's for its many small
/// allocations (see `codegen::Allocator`).
#[global_allocator]
static ALLOCATOR: codegen::Allocator = codegen::Allocator;

const MODEL: &str = "../model";
const GENERATED: &str = "../generated";

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed={MODEL}");
    println!("cargo:rerun-if-env-changed=CODEGEN_CHECK");
    let config = codegen::Config::new().model(MODEL).out_dir(GENERATED);
    let check_only = std::env::var_os("CODEGEN_CHECK").is_some_and(|v| v != "0" && !v.is_empty());
    let outcome = if check_only {
        check(&config)
    } else {
        config.generate().map(|_| ()).map_err(|e| e.to_string())
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `Err` with a unified diff per stale file when `generated/` is not what the model gives.
fn check(config: &codegen::Config) -> Result<(), String> {
    let stale = config.check().map_err(|e| e.to_string())?;
    if stale.is_empty() {
        return Ok(());
    }
    let diffs: String = stale.iter().map(codegen::unified_diff).collect();
    Err(format!(
        "{GENERATED}: {} file(s) stale (CODEGEN_CHECK is set, so nothing was written); \
         run `cargo build` without it or `cargo run -p codegen`, and commit the result\n{diffs}",
        stale.len()
    ))
}
