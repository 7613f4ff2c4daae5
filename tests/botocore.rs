//! Differential test against botocore, the reference Python implementation of awsJson1_1:
//! the same CopyBackup inputs serialized by the generated crate and by botocore's own
//! serializer (with botocore's bundled FSx model) must give the same JSON body, and the
//! response fixtures in `../shared/fixtures` parsed by both must give the same output.
//!
//! Python runs once (`tests/botocore/wire.py`), for every request and response. Skipped,
//! with a `SKIPPED` line, when Python, botocore or `../shared` is not on this machine; in
//! CI (`CI=true` or `CI_REQUIRE_BOTOCORE=1`) a missing one fails instead. `PYTHON` picks
//! the interpreter (default `python3`).

#[path = "support/wire_json.rs"]
mod wire_json;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use codegen_tests::{python_with_botocore, shared, workspace};
use fsx::operation::copy_backup::{CopyBackup, CopyBackupInput};
use fsx::types::Tag;
use serde_json::{json, Value};

/// How many generated inputs go beside the API doc's example.
const GENERATED_INPUTS: u64 = 40;

/// Numbers closer than this are equal (timestamps: botocore's `datetime` holds
/// microseconds, read back as a float).
const TOLERANCE: f64 = 1e-6;

/// `../shared/fixtures`, or `None` (after a `SKIPPED` line; in CI a failure) when it is
/// not here.
fn fixtures() -> Option<PathBuf> {
    shared("fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Runs `wire.py` on `input` and returns its output document.
fn botocore(python: &str, input: &Value) -> Value {
    let script = workspace().join("tests/botocore/wire.py");
    let mut child = Command::new(python)
        .arg(&script)
        .current_dir(workspace().join("tests/botocore"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {python} {}: {e}", script.display()));
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let payload = serde_json::to_vec(input).expect("the input document serializes");
    // Written from a thread so that a large output cannot block the child on a full pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&payload));
    let out = child.wait_with_output().expect("waiting for wire.py");
    writer
        .join()
        .expect("the stdin writer does not panic")
        .expect("writing wire.py's stdin");
    assert!(
        out.status.success(),
        "wire.py failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "wire.py printed no JSON document ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// A tiny deterministic generator (Knuth's MMIX LCG), so no new crate is needed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }

    /// One to four pieces: plain ids, unicode, JSON's escapes, control characters, emoji.
    fn string(&mut self, prefix: &str) -> String {
        const PIECES: &[&str] = &[
            "backup-03e3c82e0183b7b6b",
            "us-east-2",
            "arn:aws:kms:us-east-1:012345678912:key/d1234e22-543a-12b7",
            "Grüße, Zürich",
            "日本語のタグ",
            "\"quoted\"",
            "back\\slash\\",
            "line\nbreak",
            "tab\there\r",
            "\u{1}\u{2}\u{1f}",
            "\u{0}nul",
            "\u{7f}del",
            "\u{2028}\u{2029}",
            "/slash/</script>",
            "😀🦀👩‍💻",
            "\u{fffd}\u{feff}",
            " ",
            "",
        ];
        let count = 1 + self.below(4);
        let mut out = prefix.to_owned();
        for _ in 0..count {
            out.push_str(PIECES[self.below(PIECES.len() as u64)]);
        }
        out
    }
}

/// One request: our input, the idempotency token our `TokenSource` gives, and the same
/// request as botocore params (the token always explicit: botocore's serializer does
/// not fill it).
struct Case {
    input: CopyBackupInput,
    source_token: String,
    params: Value,
}

fn example_case(fixtures: &Path) -> Case {
    let path = fixtures.join("copy-backup-request.example.json");
    let example: Value = serde_json::from_str(&read(&path)).expect("the example is JSON");
    let field = |name: &str| {
        example[name]
            .as_str()
            .unwrap_or_else(|| panic!("{} has no string {name}", path.display()))
            .to_owned()
    };
    let input = CopyBackupInput::builder()
        .source_backup_id(field("SourceBackupId"))
        .source_region(field("SourceRegion"))
        .build()
        .expect("the example input builds");
    let mut params = example.clone();
    params["ClientRequestToken"] = json!("example-token");
    Case {
        input,
        source_token: "example-token".to_owned(),
        params,
    }
}

/// Case `i`: the low bits of `i` decide which optional members are set, so every
/// combination comes up; the values come from `rng`.
fn generated_case(i: u64, rng: &mut Lcg) -> Case {
    let source_token = format!("token-{i}-{}", rng.next());
    let mut builder = CopyBackupInput::builder();
    let mut params = serde_json::Map::new();

    let source_backup_id = rng.string("backup-");
    builder = builder.source_backup_id(source_backup_id.clone());
    params.insert("SourceBackupId".into(), json!(source_backup_id));

    if i % 2 == 1 {
        let token = rng.string("client-");
        builder = builder.client_request_token(token.clone());
        params.insert("ClientRequestToken".into(), json!(token));
    } else {
        params.insert("ClientRequestToken".into(), json!(source_token));
    }
    if (i / 2) % 2 == 1 {
        let region = rng.string("");
        builder = builder.source_region(region.clone());
        params.insert("SourceRegion".into(), json!(region));
    }
    if (i / 4) % 2 == 1 {
        let key = rng.string("kms-");
        builder = builder.kms_key_id(key.clone());
        params.insert("KmsKeyId".into(), json!(key));
    }
    match i % 3 {
        0 => {}
        copy => {
            let copy = copy == 1;
            builder = builder.copy_tags(copy);
            params.insert("CopyTags".into(), json!(copy));
        }
    }
    // 0: no list; 1: an empty list; 2..=4: one to three tags.
    match (i / 8) % 5 {
        0 => {}
        1 => {
            builder = builder.set_tags(Some(Vec::new()));
            params.insert("Tags".into(), json!([]));
        }
        n => {
            let mut tags = Vec::new();
            for _ in 1..n {
                let key = rng.string("k");
                let value = rng.string("");
                builder = builder.tags(
                    Tag::builder()
                        .key(key.clone())
                        .value(value.clone())
                        .build()
                        .expect("a tag with key and value builds"),
                );
                tags.push(json!({ "Key": key, "Value": value }));
            }
            params.insert("Tags".into(), Value::Array(tags));
        }
    }
    Case {
        input: builder.build().expect("a generated input builds"),
        source_token,
        params: Value::Object(params),
    }
}

/// The first place where `ours` and `theirs` differ, as `path: ours != theirs`. Numbers
/// are compared by value (integers exactly, others within [`TOLERANCE`]).
fn first_difference(path: &str, ours: &Value, theirs: &Value) -> Option<String> {
    let differ = || Some(format!("at {path}: ours = {ours}, botocore = {theirs}"));
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) => {
            let same = match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => match (a.as_f64(), b.as_f64()) {
                    (Some(x), Some(y)) => x == y || (x - y).abs() <= TOLERANCE,
                    _ => false,
                },
            };
            if same {
                None
            } else {
                differ()
            }
        }
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let child = format!("{path}.{key}");
                match b.get(key) {
                    Some(other) => {
                        if let Some(found) = first_difference(&child, value, other) {
                            return Some(found);
                        }
                    }
                    None => {
                        return Some(format!(
                            "at {child}: ours = {value}, botocore has no such member"
                        ))
                    }
                }
            }
            b.iter()
                .find(|(key, _)| !a.contains_key(*key))
                .map(|(key, value)| {
                    format!("at {path}.{key}: ours has no such member, botocore = {value}")
                })
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!(
                    "at {path}: ours has {} items, botocore {}: ours = {ours}, botocore = {theirs}",
                    a.len(),
                    b.len()
                ));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(&format!("{path}[{i}]"), x, y))
        }
        _ if ours == theirs => None,
        _ => differ(),
    }
}

