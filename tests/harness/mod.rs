//! Helpers for the tests that generate a whole crate from a reference model and build it:
//! scratch crates and nested cargo runs, the model's plan, sample documents built from
//! the plan, and Smithy compliance cases written as Rust tests.

pub mod compliance;
pub mod rust_values;
pub mod sample;
pub mod scratch;

use std::path::Path;

/// The generator's plan for every operation of `model`, as `codegen` plans it when
/// generating the crate `crate_name`.
pub fn plan(model: &Path, crate_name: &str) -> codegen::plan::Plan {
    let fail = |e: codegen::Error| -> ! { panic!("planning {}: {e}", model.display()) };
    let loaded = codegen::model::load::load(&[model.to_path_buf()]).unwrap_or_else(|e| fail(e));
    let model_ = codegen::model::validate::validate(loaded).unwrap_or_else(|e| fail(e));
    let closure = codegen::plan::closure::closure(&model_, &[]).unwrap_or_else(|e| fail(e));
    codegen::plan::plan(&model_, &closure, crate_name).unwrap_or_else(|e| fail(e))
}

/// The Rust path of a planned type seen from outside its crate: `crate::types::Tag` in
/// the crate `fsx-full` is `fsx_full::types::Tag`.
pub fn external_path(path: &str, crate_name: &str) -> String {
    let crate_ident = crate_name.replace('-', "_");
    match path.strip_prefix("crate::") {
        Some(rest) => format!("{crate_ident}::{rest}"),
        None => path.to_owned(),
    }
}
