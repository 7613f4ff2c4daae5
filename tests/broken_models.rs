//! Malformed and awkward models, one table: each is generated or rejected with one line
//! naming the shape (or, for a file that is no model at all, the file), and none panics.
//! Every outcome is in one snapshot (`snapshots/broken_models__outcomes.snap`). The
//! files are `models/bad/*.json`; the huge and deep models are built here, not committed.
//! The awkward models that generate are also compiled, with clippy, by `synthetic.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a model must come to: generated, or rejected with a message containing this.
enum Expect {
    Generated,
    Rejected(&'static str),
}

use Expect::{Generated, Rejected};

/// Every file of `models/bad/`, with what it must come to.
const CASES: &[(&str, Expect)] = &[
    (
        "blob-default-not-base64",
        Rejected("shape `example.bad#GetOutput`: member `Data`"),
    ),
    ("client-method-operation-names", Generated),
    ("collection-cycle", Rejected("shape `example.bad#Loop`")),
    ("dangling-target", Rejected("shape `example.bad#GetInput`")),
    ("deeply-nested-json", Rejected("shape `example.bad#X`")),
    (
        "default-of-the-wrong-type",
        Rejected("shape `example.bad#GetOutput`: member `Count`"),
    ),
    (
        "duplicate-enum-value",
        Rejected("shape `example.bad#Twice`"),
    ),
    ("duplicate-member", Rejected("shape `example.bad#GetInput`")),
    (
        "duplicate-shape",
        Rejected("duplicate key `example.bad#Thing`"),
    ),
    ("empty-enum", Rejected("shape `example.bad#Nothing`")),
    ("empty-union", Rejected("shape `example.bad#Nothing`")),
    (
        "endpoint-context-path-outside-the-subset",
        Rejected("shape `example.bad#Get`: operationContextParams path `Items[0].Name`: unexpected `[` at offset 5"),
    ),
    (
        "endpoint-context-path-unknown-member",
        Rejected("shape `example.bad#Get`: operationContextParams path `Items[*].Nmae`: `example.bad#Item` has no member `Nmae`"),
    ),
    (
        "endpoint-rules-unknown-function",
        Rejected("shape `example.bad#BadService`: endpoint rules: function `aws.frobnicate`"),
    ),
    (
        "endpoint-rules-unknown-name",
        Rejected("shape `example.bad#BadService`: endpoint rules: `Regoin` is neither"),
    ),
    (
        "enum-default-not-a-value",
        Rejected("shape `example.bad#GetOutput`: member `Mode`"),
    ),
    ("enum-values-not-identifiers", Generated),
    (
        "error-trait-value",
        Rejected("shape `example.bad#Oops`: trait `smithy.api#error`"),
    ),
    ("error-without-trait", Rejected("`example.bad#Oops`")),
    // Left out with a warning; the service generates without it.
    ("event-stream", Generated),
    (
        "float-default-out-of-range",
        Rejected("shape `example.bad#GetOutput`: member `Ratio`"),
    ),
    (
        "idempotency-token-not-a-string",
        Rejected("member `Token` must target a string"),
    ),
    (
        "int-enum-value-out-of-range",
        Rejected("shape `example.bad#Big`"),
    ),
    ("invalid-shape-id", Rejected("shape `example.bad#1Bad`")),
    ("keyword-operation-names", Generated),
    ("malformed", Rejected("not valid JSON")),
    (
        "member-targets-an-operation",
        Rejected("shape `example.bad#GetInput`"),
    ),
    (
        "missing-version",
        Rejected("missing the `smithy` version field"),
    ),
    ("mixin-cycle", Rejected("shape `example.bad#A`")),
    ("names-of-generic-parameters-and-std-types", Generated),
    ("operation-without-input", Generated),
    (
        "paginated-input-token-missing",
        Rejected("shape `example.bad#List`: paginated trait: inputToken `Marker`"),
    ),
    (
        "paginated-items-path-missing",
        Rejected("shape `example.bad#List`: paginated trait: items `Page.Things`"),
    ),
    (
        "paginated-page-size-not-an-integer",
        Rejected("shape `example.bad#List`: paginated trait: pageSize `NextToken`"),
    ),
    (
        "paginated-token-types-differ",
        Rejected(
            "shape `example.bad#List`: paginated trait: inputToken `NextToken` (a string) and outputToken `NextKey` (a map) must be of the same type",
        ),
    ),
    (
        "paginated-without-output-token",
        Rejected("shape `example.bad#List`: paginated trait: has no `outputToken`"),
    ),
    (
        "protocol-aws-query",
        Rejected(
            "shape `example.bad#BadService`: the service uses protocol `aws.protocols#awsQuery`",
        ),
    ),
    (
        "protocol-none",
        Rejected("shape `example.bad#BadService`: the service has no protocol trait"),
    ),
    (
        "protocol-rest-json",
        Rejected(
            "shape `example.bad#BadService`: the service uses protocol `aws.protocols#restJson1`",
        ),
    ),
    ("snake-case-collision", Generated),
    ("streaming-blob", Generated),
    ("structure-cycle", Generated),
    (
        "two-services",
        Rejected("example.bad#BadService, example.bad#OtherService"),
    ),
    ("type-name-collision", Generated),
    ("unsupported-kind", Rejected("shape `example.bad#Gizmo`")),
    (
        "unsupported-version",
        Rejected("unsupported Smithy version \"3.0\""),
    ),
    ("wrong-trait-type", Rejected("shape `example.bad#GetInput`")),
    (
        "wrong-version",
        Rejected("unsupported Smithy version \"1.0\""),
    ),
];

/// `generated: N files`, or `rejected: <message>`; a panic fails the test.
fn outcome(model: &Path) -> (bool, String) {
    match codegen::Config::new().model(model).render() {
        Ok(files) => (true, format!("generated: {} files", files.len())),
        Err(error) => {
            let message = error.to_string();
            assert_eq!(message.lines().count(), 1, "one line: {message}");
            (false, format!("rejected: {message}"))
        }
    }
}

fn check(name: &str, model: &Path, expect: &Expect) -> String {
    let (generated, text) = outcome(model);
    match expect {
        Generated => assert!(generated, "{name}: {text}"),
        Rejected(fragment) => {
            assert!(!generated, "{name}: {text}");
            assert!(
                text.contains(fragment),
                "{name}: expected {fragment:?} in: {text}"
            );
        }
    }
    format!("{name}: {text}\n")
}

#[test]
fn every_broken_model_is_generated_or_rejected_with_a_message_naming_the_shape() {
    let dir = Path::new("models/bad");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .collect();
    files.sort();
    let listed: Vec<&str> = CASES.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        files, listed,
        "every file of models/bad is in CASES, in name order"
    );

