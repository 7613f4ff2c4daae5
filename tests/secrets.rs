//! No `@sensitive` value reaches a formatted output. A password is planted in every place
//! a CopyBackup response can carry `FsxAdminPassword` (the file system of the backup, and
//! of administrative actions in the file system's list, two levels deep), then every
//! `Debug` and `Display` of what the crate makes of the body is scanned: the output and
//! each nested value and builder when the body is good, and `CopyBackupError`,
//! `Unhandled`, `ParseError` and `SdkError` when it is not (cut anywhere, or broken right
//! next to the secret).

use std::error::Error as _;

use fsx::error::SdkError;
use fsx::operation::copy_backup::{CopyBackup, CopyBackupError, CopyBackupOutput};
use fsx::types::{AdministrativeAction, FileSystem};

const SECRET: &str = "Pa55-w0rd-Zq9xK";

/// Fails if any 6 characters in a row of the secret appear in `text`.
fn assert_no_secret(text: &str, what: &str) {
    let chars: Vec<char> = SECRET.chars().collect();
    for window in chars.windows(6) {
        let piece: String = window.iter().collect();
        assert!(!text.contains(&piece), "{what} leaks `{piece}`: {text}");
    }
}

/// A file system with the password and `actions` inside.
fn file_system(actions: &str) -> String {
    format!(
        r#"{{"FileSystemId":"fs-1","FileSystemType":"ONTAP","StorageCapacity":1024,
"OntapConfiguration":{{"FsxAdminPassword":"{SECRET}","DeploymentType":"MULTI_AZ_1"}},
"AdministrativeActions":[{actions}]}}"#
    )
}

/// An administrative action whose target file system carries the password.
fn action(inner_actions: &str) -> String {
    format!(
        r#"{{"AdministrativeActionType":"FILE_SYSTEM_UPDATE","TargetFileSystemValues":{}}}"#,
        file_system(inner_actions)
    )
}

/// The password at depth 0, 1 and 2, twice in the list at depth 1.
fn body_with_secrets() -> String {
    let level_two = action("");
    let level_one = format!("{},{}", action(&level_two), action(""));
    format!(
        r#"{{"Backup":{{"BackupId":"backup-1","Lifecycle":"AVAILABLE","Type":"USER_INITIATED","CreationTime":1.5e9,"FileSystem":{}}}}}"#,
        file_system(&level_one)
    )
}

fn parse(status: u16, body: &[u8]) -> Result<CopyBackupOutput, CopyBackupError> {
    let response = http::Response::builder().status(status).body(body).unwrap();
    CopyBackup::parse_response(&response)
}

fn scan_file_system(file_system: &FileSystem, depth: usize) {
    let what = format!("file system at depth {depth}");
    assert_no_secret(&format!("{file_system:?} {file_system:#?}"), &what);
    let ontap = file_system.ontap_configuration().expect("planted");
    assert_eq!(
        ontap.fsx_admin_password(),
        Some(SECRET),
        "{what}: the value is kept"
    );
    assert_no_secret(&format!("{ontap:?}"), &what);
    let builder = FileSystem::builder().ontap_configuration(ontap.clone());
    assert_no_secret(&format!("{builder:?}"), &what);
    for action in file_system.administrative_actions() {
        scan_action(action, depth + 1);
    }
}

fn scan_action(action: &AdministrativeAction, depth: usize) {
    assert_no_secret(&format!("{action:?}"), &format!("action at depth {depth}"));
    let builder = AdministrativeAction::builder()
        .set_target_file_system_values(action.target_file_system_values().cloned());
    assert_no_secret(
        &format!("{builder:?}"),
        &format!("action builder at depth {depth}"),
    );
    if let Some(file_system) = action.target_file_system_values() {
        scan_file_system(file_system, depth);
    }
}

