//! `serde` support (feature `serde`): every structure, enum and union of a generated
//! crate, and the primitives, implement `serde::Serialize` and `serde::Deserialize` in
//! their awsJson wire form, so that `serde_json::to_value` of a parsed response is the
//! response body as a JSON value, and `serde_json::from_str` of a body reads what the
//! crate's own parser reads.
//!
//! Both go through the wire code itself ([`ToJson`], [`FromJson`]): serializing writes
//! the value's wire JSON and hands each JSON value of it to the serializer; deserializing
//! takes any value of a self-describing format (`deserialize_any`), writes it as JSON
//! and reads that with the crate's parser. So the serde form is the wire form:
//!
//! - structures are objects keyed by the members' wire names; unset members are
//!   skipped, unknown keys ignored, `null` read as absent, and a missing required
//!   member gets its default or zero value, as on the wire
//! - string enums are their string and int enums their integer, values the model does
//!   not know included (they round-trip through `Unknown`)
//! - unions are objects with exactly one key; the `Unknown` member cannot be serialized
//! - timestamps are epoch seconds or the text of the member's `@timestampFormat`; blobs
//!   are base64 text; documents are the JSON value itself; floats that JSON numbers
//!   cannot hold are `"NaN"`, `"Infinity"` and `"-Infinity"`
//! - sparse lists and maps keep `null` items; dense ones drop them when reading
//! - numbers are serialized as an `i64` or `u64` when they are whole and fit one, as an
//!   `f64` when that `f64` prints as their wire text; any other number (a big number
//!   beyond those) is its text as a string (serde has no arbitrary-precision numbers of
//!   its own), which big numbers also read back from
//! - reading applies the wire's nesting bound for structures (the default
//!   [`Limits`](crate::limits::Limits)), not its body size bound
//!
//! Serializing costs about one wire serialization more than a serializer of its own
//! would, deserializing one wire parse more: in exchange each type's impls are one line
//! of the generated code.

#![allow(dead_code)] // not every model needs every helper

use std::borrow::Cow;
use std::fmt;

use ::serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use ::serde::ser::{self, SerializeMap, SerializeSeq, Serializer};
use ::serde::{Deserialize, Serialize};

use crate::json::{Found, FromJson, ReadError, ReadResult, Reader, ToJson, Writer};
use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document};

/// The `serde` crate, for the generated impls (a crate depending on the runtime crate
/// has no `serde` dependency of its own).
#[doc(hidden)]
pub use ::serde;

// The primitives, like the generated impls of every type.

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer)
    }
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer)
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer)
    }
}

impl Serialize for BigInteger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for BigInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer)
    }
}

impl Serialize for BigDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self, serializer)
    }
}

impl<'de> Deserialize<'de> for BigDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer)
    }
}

/// Serializes `value` in its wire form: writes its wire JSON, then gives the serializer
/// each JSON value of it.
#[doc(hidden)]
pub fn serialize<T: ToJson, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut writer = Writer::new();
    value.write(&mut writer).map_err(|e| <S::Error as ser::Error>::custom(e.0))?;
    let bytes = writer.into_bytes();
    let text = std::str::from_utf8(&bytes).map_err(<S::Error as ser::Error>::custom)?;
    let mut reader = Reader::new(text);
    let tree = Tree::read(&mut reader).map_err(|e| <S::Error as ser::Error>::custom(message(&e)))?;
    tree.serialize(serializer)
}

/// Deserializes a value of a self-describing format in the wire form: writes it as
/// JSON, then reads that with the crate's parser.
#[doc(hidden)]
pub fn deserialize<'de, T: FromJson, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut writer = Writer::new();
    WriteJson(&mut writer).deserialize(deserializer)?;
    let bytes = writer.into_bytes();
    let text = std::str::from_utf8(&bytes).map_err(<D::Error as de::Error>::custom)?;
    let mut reader = Reader::new(text).with_number_strings();
    T::read(&mut reader)
        .and_then(|value| reader.end().map(|()| value))
        .map_err(|e| <D::Error as de::Error>::custom(message(&e)))
}

