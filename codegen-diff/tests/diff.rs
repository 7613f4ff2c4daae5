//! `codegen-diff` as a library, without building anything: two generations of two
//! model versions compared (file diffs, model summary, Rust API summary), the Rust API
//! rules on small hand-written crates, and the errors of the git side.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

use common::{git, model};

use codegen_diff::api::{self, ApiChange, PublicApi};
use codegen_diff::base_rev::{self, BaseRequest};
use codegen_diff::diff::{self, Labels, Side};

fn side(model_file: &str) -> Side {
    Side::generate(&codegen::Config::new().model(model(model_file))).expect("the model generates")
}

fn labels() -> Labels {
    Labels {
        base: "v1".to_owned(),
        head: "v2".to_owned(),
    }
}

/// v2 adds a shape (and a member using it), removes an enum value, changes two
/// members' type and makes two members required (one in the input, one in a
/// structure of the output).
#[test]
fn two_model_versions() {
    let report = diff::compare(&side("diff-v1.json"), &side("diff-v2.json"), labels());
    assert!(!report.is_empty());
    let text = report.to_text();
    for expected in [
        "--- a/src/types/_color.rs\n+++ b/src/types/_color.rs\n",
        "--- /dev/null\n+++ b/src/types/_priority.rs\n",
        "-    Green,\n",
        "- model `example.widgets#Color`: value `GREEN` removed\n",
        "- model `example.widgets#PutWidgetInput`: member `Name` became required\n",
        "- Rust `types::Widget`: field `name` type changed: `Option<String>` -> `String`\n",
        "- Rust `types::builders::WidgetBuilder::build`: became fallible",
        "- `types::Priority`: enum added\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    insta::assert_snapshot!("two_model_versions", text);
}

#[test]
fn an_unchanged_generation_gives_an_empty_diff() {
    let report = diff::compare(&side("diff-v1.json"), &side("diff-v1.json"), labels());
    assert!(report.is_empty());
    let expected = "## codegen diff: v1 -> v2\n\nNo changes to the generated code.\n";
    assert_eq!(report.to_text(), expected);
    assert_eq!(report.to_markdown(), expected);
}

#[test]
fn markdown_puts_the_summary_first_and_folds_each_diff() {
    let report = diff::compare(&side("diff-v1.json"), &side("diff-v2.json"), labels());
    let markdown = report.to_markdown();
    assert!(markdown.starts_with(&report.summary()));
    assert_eq!(
        markdown.matches("<details>").count(),
        report.files.len(),
        "{markdown}"
    );
    // The enum's docs hold a ```text block, so its diff gets a longer fence.
    assert!(markdown.contains(
        "<details><summary><code>src/types/_priority.rs</code> (added)</summary>\n\n````diff\n--- /dev/null\n"
    ));
    // Under a limit, the diffs that do not fit are left out and counted.
    let limit = report.summary().len() + 3_000;
    let short = report.to_markdown_within(limit);
    assert!(short.len() <= limit, "{} > {limit}", short.len());
    assert!(short.starts_with(&report.summary()));
    let kept = short.matches("<details>").count();
    assert!(0 < kept && kept < report.files.len(), "{kept} diffs kept");
    let left_out = report.files.len() - kept;
    assert!(short.ends_with(&format!(
        "\n{left_out} file diff(s) left out to keep this short: run `codegen-diff` for all of them.\n"
    )));
    // The plain form is the diffs, then the same summary.
    assert!(report.to_text().ends_with(&report.summary()));
    assert!(report.to_text().starts_with("--- a/"));
}

/// A crate from (path, source) pairs.
fn crate_api(files: &[(&str, &str)]) -> PublicApi {
    let files: BTreeMap<String, String> = files
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    PublicApi::from_files(&files).expect("the crate parses")
}

#[test]
fn public_paths_follow_modules_and_reexports() {
    let api = crate_api(&[
        (
            "src/lib.rs",
            "pub mod types; mod hidden; mod renamed; pub use crate::types::Thing; pub use renamed as exported; pub fn free(x: ::std::string::String) {}",
        ),
        (
            "src/types.rs",
            "mod _thing; pub use self::_thing::Thing; pub mod builders { pub use super::_thing::ThingBuilder as Builder; } pub(crate) struct Internal;",
        ),
        (
            "src/types/_thing.rs",
            "pub struct Thing { pub a: ::std::option::Option<i32>, b: u8 } pub struct ThingBuilder; struct Private;
             impl Thing { pub fn a(&self) -> ::std::option::Option<i32> { self.a } fn hidden(&self) {} pub const N: u8 = 1; }
             impl ::std::fmt::Debug for Thing { fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { Ok(()) } }",
        ),
        ("src/hidden.rs", "pub struct NotExported;"),
        ("src/renamed.rs", "pub struct Inside; struct Private;"),
    ]);
    let paths: Vec<&str> = api.items.keys().map(String::as_str).collect();
    // `Thing` is reachable as `Thing` and `types::Thing`: the shortest path is kept.
    // A private module re-exported under another name is public under that name.
    assert_eq!(
        paths,
        [
            "Thing",
            "exported::Inside",
            "free",
            "types::builders::Builder"
        ]
    );
    let thing = &api.items["Thing"];
    assert_eq!(thing.kind, "struct");
    assert_eq!(
        thing.fields,
        BTreeMap::from([("a".to_owned(), "Option<i32>".to_owned())])
    );
    let methods: Vec<(&str, &str)> = thing
        .methods
        .iter()
        .map(|(name, m)| (name.as_str(), m.signature.as_str()))
        .collect();
    assert_eq!(
        methods,
        [("N", "const N: u8"), ("a", "fn a(&self) -> Option<i32>")]
    );
    assert_eq!(thing.traits.iter().collect::<Vec<_>>(), ["Debug"]);
    assert_eq!(api.items["free"].signature, "fn free(x: String)");
}

fn changes(old: &[(&str, &str)], new: &[(&str, &str)]) -> Vec<(bool, String, String)> {
    api::compare(&crate_api(old), &crate_api(new))
        .into_iter()
        .map(
            |ApiChange {
                 breaking,
                 path,
                 description,
             }| (breaking, path, description),
        )
        .collect()
}

#[test]
fn api_changes_are_classified() {
    let old = "
        #[derive(Clone)] pub struct Open { pub a: i32 }
        #[non_exhaustive] pub struct Closed { pub a: i32 }
        pub enum Exhaustive { A, B(u8) }
        #[non_exhaustive] pub enum Growing { A }
        pub struct Builder; impl Builder { pub fn build(self) -> Open { Open { a: 0 } } }
        pub trait Transport { fn send(&self); fn name(&self) -> u8 { 0 } }
        pub struct Gone;";
    let new = "
        pub struct Open { pub a: i64, pub b: i32 }
        #[non_exhaustive] pub struct Closed { pub a: i32, pub b: i32 }
        pub enum Exhaustive { A, B(u16), C }
        #[non_exhaustive] pub enum Growing { A, B }
        pub struct Builder; impl Builder { pub fn build(self) -> ::std::result::Result<Open, ()> { Err(()) } }
        pub trait Transport { fn send(&self); fn name(&self) -> u8 { 0 } fn close(&self); fn flush(&self) {} }
        pub struct New;";
    let found = changes(&[("src/lib.rs", old)], &[("src/lib.rs", new)]);
    let expected = [
        (
            true,
            "Builder::build",
            "became fallible: `fn build(self) -> Open` -> `fn build(self) -> Result<Open, ()>`",
        ),
        (
            true,
            "Exhaustive",
            "variant `B` type changed: `(u8)` -> `(u16)`",
        ),
        (true, "Exhaustive", "variant `C` added"),
        (true, "Gone", "struct removed"),
        (true, "Open", "field `a` type changed: `i32` -> `i64`"),
        (true, "Open", "field `b` added"),
        (true, "Open", "no longer implements `Clone`"),
        (true, "Transport::close", "added: `fn close(&self)`"),
        (false, "Closed", "field `b` added"),
        (false, "Growing", "variant `B` added"),
        (false, "New", "struct added"),
        (false, "Transport::flush", "added: `fn flush(&self)`"),
    ];
    let expected: Vec<(bool, String, String)> = expected
        .iter()
        .map(|(b, p, d)| (*b, p.to_string(), d.to_string()))
        .collect();
    assert_eq!(found, expected);
}

/// A fresh git repository holding `files`, committed.
fn repository(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "files"]);
    dir
}

