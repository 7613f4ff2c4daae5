//! Any bytes as a Smithy JSON AST model: the generator returns files or an error, never
//! panics, and never emits Rust it cannot parse itself (an "internal error").
//!
//! The stages of `codegen::Config::render`, called one by one so the fixed runtime files
//! are left out: formatting them costs most of a small model's time and their text never
//! depends on the model.

#![no_main]

use codegen::emit::FileContent;
use libfuzzer_sys::fuzz_target;

fn render(bytes: &[u8]) -> codegen::Result<usize> {
    let file = codegen::model::load::parse(bytes)?;
    let mut model = codegen::model::load::Model::default();
    model.shapes.extend(file.shapes.0);
    let model = codegen::model::validate::validate(model)?;
    let closure = codegen::plan::closure::closure(&model, &[])?;
    let plan = codegen::plan::plan(&model, &closure, "fuzzed")?;
    let mut files = codegen::emit::emit(&plan, &codegen::Runtime::Embed);
    files.retain(|_, content| !matches!(content, FileContent::Formatted(_)));
    Ok(codegen::output::format::format(files)?.len())
}

fuzz_target!(|model: &[u8]| {
    if let Err(error) = render(model) {
        let message = error.to_string();
        assert!(!message.contains("internal error"), "{message}");
    }
});
