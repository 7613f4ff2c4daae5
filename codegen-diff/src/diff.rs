//! `codegen-diff`: what a change to the model or the generator does to the generated
//! code. Two [`Side`]s (the generated files, and the shapes of the model they came
//! from) are compared into a [`Report`]: a unified diff per file, then a summary of the
//! model's shapes added, removed and changed ([`crate::shape_diff`]) and of the public
//! Rust API ([`crate::api`]), API breaks first. The summary is Markdown, meant to be
//! posted on a pull request. [`crate::base_rev`] produces the base side from a git
//! revision.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::api::{ApiChange, PublicApi};
use crate::shape_diff::{ShapeChanges, ShapeSet};
use codegen::Config;
use codegen::{unified_diff, StaleFile};
use codegen::{Error, Result};

/// One side of a comparison.
#[derive(Debug, Clone)]
pub struct Side {
    /// Generated files: relative path (`/` separators) -> text.
    pub files: BTreeMap<String, String>,
    /// The shapes the generation covered, or why the model could not be read (the
    /// summary then says so instead of listing shapes).
    pub shapes: std::result::Result<ShapeSet, String>,
}

impl Side {
    /// Generates in memory with this version of the generator.
    pub fn generate(config: &Config) -> Result<Side> {
        let files = config.render()?;
        let shapes = ShapeSet::load(config.model_paths(), config.operation_names())
            .map_err(|e| e.to_string());
        Ok(Side { files, shapes })
    }
}

/// Names for the two sides in the output.
#[derive(Debug, Clone)]
pub struct Labels {
    pub base: String,
    pub head: String,
}

/// Everything that differs between two sides.
#[derive(Debug, Clone)]
pub struct Report {
    pub labels: Labels,
    /// Changed, added (`on_disk` is `None`) and removed (`generated` is `None`) files,
    /// sorted by path; `on_disk` holds the base's text, `generated` the head's.
    pub files: Vec<StaleFile>,
    pub shapes: std::result::Result<ShapeChanges, String>,
    pub api: std::result::Result<Vec<ApiChange>, String>,
}

/// Compares `base` with `head`.
pub fn compare(base: &Side, head: &Side, labels: Labels) -> Report {
    let shapes = match (&base.shapes, &head.shapes) {
        (Ok(old), Ok(new)) => Ok(crate::shape_diff::compare(old, new)),
        (Err(e), _) => Err(format!("the base model could not be read: {e}")),
        (_, Err(e)) => Err(format!("the model could not be read: {e}")),
    };
    let api = PublicApi::from_files(&base.files)
        .and_then(|old| {
            Ok(crate::api::compare(
                &old,
                &PublicApi::from_files(&head.files)?,
            ))
        })
        .map_err(|e| e.to_string());
    Report {
        labels,
        files: changed_files(&base.files, &head.files),
        shapes,
        api,
    }
}

/// Files that differ between two generations, sorted by path.
pub fn changed_files(
    base: &BTreeMap<String, String>,
    head: &BTreeMap<String, String>,
) -> Vec<StaleFile> {
    let paths: std::collections::BTreeSet<&String> = base.keys().chain(head.keys()).collect();
    paths
        .into_iter()
        .filter(|path| base.get(*path) != head.get(*path))
        .map(|path| StaleFile {
            path: path.clone(),
            on_disk: base.get(path).cloned(),
            generated: head.get(path).cloned(),
        })
        .collect()
}

/// Every file under `dir` (a generated crate), by relative path with `/` separators.
pub fn read_generated(dir: &Path) -> Result<BTreeMap<String, String>> {
    files_under(dir)?
        .into_iter()
        .map(|(relative, bytes)| {
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::new("generated file is not UTF-8").with_file(&dir.join(&relative))
            })?;
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Ok((parts.join("/"), text))
        })
        .collect()
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
pub(crate) fn files_under(dir: &Path) -> Result<BTreeMap<PathBuf, Vec<u8>>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let io = |e: std::io::Error| Error::new(format!("cannot read: {e}")).with_file(&current);
        for entry in std::fs::read_dir(&current).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).map_err(io)?;
                let relative = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
                files.insert(relative, bytes);
            }
        }
    }
    Ok(files)
}

