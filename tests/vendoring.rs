//! `generated/` can be vendored as is: its Cargo.toml is complete on its own, a copy
//! outside the workspace builds and passes its tests offline with neither rustfmt nor
//! the generator around, git marks it generated, and the workspace builds the same
//! crate (`bindings/` compiles `generated/src` with the same dependencies).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use codegen_tests::harness::scratch::shared_target;
use codegen_tests::{mirror, workspace};

/// A Cargo.toml as section -> key -> raw value (enough for the flat files compared here).
fn manifest(path: &Path) -> BTreeMap<String, BTreeMap<String, String>> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut sections: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_owned();
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{}: unexpected line {line:?}", path.display()));
        sections
            .entry(section.clone())
            .or_default()
            .insert(key.trim().to_owned(), value.trim().to_owned());
    }
    sections
}

/// The version requirement of a dependency value (`"1.2.3"` or `{ version = "1.2.3", .. }`).
fn version_requirement(value: &str) -> Option<&str> {
    let quoted = match value.split_once("version = ") {
        Some((_, rest)) => rest,
        None => value,
    };
    quoted.strip_prefix('"')?.split('"').next()
}

#[test]
fn the_generated_manifest_is_complete_on_its_own() {
    let path = workspace().join("generated/Cargo.toml");
    let text = fs::read_to_string(&path).unwrap();
    let manifest = manifest(&path);
    let package = &manifest["package"];
    for key in [
        "name",
        "version",
        "edition",
        "rust-version",
        "license",
        "description",
    ] {
        let value = package.get(key).map(String::as_str).unwrap_or_default();
        assert!(
            value.len() > 2 && value.starts_with('"'),
            "[package] {key} is {value:?}"
        );
    }
    assert!(
        !text.contains("workspace"),
        "workspace inheritance in:\n{text}"
    );
    let dependencies = &manifest["dependencies"];
    assert!(!dependencies.is_empty());
    for (name, value) in dependencies {
        assert!(
            !value.contains("path") && !value.contains("git"),
            "{name} = {value}"
        );
        let version = version_requirement(value).unwrap_or_default();
        let parts: Vec<&str> = version.split('.').collect();
        assert!(
            parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()),
            "{name}: requirement {version:?} is not a full version"
        );
    }
}

/// The build-script example compiles the same generated code through `include!`, so it
/// needs exactly the generated crate's dependencies.
#[test]
fn the_build_script_example_has_the_generated_dependencies() {
    let generated = manifest(&workspace().join("generated/Cargo.toml"));
    let example = manifest(&workspace().join("examples/build-script/Cargo.toml"));
    assert_eq!(example["dependencies"], generated["dependencies"]);
}

#[test]
fn the_workspace_builds_generated_src_with_the_generated_manifest() {
    let generated = manifest(&workspace().join("generated/Cargo.toml"));
    let bindings = manifest(&workspace().join("bindings/Cargo.toml"));
    assert_eq!(bindings["dependencies"], generated["dependencies"]);
    assert_eq!(bindings.get("features"), generated.get("features"));
    for key in ["name", "version", "edition", "rust-version", "license"] {
        assert_eq!(bindings["package"][key], generated["package"][key], "{key}");
    }
    assert_eq!(bindings["lib"]["path"], "\"../generated/src/lib.rs\"");
    let workspace_manifest = manifest(&workspace().join("Cargo.toml"));
    let exclude = &workspace_manifest["workspace"]["exclude"];
    assert!(
        exclude.contains("\"generated\""),
        "generated/ must stay out of the workspace: exclude = {exclude}"
    );
}

#[test]
fn git_marks_the_generated_files_as_generated() {
    let attributes = fs::read_to_string(workspace().join(".gitattributes")).unwrap();
    assert!(
        attributes
            .lines()
            .any(|line| line.trim() == "generated/** linguist-generated=true"),
        "{attributes}"
    );
}

/// A directory for `PATH` holding only `cargo`, `rustc` and `rustdoc` of the toolchain
/// running this test.
#[cfg(unix)]
fn toolchain_only_bin(dir: &Path) -> PathBuf {
    let cargo = PathBuf::from(env!("CARGO"));
    let toolchain = cargo.parent().expect("cargo is in a directory");
    let bin = dir.join("bin");
    fs::create_dir_all(&bin).unwrap();
    for tool in ["cargo", "rustc", "rustdoc"] {
        let source = toolchain.join(tool);
        assert!(source.is_file(), "{} is not there", source.display());
        std::os::unix::fs::symlink(&source, bin.join(tool)).unwrap();
    }
    bin
}

/// `PATH` entries that hold none of the Rust tools (rustup's proxies, rustfmt) nor the
/// generator; the C linker stays reachable.
fn path_without_rust_tools() -> Vec<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .filter(|dir| {
            ["cargo", "rustc", "rustfmt", "codegen"]
                .iter()
                .all(|tool| !dir.join(tool).exists())
        })
        .collect()
}

#[cfg(unix)] // symlinks to the toolchain (a copied rustc would not find its sysroot)
#[test]
fn a_vendored_copy_builds_and_passes_its_tests_outside_the_workspace() {
    // Outside the workspace: in the system's temporary directory, at a path of its own
    // for each checkout that stays the same from run to run, with files rewritten only
    // when they differ, so that Cargo rebuilds only what changed since last time.
    let checkout = workspace().canonicalize().unwrap();
    let checkout: String = checkout
        .to_string_lossy()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let outside = std::env::temp_dir().join(format!("codegen-vendoring{checkout}"));
    let vendored = outside.join("fsx");
    mirror(&workspace().join("generated"), &vendored);
    let _ = fs::remove_dir_all(outside.join("bin"));

    let mut path = vec![toolchain_only_bin(&outside)];
    path.extend(path_without_rust_tools());
    // Dependencies compile once, into the target directory every scratch crate shares
    // (with the same lean settings as theirs, so that their artifacts are reused).
    let target = shared_target(Path::new(env!("CARGO_TARGET_TMPDIR")));
    for command in ["build", "test"] {
        let output = Command::new(path[0].join("cargo"))
            .args([command, "--offline"])
            .current_dir(&vendored)
            .env("PATH", std::env::join_paths(&path).unwrap())
            .env("RUSTFMT", "/nonexistent/rustfmt")
            .env("CARGO_TARGET_DIR", &target)
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_INCREMENTAL", "0")
            .env_remove("RUSTC")
            .env_remove("RUSTDOC")
            .env_remove("CODEGEN_CHECK")
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "cargo {command} in {}:\n{}\n{}",
            vendored.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if command == "test" {
            let stdout = String::from_utf8_lossy(&output.stdout);
            assert!(stdout.contains("test result: ok."), "{stdout}");
        }
    }
}
