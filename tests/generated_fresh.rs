//! The committed `generated/` crate is exactly what the generator makes from `model/`,
//! and generating twice gives the same bytes.

use std::path::Path;

use codegen_tests::{diff_file_sets, generated_files_on_disk, render, workspace};

#[test]
fn committed_output_matches_a_fresh_generation() {
    let fresh = render(&workspace().join("model"));
    let committed = generated_files_on_disk(&workspace().join("generated"));
    let diff = diff_file_sets(&committed, &fresh);
    assert!(
        diff.is_empty(),
        "generated/ is stale; run `cargo run -p codegen` and commit the result:\n{diff}"
    );
}

#[test]
fn two_generations_are_byte_identical() {
    let first = render(&workspace().join("model"));
    let second = render(&workspace().join("model"));
    assert_eq!(first, second);
}

#[test]
fn every_generated_file_carries_the_generated_header() {
    for (path, text) in render(&workspace().join("model")) {
        let first = text.lines().next().unwrap_or_default();
        assert!(first.contains("@generated"), "{path} starts with {first:?}");
    }
}

/// Puts an object's keys into some order.
type KeyOrder = fn(&mut Vec<&String>);

/// Writes `value` as JSON with the keys of every object in the order `order` gives,
/// except `members` objects, whose order is part of the model (it is the field order).
fn write_reordered(value: &serde_json::Value, order: KeyOrder, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Object(map) => write_object(map, order, out, false),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_reordered(item, order, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn write_object(
    map: &serde_json::Map<String, serde_json::Value>,
    order: KeyOrder,
    out: &mut String,
    keep_order: bool,
) {
    let mut keys: Vec<&String> = map.keys().collect();
    if !keep_order {
        order(&mut keys);
    }
    out.push('{');
    for (i, key) in keys.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::Value::String(key.clone()).to_string());
        out.push(':');
        match &map[key] {
            serde_json::Value::Object(members) if key == "members" => {
                write_object(members, order, out, true)
            }
            value => write_reordered(value, order, out),
        }
    }
    out.push('}');
}

/// The model files of `source` (a folder or one file).
fn model_files(source: &Path) -> Vec<std::path::PathBuf> {
    if source.is_file() {
        return vec![source.to_path_buf()];
    }
    let mut files: Vec<_> = std::fs::read_dir(source)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn the_output_does_not_depend_on_key_order_working_directory_or_run() {
    let model_dir = workspace().join("model");
    let orders: [(&str, KeyOrder); 3] = [
        ("sorted", |keys| keys.sort()),
        ("reversed", |keys| keys.sort_by(|a, b| b.cmp(a))),
        ("rotated", |keys| {
            let middle = keys.len() / 2;
            keys.sort();
            keys.rotate_left(middle);
        }),
    ];
    // `model/`, and the synthetic models whose traits are objects the generator iterates
    // (endpoint rules and their bindings, pagination).
    let sources = [
        ("model", model_dir.clone()),
        ("endpoints", workspace().join("tests/models/endpoints.json")),
        (
            "pagination",
            workspace().join("tests/models/pagination.json"),
        ),
    ];
    for (source_name, source) in sources {
        let expected = render(&source);
        for (name, order) in orders {
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("reordered-{source_name}-{name}"));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for path in model_files(&source) {
                // Parsed with `preserve_order` so that `members` keep the model's order.
                let value: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                let mut text = String::new();
                write_reordered(&value, order, &mut text);
                std::fs::write(dir.join(path.file_name().unwrap()), text).unwrap();
            }
            let reordered = render(&dir);
            assert!(
                reordered == expected,
                "key order `{name}` changed the output of {source_name}:\n{}",
                diff_file_sets(&expected, &reordered)
            );
        }
    }

    // Another working directory, and a relative model path.
    let expected = render(&model_dir);
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let relative = pathdiff(&model_dir, tmp);
    let output = std::process::Command::new(env!("CARGO"))
        .args(["run", "-q", "--manifest-path"])
        .arg(workspace().join("Cargo.toml"))
        .args(["-p", "codegen", "--", "--model"])
        .arg(&relative)
        .args(["--out", "elsewhere-generated"])
        .current_dir(tmp)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let elsewhere = generated_files_on_disk(&tmp.join("elsewhere-generated"));
    assert!(
        elsewhere == expected,
        "{}",
        diff_file_sets(&expected, &elsewhere)
    );

    // No absolute paths, user names or tool versions leak into the output.
    let workspace_path = workspace().canonicalize().unwrap();
    for (path, text) in &expected {
        for leak in [
            workspace_path.to_string_lossy().as_ref(),
            tmp.to_string_lossy().as_ref(),
            "rustc ",
            "prettyplease ",
        ] {
            assert!(!text.contains(leak), "{path} contains {leak:?}");
        }
    }
}

/// `target` relative to `base` (both absolute): enough `..` and then the rest.
fn pathdiff(target: &Path, base: &Path) -> std::path::PathBuf {
    let target = target.canonicalize().unwrap();
    let base = base.canonicalize().unwrap();
    let common = target
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut relative = std::path::PathBuf::new();
    for _ in base.components().skip(common) {
        relative.push("..");
    }
    for part in target.components().skip(common) {
        relative.push(part);
    }
    relative
}
