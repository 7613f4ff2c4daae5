//! Separate runs of the `codegen` binary write identical bytes. Each process draws its
//! own random hash seed (std's `RandomState`), so output that depended on the iteration
//! order of a `HashMap` or `HashSet` would differ between them. (The generator's clippy
//! configuration also forbids those types in its code: `codegen/clippy.toml`.)

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn generate(out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let _ = fs::remove_dir_all(out);
    let status = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("--model")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../model"))
        .arg("--out")
        .arg(out)
        .output()
        .expect("the codegen binary runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut files = BTreeMap::new();
    let mut pending = vec![out.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(out).unwrap().to_path_buf();
                files.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn runs_in_separate_processes_write_identical_bytes() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let first = generate(&tmp.join("determinism-0"));
    assert!(first.len() > 100, "{} files", first.len());
    for run in 1..3 {
        let again = generate(&tmp.join(format!("determinism-{run}")));
        assert_eq!(
            first.keys().collect::<Vec<_>>(),
            again.keys().collect::<Vec<_>>(),
            "run {run}"
        );
        for (path, bytes) in &first {
            assert!(
                again[path] == *bytes,
                "run {run}: {} differs",
                path.display()
            );
        }
    }
}
