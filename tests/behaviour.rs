//! Behaviour of the committed generated crate (`generated/`, package `fsx`): builders and
//! their required-member errors, enums with unknown values, redaction of sensitive
//! members at any depth, deep recursion, timestamps.

use fsx::operation::copy_backup::{CopyBackupInput, CopyBackupOutput};
use fsx::primitives::DateTime;
use fsx::types::{
    AdministrativeAction, AdministrativeActionType, Backup, BackupLifecycle, BackupType,
    FileSystem, FileSystemType, OntapFileSystemConfiguration, Snapshot, Status, Tag, Volume,
};

const SECRET: &str = "Sup3r-secret-admin-pw";

#[test]
fn input_builder_requires_the_source_backup_id() {
    let error = CopyBackupInput::builder()
        .source_region("us-east-2")
        .build()
        .unwrap_err();
    assert_eq!(error.field(), "source_backup_id");
    assert!(error.to_string().contains("source_backup_id"), "{error}");

    let input = CopyBackupInput::builder()
        .source_backup_id("backup-03e3c82e0183b7b6b")
        .source_region("us-east-2")
        .copy_tags(true)
        .tags(
            Tag::builder()
                .key("Name")
                .value("MyBackup")
                .build()
                .unwrap(),
        )
        .tags(Tag::builder().key("Team").value("Storage").build().unwrap())
        .build()
        .unwrap();
    assert_eq!(input.source_backup_id(), Some("backup-03e3c82e0183b7b6b"));
    assert_eq!(input.source_region(), Some("us-east-2"));
    assert_eq!(input.copy_tags(), Some(true));
    assert_eq!(input.kms_key_id(), None);
    assert_eq!(input.client_request_token(), None);
    let keys: Vec<_> = input.tags().iter().filter_map(Tag::key).collect();
    assert_eq!(keys, ["Name", "Team"]);
}

#[test]
fn nested_builders_check_their_required_members() {
    assert_eq!(
        Tag::builder().value("v").build().unwrap_err().field(),
        "key"
    );
    assert_eq!(
        Tag::builder().key("k").build().unwrap_err().field(),
        "value"
    );
    let error = Backup::builder().backup_id("backup-1").build().unwrap_err();
    assert_eq!(error.field(), "lifecycle");
}

#[test]
fn enums_keep_unknown_values() {
    assert_eq!(
        BackupLifecycle::from("AVAILABLE"),
        BackupLifecycle::Available
    );
    assert_eq!(BackupType::from("AWS_BACKUP"), BackupType::AwsBackup);
    assert_eq!(
        BackupLifecycle::values(),
        [
            "AVAILABLE",
            "CREATING",
            "TRANSFERRING",
            "DELETED",
            "FAILED",
            "PENDING",
            "COPYING"
        ]
    );
    for value in AdministrativeActionType::values() {
        assert_eq!(AdministrativeActionType::from(*value).as_str(), *value);
        assert!(AdministrativeActionType::try_parse(value).is_ok());
    }
    let future = BackupLifecycle::from("ARCHIVED");
    assert_eq!(future.as_str(), "ARCHIVED");
    assert_eq!(future.to_string(), "ARCHIVED");
    assert_eq!(BackupLifecycle::from(future.as_str()), future);
    assert!(BackupLifecycle::try_parse("ARCHIVED").is_err());
    // A caller can send a value the model does not know yet.
    let backup = Backup::builder()
        .backup_id("backup-1")
        .lifecycle(BackupLifecycle::from("ARCHIVED"))
        .r#type(BackupType::from("SOMETHING_NEW"))
        .creation_time(DateTime::from_secs(0))
        .file_system(FileSystem::builder().build())
        .build()
        .unwrap();
    assert_eq!(
        backup.lifecycle().map(BackupLifecycle::as_str),
        Some("ARCHIVED")
    );
    assert_eq!(
        backup.r#type().map(BackupType::as_str),
        Some("SOMETHING_NEW")
    );
}

fn file_system_with_password() -> FileSystem {
    FileSystem::builder()
        .file_system_id("fs-0498eed5fe91001ec")
        .file_system_type(FileSystemType::Ontap)
        .ontap_configuration(
            OntapFileSystemConfiguration::builder()
                .fsx_admin_password(SECRET)
                .build(),
        )
        .build()
}

