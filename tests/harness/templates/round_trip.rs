//! Reading a document as a type and writing it back gives the same document.

use std::fmt::Display;

use serde_json::Value;

use super::json_compare::first_difference;

/// Reads `text` as a `T` with `read` (the generated crate's `json::from_slice`), writes
/// the value with `write` (its `json::to_vec`) and compares the result with `text` as
/// JSON data.
pub fn round_trip<T, E: Display, F: Display>(
    text: &str,
    read: fn(&[u8]) -> Result<T, E>,
    write: fn(&T) -> Result<Vec<u8>, F>,
) {
    let sent: Value = serde_json::from_str(text).expect("the sample is JSON");
    let value: T = match read(text.as_bytes()) {
        Ok(value) => value,
        Err(e) => panic!("the sample does not parse: {e}"),
    };
    let written = match write(&value) {
        Ok(bytes) => bytes,
        Err(e) => panic!("the value does not serialize: {e}"),
    };
    let back: Value = serde_json::from_slice(&written).expect("the output is JSON");
    if let Some(difference) = first_difference(&sent, &back) {
        panic!("written back differently: {difference}");
    }
}