/// The most `AdministrativeActions` lists met on one path down from `value`.
fn action_depth(value: &Value) -> usize {
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(key, child)| {
                let own = usize::from(
                    key == "AdministrativeActions"
                        && child.as_array().is_some_and(|a| !a.is_empty()),
                );
                own + action_depth(child)
            })
            .max()
            .unwrap_or(0),
        Value::Array(items) => items.iter().map(action_depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// How many scalar values `value` holds.
fn leaves(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.values().map(leaves).sum(),
        Value::Array(items) => items.iter().map(leaves).sum(),
        _ => 1,
    }
}

#[test]
fn requests_and_responses_match_botocore() {
    let Some(fixtures) = fixtures() else {
        return;
    };
    let Some(python) = python_with_botocore() else {
        return;
    };

    let mut rng = Lcg(0x5eed_f5c0_c0b4_c4b0);
    let mut cases = vec![example_case(&fixtures)];
    cases.extend((0..GENERATED_INPUTS).map(|i| generated_case(i, &mut rng)));

    let ours_requests: Vec<http::Request<Vec<u8>>> = cases
        .iter()
        .map(|case| {
            let token = case.source_token.clone();
            let tokens = move || token.clone();
            CopyBackup::request(case.input.clone(), &tokens)
                .unwrap_or_else(|e| panic!("serializing {:?}: {e}", case.input))
        })
        .collect();

    // (fixture, the least nesting of AdministrativeActions it must show)
    let responses = [
        ("copy-backup-response.example.json", 0),
        ("copy-backup-response.depth1.json", 1),
        ("copy-backup-response.depth2.json", 2),
    ];
    let bodies: Vec<String> = responses
        .iter()
        .map(|(name, _)| read(&fixtures.join(name)))
        .collect();

    let reference = botocore(
        &python,
        &json!({
            "requests": cases.iter().map(|c| &c.params).collect::<Vec<_>>(),
            "responses": bodies,
        }),
    );
    let botocore_version = reference["botocore"].as_str().unwrap_or("?");
    assert_eq!(
        reference["protocol"], "json",
        "botocore's FSx model protocol"
    );
    assert_eq!(reference["target"], CopyBackup::TARGET, "X-Amz-Target");
    let their_requests = reference["requests"].as_array().expect("requests");
    let their_heads = reference["heads"].as_array().expect("heads");
    let their_responses = reference["responses"].as_array().expect("responses");
    assert_eq!(their_requests.len(), cases.len());
    assert_eq!(their_heads.len(), cases.len());
    assert_eq!(their_responses.len(), responses.len());

    for (i, ((case, ours), (theirs, head))) in cases
        .iter()
        .zip(&ours_requests)
        .zip(their_requests.iter().zip(their_heads))
        .enumerate()
    {
        let body: Value = serde_json::from_slice(ours.body()).unwrap_or_else(|e| {
            panic!(
                "request {i}: our body is not JSON ({e}): {}",
                String::from_utf8_lossy(ours.body())
            )
        });
        if let Some(difference) = first_difference("$", &body, theirs) {
            panic!(
                "request {i} differs from botocore {botocore_version} {difference}\n\
                 params: {}\nours:     {body}\nbotocore: {theirs}",
                case.params
            );
        }
        assert_eq!(head["method"], ours.method().as_str(), "request {i} method");
        assert_eq!(head["url_path"], ours.uri().path(), "request {i} path");
        for name in ["x-amz-target", "content-type"] {
            let value = ours.headers().get(name).and_then(|v| v.to_str().ok());
            assert_eq!(
                head["headers"][name].as_str(),
                value,
                "request {i} header {name}"
            );
        }
    }

    let mut compared_leaves = 0;
    for (((name, min_depth), body), theirs) in responses.iter().zip(&bodies).zip(their_responses) {
        let response = http::Response::builder()
            .status(200)
            .header("content-type", "application/x-amz-json-1.1")
            .body(body.as_bytes())
            .expect("a response");
        let output = CopyBackup::parse_response(&response)
            .unwrap_or_else(|e| panic!("{name}: our parse failed: {e:?}"));
        let ours = wire_json::to_value(&output).expect("the output serializes");
        if let Some(difference) = first_difference("$", &ours, theirs) {
            panic!("{name}: our output differs from botocore {botocore_version} {difference}");
        }
        // Not vacuous: a backup with its members, nested as deep as the fixture says.
        assert!(
            ours["Backup"]["BackupId"].is_string(),
            "{name}: no Backup.BackupId in {ours}"
        );
        assert!(leaves(&ours) >= 10, "{name}: a trivial output: {ours}");
        let depth = action_depth(&ours);
        assert!(
            depth >= *min_depth,
            "{name}: AdministrativeActions nest {depth} deep, expected at least {min_depth}"
        );
        compared_leaves += leaves(&ours);
    }

    eprintln!(
        "botocore {botocore_version}: {} requests and {} responses ({compared_leaves} values) match",
        cases.len(),
        responses.len()
    );
}

