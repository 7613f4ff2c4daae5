//! The generated crate's JSON wire form (`fsx::json`) in serde_json's terms, for tests
//! that compare bodies as `serde_json::Value`s. Included by the tests that need it.

#![allow(dead_code)]

use fsx::error::{ParseError, SerializeError};
use fsx::json::Json;
use serde_json::Value;

pub fn to_vec<T: Json>(value: &T) -> Result<Vec<u8>, SerializeError> {
    fsx::json::to_vec(value)
}

pub fn to_string<T: Json>(value: &T) -> Result<String, SerializeError> {
    let bytes = fsx::json::to_vec(value)?;
    Ok(String::from_utf8(bytes).expect("the writer writes UTF-8"))
}

pub fn to_value<T: Json>(value: &T) -> Result<Value, SerializeError> {
    let bytes = fsx::json::to_vec(value)?;
    Ok(serde_json::from_slice(&bytes).expect("the writer writes JSON"))
}

pub fn from_slice<T: Json>(body: &[u8]) -> Result<T, ParseError> {
    fsx::json::from_slice(body)
}

pub fn from_str<T: Json>(text: &str) -> Result<T, ParseError> {
    fsx::json::from_slice(text.as_bytes())
}

pub fn from_value<T: Json>(value: Value) -> Result<T, ParseError> {
    fsx::json::from_slice(&serde_json::to_vec(&value).expect("a Value serializes"))
}
