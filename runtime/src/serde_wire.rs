//! `serde` support (feature `serde`): every structure, enum and union of a generated
//! crate implements `serde::Serialize` and `serde::Deserialize` in its awsJson wire
//! form, so that `serde_json::to_value` of a parsed response is the response body as a
//! JSON value, and `serde_json::from_str` of a body reads what the crate's own parser
//! reads.
//!
//! - structures are objects keyed by the members' wire names; unset members are
//!   skipped, unknown keys ignored, `null` read as absent, and a missing required
//!   member gets its default or zero value, as on the wire
//! - string enums are their string and int enums their integer, values the model does
//!   not know included (they round-trip through `Unknown`)
//! - unions are objects with exactly one key; the `Unknown` member cannot be serialized
//! - timestamps are epoch seconds ([`DateTime`]'s own impls) or the text of the member's
//!   `@timestampFormat`; blobs are base64 text; documents are the JSON value itself;
//!   floats that JSON numbers cannot hold are `"NaN"`, `"Infinity"` and `"-Infinity"`
//! - sparse lists and maps keep `null` items; dense ones drop them when reading
//! - big numbers are numbers when an `i64`, `u64` or `f64` holds them exactly, else
//!   their text as a string (serde has no arbitrary-precision numbers of its own); both
//!   read back
//!
//! The rest of this module serves the generated impls.

#![allow(dead_code)] // not every model needs every helper

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use ::serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use ::serde::ser::{self, Error as _, SerializeMap, SerializeSeq, Serializer};
use ::serde::{Deserialize, Serialize};

use crate::json::{Codec, Json, DateTimeText, Float, FloatValue, HttpDate, List, Map, MapKey, Plain, SparseList, SparseMap};
use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Number};

/// The `serde` crate, for the generated impls (a crate depending on the runtime crate
/// has no `serde` dependency of its own).
#[doc(hidden)]
pub use ::serde;

/// The serde form of a wire codec ([`Codec`]): how the generated impls serialize and
/// deserialize a member whose Rust type alone does not say its wire form.
#[doc(hidden)]
pub trait SerdeCodec: Codec {
    fn serialize<S: Serializer>(value: &Self::Value, serializer: S) -> Result<S::Ok, S::Error>;

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self::Value, D::Error>;
}

/// A value to serialize through the codec `C`.
#[doc(hidden)]
pub struct Ser<'a, C: Codec>(&'a C::Value);

/// `value`, serialized through the codec `C`.
#[doc(hidden)]
pub fn ser<C: Codec>(value: &C::Value) -> Ser<'_, C> {
    Ser(value)
}

impl<C: SerdeCodec> Serialize for Ser<'_, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::serialize(self.0, serializer)
    }
}

/// A value deserialized through the codec `C`.
#[doc(hidden)]
pub struct De<C: Codec>(C::Value);

impl<'de, C: SerdeCodec> Deserialize<'de> for De<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        C::deserialize(deserializer).map(De)
    }
}

/// The next map value through the codec `C`: `None` for `null`.
#[doc(hidden)]
pub fn next_value<'de, C: SerdeCodec, A: MapAccess<'de>>(map: &mut A) -> Result<Option<C::Value>, A::Error> {
    Ok(map.next_value::<Option<De<C>>>()?.map(|value| value.0))
}

/// The next map value of a union member targeting `smithy.api#Unit`: present unless
/// `null`, its value ignored.
#[doc(hidden)]
pub fn next_unit<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<()>, A::Error> {
    Ok(map.next_value::<Option<IgnoredAny>>()?.map(|_| ()))
}

/// Skips the next map value (an unknown member).
#[doc(hidden)]
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// An error of a deserializer or serializer with this message.
#[doc(hidden)]
pub fn de_error<E: de::Error>(message: &str) -> E {
    E::custom(message)
}

/// An error of a serializer with this message.
#[doc(hidden)]
pub fn ser_error<E: ser::Error>(message: &str) -> E {
    E::custom(message)
}

/// An object key or a string, borrowed from the input when the deserializer can.
#[doc(hidden)]
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
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

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(value)))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(value.to_owned())))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(value)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// A string enum from its string: a value the model does not know lands in `Unknown`.
#[doc(hidden)]
pub fn string_enum<'de, D: Deserializer<'de>, T: for<'k> From<&'k str>>(deserializer: D) -> Result<T, D::Error> {
    Key::deserialize(deserializer).map(|key| T::from(key.as_str()))
}

