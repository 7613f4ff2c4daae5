//! Formats the runtime's modules (`../runtime/src/*.rs`) into `$OUT_DIR/runtime/` once,
//! when the generator is built: they are fixed text, so a generation embeds the
//! formatted copies as they are instead of parsing and printing some 190 KB of Rust
//! each run (a fifth of the instructions of generating `model/`).

use std::path::{Path, PathBuf};

#[path = "build/format_runtime.rs"]
mod format_runtime;

const RUNTIME_SRC: &str = "../runtime/src";

fn main() {
    println!("cargo:rerun-if-changed={RUNTIME_SRC}");
    println!("cargo:rerun-if-changed=build/format_runtime.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let target = out_dir.join("runtime");
    std::fs::create_dir_all(&target).unwrap_or_else(|e| fail(&target, e));
    let entries =
        std::fs::read_dir(RUNTIME_SRC).unwrap_or_else(|e| fail(Path::new(RUNTIME_SRC), e));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| fail(Path::new(RUNTIME_SRC), e))
            .path();
        if !path.extension().is_some_and(|ext| ext == "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&path, e));
        let formatted = format_runtime::format_runtime(&source).unwrap_or_else(|e| fail(&path, e));
        let name = path.file_name().expect("a file read from the directory");
        let destination = target.join(name);
        // Unchanged text keeps its mtime: nothing downstream recompiles for nothing.
        if std::fs::read_to_string(&destination).ok().as_deref() != Some(formatted.as_str()) {
            std::fs::write(&destination, formatted).unwrap_or_else(|e| fail(&destination, e));
        }
    }
}

fn fail(path: &Path, error: impl std::fmt::Display) -> ! {
    panic!("{}: {error}", path.display())
}
