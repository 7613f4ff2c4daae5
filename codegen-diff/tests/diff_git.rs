//! `codegen-diff --base <rev>` end to end, in a scratch git repository holding a copy of
//! this workspace's generator, diff tool and model: a refactor of the generator gives an empty
//! diff; a model change gives the same report as the library comparison; a base whose
//! generator writes other code shows that the base really runs its own generator.
//!
//! It builds the generator three times (the head once, two bases), so it only runs
//! when `CODEGEN_DIFF_E2E=1` (`.ci/run` sets it); build output is kept under
//! `target/tmp/diff-e2e` so later runs are warm (in CI it is removed at the end).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen_diff::diff::{self, Labels, Side};

mod common;

use common::{git, model};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-e2e")
}

fn commit(repo: &Path, message: &str) {
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", message]);
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let (source, dest) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&source, &dest);
            }
        } else {
            fs::copy(&source, &dest).unwrap();
        }
    }
}

/// Replaces `from` with `to` in a file of the repository; the text must be there.
fn edit(repo: &Path, file: &str, from: &str, to: &str) {
    let path = repo.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(from),
        "`{from}` is no longer in {file}: update this test"
    );
    fs::write(&path, text.replace(from, to)).unwrap();
}

/// A repository with this workspace's generator, diff tool and model (the workspace
/// reduced to the `codegen`, `codegen-diff` and `runtime` members) and the v1 widgets model,
/// committed.
fn repository() -> PathBuf {
    let repo = scratch().join("repo");
    let _ = fs::remove_dir_all(&repo);
    // `codegen` embeds the runtime crate's sources: it comes along.
    for package in ["codegen", "codegen-diff", "runtime"] {
        copy_dir(&workspace().join(package), &repo.join(package));
    }
    copy_dir(&workspace().join("model"), &repo.join("model"));
    fs::copy(workspace().join("Cargo.lock"), repo.join("Cargo.lock")).unwrap();
    let manifest = fs::read_to_string(workspace().join("Cargo.toml")).unwrap();
    let manifest: Vec<String> = manifest
        .lines()
        .map(|line| match line.starts_with("members") {
            true => "members = [\"codegen\", \"codegen-diff\", \"runtime\"]".to_owned(),
            false => line.to_owned(),
        })
        .collect();
    fs::write(repo.join("Cargo.toml"), manifest.join("\n") + "\n").unwrap();
    fs::write(repo.join(".gitignore"), "target/\n").unwrap();
    widgets(&repo, "diff-v1.json");
    git(&repo, &["init", "-q"]);
    commit(&repo, "workspace");
    repo
}

fn widgets(repo: &Path, version: &str) {
    fs::create_dir_all(repo.join("widgets")).unwrap();
    fs::copy(model(version), repo.join("widgets/model.json")).unwrap();
}

/// `cargo run -p codegen-diff -- <args>` in the repository, offline.
fn codegen_diff(repo: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(repo)
        .env("CARGO_TARGET_DIR", scratch().join("target"))
        .env("CARGO_NET_OFFLINE", "true")
        .args(["run", "--quiet", "--package", "codegen-diff", "--"])
        .args(args)
        .output()
        .expect("cargo runs");
    eprintln!(
        "codegen-diff {args:?}: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn short_commit(repo: &Path, rev: &str) -> String {
    git(repo, &["rev-parse", rev]).chars().take(8).collect()
}

#[test]
fn diff_against_git_revisions() {
    if std::env::var_os("CODEGEN_DIFF_E2E").is_none() {
        let why = "set CODEGEN_DIFF_E2E=1 to build and run `codegen-diff` on git revisions";
        // In CI (`CI=true`) this test must run; elsewhere it says loudly that it did not.
        assert!(
            !in_ci(),
            "diff_against_git_revisions cannot be skipped in CI: {why}"
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: diff_against_git_revisions: {why}"
        );
        return;
    }
    let repo = repository();

    // 1. A refactor of the generator (a private function renamed): no change.
    edit(
        &repo,
        "codegen/src/lib.rs",
        "default_crate_name",
        "crate_name_from_sdk_id",
    );
    commit(&repo, "refactor: rename a private function");
    let refactor = codegen_diff(&repo, &["--base", "HEAD~1", "--exit-code"]);
    let expected = format!(
        "## codegen diff: HEAD~1 ({}) -> working tree\n\nNo changes to the generated code.\n",
        short_commit(&repo, "HEAD~1")
    );
    assert_eq!(stdout(&refactor), expected);
    assert_eq!(refactor.status.code(), Some(0));

    // 2. A model change: the report is the library's comparison of the two models.
    widgets(&repo, "diff-v2.json");
    commit(&repo, "widgets v2");
    let model_change = codegen_diff(
        &repo,
        &["--base", "HEAD~2", "--model", "widgets", "--exit-code"],
    );
    assert_eq!(
        model_change.status.code(),
        Some(1),
        "--exit-code: changes found"
    );
    let side =
        |version: &str| Side::generate(&codegen::Config::new().model(model(version))).unwrap();
    let labels = Labels {
        base: format!("HEAD~2 ({})", short_commit(&repo, "HEAD~2")),
        head: "working tree".to_owned(),
    };
    let expected = diff::compare(&side("diff-v1.json"), &side("diff-v2.json"), labels);
    assert_eq!(stdout(&model_change), expected.to_text());

    // 3. A base whose generator writes another header: every file differs in its first
    //    line, so the base ran its own generator, not the working tree's.
    let other = scratch().join("other-worktree");
    let _ = fs::remove_dir_all(&other);
    git(
        &repo,
        &[
            "worktree",
            "add",
            "-q",
            "-b",
            "other-header",
            other.to_str().unwrap(),
        ],
    );
    edit(
        &other,
        "codegen/src/output/format.rs",
        "Do not edit by hand.",
        "Edit the model instead.",
    );
    commit(&other, "generator: another header");
    let generator_change = codegen_diff(&repo, &["--base", "other-header"]);
    assert_eq!(generator_change.status.code(), Some(0));
    let text = stdout(&generator_change);
    let header_change =
        "-// @generated by codegen from the Smithy model. Edit the model instead.\n\
                         +// @generated by codegen from the Smithy model. Do not edit by hand.\n";
    let rust_files = codegen::Config::new()
        .model(repo.join("model"))
        .render()
        .unwrap()
        .into_keys()
        .filter(|path| path.ends_with(".rs"))
        .count();
    assert_eq!(text.matches(header_change).count(), rust_files, "{text}");
    assert!(
        text.contains("+++ b/src/lib.rs\n@@ -1,4 +1,4 @@\n"),
        "{text}"
    );
    assert!(text.contains("### API breaks: 0\n\nNone.\n"), "{text}");
    assert!(!text.contains("### Model shapes"), "same model: {text}");

    // CI builds once: its scratch repository and three builds (about 0.4 GB of disk) go.
    if in_ci() {
        let _ = fs::remove_dir_all(scratch());
    }
}

/// Whether this runs in CI (`CI=true`), where nothing is kept warm for a next run.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}