impl Report {
    /// No generated file differs.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The unified diffs, then the summary (the command's default output).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for file in &self.files {
            out.push_str(&unified_diff(file));
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&self.summary());
        out
    }

    /// For a pull request comment: the summary, then each file's diff folded in a
    /// `<details>` block.
    pub fn to_markdown(&self) -> String {
        self.to_markdown_within(usize::MAX)
    }

    /// Like [`Report::to_markdown`], at most `max_bytes` long when the summary fits:
    /// diffs that would pass the limit are left out, and a last line says how many.
    pub fn to_markdown_within(&self, max_bytes: usize) -> String {
        let mut out = self.summary();
        if self.files.is_empty() {
            return out;
        }
        out.push_str("\n### Diff\n");
        let mut left_out = 0;
        for file in &self.files {
            let diff = unified_diff(file);
            let fence = fence_for(&diff);
            let block = format!(
                "\n<details><summary><code>{}</code> ({})</summary>\n\n{fence}diff\n{diff}{fence}\n\n</details>\n",
                file.path,
                file_status(file),
            );
            // Room for the closing note too.
            if out.len() + block.len() + 100 > max_bytes {
                left_out += 1;
            } else {
                out.push_str(&block);
            }
        }
        if left_out > 0 {
            let _ = writeln!(
                out,
                "\n{left_out} file diff(s) left out to keep this short: run `codegen-diff` for all of them."
            );
        }
        out
    }

    /// The Markdown summary: files, then API breaks, then shapes and Rust API changes.
    pub fn summary(&self) -> String {
        let mut out = format!(
            "## codegen diff: {} -> {}\n\n",
            self.labels.base, self.labels.head
        );
        if self.files.is_empty() {
            out.push_str("No changes to the generated code.\n");
        } else {
            self.write_files(&mut out);
            self.write_breaks(&mut out);
        }
        self.write_shapes(&mut out);
        if !self.files.is_empty() {
            self.write_api(&mut out);
        }
        out
    }

    fn write_files(&self, out: &mut String) {
        let count = |status: &str| {
            self.files
                .iter()
                .filter(|f| file_status(f) == status)
                .count()
        };
        let _ = writeln!(
            out,
            "Generated files: {} changed, {} added, {} removed.\n",
            count("changed"),
            count("added"),
            count("removed")
        );
        for file in &self.files {
            let _ = writeln!(out, "- `{}` ({})", file.path, file_status(file));
        }
    }

    /// Model-level and Rust-level breaks together, the first thing a reviewer reads.
    fn write_breaks(&self, out: &mut String) {
        let model: Vec<(String, String)> = self
            .shapes
            .as_ref()
            .map(ShapeChanges::breaking)
            .unwrap_or_default();
        let rust: Vec<&ApiChange> = self
            .api
            .as_ref()
            .map(|changes| changes.iter().filter(|c| c.breaking).collect())
            .unwrap_or_default();
        let _ = writeln!(out, "\n### API breaks: {}\n", model.len() + rust.len());
        if model.is_empty() && rust.is_empty() {
            out.push_str("None.\n");
        }
        for (id, what) in &model {
            let _ = writeln!(out, "- model `{id}`: {what}");
        }
        for change in rust {
            let _ = writeln!(out, "- Rust `{}`: {}", change.path, change.description);
        }
    }

    fn write_shapes(&self, out: &mut String) {
        let changes = match &self.shapes {
            Ok(changes) if changes.is_empty() => return,
            Ok(changes) => changes,
            Err(e) => {
                let _ = writeln!(out, "\n### Model shapes\n\nNot compared: {e}");
                return;
            }
        };
        let _ = writeln!(
            out,
            "\n### Model shapes: {} added, {} removed, {} changed\n",
            changes.added.len(),
            changes.removed.len(),
            changes.changed.len()
        );
        for (id, kind) in &changes.added {
            let _ = writeln!(out, "- added `{id}` ({kind})");
        }
        for (id, kind) in &changes.removed {
            let _ = writeln!(out, "- removed `{id}` ({kind}) **breaking**");
        }
        for change in &changes.changed {
            let _ = writeln!(out, "- changed `{}` ({})", change.id, change.kind);
            for (breaking, what) in &change.details {
                let mark = if *breaking { " **breaking**" } else { "" };
                let _ = writeln!(out, "  - {what}{mark}");
            }
        }
    }

    /// The Rust API changes that break nothing (the breaking ones head the summary).
    fn write_api(&self, out: &mut String) {
        let changes = match &self.api {
            Ok(changes) => changes,
            Err(e) => {
                let _ = writeln!(out, "\n### Rust public API\n\nNot compared: {e}");
                return;
            }
        };
        let additions: Vec<&ApiChange> = changes.iter().filter(|c| !c.breaking).collect();
        let _ = writeln!(
            out,
            "\n### Rust public API, non-breaking changes: {}\n",
            additions.len()
        );
        if additions.is_empty() {
            out.push_str("None.\n");
        }
        for change in additions {
            let _ = writeln!(out, "- `{}`: {}", change.path, change.description);
        }
    }
}

fn file_status(file: &StaleFile) -> &'static str {
    match (&file.on_disk, &file.generated) {
        (None, _) => "added",
        (_, None) => "removed",
        _ => "changed",
    }
}

/// A backtick fence longer than any run of backticks in `text`.
fn fence_for(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}
