//! Generates the bindings of the whole FSx reference model (`../shared`, read here and
//! never copied into the repository) into `$OUT_DIR/fsx_full.rs`, for `src/lib.rs` to
//! include as `fsx_full` under `cfg(fsx_full)`: the benchmarks of operations other than
//! `CopyBackup` go through it. Without `../shared` the module is left out and those
//! benchmarks say they were skipped.

use std::path::Path;

fn main() -> Result<(), codegen::Error> {
    println!("cargo::rustc-check-cfg=cfg(fsx_full)");
    // The included bindings gate their optional parts on the generated crate's features,
    // which this crate does not have (they stay off).
    println!("cargo::rustc-check-cfg=cfg(feature, values(\"reqwest\", \"serde\", \"sigv4\"))");
    let model = Path::new("../../shared/reference/fsx-2018-03-01.json");
    println!("cargo::rerun-if-changed={}", model.display());
    if !model.exists() {
        println!(
            "cargo::warning=no {}: the full-FSx benchmarks are skipped",
            model.display()
        );
        return Ok(());
    }
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    let Some(out) = out else {
        return Ok(());
    };
    codegen::Config::new()
        .model(model)
        .crate_name("fsx_full")
        .include_file(out.join("fsx_full.rs"))
        .module_path("crate::fsx_full")
        .generate()?;
    println!("cargo::rustc-cfg=fsx_full");
    Ok(())
}