    let mut outcomes = String::new();
    for (name, expect) in CASES {
        outcomes.push_str(&check(name, &dir.join(format!("{name}.json")), expect));
    }
    let scratch = Scratch::new();
    for (name, text, expect) in built_models() {
        let path = scratch.write(name, &text);
        let line = check(name, &path, &expect);
        write!(
            outcomes,
            "{}",
            line.replace(&scratch.prefix(), "<scratch>/")
        )
        .unwrap();
    }
    insta::assert_snapshot!("outcomes", outcomes);
}

/// Models too big to commit: (name, JSON, expected outcome).
fn built_models() -> Vec<(&'static str, String, Expect)> {
    vec![
        ("fifty-megabytes", fifty_megabytes(), Generated),
        (
            "chain-of-30k-structures",
            chain(30_000),
            Rejected("shape `example.big#End`"),
        ),
        (
            "8000-recursive-structures",
            recursive_structures(8000),
            Rejected("shape `example.big#End`"),
        ),
    ]
}

/// A service with one operation whose input has `members` (JSON text), plus `shapes`.
fn service(members: &str, shapes: &str) -> String {
    format!(
        r#"{{"smithy":"2.0","shapes":{{
"example.big#Service":{{"type":"service","traits":{{"aws.protocols#awsJson1_1":{{}}}},"version":"1","operations":[{{"target":"example.big#Get"}}]}},
"example.big#Get":{{"type":"operation","input":{{"target":"example.big#GetInput"}}}},
"example.big#GetInput":{{"type":"structure","members":{{{members}}}}},
"example.big#End":{{"type":"set","member":{{"target":"smithy.api#String"}}}}{shapes}}}}}"#
    )
}

/// 50 MB: a small reachable part with a 1 MB documentation string, and tens of thousands
/// of documented structures the operation does not reach, which are loaded and validated.
fn fifty_megabytes() -> String {
    let doc = "Documentation that goes on. ".repeat(40);
    let mut shapes = String::new();
    let mut index = 0;
    while shapes.len() < 50_000_000 {
        write!(
            shapes,
            r#","example.big#Unused{index}":{{"type":"structure","traits":{{"smithy.api#documentation":"{doc}"}},"members":{{"A":{{"target":"smithy.api#String"}},"B":{{"target":"example.big#Unused{next}"}}}}}}"#,
            next = index + 1
        )
        .unwrap();
        index += 1;
    }
    write!(
        shapes,
        r#","example.big#Unused{index}":{{"type":"string"}}"#
    )
    .unwrap();
    let long_doc = "A long line of documentation. ".repeat(35_000);
    let members = format!(
        r#""Name":{{"target":"smithy.api#String","traits":{{"smithy.api#documentation":"{long_doc}"}}}}"#
    );
    service(&members, &shapes)
}

/// The input reaches `End` (a `set`, refused) through `n` structures in a row.
fn chain(n: usize) -> String {
    let mut shapes = String::new();
    for i in 0..n {
        let next = if i + 1 == n {
            "End".to_owned()
        } else {
            format!("Link{}", i + 1)
        };
        write!(
            shapes,
            r#","example.big#Link{i}":{{"type":"structure","members":{{"Next":{{"target":"example.big#{next}"}}}}}}"#
        )
        .unwrap();
    }
    service(r#""First":{"target":"example.big#Link0"}"#, &shapes)
}

/// The input holds `n` structures that each contain themselves, and `End` (refused).
fn recursive_structures(n: usize) -> String {
    let mut members = String::from(r#""End":{"target":"example.big#End"}"#);
    let mut shapes = String::new();
    for i in 0..n {
        write!(members, r#","M{i}":{{"target":"example.big#Self{i}"}}"#).unwrap();
        write!(
            shapes,
            r#","example.big#Self{i}":{{"type":"structure","members":{{"Me":{{"target":"example.big#Self{i}"}}}}}}"#
        )
        .unwrap();
    }
    service(&members, &shapes)
}

/// A directory under the target directory for the built models.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("broken-models");
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(format!("{name}.json"));
        std::fs::write(&path, text).unwrap();
        path
    }

    fn prefix(&self) -> String {
        format!("{}/", self.0.display())
    }
}
