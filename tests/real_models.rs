//! Every reference model in `../shared/reference/models/` and the FSx model generates
//! (operations the generator cannot express left out, with a warning each), and every
//! generated crate passes `cargo clippy --all-targets -D warnings` and `cargo doc` with
//! `RUSTDOCFLAGS=-Dwarnings`. The crates are members of one scratch workspace under the
//! test target directory, checked (not built) by one cargo run each, sharing the target
//! directory of the other scratch crates. Prints what each model left out.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen_tests::harness::scratch::report;
use codegen_tests::{shared_reference, workspace};

/// The models: FSx and every `*.json` of `models/`, sorted.
fn models(fsx: &Path) -> Vec<PathBuf> {
    let dir = fsx.with_file_name("models");
    let mut models: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    models.sort();
    models.insert(0, fsx.to_path_buf());
    models
}

/// The package name for a model file: `real-` and the service name before its date
/// (`kinesis-2013-12-02.json` -> `real-kinesis`).
fn crate_name(model: &Path) -> String {
    let stem = model.file_stem().unwrap().to_string_lossy();
    let service: Vec<&str> = stem
        .split('-')
        .take_while(|part| !part.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    format!("real-{}", service.join("-"))
}

fn cargo(root: &Path, target: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO"))
        .arg("--offline")
        .args(args)
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .env("RUSTDOCFLAGS", "-Dwarnings")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {args:?} failed in {}:\n{}\n{}",
        root.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Words of the FSx model that a crate generated from another model must not carry
/// (the runtime and the emitter once had FSx examples and limits in their text).
const FSX_WORDS: [&str; 4] = ["fsx", "copybackup", "copy_backup", "awssimbaapiservice"];

/// Panics naming the file and word when a generated file mentions FSx.
fn assert_no_fsx_text(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            assert_no_fsx_text(&path);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap().to_lowercase();
        for word in FSX_WORDS {
            assert!(
                !text.contains(word),
                "{} mentions `{word}`, but its model is not FSx",
                path.display()
            );
        }
    }
}

#[test]
fn every_reference_model_generates_a_crate_clippy_and_rustdoc_pass() {
    let Some(fsx) = shared_reference("fsx-2018-03-01.json") else {
        return;
    };
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let root = tmp.join("real-models");
    std::fs::create_dir_all(&root).unwrap();
    let lock = root.join("Cargo.lock");
    if !lock.exists() {
        std::fs::copy(workspace().join("Cargo.lock"), &lock).unwrap();
    }
    let mut members = Vec::new();
    let mut left_out = Vec::new();
    for model in models(&fsx) {
        let name = crate_name(&model);
        let written = codegen::Config::new()
            .model(&model)
            .crate_name(&name)
            .out_dir(root.join(&name))
            .generate()
            .unwrap_or_else(|e| panic!("generating from {}: {e}", model.display()));
        if model != fsx {
            assert_no_fsx_text(&root.join(&name));
        }
        for warning in &written.warnings {
            left_out.push(format!("{name}: {warning}"));
        }
        members.push(format!("\"{name}\""));
    }
    std::fs::write(
        root.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    let target = tmp.join("scratch-target");
    cargo(
        &root,
        &target,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    );
    cargo(
        &root,
        &target,
        &["doc", "--workspace", "--no-deps", "--quiet"],
    );
    report(&format!(
        "real_models: {} crates pass clippy and rustdoc; left out:\n{}",
        members.len(),
        if left_out.is_empty() {
            "  nothing".to_owned()
        } else {
            left_out
                .iter()
                .map(|line| format!("  {line}"))
                .collect::<Vec<_>>()
                .join("\n")
        }
    ));
}
