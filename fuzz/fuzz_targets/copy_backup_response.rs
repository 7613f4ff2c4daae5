//! A 200 response with any body: `parse_response` returns, never panics; what it reads
//! serializes and reads back equal; every formatted form of the result can be printed.

#![no_main]

use fsx::operation::copy_backup::{CopyBackup, CopyBackupOutput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let response = http::Response::builder()
        .status(200)
        .body(body)
        .expect("a static status");
    match CopyBackup::parse_response(&response) {
        Ok(output) => {
            let _ = format!("{output:?}");
            let written = fsx::json::to_vec(&output).expect("an output serializes");
            let again: CopyBackupOutput =
                fsx::json::from_slice(&written).expect("what was written reads back");
            assert_eq!(
                output,
                again,
                "round trip of {}",
                String::from_utf8_lossy(&written)
            );
        }
        Err(error) => {
            let _ = format!("{error} {error:?} {:?}", error.code());
        }
    }
});
