//! The build-script API's `include!` form: one file with every module inline, written
//! only when it changes; a bad model is an error naming the file and the shape, and
//! nothing is written.

use std::fs;
use std::path::{Path, PathBuf};

fn models() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/models")
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_include_file_is_written_once_and_then_left_alone() {
    let path = scratch("include-once").join("enums.rs");
    let config = codegen::Config::new()
        .model(models().join("enums.json"))
        .crate_name("enum-bindings")
        .module_path("crate::api::enums")
        .include_file(&path);

    let first = config.generate().unwrap();
    assert_eq!(first.written, std::slice::from_ref(&path));
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(config.render_include().unwrap().text, text);
    assert_eq!(
        config.render_include().unwrap().file_name,
        "enum_bindings.rs"
    );
    assert!(text.contains("crate::api::enums::types::"), "{text}");
    assert!(!text.contains("mod types;"), "{text}");
    syn::parse_file(&text).unwrap();

    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let second = config.generate().unwrap();
    assert!(second.written.is_empty(), "{second:?}");
    assert_eq!(second.unchanged, 1);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
}

#[test]
fn a_bad_model_names_the_file_and_shape_and_writes_nothing() {
    let path = scratch("include-bad").join("bad.rs");
    let error = codegen::Config::new()
        .model(models().join("bad/dangling-target.json"))
        .include_file(&path)
        .generate()
        .unwrap_err();
    let message = error.to_string();
    for part in [
        "dangling-target.json: ",
        "shape `example.bad#GetInput`",
        "`example.bad#Missing` does not exist",
    ] {
        assert!(message.contains(part), "{part:?} missing from: {message}");
    }
    // `fn main() -> Result<(), codegen::Error>` in a build script prints the same line.
    assert_eq!(format!("{error:?}"), message);
    assert!(!path.exists());
}
