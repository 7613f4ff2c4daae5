//! An error response: the first line of the input is `<status> <X-Amzn-Errortype>`
//! (status 300 to 599, else 400; no header when the rest of the line is empty), the rest
//! is the body. `parse_response` returns an error, never panics, and every formatted form
//! of it can be printed.

#![no_main]

use std::error::Error as _;

use fsx::operation::copy_backup::CopyBackup;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let (head, body) = match input.iter().position(|b| *b == b'\n') {
        Some(at) => (&input[..at], &input[at + 1..]),
        None => (&[][..], input),
    };
    let head = String::from_utf8_lossy(head);
    let (status, code) = head.split_once(' ').unwrap_or((&head, ""));
    let status = status
        .parse::<u16>()
        .ok()
        .filter(|s| (300..600).contains(s))
        .unwrap_or(400);
    let mut response = http::Response::builder().status(status);
    if !code.is_empty() {
        if let Ok(value) = http::HeaderValue::from_str(code) {
            response = response.header("x-amzn-errortype", value);
        }
    }
    let response = response.body(body).expect("a valid status");
    let error = CopyBackup::parse_response(&response).expect_err("a non-2xx status is an error");
    let _ = format!(
        "{error} {error:?} {:?} {:?} {:?}",
        error.code(),
        error.message(),
        error.fault()
    );
    let mut source = error.source();
    while let Some(inner) = source {
        let _ = format!("{inner} {inner:?}");
        source = inner.source();
    }
});
