//! The bounds on response bodies (`fsx::limits`): the defaults stop hostile nesting and
//! hostile sizes with an error naming the bound, real responses fit inside them, and they
//! can be changed. In their own binary, one at a time: the bounds are process-wide.

use std::sync::Mutex;

use fsx::limits::{
    max_body_size, max_nesting_depth, set_max_body_size, set_max_nesting_depth,
    DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_NESTING_DEPTH,
};
use fsx::operation::copy_backup::{CopyBackup, CopyBackupError, CopyBackupOutput};

/// Held by each test: they change the process-wide bounds.
static BOUNDS: Mutex<()> = Mutex::new(());

fn parse(body: &str) -> Result<CopyBackupOutput, CopyBackupError> {
    CopyBackup::parse_response(&http::Response::builder().status(200).body(body).unwrap())
}

fn unhandled(error: CopyBackupError) -> fsx::error::Unhandled {
    match error {
        CopyBackupError::Unhandled(unhandled) => unhandled,
        other => panic!("not Unhandled: {other:?}"),
    }
}

/// `n` levels of AdministrativeAction -> FileSystem below the backup's file system.
fn nested_actions(n: usize) -> String {
    let open = r#"{"AdministrativeActions":[{"TargetFileSystemValues":"#;
    format!(
        r#"{{"Backup":{{"FileSystem":{}{{}}{}}}}}"#,
        open.repeat(n),
        "}]}".repeat(n)
    )
}

#[test]
fn the_nesting_bound_stops_deep_bodies_and_can_be_changed() {
    let _bounds = BOUNDS.lock().unwrap_or_else(|e| e.into_inner());
    assert_eq!(max_nesting_depth(), DEFAULT_MAX_NESTING_DEPTH);

    // Output, Backup, FileSystem, then two structures per level: 3 + 2n.
    let deepest_allowed = (DEFAULT_MAX_NESTING_DEPTH as usize - 3) / 2;
    parse(&nested_actions(deepest_allowed)).expect("within the bound");
    let error = parse(&nested_actions(deepest_allowed + 1)).unwrap_err();
    let CopyBackupError::Unhandled(unhandled) = &error else {
        panic!("{error:?}")
    };
    let detail = unhandled.parse_error().unwrap().detail().to_owned();
    assert_eq!(
        detail,
        format!("nested deeper than {DEFAULT_MAX_NESTING_DEPTH} structures")
    );
    assert!(parse(&nested_actions(10_000)).is_err());

    // Output -> Backup -> FileSystem -> LustreConfiguration: four levels.
    let four = r#"{"Backup":{"FileSystem":{"LustreConfiguration":{"MountName":"m"}}}}"#;
    set_max_nesting_depth(4);
    parse(four).expect("exactly at the bound");
    set_max_nesting_depth(3);
    assert!(parse(four).is_err());
    // A failed parse leaves no level behind: the next one starts from zero.
    set_max_nesting_depth(4);
    parse(four).expect("levels were released by the failed parse");

    set_max_nesting_depth(DEFAULT_MAX_NESTING_DEPTH);
}

/// A CopyBackup response padded with spaces to `len` bytes.
fn padded_response(len: usize) -> String {
    let body = r#"{"Backup":{"BackupId":"backup-1"}}"#;
    format!("{body}{}", " ".repeat(len - body.len()))
}

#[test]
fn the_body_size_bound_refuses_long_bodies_unread_and_can_be_changed() {
    let _bounds = BOUNDS.lock().unwrap_or_else(|e| e.into_inner());
    assert_eq!(max_body_size(), DEFAULT_MAX_BODY_SIZE);
    assert_eq!(DEFAULT_MAX_BODY_SIZE, 16 * 1024 * 1024);

    let at_bound = parse(&padded_response(DEFAULT_MAX_BODY_SIZE)).expect("exactly at the bound");
    assert_eq!(
        at_bound.backup().and_then(|b| b.backup_id()),
        Some("backup-1")
    );
    let over = unhandled(parse(&padded_response(DEFAULT_MAX_BODY_SIZE + 1)).unwrap_err());
    let reason = over.parse_error().expect("the reason");
    assert_eq!(
        reason.detail(),
        format!(
            "the body is {} bytes, over the limit of {DEFAULT_MAX_BODY_SIZE} bytes (limits::max_body_size)",
            DEFAULT_MAX_BODY_SIZE + 1
        )
    );
    assert_eq!((reason.path(), reason.line()), ("", 0));
    assert!(over.body().is_empty(), "an oversized body is not kept");
    assert_eq!(
        over.to_string(),
        format!("unreadable response (HTTP 200): {}", reason.detail())
    );

    set_max_body_size(100);
    assert!(parse(&padded_response(100)).is_ok());
    assert!(parse(&padded_response(101)).is_err());

    // An error response over the bound: the header's code is kept, the body is neither
    // read as the modeled error nor kept.
    let body = format!(r#"{{"Message":"gone"}}{}"#, " ".repeat(200));
    let response = http::Response::builder()
        .status(400)
        .header("x-amzn-errortype", "BackupNotFound")
        .body(body.as_str())
        .unwrap();
    let error = unhandled(CopyBackup::parse_response(&response).unwrap_err());
    assert_eq!(error.code(), Some("BackupNotFound"));
    assert_eq!(error.message(), None);
    assert!(error.body().is_empty());
    assert!(error
        .parse_error()
        .is_some_and(|e| e.detail().contains("over the limit of 100 bytes")));

    set_max_body_size(DEFAULT_MAX_BODY_SIZE);
}
