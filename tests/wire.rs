//! The generated crate on the wire (awsJson1_1): the CopyBackup request, the API doc's
//! example and the large fixtures, timestamps, unknown values, every modeled error from
//! every place its code can come from, hostile bodies, and the client over a canned
//! transport.

#[path = "support/wire_json.rs"]
mod wire_json;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use codegen_tests::shared;
use fsx::endpoint::Endpoint;
use fsx::error::{Fault, SdkError};
use fsx::idempotency::{RandomTokens, TokenSource};
use fsx::operation::copy_backup::{CopyBackup, CopyBackupError, CopyBackupInput, CopyBackupOutput};
use fsx::primitives::DateTime;
use fsx::transport::{CannedTransport, CannedTransportError};
use fsx::types::{
    BackupLifecycle, BackupType, FileSystemType, LustreDeploymentType, StorageType, Tag,
};
use fsx::Client;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// helpers

/// `../shared/fixtures/<name>`, or `None` after a `SKIPPED` line (a failure in CI).
fn fixture(name: &str) -> Option<Vec<u8>> {
    let path = shared(&format!("fixtures/{name}"))?;
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Runs a future that never waits on I/O (the canned transport is ready at once).
fn block_on<F: Future>(future: F) -> F::Output {
    struct NoopWake;
    impl Wake for NoopWake {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(NoopWake));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// Every message of an error's chain, each once: `outer: cause: its cause` (what
/// anyhow's `{:#}` prints), by walking `source()`.
fn report(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body.to_vec()).unwrap()
}

fn parse(body: &[u8]) -> Result<CopyBackupOutput, CopyBackupError> {
    CopyBackup::parse_response(&response(200, &[], body))
}

/// A client in `us-east-1`: the model's endpoint rules resolve every request's endpoint
/// from the region.
fn regional_client<T: fsx::transport::Transport>(transport: T) -> Client<T> {
    Client::new(transport).with_region("us-east-1")
}

fn fixed_token() -> String {
    "token-0001".to_owned()
}

/// JSON equality with numbers compared as numbers (`1.0` == `1`, timestamps as floats).
fn assert_same_json(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let mut keys: Vec<&String> = e.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let here = format!("{path}.{key}");
                match (e.get(key), a.get(key)) {
                    (Some(e), Some(a)) => assert_same_json(e, a, &here),
                    (e, a) => panic!("{here}: expected {e:?}, got {a:?}"),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "{path}: list lengths differ");
            for (i, (e, a)) in e.iter().zip(a).enumerate() {
                assert_same_json(e, a, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            assert_eq!(e.as_f64(), a.as_f64(), "{path}: {e} != {a}");
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

// ---------------------------------------------------------------------------------------
// the request

#[test]
fn the_example_request_is_the_api_doc_example_plus_a_token() {
    let Some(example) = fixture("copy-backup-request.example.json") else {
        return;
    };
    let example: Value = serde_json::from_slice(&example).unwrap();
    let input = CopyBackupInput::builder()
        .source_backup_id(example["SourceBackupId"].as_str().unwrap())
        .source_region(example["SourceRegion"].as_str().unwrap())
        .build()
        .unwrap();
    let request = CopyBackup::request(input, &fixed_token).unwrap();

    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/");
    let header = |name: &str| request.headers().get(name).map(|v| v.to_str().unwrap());
    assert_eq!(header("content-type"), Some("application/x-amz-json-1.1"));
    assert_eq!(
        header("x-amz-target"),
        Some("AWSSimbaAPIService_v20180301.CopyBackup")
    );
    assert_eq!(
        header("content-length"),
        Some(request.body().len().to_string().as_str())
    );

    let mut expected = example.clone();
    expected["ClientRequestToken"] = json!("token-0001");
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body, expected);
}

#[test]
fn a_callers_token_is_kept_and_a_missing_one_is_a_fresh_uuid() {
    let input = CopyBackupInput::builder()
        .source_backup_id("backup-1")
        .client_request_token("mine")
        .build()
        .unwrap();
    let request = CopyBackup::request(input, &fixed_token).unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"ClientRequestToken":"mine","SourceBackupId":"backup-1"}"#
    );

    let input = CopyBackupInput::builder()
        .source_backup_id("backup-1")
        .build()
        .unwrap();
    let tokens: Vec<String> = (0..2)
        .map(|_| {
            let request = CopyBackup::request(input.clone(), &RandomTokens).unwrap();
            let body: Value = serde_json::from_slice(request.body()).unwrap();
            body["ClientRequestToken"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_ne!(tokens[0], tokens[1]);
    for token in &tokens {
        assert_eq!(token.len(), 36, "{token}");
        assert_eq!(&token[14..15], "4", "version 4: {token}");
    }
}

#[test]
fn every_input_member_is_written_with_its_model_name_and_unset_ones_are_omitted() {
    let input = CopyBackupInput::builder()
        .client_request_token("t")
        .source_backup_id("backup-1")
        .source_region("eu-west-1")
        .kms_key_id("key")
        .copy_tags(false)
        .tags(
            Tag::builder()
                .key("k")
                .value("v \"quoted\" \u{1F600}\n")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let body: Value =
        serde_json::from_slice(CopyBackup::request(input, &fixed_token).unwrap().body()).unwrap();
    assert_eq!(
        body,
        json!({
            "ClientRequestToken": "t", "SourceBackupId": "backup-1", "SourceRegion": "eu-west-1",
            "KmsKeyId": "key", "CopyTags": false, "Tags": [{"Key": "k", "Value": "v \"quoted\" \u{1F600}\n"}]
        })
    );
    // An input with nothing set is `{}` (the token aside).
    let empty = CopyBackupInput::builder().set_source_backup_id(None);
    assert!(empty.clone().build().is_err());
    let unchecked: CopyBackupInput = wire_json::from_str("{}").unwrap();
    assert_eq!(wire_json::to_string(&unchecked).unwrap(), "{}");
}

// ---------------------------------------------------------------------------------------
// responses

#[test]
fn the_example_response_parses_field_by_field() {
    let Some(body) = fixture("copy-backup-response.example.json") else {
        return;
    };
    let output = parse(&body).unwrap();
    let backup = output.backup().unwrap();
    assert_eq!(backup.backup_id(), Some("backup-0a3364eded1014b28"));
    let created = backup.creation_time().unwrap();
    assert_eq!(
        (created.secs(), created.subsec_nanos()),
        (1617954808, 68_000_000)
    );
    assert_eq!(
        backup.kms_key_id(),
        Some("arn:aws:fsx:us-east-1:012345678912:key/d1234e22-543a-12b7-a98f-e12c2b54001a")
    );
    assert_eq!(backup.lifecycle(), Some(&BackupLifecycle::Copying));
    assert_eq!(backup.owner_id(), Some("123456789012"));
    assert_eq!(
        backup.resource_arn(),
        Some("arn:aws:fsx:us-east-1:012345678912:backup/backup-0a3364eded1014b28")
    );
    assert_eq!(backup.r#type(), Some(&BackupType::UserInitiated));
    let tags = backup.tags();
    assert_eq!(tags.len(), 1);
    assert_eq!(
        (tags[0].key(), tags[0].value()),
        (Some("Name"), Some("MyBackup"))
    );

    let fs = backup.file_system().unwrap();
    assert_eq!(fs.file_system_id(), Some("fs-0498eed5fe91001ec"));
    assert_eq!(fs.file_system_type(), Some(&FileSystemType::Lustre));
    assert_eq!(
        fs.resource_arn(),
        Some("arn:aws:fsx:us-east-1:012345678912:file-system/fs-0f5179e395f597e66")
    );
    assert_eq!(fs.storage_capacity(), Some(2400));
    assert_eq!(fs.storage_type(), Some(&StorageType::Ssd));
    let lustre = fs.lustre_configuration().unwrap();
    assert_eq!(lustre.automatic_backup_retention_days(), Some(0));
    assert_eq!(
        lustre.deployment_type(),
        Some(&LustreDeploymentType::Persistent1)
    );
    assert_eq!(lustre.per_unit_storage_throughput(), Some(50));
    assert_eq!(lustre.weekly_maintenance_start_time(), Some("1:05:00"));
    // Members the example leaves out are absent.
    assert_eq!(backup.volume(), None);
    assert_eq!(fs.windows_configuration(), None);
}

#[test]
fn the_fixtures_parse_and_serialize_back_to_the_same_json() {
    for name in [
        "copy-backup-response.example.json",
        "copy-backup-response.depth1.json",
        "copy-backup-response.depth2.json",
    ] {
        let Some(body) = fixture(name) else {
            return;
        };
        let output = parse(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected: Value = serde_json::from_slice(&body).unwrap();
        let actual = wire_json::to_value(&output).unwrap();
        assert_same_json(&expected, &actual, name);
        // Parsing what we wrote gives the same value again.
        let again: CopyBackupOutput = wire_json::from_value(actual).unwrap();
        assert_eq!(again, output, "{name}");
    }
}

/// Every object's keys in another order (reversed, or shuffled by a seeded xorshift),
/// written compact: the same output as the fixture in model order. Member lookup must
/// not depend on the order (each structure matches a key by its length, then its bytes).
#[test]
fn the_fixtures_with_keys_in_any_order_parse_to_the_same_output() {
    type Entries = Vec<(String, Value)>;
    fn reorder(value: &Value, order: &mut dyn FnMut(&mut Entries)) -> Value {
        match value {
            Value::Object(map) => {
                let mut entries: Entries = map
                    .iter()
                    .map(|(k, v)| (k.clone(), reorder(v, order)))
                    .collect();
                order(&mut entries);
                Value::Object(entries.into_iter().collect())
            }
            Value::Array(items) => Value::Array(items.iter().map(|v| reorder(v, order)).collect()),
            other => other.clone(),
        }
    }
    for name in [
        "copy-backup-response.example.json",
        "copy-backup-response.depth2.json",
    ] {
        let Some(body) = fixture(name) else {
            eprintln!("skipped: ../shared is not here");
            return;
        };
        let expected = parse(&body).unwrap_or_else(|e| panic!("{name}: {e}"));
        let value: Value = serde_json::from_slice(&body).unwrap();
        let mut state: u64 = 19;
        let mut shuffle = |entries: &mut Entries| {
            for i in (1..entries.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                entries.swap(i, (state % (i as u64 + 1)) as usize);
            }
        };
        let shuffled = reorder(&value, &mut shuffle);
        let reversed = reorder(&value, &mut |entries| entries.reverse());
        let model_order = serde_json::to_vec(&value).unwrap();
        for (how, value) in [("shuffled", shuffled), ("reversed", reversed)] {
            let compact = serde_json::to_vec(&value).unwrap();
            assert_ne!(compact, model_order, "{name}: keys {how} in model order");
            let output = parse(&compact).unwrap_or_else(|e| panic!("{name} {how}: {e}"));
            assert_eq!(output, expected, "{name}, keys {how}");
        }
    }
}

#[test]
fn the_depth_fixtures_carry_nested_administrative_actions() {
    let Some(body) = fixture("copy-backup-response.depth2.json") else {
        return;
    };
    let output = parse(&body).unwrap();
    let fs = output.backup().unwrap().file_system().unwrap();
    let action = &fs.administrative_actions()[0];
    let inner = action.target_file_system_values().unwrap();
    assert!(
        !inner.administrative_actions().is_empty(),
        "depth 2 nests actions in actions"
    );
}

#[test]
fn timestamps_keep_milliseconds_exactly_and_accept_integers() {
    let output = parse(br#"{"Backup": {"CreationTime": 1515531081.123}}"#).unwrap();
    let time = output.backup().unwrap().creation_time().unwrap();
    assert_eq!(
        (time.secs(), time.subsec_nanos()),
        (1515531081, 123_000_000)
    );
    assert_eq!(
        wire_json::to_string(&output).unwrap(),
        r#"{"Backup":{"CreationTime":1515531081.123}}"#
    );

    let output = parse(br#"{"Backup": {"CreationTime": 1515531081}}"#).unwrap();
    assert_eq!(
        output.backup().unwrap().creation_time(),
        Some(&DateTime::from_secs(1515531081))
    );
    assert_eq!(
        wire_json::to_string(&output).unwrap(),
        r#"{"Backup":{"CreationTime":1515531081}}"#
    );

    for millis in [1, 10, 99, 500, 999] {
        let text = format!(r#"{{"Backup":{{"CreationTime":1700000000.{millis:03}}}}}"#);
        let output = parse(text.as_bytes()).unwrap();
        assert_eq!(
            output
                .backup()
                .unwrap()
                .creation_time()
                .unwrap()
                .subsec_nanos(),
            millis * 1_000_000
        );
        // Written as the shortest decimal of the same number: `.010` comes back as `.01`.
        let written = wire_json::to_string(&output).unwrap();
        let expected = format!(
            "{{\"Backup\":{{\"CreationTime\":{}}}}}",
            1_700_000_000.0 + f64::from(millis) / 1000.0
        );
        assert_eq!(written, expected);
        let again = parse(written.as_bytes()).unwrap();
        assert_eq!(again, output);
    }

    let before_epoch = parse(br#"{"Backup": {"CreationTime": -1.5}}"#).unwrap();
    let time = before_epoch.backup().unwrap().creation_time().unwrap();
    assert_eq!(time.as_secs_f64(), -1.5);

    for hostile in [
        "1e400",
        "-1e400",
        "1e300",
        "18446744073709551616",
        "\"2020-01-01\"",
        "true",
    ] {
        let body = format!(r#"{{"Backup": {{"CreationTime": {hostile}}}}}"#);
        let error = parse(body.as_bytes()).unwrap_err();
        assert!(error.message().is_none(), "{hostile}");
        let CopyBackupError::Unhandled(unhandled) = &error else {
            panic!("{hostile}: {error:?}")
        };
        let parse_error = unhandled.parse_error().expect("a parse error");
        if hostile != "1e400" && hostile != "-1e400" {
            assert_eq!(
                parse_error.path(),
                "Backup.CreationTime",
                "{hostile}: {parse_error}"
            );
        }
    }
}

#[test]
fn unknown_enum_values_are_kept_and_written_back_byte_identical() {
    let body = br#"{"Backup":{"Lifecycle":"HIBERNATING_2031","Type":"USER_INITIATED"}}"#;
    let output = parse(body).unwrap();
    let lifecycle = output.backup().unwrap().lifecycle().unwrap();
    assert_eq!(lifecycle.as_str(), "HIBERNATING_2031");
    assert!(!BackupLifecycle::values().contains(&"HIBERNATING_2031"));
    assert_eq!(wire_json::to_vec(&output).unwrap(), body);
}

#[test]
fn unknown_members_are_ignored_and_null_is_absent() {
    let output = parse(
        br#"{"Future": {"a": [1, {"b": null}]}, "Backup": {"BackupId": null, "OwnerId": "1",
            "NewMember": [[[]]], "Tags": null, "FileSystem": {"StorageCapacity": null}}}"#,
    )
    .unwrap();
    let backup = output.backup().unwrap();
    assert_eq!(backup.backup_id(), None);
    assert_eq!(backup.owner_id(), Some("1"));
    assert_eq!(backup.tags, None);
    assert_eq!(backup.file_system().unwrap().storage_capacity(), None);
}

/// Members are found by name whatever their order: the reader first tries the member
/// after the last one found (model order), then every name; escaped keys are compared
/// unescaped, and a name's prefix or extension is another (unknown) key.
#[test]
fn members_are_read_in_any_order_and_by_their_unescaped_name() {
    let tag = |body: &str| {
        let tag: Tag = fsx::json::from_slice(body.as_bytes()).unwrap();
        (tag.key().map(str::to_owned), tag.value().map(str::to_owned))
    };
    let both = (Some("k".to_owned()), Some("v".to_owned()));
    assert_eq!(tag(r#"{"Key":"k","Value":"v"}"#), both);
    assert_eq!(tag(r#"{"Value":"v","Key":"k"}"#), both);
    assert_eq!(tag(r#"{ "Value" : "v" , "Key" :"k" }"#), both);
    assert_eq!(tag("{\n  \"Key\":\t\"k\",\r\n  \"Value\": \"v\"\n}"), both);
    assert_eq!(tag(r#"{"Ke\u0079":"k","\u0056alue":"v"}"#), both);
    assert_eq!(
        tag(r#"{"Ke":1,"KeyX":2,"Key":"k","key":3,"Value":"v","Values":[4]}"#),
        both
    );
    // Out of order, with escapes, unknown keys of the same length as a member, repeats.
    assert_eq!(
        tag(r#"{"Valu\u0065":"v","Kez":0,"Valuf":1,"K\u0065y":"k"}"#),
        both
    );
    assert_eq!(
        tag(r#"{"Value":"x","Key":"x","Value":"v","Key":"k"}"#),
        both
    );
    // Unknown keys that hold a member's name up to an escape, or a `\"`, out of order.
    assert_eq!(
        tag(r#"{"Value":"v","Key\"":1,"Key\\":2,"Ke\u0079s":3,"Key":"k"}"#),
        both
    );
    // A raw control character in an unknown key is still an error.
    assert!(fsx::json::from_slice::<Tag>(b"{\"Value\":\"v\",\"K\x01\":1}").is_err());
    // The last of repeated members wins, in or out of order.
    assert_eq!(tag(r#"{"Key":"x","Value":"v","Key":"k"}"#), both);
    assert_eq!(tag(r#"{"Value":"x","Key":"k","Value":"v"}"#), both);
    // Only the member that is there.
    assert_eq!(tag(r#"{"Value":"v"}"#).0, None);
    // A key cut anywhere, or a name without its `:`, is an error.
    for body in [
        r#"{"Ke"#,
        r#"{"Key"#,
        r#"{"Key""#,
        r#"{"Key"}"#,
        r#"{"Key" "k"}"#,
    ] {
        assert!(
            fsx::json::from_slice::<Tag>(body.as_bytes()).is_err(),
            "{body}"
        );
    }
}

#[test]
fn an_empty_success_body_is_an_empty_output() {
    for body in [&b""[..], b"  \n", b"{}"] {
        assert_eq!(
            parse(body).unwrap(),
            CopyBackupOutput::builder().build(),
            "{body:?}"
        );
    }
}

#[test]
fn a_member_of_the_wrong_type_is_an_error_naming_its_path_but_not_its_value() {
    let error =
        parse(br#"{"Backup": {"FileSystem": {"StorageCapacity": "hunter2"}}}"#).unwrap_err();
    let CopyBackupError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    let parse_error = unhandled.parse_error().unwrap();
    assert_eq!(parse_error.path(), "Backup.FileSystem.StorageCapacity");
    assert_eq!(parse_error.detail(), "expected integer, found string");
    let text = report(&error);
    assert!(
        text.contains("Backup.FileSystem.StorageCapacity: expected integer"),
        "{text}"
    );
    for shown in [text, format!("{error:?}"), parse_error.to_string()] {
        assert!(!shown.contains("hunter2"), "the value leaked: {shown}");
    }
    assert_eq!(unhandled.status(), 200);
    assert_eq!(unhandled.fault(), Fault::Client);

    let nested = br#"{"Backup":{"FileSystem":{"AdministrativeActions":[{"TargetFileSystemValues":{"Tags":[{"Key":5}]}}]}}}"#;
    let error = parse(nested).unwrap_err();
    let CopyBackupError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        unhandled.parse_error().unwrap().path(),
        "Backup.FileSystem.AdministrativeActions.TargetFileSystemValues.Tags.Key"
    );
}

// ---------------------------------------------------------------------------------------
// hostile bodies

fn assert_unreadable(body: &[u8], what: &str) {
    match parse(body) {
        Err(CopyBackupError::Unhandled(unhandled)) => {
            assert!(unhandled.parse_error().is_some(), "{what}: no parse error");
            assert_eq!(unhandled.body(), body, "{what}: raw body kept");
        }
        other => panic!("{what}: expected an unreadable response, got {other:?}"),
    }
}

#[test]
fn truncated_bodies_are_errors_at_every_cut() {
    let body = fixture("copy-backup-response.depth1.json")
        .unwrap_or_else(|| br#"{"Backup":{"BackupId":"b","FileSystem":{"StorageCapacity":1,"Tags":[{"Key":"k"}]}}}"#.to_vec());
    let trimmed = body.trim_ascii_end();
    let mut cuts = 0;
    for cut in (1..trimmed.len()).step_by(7) {
        assert_unreadable(&trimmed[..cut], &format!("cut at {cut}"));
        cuts += 1;
    }
    assert!(cuts > 10);
}

#[test]
fn invalid_utf8_is_an_error() {
    assert_unreadable(
        b"{\"Backup\":{\"BackupId\":\"ab\xff\xfecd\"}}",
        "invalid UTF-8 in a string",
    );
    assert_unreadable(b"{\"Backup\xc3\x28\":{}}", "invalid UTF-8 in a key");
    assert_unreadable(b"\xef\xbb\xbf{}", "a byte order mark");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    // As the whole body.
    let body = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_unreadable(body.as_bytes(), "10,000 nested arrays");
    // Inside a member the model knows.
    let body = format!(
        r#"{{"Backup":{{"Tags":{}{}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_unreadable(body.as_bytes(), "10,000 nested lists in Tags");
    // The model's own recursion: AdministrativeActions -> FileSystem -> AdministrativeActions.
    let open = r#"{"AdministrativeActions":[{"TargetFileSystemValues":"#;
    let body = format!(
        r#"{{"Backup":{{"FileSystem":{}{{}}{}}}}}"#,
        open.repeat(depth),
        "}]}".repeat(depth)
    );
    assert_unreadable(body.as_bytes(), "10,000 nested AdministrativeActions");
}

#[test]
fn deep_nesting_in_an_unknown_member_is_skipped_without_recursion() {
    // serde_json skips an unknown value with an explicit stack, not by recursion, so a
    // deeply nested member the model doesn't know costs no stack; broken JSON there is
    // still an error.
    let depth = 10_000;
    let body = format!(
        r#"{{"Unknown":{}{},"Backup":{{"OwnerId":"1"}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_eq!(
        parse(body.as_bytes()).unwrap().backup().unwrap().owner_id(),
        Some("1")
    );
    let body = format!(
        r#"{{"Unknown":{}1{}}}"#,
        r#"{"a":"#.repeat(depth),
        "}".repeat(depth)
    );
    assert!(parse(body.as_bytes()).is_ok());
    let body = format!(
        r#"{{"Unknown":{}{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth - 1)
    );
    assert_unreadable(body.as_bytes(), "unbalanced nesting in an unknown member");
    // Objects and arrays alternating, past the 64 levels the skipper keeps in a word:
    // each closer must match its opener at every depth.
    for depth in [63, 64, 65, 130] {
        let open: String = (0..depth)
            .map(|i| if i % 3 == 0 { "[" } else { r#"{"a":"# })
            .collect();
        let close: String = (0..depth)
            .rev()
            .map(|i| if i % 3 == 0 { "]" } else { "}" })
            .collect();
        let body = format!(r#"{{"Unknown":{open}1{close},"Backup":{{"OwnerId":"1"}}}}"#);
        let output = parse(body.as_bytes()).unwrap_or_else(|e| panic!("depth {depth}: {e}"));
        assert_eq!(output.backup().unwrap().owner_id(), Some("1"));
        let swapped = close.replacen(']', "}", 1);
        if swapped != close {
            let body = format!(r#"{{"Unknown":{open}1{swapped}}}"#);
            assert_unreadable(body.as_bytes(), "a closer of the wrong kind");
        }
    }
}

#[test]
fn deep_nesting_is_an_error_on_a_spawned_threads_stack() {
    // 2 MiB: what std and tokio give spawned threads (and this is a debug build).
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let open = r#"{"AdministrativeActions":[{"TargetFileSystemValues":"#;
            let body = format!(
                r#"{{"Backup":{{"FileSystem":{}{{}}{}}}}}"#,
                open.repeat(5000),
                "}]}".repeat(5000)
            );
            parse(body.as_bytes()).is_err()
        })
        .unwrap();
    assert!(handle.join().expect("no stack overflow"));
}

#[test]
fn numbers_out_of_range_and_wrong_types_are_errors() {
    for (body, path) in [
        (
            r#"{"Backup":{"FileSystem":{"StorageCapacity":1e400}}}"#,
            None,
        ),
        (
            r#"{"Backup":{"FileSystem":{"StorageCapacity":4294967296}}}"#,
            Some("Backup.FileSystem.StorageCapacity"),
        ),
        (
            r#"{"Backup":{"FileSystem":{"StorageCapacity":1.5}}}"#,
            Some("Backup.FileSystem.StorageCapacity"),
        ),
        (
            r#"{"Backup":{"ProgressPercent":-99999999999}}"#,
            Some("Backup.ProgressPercent"),
        ),
        (
            r#"{"Backup":{"SizeInBytes":1e19}}"#,
            Some("Backup.SizeInBytes"),
        ),
        (r#"{"Backup":{"Tags":{"Key":"k"}}}"#, Some("Backup.Tags")),
        (r#"{"Backup":{"Tags":[1]}}"#, Some("Backup.Tags")),
        (r#"{"Backup":{"Lifecycle":7}}"#, Some("Backup.Lifecycle")),
        (
            r#"{"Backup":{"FileSystem":{"LustreConfiguration":{"CopyTagsToBackups":"yes"}}}}"#,
            Some("Backup.FileSystem.LustreConfiguration.CopyTagsToBackups"),
        ),
        (r#"{"Backup":[]}"#, Some("Backup")),
        (r#"{"Backup":"x"}"#, Some("Backup")),
    ] {
        let error = parse(body.as_bytes()).unwrap_err();
        let CopyBackupError::Unhandled(unhandled) = &error else {
            panic!("{body}: {error:?}")
        };
        let parse_error = unhandled.parse_error().unwrap();
        if let Some(path) = path {
            assert_eq!(parse_error.path(), path, "{body}: {parse_error}");
        }
    }
    for body in [
        "[]",
        "null",
        "42",
        "\"x\"",
        "true",
        "{",
        "}",
        "{\"Backup\":{}} trailing",
        "{\"Backup\":{},}",
    ] {
        assert_unreadable(body.as_bytes(), body);
    }
}

// ---------------------------------------------------------------------------------------
// errors

const MODELED: [(&str, Fault); 11] = [
    ("BackupNotFound", Fault::Client),
    ("BadRequest", Fault::Client),
    ("IncompatibleParameterError", Fault::Client),
    ("IncompatibleRegionForMultiAZ", Fault::Client),
    ("InternalServerError", Fault::Server),
    ("InvalidDestinationKmsKey", Fault::Client),
    ("InvalidRegion", Fault::Client),
    ("InvalidSourceKmsKey", Fault::Client),
    ("ServiceLimitExceeded", Fault::Client),
    ("SourceBackupUnavailable", Fault::Client),
    ("UnsupportedOperation", Fault::Client),
];

/// The spellings a code arrives in: bare, with namespace, with namespace and URL suffix.
fn spellings(name: &str) -> [String; 3] {
    [
        name.to_owned(),
        format!("com.amazonaws.fsx#{name}"),
        format!("com.amazonaws.fsx#{name}:http://internal.amazon.com/coral/com.amazonaws.fsx/"),
    ]
}

fn error_of(status: u16, headers: &[(&str, &str)], body: &str) -> CopyBackupError {
    CopyBackup::parse_response(&response(status, headers, body.as_bytes())).unwrap_err()
}

#[test]
fn every_modeled_error_from_the_header_from_code_and_from_type() {
    let mut checked = 0;
    for (name, fault) in MODELED {
        for spelling in spellings(name) {
            let body = r#"{"Message": "it went wrong"}"#;
            let from_header = error_of(400, &[("X-Amzn-Errortype", &spelling)], body);
            let from_code = error_of(
                400,
                &[],
                &json!({"code": spelling, "Message": "it went wrong"}).to_string(),
            );
            let from_type = error_of(
                400,
                &[],
                &json!({"__type": spelling, "Message": "it went wrong"}).to_string(),
            );
            for (source, error) in [
                ("header", from_header),
                ("code", from_code),
                ("__type", from_type),
            ] {
                let what = format!("{name} from {source} as {spelling}");
                assert!(
                    !matches!(error, CopyBackupError::Unhandled(_)),
                    "{what}: {error:?}"
                );
                assert_eq!(error.code(), Some(name), "{what}");
                assert_eq!(error.message(), Some("it went wrong"), "{what}");
                assert_eq!(error.fault(), fault, "{what}");
                assert_eq!(
                    error.to_string(),
                    format!("{name}: it went wrong"),
                    "{what}"
                );
                // The enum is transparent: the modeled error inside is not its cause.
                assert!(std::error::Error::source(&error).is_none(), "{what}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 11 * 3 * 3);
}

#[test]
fn each_variant_carries_its_modeled_members() {
    let error = error_of(
        400,
        &[("x-amzn-errortype", "BackupNotFound")],
        r#"{"Message":"no such backup"}"#,
    );
    let CopyBackupError::BackupNotFound(inner) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(inner.message(), Some("no such backup"));
    assert!(error.is_backup_not_found());
    assert!(!error.is_bad_request());

    let body = r#"{"__type":"com.amazonaws.fsx#ServiceLimitExceeded","Limit":"TOTAL_USER_INITIATED_BACKUPS","Message":"too many"}"#;
    let CopyBackupError::ServiceLimitExceeded(inner) = error_of(400, &[], body) else {
        panic!()
    };
    assert_eq!(
        inner.limit().map(|l| l.as_str()),
        Some("TOTAL_USER_INITIATED_BACKUPS")
    );
    assert_eq!(inner.message(), Some("too many"));

    let body = r#"{"__type":"InvalidRegion","Message":"m"}"#;
    assert!(error_of(400, &[], body).is_invalid_region());

    let body = r#"{"__type":"IncompatibleParameterError","Parameter":"KmsKeyId","Message":"m"}"#;
    let CopyBackupError::IncompatibleParameterError(inner) = error_of(400, &[], body) else {
        panic!()
    };
    assert_eq!(inner.parameter(), Some("KmsKeyId"));

    let body = r#"{"__type":"SourceBackupUnavailable","BackupId":"backup-9","Message":"m"}"#;
    let CopyBackupError::SourceBackupUnavailable(inner) = error_of(400, &[], body) else {
        panic!()
    };
    assert_eq!(inner.backup_id(), Some("backup-9"));
}

#[test]
fn the_header_wins_over_code_which_wins_over_type() {
    let body = r#"{"code":"BadRequest","__type":"InvalidRegion","Message":"m"}"#;
    assert_eq!(
        error_of(400, &[("X-Amzn-Errortype", "BackupNotFound")], body).code(),
        Some("BackupNotFound")
    );
    assert_eq!(error_of(400, &[], body).code(), Some("BadRequest"));
    let body = r#"{"__type":"InvalidRegion","Message":"m"}"#;
    assert_eq!(error_of(400, &[], body).code(), Some("InvalidRegion"));
}

#[test]
fn the_message_comes_from_message_message_or_error_message() {
    for key in ["message", "Message", "errorMessage"] {
        let body = json!({ "__type": "BadRequest", key: "said so" }).to_string();
        assert_eq!(
            error_of(400, &[], &body).message(),
            Some("said so"),
            "{key}"
        );
        let body = json!({ "__type": "SomethingNew", key: "said so" }).to_string();
        assert_eq!(
            error_of(400, &[], &body).message(),
            Some("said so"),
            "{key} unhandled"
        );
    }
}

#[test]
fn an_unknown_error_keeps_code_message_status_and_body() {
    let body =
        r#"{"__type":"aws.fsx#ThrottlingException:http://x","message":"slow down","Extra":1}"#;
    let error = error_of(400, &[], body);
    let CopyBackupError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(unhandled.code(), Some("ThrottlingException"));
    assert_eq!(unhandled.message(), Some("slow down"));
    assert_eq!(unhandled.status(), 400);
    assert_eq!(unhandled.body(), body.as_bytes());
    assert!(unhandled.parse_error().is_none());
    assert_eq!(error.code(), Some("ThrottlingException"));
    assert_eq!(error.fault(), Fault::Client);
    assert!(error.to_string().contains("ThrottlingException"), "{error}");

    let error = error_of(503, &[], "<html>Service Unavailable</html>");
    let CopyBackupError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(unhandled.code(), None);
    assert_eq!(unhandled.fault(), Fault::Server);
    assert!(unhandled.parse_error().is_some());
    assert_eq!(unhandled.body(), b"<html>Service Unavailable</html>");
    assert!(
        !format!("{error:?}").contains("Service Unavailable"),
        "Debug shows the body's length, not its content"
    );

    let error = error_of(500, &[], "");
    assert_eq!(error.code(), None);
    assert_eq!(error.fault(), Fault::Server);
}

#[test]
fn a_modeled_error_whose_body_does_not_fit_is_unhandled_with_the_reason() {
    let error = error_of(
        400,
        &[("X-Amzn-Errortype", "BadRequest")],
        r#"{"Message": 5}"#,
    );
    let CopyBackupError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(unhandled.code(), Some("BadRequest"));
    assert_eq!(unhandled.parse_error().unwrap().path(), "Message");

    let error = error_of(400, &[("X-Amzn-Errortype", "BadRequest")], "{not json");
    assert!(matches!(error, CopyBackupError::Unhandled(_)), "{error:?}");
    assert_eq!(error.code(), Some("BadRequest"));
}

// ---------------------------------------------------------------------------------------
// the client over a transport

#[test]
fn the_client_sends_the_request_and_reads_the_response() {
    let transport = CannedTransport::new().with_response(
        200,
        r#"{"Backup":{"BackupId":"backup-2","Lifecycle":"COPYING"}}"#,
    );
    let client = regional_client(transport).with_token_source(fixed_token);
    let input = CopyBackupInput::builder()
        .source_backup_id("backup-1")
        .build()
        .unwrap();
    let output = block_on(input.send_with(&client)).unwrap();
    assert_eq!(output.backup().unwrap().backup_id(), Some("backup-2"));

    let requests = client.transport().take_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].headers()["x-amz-target"],
        "AWSSimbaAPIService_v20180301.CopyBackup"
    );
    let body: Value = serde_json::from_slice(requests[0].body()).unwrap();
    assert_eq!(
        body,
        json!({"ClientRequestToken": "token-0001", "SourceBackupId": "backup-1"})
    );
}

#[test]
fn a_fluent_call_sends_what_its_setters_set() {
    let transport = CannedTransport::new().with_response(200, r#"{"Backup":{"BackupId":"b-2"}}"#);
    let client = regional_client(transport).with_token_source(fixed_token);
    let call = client
        .copy_backup()
        .source_backup_id("b")
        .source_region("us-east-1")
        .tags(Tag::builder().key("k").value("v").build().unwrap())
        .tags(Tag::builder().key("k2").value("v2").build().unwrap());
    assert_eq!(call.get_source_region().as_deref(), Some("us-east-1"));
    assert_eq!(call.as_input().get_tags().as_ref().map(Vec::len), Some(2));
    let output = block_on(call.send()).unwrap();
    assert_eq!(output.backup().unwrap().backup_id(), Some("b-2"));
    let requests = client.transport().take_requests();
    let body: Value = serde_json::from_slice(requests[0].body()).unwrap();
    assert_eq!(
        body,
        json!({
            "ClientRequestToken": "token-0001",
            "SourceBackupId": "b",
            "SourceRegion": "us-east-1",
            "Tags": [{"Key": "k", "Value": "v"}, {"Key": "k2", "Value": "v2"}],
        })
    );

    // The input builder sends itself too (aws-sdk's `send_with`).
    let builder = CopyBackupInput::builder().source_backup_id("b");
    block_on(builder.send_with(&client)).unwrap();
    assert_eq!(client.transport().take_requests().len(), 1);
}

/// A future that can be spawned on a multi-threaded runtime.
fn spawnable<F: Future + Send + 'static>(future: F) -> F {
    future
}

/// A future that can move between threads while it borrows.
fn sendable<F: Future + Send>(future: F) -> F {
    future
}

#[test]
fn calls_are_lazy_send_futures_like_async_fns() {
    let transport = CannedTransport::new().with_response(200, "{}");
    let client = regional_client(transport).with_token_source(fixed_token);
    // Built but not polled: nothing is built or sent yet, as with an `async fn`.
    let fluent = spawnable(client.copy_backup().source_backup_id("b").send());
    let input = CopyBackupInput::builder()
        .source_backup_id("b")
        .build()
        .unwrap();
    let with_input = sendable(input.send_with(&client));
    let with_builder = sendable(
        CopyBackupInput::builder()
            .source_backup_id("b")
            .send_with(&client),
    );
    assert!(client.transport().take_requests().is_empty());
    block_on(fluent).unwrap();
    assert_eq!(client.transport().take_requests().len(), 1);
    block_on(with_input).unwrap();
    block_on(with_builder).unwrap();
    assert_eq!(client.transport().take_requests().len(), 2);
    // A fluent call missing a required member fails when awaited, not before.
    let missing = client.copy_backup().send();
    assert!(client.transport().take_requests().is_empty());
    assert!(matches!(block_on(missing), Err(SdkError::Construction(_))));
}

#[test]
fn a_fluent_call_without_a_required_member_sends_nothing() {
    let client = regional_client(CannedTransport::new().with_response(200, "{}"));
    let error = block_on(client.copy_backup().source_region("us-east-1").send()).unwrap_err();
    let SdkError::Construction(construction) = &error else {
        panic!("{error:?}");
    };
    assert_eq!(construction.to_string(), "input could not be built");
    let source = std::error::Error::source(construction).expect("the build error");
    assert!(source.to_string().contains("source_backup_id"), "{source}");
    assert!(client.transport().take_requests().is_empty());
}

#[test]
fn a_client_endpoint_makes_the_request_uri_absolute() {
    let transport = CannedTransport::new().with_response(200, "{}");
    let endpoint = Endpoint::parse("https://fsx.us-east-2.amazonaws.com").unwrap();
    let client = regional_client(transport).with_endpoint(endpoint);
    let input = CopyBackupInput::builder()
        .source_backup_id("backup-1")
        .build()
        .unwrap();
    block_on(input.clone().send_with(&client)).unwrap();
    let requests = client.transport().take_requests();
    assert_eq!(
        requests[0].uri().to_string(),
        "https://fsx.us-east-2.amazonaws.com/"
    );

    // A base path is kept in front of the request's path.
    let client = regional_client(CannedTransport::new().with_response(200, "{}"))
        .with_endpoint(Endpoint::parse("http://localhost:4566/fsx/").unwrap());
    block_on(input.clone().send_with(&client)).unwrap();
    assert_eq!(
        client.transport().take_requests()[0].uri().to_string(),
        "http://localhost:4566/fsx/"
    );
    // The operation's request alone stays relative: the client gives it its endpoint.
    let request = CopyBackup::request(input, &fixed_token).unwrap();
    assert_eq!(request.uri(), "/");
}

#[test]
fn the_client_resolves_its_endpoint_from_the_region_through_the_models_rules() {
    let input = CopyBackupInput::builder()
        .source_backup_id("backup-1")
        .build()
        .unwrap();
    let uri_for = |client: Client<CannedTransport>| {
        block_on(input.clone().send_with(&client)).unwrap();
        client.transport().take_requests()[0].uri().to_string()
    };
    let canned = || CannedTransport::new().with_response(200, "{}");
    assert_eq!(
        uri_for(Client::new(canned()).with_region("eu-west-3")),
        "https://fsx.eu-west-3.amazonaws.com/"
    );
    assert_eq!(
        uri_for(
            Client::new(canned())
                .with_region("us-gov-west-1")
                .with_fips(true)
        ),
        "https://fsx-fips.us-gov-west-1.amazonaws.com/"
    );
    assert_eq!(
        uri_for(
            Client::new(canned())
                .with_region("cn-north-1")
                .with_dual_stack(true)
        ),
        "https://fsx.cn-north-1.api.amazonwebservices.com.cn/"
    );

    // The endpoint is resolved once per client; changing a parameter resolves it again.
    let first = Client::new(canned()).with_region("eu-west-3");
    block_on(input.clone().send_with(&first)).unwrap();
    let moved = first.clone().with_region("ap-south-1");
    block_on(input.clone().send_with(&moved)).unwrap();
    assert_eq!(
        moved.transport().take_requests()[1].uri().to_string(),
        "https://fsx.ap-south-1.amazonaws.com/"
    );

    // Without a region the rules' own error comes back, and nothing is sent.
    let client = Client::new(canned());
    let error = block_on(input.clone().send_with(&client)).unwrap_err();
    assert!(matches!(error, SdkError::Construction(_)), "{error:?}");
    assert!(
        report(&error).contains("no region was given"),
        "{}",
        report(&error)
    );
    assert!(client.transport().take_requests().is_empty());
}

#[test]
fn the_client_reports_service_and_transport_errors_apart() {
    let transport = CannedTransport::new().with_response_and_headers(
        400,
        &[(
            "x-amzn-errortype",
            "BackupNotFound:http://internal.amazon.com/",
        )],
        r#"{"Message":"gone"}"#,
    );
    let client = regional_client(transport);
    let input = CopyBackupInput::builder()
        .source_backup_id("b")
        .build()
        .unwrap();
    let error = block_on(input.clone().send_with(&client)).unwrap_err();
    let service = error.as_service_error().expect("a service error");
    assert!(service.is_backup_not_found());
    assert_eq!(error.to_string(), "service error");
    assert_eq!(report(&error), "service error: BackupNotFound: gone");

    let client = regional_client(CannedTransport::new());
    match block_on(input.send_with(&client)) {
        Err(SdkError::Transport(CannedTransportError::NoResponse)) => {}
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[test]
fn a_custom_token_source_is_used_for_every_call() {
    struct Counter(std::sync::atomic::AtomicU32);
    impl TokenSource for Counter {
        fn token(&self) -> String {
            format!(
                "call-{}",
                self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            )
        }
    }
    let client = regional_client(CannedTransport::new().with_response(200, "{}"))
        .with_token_source(Counter(std::sync::atomic::AtomicU32::new(7)));
    for _ in 0..2 {
        let input = CopyBackupInput::builder()
            .source_backup_id("b")
            .build()
            .unwrap();
        block_on(input.send_with(&client)).unwrap();
    }
    let tokens: Vec<Value> = client
        .transport()
        .take_requests()
        .iter()
        .map(|r| serde_json::from_slice::<Value>(r.body()).unwrap()["ClientRequestToken"].clone())
        .collect();
    assert_eq!(tokens, [json!("call-7"), json!("call-8")]);
}

// ---------------------------------------------------------------------------------------
// errors that print once, request ids, a client to clone

#[test]
fn a_chain_reporter_prints_each_error_once() {
    let input = || {
        CopyBackupInput::builder()
            .source_backup_id("backup-nope")
            .build()
            .unwrap()
    };
    let transport = CannedTransport::new().with_response_and_headers(
        400,
        &[("x-amzn-errortype", "BackupNotFound")],
        r#"{"Message":"Backup backup-nope does not exist"}"#,
    );
    let error = block_on(input().send_with(&regional_client(transport))).unwrap_err();
    assert_eq!(
        report(&error),
        "service error: BackupNotFound: Backup backup-nope does not exist"
    );

    let transport = CannedTransport::new().with_response(200, r#"{"Backup": 5}"#);
    let error = block_on(input().send_with(&regional_client(transport))).unwrap_err();
    assert_eq!(
        report(&error),
        "service error: unreadable response (HTTP 200): Backup: expected a `Backup` object, found number (line 1, column 12)"
    );

    let transport = CannedTransport::new()
        .with_response(400, r#"{"__type":"Throttling","message":"slow down"}"#);
    let error = block_on(input().send_with(&regional_client(transport))).unwrap_err();
    assert_eq!(
        report(&error),
        "service error: unhandled error `Throttling` (HTTP 400): slow down"
    );

    let error = block_on(input().send_with(&regional_client(CannedTransport::new()))).unwrap_err();
    assert_eq!(
        report(&error),
        "transport error: no canned response was queued"
    );

    let client = regional_client(CannedTransport::new().with_response(200, "{}"))
        .with_endpoint(Endpoint::parse("https://fsx.us-east-1.amazonaws.com").unwrap());
    assert!(block_on(input().send_with(&client)).is_ok());
}

#[test]
fn outputs_and_errors_carry_the_request_id() {
    use fsx::error::RequestId;
    let id = "5b2a1c3d-0000-4e1f-9a8b-123456789abc";
    let input = CopyBackupInput::builder()
        .source_backup_id("b")
        .build()
        .unwrap();
    let with_id = |status, body: &str| {
        CannedTransport::new().with_response_and_headers(status, &[("x-amzn-RequestId", id)], body)
    };

    let output = block_on(
        input
            .clone()
            .send_with(&regional_client(with_id(200, r#"{"Backup":null}"#))),
    )
    .unwrap();
    assert_eq!(output.request_id(), Some(id));
    assert!(
        format!("{output:?}").ends_with(&format!("request_id: {id:?} }}")),
        "{output:?}"
    );
    assert_eq!(
        format!("{:?}", CopyBackupOutput::builder().build()),
        "CopyBackupOutput { backup: None }"
    );
    // Not part of the wire form.
    assert_eq!(fsx::json::to_vec(&output).unwrap(), b"{}");
    assert_eq!(CopyBackupOutput::builder().build().request_id(), None);

    let modeled = r#"{"__type":"BackupNotFound","Message":"gone"}"#;
    let error = block_on(
        input
            .clone()
            .send_with(&regional_client(with_id(400, modeled))),
    )
    .unwrap_err();
    assert_eq!(error.request_id(), Some(id));
    let service = error.into_service_error().unwrap();
    assert!(service.is_backup_not_found());
    assert_eq!(service.request_id(), Some(id));
    let CopyBackupError::BackupNotFound(inner) = &service else {
        panic!("{service:?}")
    };
    assert_eq!(inner.request_id(), Some(id));

    let unhandled = r#"{"__type":"Throttling"}"#;
    let error = block_on(
        input
            .clone()
            .send_with(&regional_client(with_id(400, unhandled))),
    )
    .unwrap_err();
    assert_eq!(error.request_id(), Some(id));
    let unreadable =
        block_on(input.clone().send_with(&regional_client(with_id(200, "[")))).unwrap_err();
    assert_eq!(unreadable.request_id(), Some(id));

    let without = CannedTransport::new().with_response(400, modeled);
    let error = block_on(input.clone().send_with(&regional_client(without))).unwrap_err();
    assert_eq!(error.request_id(), None);
    let transport_error =
        block_on(input.send_with(&regional_client(CannedTransport::new()))).unwrap_err();
    assert_eq!(transport_error.request_id(), None);
}

#[test]
fn a_cloned_client_shares_its_transport() {
    let client = regional_client(CannedTransport::new().with_response(200, "{}"));
    let clone = client.clone();
    let input = CopyBackupInput::builder()
        .source_backup_id("b")
        .build()
        .unwrap();
    block_on(input.clone().send_with(&clone)).unwrap();
    block_on(input.send_with(&client)).unwrap();
    assert!(std::ptr::eq(client.transport(), clone.transport()));
    assert_eq!(client.transport().take_requests().len(), 2);
}
