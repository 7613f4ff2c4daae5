//! Reading a document as a type and writing it back gives the same document.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::json_compare::first_difference;

/// Parses `text` as `T`, serializes the value and compares the result with `text` as
/// JSON data.
pub fn round_trip<T: DeserializeOwned + Serialize>(text: &str) {
    let sent: Value = serde_json::from_str(text).expect("the sample is JSON");
    let value: T = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => panic!("the sample does not parse: {e}"),
    };
    let written = match serde_json::to_vec(&value) {
        Ok(bytes) => bytes,
        Err(e) => panic!("the value does not serialize: {e}"),
    };
    let back: Value = serde_json::from_slice(&written).expect("the output is JSON");
    if let Some(difference) = first_difference(&sent, &back) {
        panic!("written back differently: {difference}");
    }
}
