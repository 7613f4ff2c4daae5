//! The `serde` feature of the generated crate: serde's form of every type is its
//! awsJson wire form, on the large CopyBackup response fixtures (parsed by the crate's
//! own parser, then written by serde, the original JSON again; read by serde, what the
//! crate's parser reads) and on unknown enum values.

use codegen_tests::shared;
use fsx::operation::copy_backup::CopyBackupOutput;
use fsx::types::{Backup, BackupLifecycle, FileSystemType};
use serde_json::{json, Value};

/// `../shared/fixtures/<name>`, or `None` after a `SKIPPED` line (a failure in CI).
fn fixture(name: &str) -> Option<Vec<u8>> {
    let path = shared(&format!("fixtures/{name}"))?;
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

const FIXTURES: &[&str] = &[
    "copy-backup-response.example.json",
    "copy-backup-response.depth1.json",
    "copy-backup-response.depth2.json",
];

#[test]
fn serde_writes_a_parsed_response_as_its_body() {
    for name in FIXTURES {
        let Some(body) = fixture(name) else { return };
        let parsed: CopyBackupOutput = fsx::json::from_slice(&body).expect("the fixture parses");
        let original: Value = serde_json::from_slice(&body).unwrap();
        assert!(
            serde_json::to_value(&parsed).unwrap() == original,
            "{name}: serde's form differs from the body"
        );
    }
}

#[test]
fn serde_reads_a_body_as_the_crate_parses_it() {
    for name in FIXTURES {
        let Some(body) = fixture(name) else { return };
        let parsed: CopyBackupOutput = fsx::json::from_slice(&body).unwrap();
        let read: CopyBackupOutput =
            serde_json::from_slice(&body).expect("serde reads the fixture");
        assert!(read == parsed, "{name}: serde reads another value");
        // And the crate's writer writes it as the body too.
        let written: Value = serde_json::from_slice(&fsx::json::to_vec(&read).unwrap()).unwrap();
        assert!(
            written == serde_json::from_slice::<Value>(&body).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn unknown_enum_values_round_trip_through_serde() {
    let body = json!({
        "BackupId": "b", "Lifecycle": "HIBERNATING", "Type": "USER_INITIATED",
        "CreationTime": 1617954817.068,
        "FileSystem": {"FileSystemType": "QUANTUM", "Lifecycle": "AVAILABLE"}
    });
    let backup: Backup = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(
        backup.lifecycle().map(BackupLifecycle::as_str),
        Some("HIBERNATING")
    );
    assert!(BackupLifecycle::try_parse("HIBERNATING").is_err());
    let file_system_type = backup.file_system().and_then(|fs| fs.file_system_type());
    assert_eq!(
        file_system_type.map(FileSystemType::as_str),
        Some("QUANTUM")
    );
    assert_eq!(serde_json::to_value(&backup).unwrap(), body);
    assert_eq!(
        backup,
        fsx::json::from_slice(body.to_string().as_bytes()).unwrap()
    );
}