/// A read error as the member path and the detail (its offset is in text the caller
/// never saw).
fn message(error: &ReadError) -> String {
    let path = error.path();
    if path.is_empty() {
        error.detail().to_owned()
    } else {
        format!("{path}: {}", error.detail())
    }
}

/// A JSON value of written wire JSON, borrowed from its text.
enum Tree<'a> {
    Null,
    Bool(bool),
    /// A number's text, and whether it is whole (no fraction or exponent).
    Number(&'a str, bool),
    String(Cow<'a, str>),
    Array(Vec<Tree<'a>>),
    Object(Vec<(Cow<'a, str>, Tree<'a>)>),
}

impl<'a> Tree<'a> {
    fn read(reader: &mut Reader<'a>) -> ReadResult<Self> {
        Ok(match reader.found() {
            Found::Object => {
                let mut entries = reader.begin_object()?;
                let mut members = Vec::new();
                while let Some(key) = reader.next_key(&mut entries)? {
                    members.push((key, Tree::read(reader)?));
                }
                Tree::Object(members)
            }
            Found::List => {
                let mut entries = reader.begin_array()?;
                let mut items = Vec::new();
                while reader.next_item(&mut entries)? {
                    items.push(Tree::read(reader)?);
                }
                Tree::Array(items)
            }
            Found::String => Tree::String(reader.str()?),
            Found::Number => {
                let (text, whole) = reader.number_text()?;
                Tree::Number(text, whole)
            }
            Found::Boolean => Tree::Bool(reader.bool()?),
            Found::Null => {
                reader.null()?;
                Tree::Null
            }
            Found::End | Found::Other => return Err(reader.expected("a value")),
        })
    }
}

impl Serialize for Tree<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Null => serializer.serialize_unit(),
            Tree::Bool(value) => serializer.serialize_bool(*value),
            Tree::Number(text, true) => {
                if let Ok(n) = text.parse::<i64>() {
                    serializer.serialize_i64(n)
                } else if let Ok(n) = text.parse::<u64>() {
                    serializer.serialize_u64(n)
                } else {
                    serializer.serialize_str(text)
                }
            }
            Tree::Number(text, false) => match text.parse::<f64>() {
                Ok(n) if n.is_finite() && format!("{n:?}") == *text => serializer.serialize_f64(n),
                _ => serializer.serialize_str(text),
            },
            Tree::String(text) => serializer.serialize_str(text),
            Tree::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Tree::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key.as_ref(), value)?;
                }
                map.end()
            }
        }
    }
}

/// Writes the value a deserializer holds as JSON.
struct WriteJson<'w>(&'w mut Writer);

impl<'de> DeserializeSeed<'de> for WriteJson<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for WriteJson<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<(), E> {
        self.0.bool(value);
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.0.i64(value);
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        match i64::try_from(value) {
            Ok(value) => self.0.i64(value),
            Err(_) => self.0.number_text(&value.to_string()),
        }
        Ok(())
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<(), E> {
        self.0.number_text(&value.to_string());
        Ok(())
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<(), E> {
        self.0.number_text(&value.to_string());
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        if value.is_finite() {
            self.0.f64(value);
        } else if value.is_nan() {
            self.0.string("NaN");
        } else if value > 0.0 {
            self.0.string("Infinity");
        } else {
            self.0.string("-Infinity");
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.0.string(value);
        Ok(())
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<(), E> {
        self.0.string(&crate::json::encode_base64(value));
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.null();
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.0.null();
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.0.begin_array();
        while seq.next_element_seed(WriteJson(self.0))?.is_some() {}
        self.0.end_array();
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.0.begin_object();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            self.0.key(&key.0);
            map.next_value_seed(WriteJson(self.0))?;
        }
        self.0.end_object();
        Ok(())
    }
}

/// An object key, borrowed from the input when the deserializer can.
struct Key<'de>(Cow<'de, str>);

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
