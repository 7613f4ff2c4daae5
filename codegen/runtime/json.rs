//! Support for the awsJson1_1 wire form the generated `Serialize` and `Deserialize`
//! impls use: borrowed member keys, member paths in error messages, Smithy's client
//! error correction (zero values for missing required members), codecs for values whose
//! Rust type alone does not say their wire form (floats, timestamp formats, lists and
//! maps), and the JSON forms of timestamps, blobs (base64), documents and big numbers.

#![allow(dead_code)] // not every model needs every helper

use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Number};

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

/// Like [`member`], for a value read through a codec.
pub(crate) fn member_as<'de, C, A>(map: &mut A, owner: &str, name: &str) -> Result<Option<C::Value>, A::Error>
where
    C: Codec,
    A: MapAccess<'de>,
{
    map.next_value_seed(Decode::<Nullable<C>>(PhantomData))
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

zero_by_default!(bool, i8, i16, i32, i64, f32, f64, String, Blob, DateTime, Document, BigInteger, BigDecimal);

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

/// How a value travels when its Rust type's own serde impls are not its wire form: the
/// generated code names one codec per member type (`List<Float<f64>>`, `DateTimeText`).
pub(crate) trait Codec {
    type Value;

    fn encode<S: Serializer>(value: &Self::Value, serializer: S) -> Result<S::Ok, S::Error>;

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error>;
}

/// A value to serialize through codec `C`.
pub(crate) struct Encode<'a, C: Codec>(&'a C::Value);

impl<'a, C: Codec> Encode<'a, C> {
    pub(crate) fn new(value: &'a C::Value) -> Self {
        Encode(value)
    }
}

impl<C: Codec> Serialize for Encode<'_, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::encode(self.0, serializer)
    }
}

/// Deserializes through codec `C`.
struct Decode<C>(PhantomData<C>);

impl<'de, C: Codec> DeserializeSeed<'de> for Decode<C> {
    type Value = C::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<C::Value, D::Error> {
        C::decode(deserializer)
    }
}

/// The type's own serde impls.
pub(crate) struct Plain<T>(PhantomData<T>);

impl<T: Serialize + DeserializeOwned> Codec for Plain<T> {
    type Value = T;

    fn encode<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// `null` as `None`, anything else through `C`.
struct Nullable<C>(PhantomData<C>);

impl<C: Codec> Codec for Nullable<C> {
    type Value = Option<C::Value>;

    fn encode<S: Serializer>(value: &Option<C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => C::encode(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<C::Value>, D::Error> {
        struct OptionVisitor<C>(PhantomData<C>);

        impl<'de, C: Codec> Visitor<'de> for OptionVisitor<C> {
            type Value = Option<C::Value>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
                C::decode(deserializer).map(Some)
            }
        }

        deserializer.deserialize_option(OptionVisitor::<C>(PhantomData))
    }
}

/// `f32` and `f64`, which [`Float`] writes natively when finite.
pub(crate) trait FloatValue: Copy {
    fn from_f64(value: f64) -> Self;
    fn to_f64(self) -> f64;
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl FloatValue for f32 {
    fn from_f64(value: f64) -> Self {
        value as f32
    }

    fn to_f64(self) -> f64 {
        f64::from(self)
    }

    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f32(self)
    }
}

impl FloatValue for f64 {
    fn from_f64(value: f64) -> Self {
        value
    }

    fn to_f64(self) -> f64 {
        self
    }

    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self)
    }
}

/// Floats: numbers, and the strings `"NaN"`, `"Infinity"` and `"-Infinity"`, which JSON
/// numbers cannot express.
pub(crate) struct Float<T>(PhantomData<T>);

impl<T: FloatValue> Codec for Float<T> {
    type Value = T;

    fn encode<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        let v = value.to_f64();
        if v.is_nan() {
            serializer.serialize_str("NaN")
        } else if v == f64::INFINITY {
            serializer.serialize_str("Infinity")
        } else if v == f64::NEG_INFINITY {
            serializer.serialize_str("-Infinity")
        } else {
            value.serialize_finite(serializer)
        }
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        struct FloatVisitor<T>(PhantomData<T>);

        impl<T: FloatValue> Visitor<'_> for FloatVisitor<T> {
            type Value = T;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("number")
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
                Ok(T::from_f64(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
                Ok(T::from_f64(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
                Ok(T::from_f64(v as f64))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
                match v {
                    "NaN" => Ok(T::from_f64(f64::NAN)),
                    "Infinity" => Ok(T::from_f64(f64::INFINITY)),
                    "-Infinity" => Ok(T::from_f64(f64::NEG_INFINITY)),
                    _ => Err(E::custom("expected number, found a string other than NaN, Infinity or -Infinity")),
                }
            }
        }

        deserializer.deserialize_any(FloatVisitor(PhantomData))
    }
}

/// Timestamps as RFC 3339 text (`timestampFormat: date-time`).
pub(crate) struct DateTimeText;

impl Codec for DateTimeText {
    type Value = DateTime;

    fn encode<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let text = value
            .to_rfc3339()
            .ok_or_else(|| serde::ser::Error::custom("timestamp outside the years RFC 3339 can write"))?;
        serializer.serialize_str(&text)
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserializer.deserialize_str(TimestampText(DateTime::parse_rfc3339))
    }
}

/// Timestamps as HTTP dates (`timestampFormat: http-date`).
pub(crate) struct HttpDate;

impl Codec for HttpDate {
    type Value = DateTime;

    fn encode<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let text = value
            .to_http_date()
            .ok_or_else(|| serde::ser::Error::custom("timestamp outside the years an HTTP date can write"))?;
        serializer.serialize_str(&text)
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserializer.deserialize_str(TimestampText(DateTime::parse_http_date))
    }
}