#[test]
fn a_good_body_keeps_the_secrets_and_prints_none() {
    let output = parse(200, body_with_secrets().as_bytes()).expect("the body is good");
    assert_no_secret(&format!("{output:?} {output:#?}"), "the output");
    let backup = output.backup().expect("a backup");
    assert_no_secret(&format!("{backup:?}"), "the backup");
    let builder = CopyBackupOutput::builder().backup(backup.clone());
    assert_no_secret(&format!("{builder:?}"), "the output builder");
    scan_file_system(backup.file_system().expect("a file system"), 0);
    let deepest = backup.file_system().unwrap().administrative_actions()[0]
        .target_file_system_values()
        .unwrap()
        .administrative_actions()[0]
        .target_file_system_values()
        .unwrap();
    assert!(
        deepest.ontap_configuration().is_some(),
        "depth 2 was planted and read"
    );
}

/// Every formatted form of an error, its sources, and the error inside `SdkError`.
fn scan_error(error: &CopyBackupError, what: &str) {
    let mut text = format!("{error} {error:?} {error:#?} {:?}", error.message());
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(&format!(" {inner} {inner:?}"));
        source = inner.source();
    }
    if let CopyBackupError::Unhandled(unhandled) = error {
        text.push_str(&format!(
            " {unhandled} {unhandled:?} {:?}",
            unhandled.parse_error()
        ));
    }
    let sdk: SdkError<CopyBackupError, std::io::Error> = SdkError::Service(error.clone());
    text.push_str(&format!(" {sdk} {sdk:?}"));
    assert_no_secret(&text, what);
}

/// The good body broken next to each secret: the string left open, a bad escape in it,
/// a control character in it, garbage after it, the value where a number or a timestamp
/// or an object belongs.
fn broken_bodies() -> Vec<(String, String)> {
    let good = body_with_secrets();
    let quoted = format!("\"{SECRET}\"");
    let mut bodies: Vec<(String, String)> = [
        ("unterminated", format!("\"{SECRET}")),
        ("bad escape", format!("\"{SECRET}\\q\"")),
        ("control character", format!("\"{SECRET}\u{1}\"")),
        ("garbage after", format!("\"{SECRET}\" garbage")),
        ("an object", format!("{{\"x\":\"{SECRET}\"")),
    ]
    .into_iter()
    .map(|(what, replacement)| (what.to_owned(), good.replacen(&quoted, &replacement, 1)))
    .collect();
    for member in [
        "\"StorageCapacity\":1024",
        "\"CreationTime\":1.5e9",
        "\"Lifecycle\":\"AVAILABLE\"",
    ] {
        let (name, _) = member.split_once(':').unwrap();
        let broken = good.replacen(member, &format!("{name}:{quoted}"), 1);
        bodies.push((format!("the secret as {name}"), broken));
        let broken = good.replacen(member, &format!("{name}:{{\"k\":{quoted}}}"), 1);
        bodies.push((format!("an object holding the secret as {name}"), broken));
    }
    bodies
}

#[test]
fn no_error_from_a_broken_body_prints_the_secret() {
    for (what, body) in broken_bodies() {
        if what.contains("Lifecycle") && !what.contains("object") {
            continue; // an enum keeps an unknown value: that is no parse error
        }
        let error = parse(200, body.as_bytes()).expect_err(&what);
        scan_error(&error, &what);
    }
}

#[test]
fn no_error_from_a_body_cut_anywhere_prints_the_secret() {
    let body = body_with_secrets();
    for cut in 0..body.len() {
        if let Err(error) = parse(200, &body.as_bytes()[..cut]) {
            scan_error(&error, &format!("the body cut at {cut}"));
        }
    }
}

#[test]
fn no_error_response_carrying_the_secret_prints_it() {
    let good = body_with_secrets();
    let modeled = format!(
        r#"{{"Message":"no such backup","Backup":{}}}"#,
        &good[10..good.len() - 1]
    );
    let cases = [
        ("BackupNotFound", modeled.clone()),
        ("SomethingNew", modeled.clone()),
        ("BackupNotFound", modeled[..modeled.len() / 2].to_owned()),
        ("", good.clone()),
    ];
    for (code, body) in cases {
        for status in [400, 500] {
            let mut response = http::Response::builder().status(status);
            if !code.is_empty() {
                response = response.header("x-amzn-errortype", code);
            }
            let response = response.body(body.as_bytes()).unwrap();
            let error = CopyBackup::parse_response(&response).expect_err("an error status");
            scan_error(
                &error,
                &format!("{status} {code} with {} bytes", body.len()),
            );
        }
    }
}
