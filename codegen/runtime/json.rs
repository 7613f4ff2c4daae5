//! Support for the awsJson1_1 wire form the generated `Serialize` and `Deserialize`
//! impls use: borrowed member keys, member paths in error messages, Smithy's client
//! error correction (zero values for missing required members), and the JSON forms of
//! timestamps (epoch seconds) and blobs (base64).

#![allow(dead_code)] // not every model needs every helper

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::primitives::{Blob, DateTime};

/// An object key, borrowed from the input when it can be.
pub(crate) enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key::Borrowed(v))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key::Owned(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key::Owned(v))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads one member's value (`null` is absent); an error names the member's path.
pub(crate) fn member<'de, A, T>(map: &mut A, owner: &str, name: &str) -> Result<Option<T>, A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    map.next_value::<Option<T>>()
        .map_err(|e| de::Error::custom(with_path(owner, name, &e.to_string())))
}

/// Skips the value of a member this model does not know.
pub(crate) fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(|_| ())
}

/// `` `Owner.Member.Inner`: detail ``: puts this level's member in front of the path an
/// inner error already carries, drops the position serde_json appends at every level (the
/// outermost one adds it back), and says "integer"/"number" instead of Rust type names.
fn with_path(owner: &str, name: &str, inner: &str) -> String {
    let inner = strip_position(inner);
    match inner.strip_prefix('`').and_then(|rest| rest.split_once("`: ")) {
        Some((path, detail)) => {
            let below = path.split_once('.').map_or("", |(_, below)| below);
            format!("`{owner}.{name}.{below}`: {detail}")
        }
        None => format!("`{owner}.{name}`: {}", plain_expectation(inner)),
    }
}

pub(crate) fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at + 9..].split(" column ").all(|n| n.parse::<u64>().is_ok()) => &message[..at],
        _ => message,
    }
}

/// Says what was expected in the model's words and what was found, without the value
/// found: serde's `invalid type: string "hunter2", expected i32` would put a (possibly
/// secret) value into a message that ends up in logs.
pub(crate) fn plain_expectation(detail: &str) -> String {
    if detail.starts_with('`') {
        return detail.to_owned(); // already rewritten by an inner level
    }
    let (found, expected) = match detail
        .strip_prefix("invalid type: ")
        .or_else(|| detail.strip_prefix("invalid value: "))
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        Some((found, expected)) => (Some(found_kind(found)), expected),
        None => match detail.rsplit_once(", expected ") {
            Some((_, expected)) if detail.starts_with("invalid length") => (None, expected),
            _ => return detail.to_owned(),
        },
    };
    let expected = match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => "integer",
        "f32" | "f64" => "number",
        "a string" | "a borrowed string" => "string",
        "a boolean" => "boolean",
        "a sequence" => "list",
        "a map" => "object",
        other => other,
    };
    match found {
        Some(found) => format!("expected {expected}, found {found}"),
        None => format!("expected {expected}"),
    }
}

/// `string "x"` -> `string`, `integer `5`` -> `integer`, `floating point `1.5`` -> `number`.
fn found_kind(found: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        ("string", "string"),
        ("integer", "integer"),
        ("floating point", "number"),
        ("boolean", "boolean"),
        ("null", "null"),
        ("unit", "null"),
        ("map", "object"),
        ("sequence", "list"),
        ("character", "string"),
    ];
    KINDS
        .iter()
        .find(|(prefix, _)| found.starts_with(prefix))
        .map_or("a value of another type", |(_, kind)| kind)
}

/// The value a required member takes when a response omits it (Smithy's client error
/// correction): zero, empty, false, the epoch, or a structure of such values.
pub(crate) trait ZeroValue {
    fn zero_value() -> Self;
}

macro_rules! zero_by_default {
    ($($ty:ty),*) => {
        $(impl ZeroValue for $ty {
            fn zero_value() -> Self {
                <$ty as Default>::default()
            }
        })*
    };
}

zero_by_default!(bool, i8, i16, i32, i64, f32, f64, String, Blob, DateTime);

impl<T> ZeroValue for Vec<T> {
    fn zero_value() -> Self {
        Vec::new()
    }
}

impl<K, V> ZeroValue for std::collections::HashMap<K, V> {
    fn zero_value() -> Self {
        std::collections::HashMap::new()
    }
}

impl<T: ZeroValue> ZeroValue for Box<T> {
    fn zero_value() -> Self {
        Box::new(T::zero_value())
    }
}

/// Timestamps travel as epoch seconds: an integer, or a fraction to the millisecond.
impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.subsec_nanos() == 0 {
            serializer.serialize_i64(self.secs())
        } else {
            serializer.serialize_f64(self.as_secs_f64())
        }
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EpochSeconds;

        /// About ±292 billion years fit an i64 of seconds; a wider value is an error.
        const LIMIT: f64 = 9.2e18;

        impl Visitor<'_> for EpochSeconds {
            type Value = DateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp in epoch seconds")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateTime, E> {
                Ok(DateTime::from_secs(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateTime, E> {
                i64::try_from(v)
                    .map(DateTime::from_secs)
                    .map_err(|_| E::custom("timestamp out of range"))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DateTime, E> {
                if v.is_finite() && v.abs() < LIMIT {
                    Ok(DateTime::from_secs_f64(v))
                } else {
                    Err(E::custom("timestamp out of range"))
                }
            }
        }

        deserializer.deserialize_any(EpochSeconds)
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Blobs travel as standard base64 with padding.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = self.as_ref();
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        serializer.serialize_str(&out)
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Base64;

        impl Visitor<'_> for Base64 {
            type Value = Blob;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a base64 string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Blob, E> {
                decode_base64(v).map(Blob::new).ok_or_else(|| E::custom("invalid base64"))
            }
        }

        deserializer.deserialize_str(Base64)
    }
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let value = BASE64.iter().position(|&b| b == c)? as u32;
        buffer = buffer << 6 | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits & 0xff) as u8);
        }
    }
    Some(out)
}