/// Reads a timestamp string with the parser of its format.
struct TimestampText<P>(P);

impl<P, E2> Visitor<'_> for TimestampText<P>
where
    P: Fn(&str) -> Result<DateTime, E2>,
    E2: fmt::Display,
{
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<DateTime, E> {
        (self.0)(v).map_err(E::custom)
    }
}

/// A dense list: items through `C`; a `null` item is dropped.
pub(crate) struct List<C>(PhantomData<C>);

impl<C: Codec> Codec for List<C> {
    type Value = Vec<C::Value>;

    fn encode<S: Serializer>(value: &Vec<C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for item in value {
            seq.serialize_element(&Encode::<C>(item))?;
        }
        seq.end()
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<C::Value>, D::Error> {
        let items = deserializer.deserialize_seq(ListVisitor::<C>(PhantomData))?;
        Ok(items.into_iter().flatten().collect())
    }
}

/// A `@sparse` list: `null` items kept as `None`.
pub(crate) struct SparseList<C>(PhantomData<C>);

impl<C: Codec> Codec for SparseList<C> {
    type Value = Vec<Option<C::Value>>;

    fn encode<S: Serializer>(value: &Vec<Option<C::Value>>, serializer: S) -> Result<S::Ok, S::Error> {
        List::<Nullable<C>>::encode(value, serializer)
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<C::Value>>, D::Error> {
        deserializer.deserialize_seq(ListVisitor::<C>(PhantomData))
    }
}

/// Every item of a JSON array, `null` as `None`.
struct ListVisitor<C>(PhantomData<C>);

impl<'de, C: Codec> Visitor<'de> for ListVisitor<C> {
    type Value = Vec<Option<C::Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Decode::<Nullable<C>>(PhantomData))? {
            items.push(item);
        }
        Ok(items)
    }
}

/// A dense map: values through `C`; an entry whose value is `null` is dropped.
pub(crate) struct Map<K, C>(PhantomData<(K, C)>);

impl<K, C> Codec for Map<K, C>
where
    K: Serialize + DeserializeOwned + Eq + Hash,
    C: Codec,
{
    type Value = HashMap<K, C::Value>;

    fn encode<S: Serializer>(value: &HashMap<K, C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(value.len()))?;
        for (key, item) in value {
            map.serialize_entry(key, &Encode::<C>(item))?;
        }
        map.end()
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, C::Value>, D::Error> {
        let entries = deserializer.deserialize_map(MapVisitor::<K, C>(PhantomData))?;
        Ok(entries.into_iter().filter_map(|(k, v)| Some((k, v?))).collect())
    }
}

/// A `@sparse` map: `null` values kept as `None`.
pub(crate) struct SparseMap<K, C>(PhantomData<(K, C)>);

impl<K, C> Codec for SparseMap<K, C>
where
    K: Serialize + DeserializeOwned + Eq + Hash,
    C: Codec,
{
    type Value = HashMap<K, Option<C::Value>>;

    fn encode<S: Serializer>(value: &HashMap<K, Option<C::Value>>, serializer: S) -> Result<S::Ok, S::Error> {
        Map::<K, Nullable<C>>::encode(value, serializer)
    }

    fn decode<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, Option<C::Value>>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<K, C>(PhantomData))
    }
}

/// Every entry of a JSON object, `null` values as `None`.
struct MapVisitor<K, C>(PhantomData<(K, C)>);

impl<'de, K, C> Visitor<'de> for MapVisitor<K, C>
where
    K: DeserializeOwned + Eq + Hash,
    C: Codec,
{
    type Value = HashMap<K, Option<C::Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = HashMap::new();
        while let Some(key) = map.next_key::<K>()? {
            let value = map.next_value_seed(Decode::<Nullable<C>>(PhantomData))?;
            entries.insert(key, value);
        }
        Ok(entries)
    }
}

/// Documents are the JSON value itself.
impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Document::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Document::Number(Number::PosInt(n)) => serializer.serialize_u64(*n),
            Document::Number(Number::NegInt(n)) => serializer.serialize_i64(*n),
            Document::Number(Number::Float(n)) => Float::<f64>::encode(n, serializer),
            Document::String(s) => serializer.serialize_str(s),
            Document::Bool(b) => serializer.serialize_bool(*b),
            Document::Null => serializer.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DocumentVisitor;

        impl<'de> Visitor<'de> for DocumentVisitor {
            type Value = Document;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Document, E> {
                Ok(Document::Bool(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Document, E> {
                Ok(Document::Number(match u64::try_from(v) {
                    Ok(n) => Number::PosInt(n),
                    Err(_) => Number::NegInt(v),
                }))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Document, E> {
                Ok(Document::Number(Number::PosInt(v)))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Document, E> {
                Ok(Document::Number(Number::Float(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Document, E> {
                Ok(Document::String(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Document, E> {
                Ok(Document::String(v))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
                Ok(Document::Null)
            }

            fn visit_none<E: de::Error>(self) -> Result<Document, E> {
                Ok(Document::Null)
            }

            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Document, D::Error> {
                Document::deserialize(deserializer)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Document::Array(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
                let mut entries = HashMap::new();
                while let Some((key, value)) = map.next_entry::<String, Document>()? {
                    entries.insert(key, value);
                }
                Ok(Document::Object(entries))
            }
        }

        deserializer.deserialize_any(DocumentVisitor)
    }
}


/// `{}`: the value of a union member that targets `smithy.api#Unit`.
pub(crate) struct EmptyObject;

impl Serialize for EmptyObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}
