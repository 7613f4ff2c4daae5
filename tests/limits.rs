//! The nesting bound of response bodies (`fsx::limits`): the default stops hostile
//! nesting with an error naming the bound, real responses fit inside it, and it can be
//! changed. One test, in its own binary: the bound is process-wide.

use fsx::limits::{max_nesting_depth, set_max_nesting_depth, DEFAULT_MAX_NESTING_DEPTH};
use fsx::operation::copy_backup::{CopyBackup, CopyBackupError, CopyBackupOutput};

fn parse(body: &str) -> Result<CopyBackupOutput, CopyBackupError> {
    CopyBackup::parse_response(&http::Response::builder().status(200).body(body).unwrap())
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
