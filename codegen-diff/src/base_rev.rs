//! The base side of `codegen-diff`: the bindings as of a git revision, made by that
//! revision's own generator from that revision's model.
//!
//! The revision's tree is checked out into a temporary directory through a temporary
//! index (`git read-tree` + `git checkout-index`: the repository, its index and its
//! worktrees are left untouched), then copied into `<target-dir>/base-tree`, rewriting
//! only the files that differ: cargo decides freshness by modification time, so an
//! unchanged base generator is not rebuilt while a changed file always is. Its `codegen`
//! is built there with `cargo run -p codegen` (target directory `<target-dir>`, by
//! default `target/codegen-diff`: dependencies compile once) and run into a temporary
//! output directory, and the output is read back. The temporary directory is removed
//! on every path out. One `codegen-diff` at a time per target directory.
//!
//! Only the base's `codegen` package and its rendering command (`--out`, `--model`,
//! `--operation`, `--crate-name`) are used, never the base's diff tool: a revision from
//! before the diff tool became the `codegen-diff` package (when it was `codegen diff`)
//! works the same as a later one.
//!
//! The revision is one of the repository where `codegen-diff` runs (the current
//! directory's). In the user's own repository, which holds their model but not this
//! generator, the base is the revision's model rendered by this generator: the diff
//! shows what the model change does. A model path outside that repository is read as it
//! is now for both sides, and a note says so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::diff::{files_under, read_generated, Side};
use crate::shape_diff::ShapeSet;
use codegen::{Error, Result};

/// What to generate as of a revision: the same options as the head's run.
#[derive(Debug, Clone)]
pub struct BaseRequest {
    /// The workspace that holds the `codegen` package (in the working tree).
    pub workspace: PathBuf,
    /// Where `codegen-diff` runs: the revision is one of this directory's repository.
    pub repository: PathBuf,
    /// Any revision git understands (`HEAD~1`, `origin/main`, a hash).
    pub rev: String,
    /// Model paths as given for the head; paths inside the repository are read from
    /// the revision's tree, paths outside it are used as they are.
    pub models: Vec<PathBuf>,
    pub operations: Vec<String>,
    pub crate_name: Option<String>,
    /// Where the revision's generator is built.
    pub target_dir: PathBuf,
}

/// A resolved revision: as the user wrote it, and its commit.
#[derive(Debug, Clone)]
pub struct Revision {
    pub name: String,
    pub commit: String,
}

impl Revision {
    /// `origin/main (1a2b3c4d)`.
    pub fn label(&self) -> String {
        let short: String = self.commit.chars().take(8).collect();
        format!("{} ({short})", self.name)
    }
}

/// Generates the base side; also returns the resolved revision.
pub fn generate(request: &BaseRequest) -> Result<(Revision, Side)> {
    let toplevel = repository_root(&request.repository)?;
    let revision = resolve(&toplevel, &request.rev)?;
    for model in &request.models {
        if let Some(note) = outside_note(model, &toplevel)? {
            eprintln!("codegen-diff: {note}");
        }
    }
    let temp = TempDir::new()?;
    let checked_out = temp.path().join("tree");
    checkout(
        &toplevel,
        &revision,
        &checked_out,
        &temp.path().join("index"),
    )?;
    let side = if canonical(&request.workspace)?.starts_with(&toplevel) {
        revision_generator_side(request, &revision, &toplevel, &checked_out, &temp)?
    } else {
        eprintln!(
            "codegen-diff: `{}` does not hold this generator: both sides are rendered by it, the base from the models as of {}",
            toplevel.display(),
            revision.label()
        );
        model_side(request, &toplevel, &checked_out)?
    };
    Ok((revision, side))
}

/// The base rendered by this generator from the revision's models (the user's
/// repository, which does not hold the generator).
fn model_side(request: &BaseRequest, toplevel: &Path, tree: &Path) -> Result<Side> {
    let mut config = codegen::Config::new().operations(request.operations.clone());
    for model in &request.models {
        config = config.model(in_tree(model, toplevel, tree)?);
    }
    if let Some(name) = &request.crate_name {
        config = config.crate_name(name);
    }
    let untemp = |text: &str| text.replace(&format!("{}/", tree.display()), "");
    let side = Side::generate(&config).map_err(|e| Error::new(untemp(&e.message)))?;
    Ok(Side {
        shapes: side.shapes.map_err(|e| untemp(&e)),
        ..side
    })
}

/// Why the base reads `model` as it is now: it lies outside the repository, or outside
/// any repository. `None` for a model inside it.
fn outside_note(model: &Path, toplevel: &Path) -> Result<Option<String>> {
    let absolute = canonical(model)?;
    if absolute.starts_with(toplevel) {
        return Ok(None);
    }
    let dir = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent().unwrap_or(&absolute)
    };
    let place = match repository_root(dir) {
        Ok(other) => format!("in another repository (`{}`)", other.display()),
        Err(_) => "outside any git repository".to_owned(),
    };
    Ok(Some(format!(
        "model `{}` is {place}, not in `{}` where codegen-diff runs: the base reads it as it is now",
        model.display(),
        toplevel.display()
    )))
}