/// An int enum from its integer: a value the model does not know lands in `Unknown`.
#[doc(hidden)]
pub fn int_enum<'de, D: Deserializer<'de>, T: From<i32>>(deserializer: D) -> Result<T, D::Error> {
    i32::deserialize(deserializer).map(T::from)
}

/// The value of a union member targeting `smithy.api#Unit`: an empty object.
#[doc(hidden)]
pub struct EmptyObject;

impl Serialize for EmptyObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

impl<T: Json> SerdeCodec for Plain<T>
where
    T: Serialize + for<'de> Deserialize<'de>,
{
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}


/// `f32` and `f64`, serialized natively when finite.
#[doc(hidden)]
pub trait SerdeFloat: FloatValue {
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl SerdeFloat for f32 {
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f32(self)
    }
}

impl SerdeFloat for f64 {
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self)
    }
}

/// A float, or the string that stands for a value JSON numbers cannot hold.
fn serialize_float<T: SerdeFloat, S: Serializer>(value: T, serializer: S) -> Result<S::Ok, S::Error> {
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

/// Reads a number, or `"NaN"`, `"Infinity"` or `"-Infinity"`, as an `f64`.
struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or NaN, Infinity or -Infinity as a string")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(de::Unexpected::Str(value), &self)),
        }
    }
}

impl<T: SerdeFloat> SerdeCodec for Float<T> {
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_float(*value, serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_any(FloatVisitor).map(T::from_f64)
    }
}

/// Timestamps in epoch seconds: an integer, or a fraction to the millisecond.
impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.subsec_nanos() == 0 {
            serializer.serialize_i64(self.secs())
        } else {
            serializer.serialize_f64(self.as_secs_f64())
        }
    }
}

/// Reads epoch seconds.
struct EpochSecondsVisitor;

impl Visitor<'_> for EpochSecondsVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp in epoch seconds")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<DateTime, E> {
        Ok(DateTime::from_secs(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<DateTime, E> {
        i64::try_from(value).map(DateTime::from_secs).map_err(|_| E::custom("timestamp out of range"))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<DateTime, E> {
        /// About ±292 billion years fit an i64 of seconds; a wider value is an error.
        const LIMIT: f64 = 9.2e18;
        if value.is_finite() && value.abs() < LIMIT {
            Ok(DateTime::from_secs_f64(value))
        } else {
            Err(E::custom("timestamp out of range"))
        }
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EpochSecondsVisitor)
    }
}

/// A timestamp's text in a format, or an error when the format cannot write its year.
fn serialize_timestamp_text<S: Serializer>(serializer: S, text: Option<String>, format: &str) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => serializer.serialize_str(&text),
        None => Err(S::Error::custom(format!("timestamp outside the years {format} can write"))),
    }
}

/// A timestamp read from its text with the parser of its format.
fn deserialize_timestamp_text<'de, D: Deserializer<'de>, E: fmt::Display>(
    deserializer: D,
    parse: fn(&str) -> Result<DateTime, E>,
) -> Result<DateTime, D::Error> {
    let text = Key::deserialize(deserializer)?;
    parse(text.as_str()).map_err(de::Error::custom)
}


impl SerdeCodec for DateTimeText {
    fn serialize<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_timestamp_text(serializer, value.to_rfc3339(), "RFC 3339")
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserialize_timestamp_text(deserializer, DateTime::parse_rfc3339)
    }
}

impl SerdeCodec for HttpDate {
    fn serialize<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_timestamp_text(serializer, value.to_http_date(), "an HTTP date")
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserialize_timestamp_text(deserializer, DateTime::parse_http_date)
    }
}

/// Blobs are standard base64 text with padding.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&crate::json::encode_base64(self.as_ref()))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Key::deserialize(deserializer)?;
        crate::json::decode_base64(text.as_str()).map(Blob::new).ok_or_else(|| de::Error::custom("invalid base64"))
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
            Document::Number(Number::Float(n)) => serialize_float(*n, serializer),
            Document::String(s) => serializer.serialize_str(s),
            Document::Bool(b) => serializer.serialize_bool(*b),
            Document::Null => serializer.serialize_unit(),
        }
    }
}

