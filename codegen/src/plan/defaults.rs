//! Typed `@default` values: the `default` trait's JSON checked against the member's Rust
//! type at plan time, so that a default of the wrong type is a plan error naming the
//! shape and member, and emitters only turn a [`DefaultValue`] into an expression.
//!
//! What each type accepts follows the Smithy specification of the `default` trait:
//! booleans, numbers for the number types (a whole number for the integer types, in
//! range), strings for strings and enums (an enum's value), integers for int enums,
//! epoch seconds or an RFC 3339 UTC date-time for timestamps, base64 text for blobs, any JSON for documents, and
//! only `[]` / `{}` for lists and maps.

use serde_json::Value;

use crate::plan::RustType;

/// A member's default, typed.
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    Bool(bool),
    /// Any of the integer types, checked to fit it.
    Integer(i64),
    /// `f32` or `f64`, checked to be finite in its type.
    Float(f64),
    String(String),
    /// A string enum's wire value.
    Enum(String),
    /// An int enum's value.
    IntEnum(i32),
    /// Epoch seconds.
    Timestamp(f64),
    /// The decoded bytes of a blob's base64 default.
    Blob(Vec<u8>),
    /// A `bigInteger` or `bigDecimal` as its decimal text.
    BigNumber(String),
    /// A document: any JSON value.
    Document(Value),
    EmptyList,
    EmptyMap,
}

/// The default `value` as a value of `ty`, or what is wrong with it.
pub fn resolve(ty: &RustType, value: &Value) -> Result<DefaultValue, String> {
    let mismatch = || {
        format!(
            "default value {value} does not fit its type ({ty_name})",
            ty_name = type_name(ty)
        )
    };
    Ok(match (ty, value) {
        (RustType::Bool, Value::Bool(b)) => DefaultValue::Bool(*b),
        (RustType::String, Value::String(s)) => DefaultValue::String(s.clone()),
        (RustType::Enum(_), Value::String(s)) => DefaultValue::Enum(s.clone()),
        (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n)) => {
            let n = n.as_i64().ok_or_else(mismatch)?;
            let fits = match ty {
                RustType::I8 => i8::try_from(n).is_ok(),
                RustType::I16 => i16::try_from(n).is_ok(),
                RustType::I32 => i32::try_from(n).is_ok(),
                _ => true,
            };
            if !fits {
                return Err(mismatch());
            }
            DefaultValue::Integer(n)
        }
        (RustType::F32 | RustType::F64, Value::Number(n)) => {
            let v = n.as_f64().ok_or_else(mismatch)?;
            // Past f32::MAX there is no literal for it.
            if *ty == RustType::F32 && !(v as f32).is_finite() {
                return Err(mismatch());
            }
            DefaultValue::Float(v)
        }
        (RustType::IntEnum(_), Value::Number(n)) => DefaultValue::IntEnum(
            n.as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(mismatch)?,
        ),
        (RustType::DateTime(_), Value::Number(n)) => {
            DefaultValue::Timestamp(n.as_f64().ok_or_else(mismatch)?)
        }
        (RustType::DateTime(_), Value::String(s)) => {
            DefaultValue::Timestamp(parse_utc_date_time(s).ok_or_else(mismatch)?)
        }
        (RustType::Blob, Value::String(s)) => DefaultValue::Blob(
            decode_base64(s).ok_or_else(|| format!("blob default {value} is not base64"))?,
        ),
        (RustType::BigInteger, Value::Number(n)) if n.is_i64() || n.is_u64() => {
            DefaultValue::BigNumber(n.to_string())
        }
        (RustType::BigDecimal, Value::Number(n)) => DefaultValue::BigNumber(n.to_string()),
        (RustType::Document, v) => DefaultValue::Document(v.clone()),
        (RustType::List { .. }, Value::Array(a)) if a.is_empty() => DefaultValue::EmptyList,
        (RustType::Map { .. }, Value::Object(o)) if o.is_empty() => DefaultValue::EmptyMap,
        _ => return Err(mismatch()),
    })
}

/// The kind of value a type's default must be, for error messages.
fn type_name(ty: &RustType) -> &'static str {
    match ty {
        RustType::Bool => "a boolean",
        RustType::String => "a string",
        RustType::Enum(_) => "an enum value",
        RustType::I8 => "an 8-bit integer",
        RustType::I16 => "a 16-bit integer",
        RustType::I32 => "a 32-bit integer",
        RustType::I64 => "a 64-bit integer",
        RustType::F32 => "a number within the range of a 32-bit float",
        RustType::F64 => "a number",
        RustType::IntEnum(_) => "an intEnum value",
        RustType::DateTime(_) => "epoch seconds or a UTC date-time",
        RustType::Blob => "base64 text",
        RustType::BigInteger => "a whole number",
        RustType::BigDecimal => "a number",
        RustType::Document => "any JSON value",
        RustType::List { .. } => "an empty list",
        RustType::Map { .. } => "an empty map",
        RustType::Struct(_) | RustType::Union(_) | RustType::Unit => "nothing: it has no default",
    }
}

