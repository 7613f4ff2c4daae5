//! The bounds on response bodies (`fsx::limits::Limits`): the defaults stop hostile
//! nesting and hostile sizes with an error naming the bound, real responses fit inside
//! them, and a parse call or a client can use other bounds (no process-wide state).

use fsx::limits::{Limits, DEFAULT_MAX_BODY_SIZE, DEFAULT_MAX_NESTING_DEPTH};
use fsx::operation::copy_backup::{CopyBackup, CopyBackupError, CopyBackupOutput};
use fsx::transport::CannedTransport;

fn parse(body: &str) -> Result<CopyBackupOutput, CopyBackupError> {
    CopyBackup::parse_response(&http::Response::builder().status(200).body(body).unwrap())
}

fn parse_with(body: &str, limits: Limits) -> Result<CopyBackupOutput, CopyBackupError> {
    let response = http::Response::builder().status(200).body(body).unwrap();
    CopyBackup::parse_response_with(&response, &limits)
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
    assert_eq!(
        Limits::default().max_nesting_depth(),
        DEFAULT_MAX_NESTING_DEPTH
    );

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
    let depth = |n| Limits::default().with_max_nesting_depth(n);
    parse_with(four, depth(4)).expect("exactly at the bound");
    assert!(parse_with(four, depth(3)).is_err());
    // The default still applies to calls without limits.
    parse(four).expect("the default bound");
}

/// A CopyBackup response padded with spaces to `len` bytes.
fn padded_response(len: usize) -> String {
    let body = r#"{"Backup":{"BackupId":"backup-1"}}"#;
    format!("{body}{}", " ".repeat(len - body.len()))
}

#[test]
fn the_body_size_bound_refuses_long_bodies_unread_and_can_be_changed() {
    assert_eq!(Limits::default().max_body_size(), DEFAULT_MAX_BODY_SIZE);
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
            "the body is {} bytes, over the limit of {DEFAULT_MAX_BODY_SIZE} bytes (Limits::max_body_size)",
            DEFAULT_MAX_BODY_SIZE + 1
        )
    );
    assert_eq!((reason.path(), reason.line()), ("", 0));
    assert!(over.body().is_empty(), "an oversized body is not kept");
    // The reason is the source, not part of the message: a chain reporter prints it once.
    assert_eq!(over.to_string(), "unreadable response (HTTP 200)");
    let source = std::error::Error::source(&over).expect("the reason as source");
    assert_eq!(source.to_string(), reason.to_string());

    let small = Limits::default().with_max_body_size(100);
    assert!(parse_with(&padded_response(100), small).is_ok());
    assert!(parse_with(&padded_response(101), small).is_err());
    assert!(parse(&padded_response(101)).is_ok(), "the default bound");

    // An error response over the bound: the header's code is kept, the body is neither
    // read as the modeled error nor kept.
    let body = format!(r#"{{"Message":"gone"}}{}"#, " ".repeat(200));
    let response = http::Response::builder()
        .status(400)
        .header("x-amzn-errortype", "BackupNotFound")
        .body(body.as_str())
        .unwrap();
    let error = unhandled(CopyBackup::parse_response_with(&response, &small).unwrap_err());
    assert_eq!(error.code(), Some("BackupNotFound"));
    assert_eq!(error.message(), None);
    assert!(error.body().is_empty());
    assert!(error
        .parse_error()
        .is_some_and(|e| e.detail().contains("over the limit of 100 bytes")));
}

#[test]
fn a_client_reads_responses_within_its_limits() {
    let body = r#"{"Backup":{"FileSystem":{"LustreConfiguration":{"MountName":"m"}}}}"#;
    let call = |limits: Option<Limits>| {
        let client = fsx::Client::new(CannedTransport::new().with_response(200, body))
            .with_region("us-east-1");
        let client = match limits {
            Some(limits) => client.with_limits(limits),
            None => client,
        };
        let input = fsx::operation::copy_backup::CopyBackupInput::builder()
            .source_backup_id("backup-1")
            .build()
            .unwrap();
        block_on(input.send_with(&client))
    };
    assert!(call(None).is_ok());
    assert!(call(Some(Limits::default().with_max_nesting_depth(4))).is_ok());
    let error = call(Some(Limits::default().with_max_nesting_depth(3))).unwrap_err();
    let unhandled = error.as_service_error().map(|e| match e {
        CopyBackupError::Unhandled(unhandled) => unhandled.parse_error().map(|p| p.detail()),
        _ => None,
    });
    assert_eq!(
        unhandled,
        Some(Some("nested deeper than 3 structures")),
        "{error:?}"
    );
}

/// Polls a future that never waits (the canned transport answers at once) to its end.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    struct Ignored;
    impl Wake for Ignored {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Ignored));
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(&waker)) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the canned transport never waits"),
    }
}