#[test]
fn the_admin_password_is_redacted_at_every_depth() {
    let file_system = file_system_with_password();
    let action = AdministrativeAction::builder()
        .administrative_action_type(AdministrativeActionType::FileSystemUpdate)
        .target_file_system_values(file_system.clone())
        .build();
    let backup = Backup::builder()
        .backup_id("backup-1")
        .lifecycle(BackupLifecycle::Available)
        .r#type(BackupType::UserInitiated)
        .creation_time(DateTime::from_secs(1))
        .file_system(
            FileSystem::builder()
                .administrative_actions(action.clone())
                .build(),
        )
        .build()
        .unwrap();
    let output = CopyBackupOutput::builder().backup(backup.clone()).build();
    let ontap = file_system.ontap_configuration().cloned().unwrap();
    for text in [
        format!("{ontap:?}"),
        format!("{file_system:?}"),
        format!("{action:?}"),
        format!("{backup:#?}"),
        format!("{output:?}"),
        format!(
            "{:?}",
            OntapFileSystemConfiguration::builder().fsx_admin_password(SECRET)
        ),
    ] {
        assert!(!text.contains(SECRET), "the password leaked: {text}");
        assert!(text.contains("*** Sensitive Data Redacted ***"), "{text}");
    }
    // The value itself is intact for the program to use.
    assert_eq!(ontap.fsx_admin_password(), Some(SECRET));
    assert!(format!("{file_system:?}").contains("fs-0498eed5fe91001ec"));
}

/// AdministrativeAction -> FileSystem / Volume / Snapshot -> AdministrativeActions, `depth`
/// levels down, cycling through the three targets.
fn nested_actions(depth: usize) -> AdministrativeAction {
    let mut action = AdministrativeAction::builder()
        .administrative_action_type(AdministrativeActionType::VolumeUpdate)
        .status(Status::Completed)
        .build();
    for level in 0..depth {
        let builder = AdministrativeAction::builder()
            .status(Status::InProgress)
            .progress_percent((level % 100) as i32);
        action = match level % 3 {
            0 => builder
                .target_file_system_values(
                    FileSystem::builder().administrative_actions(action).build(),
                )
                .build(),
            1 => builder
                .target_volume_values(Volume::builder().administrative_actions(action).build())
                .build(),
            _ => builder
                .target_snapshot_values(Snapshot::builder().administrative_actions(action).build())
                .build(),
        };
    }
    action
}

fn depth_of(action: &AdministrativeAction) -> usize {
    let children = action
        .target_file_system_values()
        .map(FileSystem::administrative_actions)
        .or(action
            .target_volume_values()
            .map(Volume::administrative_actions))
        .or(action
            .target_snapshot_values()
            .map(Snapshot::administrative_actions))
        .unwrap_or_default();
    children.first().map_or(0, |child| 1 + depth_of(child))
}

#[test]
fn fifty_levels_of_administrative_actions_build_compare_and_drop() {
    let deep = nested_actions(50);
    assert_eq!(depth_of(&deep), 50);
    let copy = deep.clone();
    assert_eq!(copy, deep);
    let debug = format!("{deep:?}");
    assert_eq!(debug.matches("AdministrativeAction {").count(), 51);
    drop(copy);
    drop(deep);
}

#[test]
fn timestamps_keep_milliseconds() {
    let created = DateTime::from_millis(1_617_954_808_068);
    assert_eq!(created.secs(), 1_617_954_808);
    assert_eq!(created.subsec_nanos(), 68_000_000);
    assert_eq!(created.to_string(), "2021-04-09T07:53:28.068Z");
    assert_eq!(created.to_millis(), Some(1_617_954_808_068));
    assert_eq!(DateTime::from_secs(-1).to_string(), "1969-12-31T23:59:59Z");
    assert_eq!(
        DateTime::from_secs_f64(1515531081.123).subsec_nanos(),
        123_000_000
    );
    assert_eq!(DateTime::from_secs_f64(-0.5), DateTime::from_millis(-500));
    assert_eq!(DateTime::from_secs_f64(f64::NAN), DateTime::from_secs(0));
}

/// Each type has the wire half it travels in (`json::FromJson` where responses carry it,
/// `json::ToJson` where requests do), as the plan of `model/` says: the input is only
/// sent, the output and the errors only received, `Tag` (in both) both ways.
#[test]
fn types_are_read_where_received_and_written_where_sent() {
    let plan = codegen_tests::harness::plan(&codegen_tests::workspace().join("model"), "fsx");
    let directions = |name: &str| {
        let plan = plan
            .structures
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no structure {name}"));
        (plan.directions.sent, plan.directions.received)
    };
    assert_eq!(directions("CopyBackupInput"), (true, false));
    assert_eq!(directions("CopyBackupOutput"), (false, true));
    assert_eq!(directions("FileSystem"), (false, true));
    assert_eq!(directions("BackupNotFound"), (false, true));
    assert_eq!(directions("Tag"), (true, true));
    let lifecycle = plan
        .enums
        .iter()
        .find(|e| e.name == "BackupLifecycle")
        .unwrap();
    assert_eq!(
        (lifecycle.directions.sent, lifecycle.directions.received),
        (false, true)
    );

    // The generated crate: both halves where both are needed, the one needed elsewhere.
    fn sent<T: fsx::json::ToJson>() {}
    fn received<T: fsx::json::FromJson>() {}
    sent::<CopyBackupInput>();
    received::<CopyBackupOutput>();
    sent::<fsx::types::Tag>();
    received::<fsx::types::Tag>();
}
