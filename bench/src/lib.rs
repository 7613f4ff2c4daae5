//! What the benchmarks share: the wire fixtures, both clients answering from memory
//! (ours over a [`Replay`] transport, aws-sdk-fsx over `infallible_client_fn`), the
//! inputs both sides send, and the models the generator is timed on.

use std::path::{Path, PathBuf};

pub mod models;

/// The project root (the folder above `bench/`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// `../shared` beside the project, where the fixtures and the reference model live.
pub fn shared_dir() -> PathBuf {
    project_root().join("../shared")
}

/// A response body from `../shared/fixtures/`, or `None` (with a message saying the
/// benchmark is skipped) when the shared folder is absent.
pub fn fixture(name: &str) -> Option<Vec<u8>> {
    let path = shared_dir().join("fixtures").join(name);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!("skipped: cannot read {} ({e})", path.display());
            None
        }
    }
}

/// The response bodies the parse benchmarks read: the API doc's example and the two
/// generated fixtures with every member filled.
pub const RESPONSE_FIXTURES: [(&str, &str); 3] = [
    ("example", "copy-backup-response.example.json"),
    ("depth1", "copy-backup-response.depth1.json"),
    ("depth2", "copy-backup-response.depth2.json"),
];

/// Tags in the large input, and the length of each tag's value (the model's maximum).
pub const LARGE_INPUT_TAGS: usize = 50;
pub const LARGE_TAG_VALUE_LEN: usize = 256;

/// The `i`th tag of the large input: key `tag-000i`, a value of
/// [`LARGE_TAG_VALUE_LEN`] characters.
pub fn large_tag(i: usize) -> (String, String) {
    let key = format!("tag-{i:04}");
    let value = format!("{key}=")
        .chars()
        .cycle()
        .take(LARGE_TAG_VALUE_LEN)
        .collect();
    (key, value)
}

/// A few facts of a parsed response, read the same way from both sides' outputs (their
/// accessors have the same names), to check that both read the same thing.
#[derive(Debug, PartialEq)]
pub struct Summary {
    pub backup_id: Option<String>,
    pub lifecycle: Option<String>,
    pub creation_time: Option<f64>,
    pub tags: Vec<(Option<String>, Option<String>)>,
    pub file_system_id: Option<String>,
    pub administrative_actions: usize,
    pub volume_id: Option<String>,
}

macro_rules! summarize {
    ($output:expr) => {{
        let backup = $output.backup();
        let file_system = backup.and_then(|b| b.file_system());
        let owned = |s: Option<&str>| s.map(str::to_owned);
        $crate::Summary {
            backup_id: owned(backup.and_then(|b| b.backup_id())),
            lifecycle: owned(backup.and_then(|b| b.lifecycle()).map(|l| l.as_str())),
            creation_time: backup
                .and_then(|b| b.creation_time())
                .map(|t| t.as_secs_f64()),
            tags: backup.map_or_else(Vec::new, |b| {
                b.tags()
                    .iter()
                    .map(|t| (owned(t.key()), owned(t.value())))
                    .collect()
            }),
            file_system_id: owned(file_system.and_then(|f| f.file_system_id())),
            administrative_actions: file_system.map_or(0, |f| f.administrative_actions().len()),
            volume_id: owned(backup.and_then(|b| b.volume()).and_then(|v| v.volume_id())),
        }
    }};
}

/// Panics unless both sides read `body` to the same [`Summary`]: timing two parsers
/// that disagree would compare different work.
pub fn check_same_reading(body: &[u8], rt: &tokio::runtime::Runtime) -> Summary {
    let ours = ours::parse(&ours::response(body));
    let ours = summarize!(ours);
    let aws_client = aws::client(body);
    let theirs = rt.block_on(aws::call(aws::example_input(&aws_client)));
    let theirs = summarize!(theirs);
    assert_eq!(ours, theirs, "the two sides read the body differently");
    ours
}

/// A current-thread tokio runtime, for both sides' async calls (with timers, which the
/// aws-sdk-fsx orchestrator needs).
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap_or_else(|e| panic!("tokio runtime: {e}"))
}

/// Our generated crate, as a user calls it.
pub mod ours {
    use fsx::operation::copy_backup::{CopyBackup, CopyBackupInput, CopyBackupOutput};
    use fsx::types::Tag;

    /// A transport that answers every request with a copy of one prebuilt response.
    #[derive(Debug)]
    pub struct Replay {
        status: http::StatusCode,
        body: Vec<u8>,
    }

    impl Replay {
        /// Answers `200 OK` with `body`.
        pub fn ok(body: &[u8]) -> Self {
            Replay {
                status: http::StatusCode::OK,
                body: body.to_vec(),
            }
        }
    }

    impl fsx::transport::Transport for Replay {
        type Error = std::convert::Infallible;

        fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> impl std::future::Future<Output = Result<http::Response<Vec<u8>>, Self::Error>> + Send
        {
            drop(request);
            let mut response = http::Response::new(self.body.clone());
            *response.status_mut() = self.status;
            std::future::ready(Ok(response))
        }
    }

