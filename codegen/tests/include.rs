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

#[test]
fn in_depend_mode_the_include_file_reexports_the_runtime_crate() {
    let include = codegen::Config::new()
        .model(models().join("enums.json"))
        .module_path("crate::enums")
        .runtime(codegen::Runtime::Depend(codegen::RuntimeSource::Version(
            "0.1".to_owned(),
        )))
        .render_include()
        .unwrap();
    let text = &include.text;
    assert!(text.contains("pub use ::smithy_json_runtime::{"), "{text}");
    assert!(
        text.contains("use ::smithy_json_runtime::protocol;"),
        "{text}"
    );
    assert!(text.contains("crate::enums::json::"), "{text}");
    for embedded in ["mod json_reader", "mod protocol", "pub mod limits"] {
        assert!(!text.contains(embedded), "{embedded}: {text}");
    }
    syn::parse_file(&include.text).unwrap();
}

#[test]
fn embedding_copies_every_runtime_file_without_its_unit_tests() {
    let files = codegen::Config::new()
        .model(models().join("enums.json"))
        .render()
        .unwrap();
    let runtime = codegen::runtime_files();
    assert!(runtime.contains(&"src/json.rs".to_owned()), "{runtime:?}");
    for path in &runtime {
        let Some(text) = files.get(path) else {
            // The optional parts: only a model that compresses requests, has endpoint
            // rules or signs with SigV4 needs them.
            let optional = [
                "src/compression.rs",
                "src/endpoint_rules.rs",
                "src/partition.rs",
                "src/sigv4.rs",
            ];
            assert!(optional.contains(&path.as_str()), "{path} missing");
            continue;
        };
        assert!(!text.contains("#[cfg(test)]"), "{path}");
    }
    // `http`, and the ready transport as an optional feature (the model has operations).
    let manifest = &files["Cargo.toml"];
    let dependencies = manifest
        .split("[dependencies]\n")
        .nth(1)
        .unwrap_or_default();
    assert!(dependencies.starts_with("http = \"1.1.0\"\n"), "{manifest}");
    assert!(
        dependencies
            .lines()
            .skip(1)
            .take_while(|l| !l.is_empty())
            .all(|l| l.contains("optional = true")),
        "{manifest}"
    );
}
