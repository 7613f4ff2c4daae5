//! Generates the FSx `CopyBackup` bindings from the workspace's model into
//! `$OUT_DIR/fsx.rs`, for `src/lib.rs` to include. Cargo reruns this when the model
//! changes (`generate` says so) or the generator does (it is a build dependency).
//!
//! A bad model fails the build with one line naming the model file, the shape and the
//! problem (`codegen::Error`'s `Debug` is that line).

fn main() -> Result<(), codegen::Error> {
    codegen::Config::new()
        .model("../../model")
        .operation("CopyBackup")
        .module_path("crate::fsx")
        .generate()?;
    Ok(())
}