fn base_error(workspace: &Path, rev: &str) -> String {
    let request = BaseRequest {
        workspace: workspace.to_path_buf(),
        repository: workspace.to_path_buf(),
        rev: rev.to_owned(),
        models: vec![workspace.join("model.json")],
        operations: Vec::new(),
        crate_name: None,
        target_dir: Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-errors-target"),
    };
    match base_rev::generate(&request) {
        Ok(_) => panic!("generating {rev} in {} succeeded", workspace.display()),
        Err(e) => e.to_string(),
    }
}

/// Leftover temporary directories of this process.
fn temporary_dirs() -> Vec<PathBuf> {
    let prefix = format!("codegen-diff-{}-", std::process::id());
    std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .map(|entry| entry.path())
        .collect()
}

/// Each error names the problem, and no temporary directory is left behind.
#[test]
fn base_revision_errors() {
    let model = std::fs::read_to_string(model("diff-v1.json")).unwrap();

    let outside = std::env::temp_dir().join(format!("codegen-diff-nogit-{}", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("model.json"), &model).unwrap();
    let error = base_error(&outside, "HEAD");
    std::fs::remove_dir_all(&outside).unwrap();
    assert!(error.contains("is not inside a git repository"), "{error}");

    let no_generator = repository("diff-no-generator", &[("model.json", &model)]);
    let error = base_error(&no_generator, "no-such-branch");
    assert!(
        error.starts_with("unknown revision `no-such-branch`"),
        "{error}"
    );
    let error = base_error(&no_generator, "HEAD");
    assert_eq!(error, "revision `HEAD` has no generator at `codegen`");

    let broken = repository(
        "diff-broken-generator",
        &[
            ("model.json", &model),
            ("Cargo.toml", "[workspace]\nmembers = [\"codegen\"]\n"),
            ("codegen/Cargo.toml", "[package\nname = \"codegen\"\n"),
        ],
    );
    let error = base_error(&broken, "HEAD");
    assert!(
        error.starts_with("the generator of revision `HEAD` failed"),
        "{error}"
    );
    assert!(
        error.contains("codegen/Cargo.toml"),
        "cargo's own message: {error}"
    );

    assert_eq!(temporary_dirs(), Vec::<PathBuf>::new());
}
