//! What the generated compliance cases share: comparing values the way the Smithy suite
//! means (floats by bits with every NaN alike, timestamps as instants, documents by
//! structure), checking a request against a case, and building a response.

use std::collections::HashMap;
use std::fmt::Debug;

use protocol_tests::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Number};
use serde_json::Value;

use super::json_compare::first_difference;

/// Values compared as the suite compares them.
pub trait Same: Debug {
    /// Where `self` (what the crate produced) differs from `expected`: a path such as
    /// `.Nested.Foo` and both values; `None` when they are the same.
    fn difference(&self, expected: &Self) -> Option<String>;
}

/// Fails with the first difference between `actual` and `expected`.
pub fn assert_same<T: Same>(what: &str, actual: &T, expected: &T) {
    if let Some(difference) = actual.difference(expected) {
        panic!("{what}{difference}");
    }
}

/// A structure member's or union variant's difference, under its name.
pub fn member<T: Same>(name: &str, actual: &T, expected: &T) -> Option<String> {
    actual
        .difference(expected)
        .map(|difference| format!(".{name}{difference}"))
}

fn differ<T: Debug + ?Sized>(actual: &T, expected: &T) -> Option<String> {
    Some(format!(": expected {expected:?}, got {actual:?}"))
}

/// `Same` as `==`, for types whose equality is already the suite's.
#[macro_export]
macro_rules! same_by_eq {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::support::compliance::Same for $ty {
            fn difference(&self, expected: &Self) -> ::std::option::Option<::std::string::String> {
                if self == expected {
                    ::std::option::Option::None
                } else {
                    ::std::option::Option::Some(::std::format!(": expected {expected:?}, got {self:?}"))
                }
            }
        }
    )*};
}

// Timestamps compare as instants: `DateTime` is seconds and nanoseconds.
same_by_eq!(String, bool, i8, i16, i32, i64, u64, Blob, BigInteger, BigDecimal, DateTime);

macro_rules! same_by_bits {
    ($($ty:ty),*) => {$(
        impl Same for $ty {
            fn difference(&self, expected: &Self) -> Option<String> {
                let same = self.to_bits() == expected.to_bits() || (self.is_nan() && expected.is_nan());
                if same { None } else { differ(self, expected) }
            }
        }
    )*};
}

same_by_bits!(f32, f64);

impl<T: Same> Same for Option<T> {
    fn difference(&self, expected: &Self) -> Option<String> {
        match (self, expected) {
            (Some(actual), Some(expected)) => actual.difference(expected),
            (None, None) => None,
            _ => differ(self, expected),
        }
    }
}

impl<T: Same> Same for Box<T> {
    fn difference(&self, expected: &Self) -> Option<String> {
        (**self).difference(expected)
    }
}

impl<T: Same> Same for Vec<T> {
    fn difference(&self, expected: &Self) -> Option<String> {
        if self.len() != expected.len() {
            return differ(self, expected);
        }
        self.iter()
            .zip(expected)
            .enumerate()
            .find_map(|(i, (a, e))| a.difference(e).map(|d| format!("[{i}]{d}")))
    }
}

impl<K: Debug + Eq + std::hash::Hash, V: Same> Same for HashMap<K, V> {
    fn difference(&self, expected: &Self) -> Option<String> {
        if self.len() != expected.len() || expected.keys().any(|k| !self.contains_key(k)) {
            return differ(self, expected);
        }
        expected
            .iter()
            .find_map(|(k, e)| self[k].difference(e).map(|d| format!("[{k:?}]{d}")))
    }
}

impl Same for Number {
    fn difference(&self, expected: &Self) -> Option<String> {
        match (self, expected) {
            (Number::PosInt(a), Number::PosInt(e)) => a.difference(e),
            (Number::NegInt(a), Number::NegInt(e)) => a.difference(e),
            (Number::Float(a), Number::Float(e)) => a.difference(e),
            _ => differ(self, expected),
        }
    }
}

impl Same for Document {
    fn difference(&self, expected: &Self) -> Option<String> {
        match (self, expected) {
            (Document::Object(a), Document::Object(e)) => a.difference(e),
            (Document::Array(a), Document::Array(e)) => a.difference(e),
            (Document::Number(a), Document::Number(e)) => a.difference(e),
            (Document::String(a), Document::String(e)) => a.difference(e),
            (Document::Bool(a), Document::Bool(e)) => a.difference(e),
            (Document::Null, Document::Null) => None,
            _ => differ(self, expected),
        }
    }
}

/// What a request case expects.
pub struct ExpectedRequest<'a> {
    pub method: &'a str,
    /// The path and query.
    pub uri: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub require_headers: &'a [&'a str],
    pub forbid_headers: &'a [&'a str],
    /// The body, unless the case leaves it unchecked.
    pub body: Option<&'a str>,
    /// How to compare the body: JSON media types as data, others byte for byte.
    pub body_media_type: Option<&'a str>,
    /// The host the request must go to, when the case names one.
    pub resolved_host: Option<&'a str>,
}

/// Checks `request` against every part of the case.
pub fn check_request(request: &http::Request<Vec<u8>>, expected: &ExpectedRequest<'_>) {
    assert_eq!(request.method().as_str(), expected.method, "method");
    let uri = request.uri().path_and_query().map_or("/", |p| p.as_str());
    assert_eq!(uri, expected.uri, "uri");
    if let Some(host) = expected.resolved_host {
        assert_eq!(request.uri().host(), Some(host), "resolved host");
    }
    let headers = request.headers();
    for (name, value) in expected.headers {
        let actual = headers.get_all(*name).iter().map(|v| v.to_str().unwrap_or("<not text>"));
        let actual = actual.collect::<Vec<_>>().join(", ");
        assert_eq!(actual, *value, "header {name}");
    }
    for name in expected.require_headers {
        assert!(headers.contains_key(*name), "header {name} is required");
    }
    for name in expected.forbid_headers {
        assert!(!headers.contains_key(*name), "header {name} is forbidden");
    }
    if let Some(body) = expected.body {
        check_body(request.body(), body, expected.body_media_type);
    }
}

fn check_body(actual: &[u8], expected: &str, media_type: Option<&str>) {
    let is_json = media_type.is_some_and(|m| m == "application/json" || m.ends_with("+json"));
    if !is_json || expected.is_empty() {
        assert_eq!(String::from_utf8_lossy(actual), expected, "body");
        return;
    }
    let expected: Value = serde_json::from_str(expected).expect("the case's body is JSON");
    let actual: Value = match serde_json::from_slice(actual) {
        Ok(value) => value,
        Err(e) => panic!("body is not JSON ({e}): {}", String::from_utf8_lossy(actual)),
    };
    if let Some(difference) = first_difference(&expected, &actual) {
        panic!("body: {difference}");
    }
}

/// The response a response case describes.
pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.as_bytes().to_vec()).expect("the case's response is valid HTTP")
}

/// The token source of request cases: the value the suite expects for filled tokens.
pub fn token() -> String {
    "00000000-0000-4000-8000-000000000000".to_owned()
}
