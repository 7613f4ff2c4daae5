//! The generated crate's JSON wire form (`fsx::json`) in serde_json's terms, for tests
//! that compare bodies as `serde_json::Value`s. Included by the tests that need it.

#![allow(dead_code)]

use fsx::error::{ParseError, SerializeError};
use fsx::json::{FromJson, ToJson};
use serde_json::Value;

pub fn to_vec<T: ToJson>(value: &T) -> Result<Vec<u8>, SerializeError> {
    fsx::json::to_vec(value)
}

pub fn to_string<T: ToJson>(value: &T) -> Result<String, SerializeError> {
    let bytes = fsx::json::to_vec(value)?;
    Ok(String::from_utf8(bytes).expect("the writer writes UTF-8"))
}

pub fn to_value<T: ToJson>(value: &T) -> Result<Value, SerializeError> {
    let bytes = fsx::json::to_vec(value)?;
    Ok(serde_json::from_slice(&bytes).expect("the writer writes JSON"))
}

pub fn from_slice<T: FromJson>(body: &[u8]) -> Result<T, ParseError> {
    fsx::json::from_slice(body)
}

pub fn from_str<T: FromJson>(text: &str) -> Result<T, ParseError> {
    fsx::json::from_slice(text.as_bytes())
}

pub fn from_value<T: FromJson>(value: Value) -> Result<T, ParseError> {
    fsx::json::from_slice(&serde_json::to_vec(&value).expect("a Value serializes"))
}
