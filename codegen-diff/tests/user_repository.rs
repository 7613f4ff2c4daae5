//! `codegen-diff` run in the user's repository, which holds their model but not this
//! generator: the revision is one of that repository, its model is rendered by this
//! generator, and a model path outside the repository is named in a note.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use codegen_diff::diff::{self, Labels, Side};
use common::{git, model};

/// The user's repository: `widgets/model.json` committed at v1, v2 in the working tree.
fn user_repository(name: &str) -> PathBuf {
    let repo = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&repo);
    std::fs::create_dir_all(repo.join("widgets")).unwrap();
    std::fs::copy(model("diff-v1.json"), repo.join("widgets/model.json")).unwrap();
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "widgets v1"]);
    std::fs::copy(model("diff-v2.json"), repo.join("widgets/model.json")).unwrap();
    repo
}

fn codegen_diff(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen-diff"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("codegen-diff runs")
}

fn side(model_file: &str) -> Side {
    Side::generate(&codegen::Config::new().model(model(model_file))).unwrap()
}

#[test]
fn the_revision_and_the_model_are_the_users() {
    let repo = user_repository("diff-user-repository");
    let output = codegen_diff(&repo, &["--base", "HEAD", "--model", "widgets/model.json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("does not hold this generator"), "{stderr}");
    let short: String = git(&repo, &["rev-parse", "HEAD"]).chars().take(8).collect();
    let labels = Labels {
        base: format!("HEAD ({short})"),
        head: "working tree".to_owned(),
    };
    let expected = diff::compare(&side("diff-v1.json"), &side("diff-v2.json"), labels);
    assert!(!expected.is_empty());
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected.to_text());
}

#[test]
fn a_model_outside_any_repository_is_named() {
    let repo = user_repository("diff-user-repository-outside");
    let outside = std::env::temp_dir().join(format!("codegen-diff-outside-{}", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    let outside_model = outside.join("model.json");
    std::fs::copy(model("diff-v1.json"), &outside_model).unwrap();
    let output = codegen_diff(
        &repo,
        &["--base", "HEAD", "--model", outside_model.to_str().unwrap()],
    );
    std::fs::remove_dir_all(&outside).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "model `{}` is outside any git repository",
            outside_model.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("the base reads it as it is now"),
        "{stderr}"
    );
    let short: String = git(&repo, &["rev-parse", "HEAD"]).chars().take(8).collect();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("## codegen diff: HEAD ({short}) -> working tree\n\nNo changes to the generated code.\n")
    );
}