    /// A client whose every call gets `200 OK` with `body`.
    pub fn client(body: &[u8]) -> fsx::Client<Replay> {
        fsx::Client::new(Replay::ok(body))
    }

    /// `200 OK` with `body`, as `parse_response` takes it.
    pub fn response(body: &[u8]) -> http::Response<Vec<u8>> {
        http::Response::new(body.to_vec())
    }

    /// Reads a response through the operation's public parser.
    pub fn parse(response: &http::Response<Vec<u8>>) -> CopyBackupOutput {
        CopyBackup::parse_response(response).unwrap_or_else(|e| panic!("ours: parse: {e}"))
    }

    /// The API doc's example request.
    pub fn example_input() -> CopyBackupInput {
        CopyBackupInput::builder()
            .source_backup_id("backup-03e3c82e0183b7b6b")
            .source_region("us-east-2")
            .build()
            .unwrap_or_else(|e| panic!("ours: example input: {e}"))
    }

    /// The example request with every scalar member set and
    /// [`LARGE_INPUT_TAGS`](crate::LARGE_INPUT_TAGS) long tags.
    pub fn large_input() -> CopyBackupInput {
        let mut builder = CopyBackupInput::builder()
            .client_request_token("a-fixed-idempotency-token-0001")
            .source_backup_id("backup-03e3c82e0183b7b6b")
            .source_region("us-east-2")
            .kms_key_id(
                "arn:aws:kms:us-east-1:012345678912:key/d1234e22-543a-12b7-a98f-e12c2b54001a",
            )
            .copy_tags(false);
        for i in 0..crate::LARGE_INPUT_TAGS {
            let (key, value) = crate::large_tag(i);
            let tag = Tag::builder()
                .key(key)
                .value(value)
                .build()
                .unwrap_or_else(|e| panic!("ours: tag: {e}"));
            builder = builder.tags(tag);
        }
        builder
            .build()
            .unwrap_or_else(|e| panic!("ours: large input: {e}"))
    }

    /// One whole call: build the request, send it, parse the response.
    pub async fn call(client: &fsx::Client<Replay>, input: CopyBackupInput) -> CopyBackupOutput {
        client
            .copy_backup(input)
            .await
            .unwrap_or_else(|e| panic!("ours: call: {e}"))
    }
}

/// aws-sdk-fsx, as a user calls it, over an in-memory HTTP client.
pub mod aws {
    use aws_credential_types::Credentials;
    use aws_sdk_fsx::config::{BehaviorVersion, Region};
    use aws_sdk_fsx::operation::copy_backup::builders::CopyBackupFluentBuilder;
    use aws_sdk_fsx::operation::copy_backup::CopyBackupOutput;
    use aws_sdk_fsx::types::Tag;
    use aws_smithy_http_client::test_util::infallible_client_fn;
    use aws_smithy_types::body::SdkBody;

    /// A client whose every call gets `200 OK` with a fresh copy of `body`, as
    /// [`crate::ours::Replay`] answers.
    pub fn client(body: &[u8]) -> aws_sdk_fsx::Client {
        let body = body.to_vec();
        let http_client = infallible_client_fn(move |_request| {
            http::Response::builder()
                .status(200)
                .header("content-type", "application/x-amz-json-1.1")
                .body(SdkBody::from(body.clone()))
                .unwrap_or_else(|e| panic!("aws: response: {e}"))
        });
        let config = aws_sdk_fsx::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new(
                "AKIDEXAMPLE",
                "secret",
                None,
                None,
                "bench",
            ))
            .http_client(http_client)
            .build();
        aws_sdk_fsx::Client::from_conf(config)
    }

    /// The API doc's example request.
    pub fn example_input(client: &aws_sdk_fsx::Client) -> CopyBackupFluentBuilder {
        client
            .copy_backup()
            .source_backup_id("backup-03e3c82e0183b7b6b")
            .source_region("us-east-2")
    }

    /// The same large request as [`crate::ours::large_input`].
    pub fn large_input(client: &aws_sdk_fsx::Client) -> CopyBackupFluentBuilder {
        let mut builder = client
            .copy_backup()
            .client_request_token("a-fixed-idempotency-token-0001")
            .source_backup_id("backup-03e3c82e0183b7b6b")
            .source_region("us-east-2")
            .kms_key_id(
                "arn:aws:kms:us-east-1:012345678912:key/d1234e22-543a-12b7-a98f-e12c2b54001a",
            )
            .copy_tags(false);
        for i in 0..crate::LARGE_INPUT_TAGS {
            let (key, value) = crate::large_tag(i);
            builder = builder.tags(Tag::builder().key(key).value(value).build());
        }
        builder
    }

    /// One whole call: build the request, run the orchestrator (signing included),
    /// parse the response.
    pub async fn call(request: CopyBackupFluentBuilder) -> CopyBackupOutput {
        request
            .send()
            .await
            .unwrap_or_else(|e| panic!("aws: call: {e:?}"))
    }
}
