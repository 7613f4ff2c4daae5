//! The wire form of big numbers: JSON numbers written and read as their exact text,
//! through serde_json's `RawValue` (its `raw_value` feature), so no digit is lost to an
//! `f64`. Only models with `bigInteger` or `bigDecimal` members include this module.

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::primitives::{BigDecimal, BigInteger};

impl Serialize for BigInteger {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_number(self.as_str(), serializer)
    }
}

impl<'de> Deserialize<'de> for BigInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_number(deserializer)?.get().parse().map_err(de::Error::custom)
    }
}

impl Serialize for BigDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_number(self.as_str(), serializer)
    }
}

impl<'de> Deserialize<'de> for BigDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_number(deserializer)?.get().parse().map_err(de::Error::custom)
    }
}

/// Writes the number's text as is (the types only hold valid JSON numbers).
fn write_number<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    RawValue::from_string(text.to_owned())
        .map_err(serde::ser::Error::custom)?
        .serialize(serializer)
}

/// The value's JSON text, whatever it is; parsing it says whether it is a number.
fn read_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Box<RawValue>, D::Error> {
    <Box<RawValue>>::deserialize(deserializer)
}
