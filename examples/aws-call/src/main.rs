//! Calls Amazon FSx's `CopyBackup` with the generated client, signed with SigV4 and sent
//! over reqwest (rustls):
//!
//! ```sh
//! AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... AWS_REGION=us-east-1 \
//!   AWS_ENDPOINT_URL_FSX=https://fsx.us-east-1.amazonaws.com \
//!   cargo run -p aws-call-example -- backup-0123456789abcdef0
//! ```
//!
//! The endpoint comes from `AWS_ENDPOINT_URL_FSX` or `AWS_ENDPOINT_URL` until the
//! client resolves it from the region itself.

use std::error::Error;
use std::process::ExitCode;

use fsx::Client;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", chain(error.as_ref()));
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let Some(backup_id) = std::env::args().nth(1) else {
        return Err("usage: aws-call-example <source backup ID>".into());
    };
    let client = Client::from_env().await?;
    let output = client
        .copy_backup()
        .source_backup_id(backup_id)
        .send()
        .await?;
    match output.backup() {
        Some(backup) => println!("{backup:#?}"),
        None => println!("copied (no backup in the answer)"),
    }
    Ok(())
}

/// The error and its sources, `: `-separated.
fn chain(error: &dyn Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