/// The base rendered by the revision's own generator (the repository holds it).
fn revision_generator_side(
    request: &BaseRequest,
    revision: &Revision,
    toplevel: &Path,
    checked_out: &Path,
    temp: &TempDir,
) -> Result<Side> {
    let tree = request.target_dir.join("base-tree");
    sync_dir(checked_out, &tree)?;

    let workspace = canonical(&request.workspace)?;
    let relative = workspace.strip_prefix(toplevel).unwrap_or(Path::new(""));
    let base_workspace = tree.join(relative);
    if !base_workspace.join("codegen/Cargo.toml").is_file() {
        return Err(Error::new(format!(
            "revision `{}` has no generator at `{}`",
            revision.name,
            relative.join("codegen").display()
        )));
    }
    let models = request
        .models
        .iter()
        .map(|model| in_tree(model, toplevel, &tree))
        .collect::<Result<Vec<_>>>()?;
    // Paths inside the temporary tree mean nothing to the reader.
    let untemp = |text: &str| text.replace(&format!("{}/", tree.display()), "");
    let out = temp.path().join("out");
    run_generator(request, revision, &base_workspace, &models, &out)
        .map_err(|e| Error::new(untemp(&e.message)))?;
    let files = read_generated(&out)?;
    let shapes = ShapeSet::load(&models, &request.operations).map_err(|e| untemp(&e.to_string()));
    Ok(Side { files, shapes })
}

/// The root of the git repository that holds `dir`.
fn repository_root(dir: &Path) -> Result<PathBuf> {
    let output = git(dir, &["rev-parse", "--show-toplevel"], None)?;
    if !output.status.success() {
        return Err(Error::new(format!(
            "`{}` is not inside a git repository: `codegen-diff` compares with a git revision ({})",
            dir.display(),
            stderr_line(&output)
        )));
    }
    canonical(Path::new(String::from_utf8_lossy(&output.stdout).trim()))
}

fn resolve(toplevel: &Path, rev: &str) -> Result<Revision> {
    let spec = format!("{rev}^{{commit}}");
    let output = git(toplevel, &["rev-parse", "--verify", "--quiet", &spec], None)?;
    if !output.status.success() || rev.starts_with('-') {
        return Err(Error::new(format!(
            "unknown revision `{rev}` (for a pull request base, fetch it first: `git fetch origin <branch>`)"
        )));
    }
    Ok(Revision {
        name: rev.to_owned(),
        commit: String::from_utf8_lossy(&output.stdout).trim().to_owned(),
    })
}

/// Writes the revision's tree under `dest` through a temporary index file.
fn checkout(toplevel: &Path, revision: &Revision, dest: &Path, index: &Path) -> Result<()> {
    let prefix = format!("{}/", dest.display());
    for args in [
        vec!["read-tree", revision.commit.as_str()],
        vec!["checkout-index", "--all", "--prefix", prefix.as_str()],
    ] {
        let output = git(toplevel, &args, Some(index))?;
        if !output.status.success() {
            return Err(Error::new(format!(
                "cannot check out revision `{}`: git {} failed: {}",
                revision.name,
                args[0],
                stderr_line(&output)
            )));
        }
    }
    Ok(())
}

/// Makes `dest` hold exactly the files of `source`, writing only those that differ.
fn sync_dir(source: &Path, dest: &Path) -> Result<()> {
    let wanted = files_under(source)?;
    let present = if dest.is_dir() {
        files_under(dest)?
    } else {
        BTreeMap::new()
    };
    let io = |path: &Path, e: std::io::Error| {
        Error::new(format!("cannot update the base tree: {e}")).with_file(path)
    };
    for (relative, bytes) in &wanted {
        if present.get(relative) == Some(bytes) {
            continue;
        }
        let path = dest.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        std::fs::copy(source.join(relative), &path).map_err(|e| io(&path, e))?;
    }
    for relative in present.keys().filter(|path| !wanted.contains_key(*path)) {
        let path = dest.join(relative);
        std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
    }
    Ok(())
}

fn git(dir: &Path, args: &[&str], index: Option<&Path>) -> Result<Output> {
    let mut command = Command::new("git");
    command.arg("-C").arg(dir).args(args);
    if let Some(index) = index {
        command.env("GIT_INDEX_FILE", index);
    }
    command
        .output()
        .map_err(|e| Error::new(format!("cannot run git: {e}")))
}

/// The path of `model` inside the revision's tree when it lies in the repository.
fn in_tree(model: &Path, toplevel: &Path, tree: &Path) -> Result<PathBuf> {
    let absolute = canonical(model)?;
    Ok(match absolute.strip_prefix(toplevel) {
        Ok(relative) => tree.join(relative),
        Err(_) => absolute,
    })
}

fn canonical(path: &Path) -> Result<PathBuf> {
    path.canonicalize()
        .map_err(|e| Error::new(format!("cannot resolve the path: {e}")).with_file(path))
}

/// Builds and runs the revision's `codegen` with the head's options.
fn run_generator(
    request: &BaseRequest,
    revision: &Revision,
    base_workspace: &Path,
    models: &[PathBuf],
    out: &Path,
) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(base_workspace)
        .env("CARGO_TARGET_DIR", &request.target_dir)
        .args(["run", "--quiet", "--package", "codegen", "--", "--out"])
        .arg(out);
    for model in models {
        command.arg("--model").arg(model);
    }
    for operation in &request.operations {
        command.args(["--operation", operation]);
    }
    if let Some(name) = &request.crate_name {
        command.args(["--crate-name", name]);
    }
    eprintln!(
        "codegen-diff: building and running the generator of {} ...",
        revision.label()
    );
    let output = command
        .output()
        .map_err(|e| Error::new(format!("cannot run cargo: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    Err(Error::new(format!(
        "the generator of revision `{}` failed ({}); its output:\n{}",
        revision.name,
        output.status,
        String::from_utf8_lossy(&output.stderr).trim_end()
    )))
}

fn stderr_line(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr)
        .trim()
        .replace('\n', "; ")
}

/// A fresh directory under the system's temporary directory, removed when dropped
/// (also when generation fails or panics).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Result<TempDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("codegen-diff-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&path).map_err(|e| {
            Error::new(format!("cannot create a temporary directory: {e}")).with_file(&path)
        })?;
        Ok(TempDir(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