/// Epoch seconds of an RFC 3339 date-time in UTC, `2024-01-02T03:04:05Z` with optional
/// fractional seconds.
fn parse_utc_date_time(text: &str) -> Option<f64> {
    let text = text.strip_suffix('Z').or_else(|| text.strip_suffix('z'))?;
    let (date, time) = text.split_once(['T', 't'])?;
    let number = |part: &str, len: usize| -> Option<i64> {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let mut date = date.split('-');
    let (year, month, day) = (
        number(date.next()?, 4)?,
        number(date.next()?, 2)?,
        number(date.next()?, 2)?,
    );
    let (hms, fraction) = match time.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (time, None),
    };
    let mut hms = hms.split(':');
    let (hour, minute, second) = (
        number(hms.next()?, 2)?,
        number(hms.next()?, 2)?,
        number(hms.next()?, 2)?,
    );
    let in_range = date.next().is_none()
        && hms.next().is_none()
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61;
    if !in_range {
        return None;
    }
    let fraction = match fraction {
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
            format!("0.{f}").parse::<f64>().ok()?
        }
        Some(_) => return None,
        None => 0.0,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + hour * 3_600 + minute * 60 + second) as f64 + fraction)
}

/// Standard base64 (RFC 4648, `=` padding optional), as blob defaults are written.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let digit = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 || body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.as_bytes().chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= digit(c)? << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::TypeRef;

    fn type_ref(name: &str) -> TypeRef {
        TypeRef {
            index: 0,
            path: format!("crate::types::{name}"),
        }
    }
    use serde_json::json;

    #[test]
    fn base64() {
        let cases: [(&str, Option<&[u8]>); 7] = [
            ("", Some(b"")),
            ("Zg==", Some(b"f")),
            ("Zm8=", Some(b"fo")),
            ("Zm9v", Some(b"foo")),
            ("Zm9vYg", Some(b"foob")),
            ("Zm9v!", None),
            ("Z", None),
        ];
        for (text, bytes) in cases {
            assert_eq!(decode_base64(text).as_deref(), bytes, "{text}");
        }
    }

    #[test]
    fn utc_date_times() {
        let cases = [
            ("1970-01-01T00:00:00Z", Some(0.0)),
            ("2023-11-14T22:13:20Z", Some(1_700_000_000.0)),
            ("2000-02-29T12:00:00.5Z", Some(951_825_600.5)),
            ("1969-12-31T23:59:59Z", Some(-1.0)),
            ("2023-11-14T22:13:20+01:00", None),
            ("2023-13-14T22:13:20Z", None),
            ("2023-11-14 22:13:20Z", None),
            ("2023-11-14T22:13:20.Z", None),
        ];
        for (text, seconds) in cases {
            assert_eq!(parse_utc_date_time(text), seconds, "{text}");
        }
    }

    #[test]
    fn defaults_are_typed_or_refused() {
        let list = RustType::List {
            item: Box::new(RustType::String),
            sparse: false,
        };
        let cases = [
            (RustType::Bool, json!(true), Some(DefaultValue::Bool(true))),
            (RustType::I8, json!(127), Some(DefaultValue::Integer(127))),
            (RustType::I8, json!(128), None),
            (RustType::I32, json!(1.5), None),
            (RustType::F32, json!(1e39), None),
            (RustType::F64, json!(1.5), Some(DefaultValue::Float(1.5))),
            (RustType::String, json!(1), None),
            (
                RustType::Blob,
                json!("Zm9v"),
                Some(DefaultValue::Blob(b"foo".to_vec())),
            ),
            (RustType::Blob, json!("not base64!"), None),
            (
                RustType::Document,
                json!({"a": [1]}),
                Some(DefaultValue::Document(json!({"a": [1]}))),
            ),
            (
                RustType::Enum(type_ref("E")),
                json!("A"),
                Some(DefaultValue::Enum("A".into())),
            ),
            (
                RustType::IntEnum(type_ref("E")),
                json!(3),
                Some(DefaultValue::IntEnum(3)),
            ),
            (list.clone(), json!([]), Some(DefaultValue::EmptyList)),
            (list, json!(["a"]), None),
            (
                RustType::BigInteger,
                json!(12),
                Some(DefaultValue::BigNumber("12".into())),
            ),
            (RustType::Struct(type_ref("S")), json!({}), None),
        ];
        for (ty, value, expected) in cases {
            assert_eq!(resolve(&ty, &value).ok(), expected, "{ty:?} {value}");
        }
    }
}
