//! The bindings the build script generated and `src/lib.rs` included work like the
//! committed crate: builders, the wire form, enums that keep unknown values.

use build_script_example::copy_request;
use build_script_example::fsx::json;
use build_script_example::fsx::operation::copy_backup::{CopyBackup, CopyBackupOutput};
use build_script_example::fsx::types::{Backup, BackupLifecycle, BackupType};

#[test]
fn builders_check_required_members() {
    let input = copy_request("backup-0123", "us-east-2", "nightly").unwrap();
    assert_eq!(input.source_backup_id(), Some("backup-0123"));
    assert_eq!(input.tags()[0].value(), Some("nightly"));

    let error = Backup::builder().backup_id("backup-1").build().unwrap_err();
    assert_eq!(error.field(), "lifecycle");
}

#[test]
fn the_request_is_awsjson1_1_with_the_given_token() {
    let input = copy_request("backup-0123", "us-east-2", "nightly").unwrap();
    let token = || "token-1".to_owned();
    let request = CopyBackup::request(input, &token).unwrap();
    assert_eq!(
        request.headers()["X-Amz-Target"],
        "AWSSimbaAPIService_v20180301.CopyBackup"
    );
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "SourceBackupId": "backup-0123",
            "SourceRegion": "us-east-2",
            "Tags": [{"Key": "Name", "Value": "nightly"}],
            "ClientRequestToken": "token-1",
        })
    );
}

/// The body of a `CopyBackup` response with a lifecycle the model does not know.
fn response_body() -> serde_json::Value {
    serde_json::json!({
        "Backup": {
            "BackupId": "backup-0456",
            "Lifecycle": "ARCHIVED",
            "Type": "USER_INITIATED",
            "CreationTime": 1_700_000_000.5,
            "Tags": [{"Key": "Name", "Value": "nightly"}],
        }
    })
}

#[test]
fn a_response_reads_from_the_wire() {
    let wire = response_body();
    let output: CopyBackupOutput = json::from_slice(&serde_json::to_vec(&wire).unwrap()).unwrap();
    let backup = output.backup().unwrap();
    assert_eq!(backup.backup_id(), Some("backup-0456"));
    assert_eq!(backup.r#type(), Some(&BackupType::UserInitiated));
    // A lifecycle this model does not know is kept.
    assert_eq!(
        backup.lifecycle().map(BackupLifecycle::as_str),
        Some("ARCHIVED")
    );
}

/// An output is only read, so it has a serializer only with the `serde` feature (which
/// needs both halves): `cargo test -p build-script-example --features serde`.
#[cfg(feature = "serde")]
#[test]
fn a_response_survives_a_wire_round_trip() {
    let wire = response_body();
    let output: CopyBackupOutput = json::from_slice(&serde_json::to_vec(&wire).unwrap()).unwrap();
    let written: serde_json::Value =
        serde_json::from_slice(&json::to_vec(&output).unwrap()).unwrap();
    assert_eq!(written, wire);
}
