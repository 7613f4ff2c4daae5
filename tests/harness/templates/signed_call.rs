//! Written into the scratch FSx crate by `tests/signing.rs` and run with the features
//! `sigv4` and `reqwest`: `Client::from_env()` signs a `CopyBackup` request and sends it
//! over reqwest to a server on 127.0.0.1, which records it and answers like FSx. The
//! test then checks the request, recomputing its SigV4 signature independently (HMAC-SHA256
//! written here over `sha2`), and the parsed answer.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-west-2";

/// What the server received.
struct Received {
    method: String,
    path: String,
    /// Lower-case names, trimmed values.
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

/// Serves one request on 127.0.0.1: records it and answers 200 with `answer`.
fn serve_once(answer: &'static str) -> (u16, JoinHandle<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a connection");
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or_default().to_owned();
        let path = parts.next().unwrap_or_default().to_owned();
        let mut headers = BTreeMap::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').expect("a header line");
            headers.insert(name.to_ascii_lowercase(), value.trim().to_owned());
        }
        let length: usize = headers.get("content-length").map_or(0, |v| v.parse().unwrap());
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let mut stream = stream;
        write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: 4b2a-test\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
            answer.len()
        )
        .unwrap();
        stream.flush().unwrap();
        Received { method, path, headers, body }
    });
    (port, handle)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256(data: &[u8]) -> Vec<u8> {
    Sha256::digest(data).to_vec()
}

/// HMAC-SHA256 (RFC 2104).
fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut block = if key.len() > 64 { sha256(key) } else { key.to_vec() };
    block.resize(64, 0);
    let pad = |byte: u8| block.iter().map(|k| k ^ byte).collect::<Vec<u8>>();
    let inner = sha256(&[pad(0x36), data.to_vec()].concat());
    sha256(&[pad(0x5c), inner].concat())
}

/// The SigV4 signature of `received`, computed from the spec's steps: canonical request,
/// string to sign, derived key.
fn expected_signature(received: &Received, signed_headers: &str, amz_date: &str) -> String {
    let canonical_headers: String = signed_headers
        .split(';')
        .map(|name| format!("{name}:{}\n", received.headers[name]))
        .collect();
    let canonical_request = format!(
        "{}\n{}\n\n{canonical_headers}\n{signed_headers}\n{}",
        received.method,
        received.path,
        hex(&sha256(&received.body))
    );
    let date = &amz_date[..8];
    let scope = format!("{date}/{REGION}/{}/aws4_request", fsx_signed::client::SIGNING_NAME);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        hex(&sha256(canonical_request.as_bytes()))
    );
    let key = hmac(format!("AWS4{SECRET_KEY}").as_bytes(), date.as_bytes());
    let key = hmac(&key, REGION.as_bytes());
    let key = hmac(&key, fsx_signed::client::SIGNING_NAME.as_bytes());
    let key = hmac(&key, b"aws4_request");
    hex(&hmac(&key, string_to_sign.as_bytes()))
}

#[test]
fn the_hmac_here_is_rfc_4231_s() {
    assert_eq!(
        hex(&hmac(b"Jefe", b"what do ya want for nothing?")),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[tokio::test]
async fn from_env_signs_sends_and_parses() {
    let answer = r#"{"Backup":{"BackupId":"backup-0fedcba987654321","Lifecycle":"COPYING","Type":"USER_INITIATED","CreationTime":1.7e9,"FileSystem":{}}}"#;
    let (port, server) = serve_once(answer);
    // The only test of this binary that reads the environment.
    for name in ["AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_DEFAULT_REGION"] {
        std::env::remove_var(name);
    }
    std::env::set_var("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    std::env::set_var("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    std::env::set_var("AWS_REGION", REGION);
    std::env::set_var("AWS_ENDPOINT_URL_FSX", format!("http://127.0.0.1:{port}"));

    let client = fsx_signed::Client::from_env().await.expect("configured from the environment");
    let output = client
        .copy_backup()
        .source_backup_id("backup-0123456789abcdef0")
        .client_request_token("token-1")
        .send()
        .await
        .expect("the call succeeds");
    let backup = output.backup().expect("the answer's backup");
    assert_eq!(backup.backup_id(), Some("backup-0fedcba987654321"));
    assert_eq!(backup.lifecycle().map(|l| l.as_str()), Some("COPYING"));

    let received = server.join().expect("the server saw a request");
    assert_eq!(received.method, "POST");
    assert_eq!(received.path, "/");
    let header = |name: &str| received.headers.get(name).map(String::as_str).unwrap_or_default();
    assert_eq!(header("content-type"), "application/x-amz-json-1.1");
    assert_eq!(header("x-amz-target"), "AWSSimbaAPIService_v20180301.CopyBackup");
    assert_eq!(header("host"), format!("127.0.0.1:{port}"));
    let body: serde_json::Value = serde_json::from_slice(&received.body).unwrap();
    assert_eq!(body["SourceBackupId"], "backup-0123456789abcdef0");

    let amz_date = header("x-amz-date");
    assert!(
        amz_date.len() == 16 && amz_date.as_bytes()[8] == b'T' && amz_date.ends_with('Z'),
        "X-Amz-Date {amz_date:?}"
    );
    let authorization = header("authorization");
    let prefix = format!(
        "AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/{}/{REGION}/fsx/aws4_request, SignedHeaders=",
        &amz_date[..8]
    );
    let rest = authorization
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("Authorization {authorization:?} does not start with {prefix:?}"));
    let (signed_headers, signature) = rest.split_once(", Signature=").expect("a signature");
    assert_eq!(signed_headers, "content-length;content-type;host;x-amz-date;x-amz-target");
    assert!(
        signature.len() == 64 && signature.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        "signature {signature:?}"
    );
    assert_eq!(signature, expected_signature(&received, signed_headers, amz_date));
}