#[test]
fn the_comparison_treats_numbers_by_value_and_names_the_path() {
    let ours = json!({"A": {"T": 1617954808.068, "N": 3, "L": [1, {"S": "x"}]}});
    // A few float steps away, as a microsecond `datetime` read back can be.
    let near = 1_617_954_808.068 + 5e-7;
    let same = json!({"A": {"T": near, "N": 3.0, "L": [1, {"S": "x"}]}});
    assert_eq!(first_difference("$", &ours, &same), None);
    let other = json!({"A": {"T": 1617954808.068, "N": 3, "L": [1, {"S": "y"}]}});
    let found = first_difference("$", &ours, &other).expect("a difference");
    assert!(found.starts_with("at $.A.L[1].S:"), "{found}");
    let off = json!({"A": {"T": 1617954808.069, "N": 3, "L": [1, {"S": "x"}]}});
    let found = first_difference("$", &ours, &off).expect("a difference");
    assert!(found.starts_with("at $.A.T:"), "{found}");
    let missing = json!({"A": {"T": 1617954808.068, "L": [1, {"S": "x"}]}});
    let found = first_difference("$", &ours, &missing).expect("a difference");
    assert!(
        found.contains("$.A.N") && found.contains("botocore has no such member"),
        "{found}"
    );
    let extra = json!({"A": {"T": 1617954808.068, "N": 3, "L": [1, {"S": "x"}], "E": []}});
    let found = first_difference("$", &ours, &extra).expect("a difference");
    assert!(
        found.contains("$.A.E") && found.contains("ours has no such member"),
        "{found}"
    );
}