/// Reads any value as a [`Document`].
struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Document, E> {
        Ok(Document::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Document, E> {
        Ok(Document::Number(match u64::try_from(value) {
            Ok(value) => Number::PosInt(value),
            Err(_) => Number::NegInt(value),
        }))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Document, E> {
        Ok(Document::Number(Number::PosInt(value)))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Document, E> {
        Ok(Document::Number(Number::Float(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Document, E> {
        Ok(Document::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Document, E> {
        Ok(Document::String(value))
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

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DocumentVisitor)
    }
}

/// Reads a big number from a number or its text.
struct BigNumberVisitor<T>(PhantomData<T>);

impl<T: std::str::FromStr<Err = crate::primitives::NumberParseError>> Visitor<'_> for BigNumberVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or a number's text")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<T, E> {
        self.visit_str(&value.to_string())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        value.parse().map_err(E::custom)
    }
}

impl Serialize for BigInteger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.as_str();
        if let Ok(n) = text.parse::<i64>() {
            serializer.serialize_i64(n)
        } else if let Ok(n) = text.parse::<u64>() {
            serializer.serialize_u64(n)
        } else {
            serializer.serialize_str(text)
        }
    }
}

impl Serialize for BigDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.as_str();
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n.to_string() == text => serializer.serialize_f64(n),
            _ => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for BigInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BigNumberVisitor(PhantomData))
    }
}

impl<'de> Deserialize<'de> for BigDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BigNumberVisitor(PhantomData))
    }
}

/// Serializes items through `C` (`None` as `null`).
fn serialize_items<'a, C: SerdeCodec + 'a, S: Serializer>(
    serializer: S,
    len: usize,
    items: impl Iterator<Item = Option<&'a C::Value>>,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(len))?;
    for item in items {
        seq.serialize_element(&item.map(ser::<C>))?;
    }
    seq.end()
}

/// Reads a list's items through `C`, `null` items as `None`.
struct ItemsVisitor<C>(PhantomData<C>);

impl<'de, C: SerdeCodec> Visitor<'de> for ItemsVisitor<C> {
    type Value = Vec<Option<C::Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element::<Option<De<C>>>()? {
            items.push(item.map(|item| item.0));
        }
        Ok(items)
    }
}

impl<C: SerdeCodec> SerdeCodec for List<C> {
    fn serialize<S: Serializer>(value: &Vec<C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_items::<C, S>(serializer, value.len(), value.iter().map(Some))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<C::Value>, D::Error> {
        let items = deserializer.deserialize_seq(ItemsVisitor::<C>(PhantomData))?;
        Ok(items.into_iter().flatten().collect())
    }
}

impl<C: SerdeCodec> SerdeCodec for SparseList<C> {
    fn serialize<S: Serializer>(value: &Vec<Option<C::Value>>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_items::<C, S>(serializer, value.len(), value.iter().map(Option::as_ref))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<C::Value>>, D::Error> {
        deserializer.deserialize_seq(ItemsVisitor::<C>(PhantomData))
    }
}

/// Serializes entries, values through `C` (`None` as `null`).
fn serialize_entries<'a, K: MapKey + 'a, C: SerdeCodec + 'a, S: Serializer>(
    serializer: S,
    len: usize,
    entries: impl Iterator<Item = (&'a K, Option<&'a C::Value>)>,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(len))?;
    for (key, value) in entries {
        map.serialize_entry(key.as_key(), &value.map(ser::<C>))?;
    }
    map.end()
}

/// Reads a map's entries, values through `C`, `null` values as `None`.
struct EntriesVisitor<K, C>(PhantomData<(K, C)>);

impl<'de, K: MapKey, C: SerdeCodec> Visitor<'de> for EntriesVisitor<K, C> {
    type Value = HashMap<K, Option<C::Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = HashMap::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            entries.insert(K::from_key(key.as_str()), next_value::<C, A>(&mut map)?);
        }
        Ok(entries)
    }
}

impl<K: MapKey, C: SerdeCodec> SerdeCodec for Map<K, C> {
    fn serialize<S: Serializer>(value: &HashMap<K, C::Value>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_entries::<K, C, S>(serializer, value.len(), value.iter().map(|(k, v)| (k, Some(v))))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, C::Value>, D::Error> {
        let entries = deserializer.deserialize_map(EntriesVisitor::<K, C>(PhantomData))?;
        Ok(entries.into_iter().filter_map(|(key, value)| Some((key, value?))).collect())
    }
}

impl<K: MapKey, C: SerdeCodec> SerdeCodec for SparseMap<K, C> {
    fn serialize<S: Serializer>(value: &HashMap<K, Option<C::Value>>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_entries::<K, C, S>(serializer, value.len(), value.iter().map(|(k, v)| (k, v.as_ref())))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, Option<C::Value>>, D::Error> {
        deserializer.deserialize_map(EntriesVisitor::<K, C>(PhantomData))
    }
}
