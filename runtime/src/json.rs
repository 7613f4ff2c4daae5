//! The awsJson1_1 wire form of every type: [`to_vec`] for what a generated crate sends
//! and [`from_slice`] for what it receives, through the [`ToJson`] and [`FromJson`] traits
//! the generator implements (writing and reading JSON directly, without serde). A type
//! gets the half its operations use: a serializer where a value is sent (input members),
//! a deserializer where it is received (outputs and errors), as smithy-rs generates them;
//! with the crate's `serde` feature, whose impls go through both, every type gets both.
//!
//! Also, for the generated code: reading one member (`null` is absent, an error names the
//! member's path), Smithy's client error correction (zero values for missing required
//! members), codecs for values whose Rust type alone does not say their wire form
//! (floats, timestamp formats, lists and maps), and the JSON forms of timestamps, blobs
//! (base64) and documents.

#![allow(dead_code)] // not every model needs every helper

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;

use crate::error::{ParseError, SerializeError};
#[doc(hidden)]
pub use crate::json_reader::{Entries, Found, ReadError, ReadResult, Reader};
#[doc(hidden)]
pub use crate::json_writer::Writer;
use crate::limits::Limits;
use crate::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Number};

/// The error of a type that says it is read in place and has no value to read into (a
/// generator bug: every structure has its zero value).
const NO_BLANK: &str = "a structure without a zero value to read into";

/// A value read from its JSON wire form: every structure, enum and union a generated
/// crate receives.
pub trait FromJson: Sized {
    /// Reads one value.
    #[doc(hidden)]
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self>;

    /// Whether values are read in place (structures): [`blank`](Self::blank) gives the
    /// value to read into. A constant, so that each type's [`read_into`](Self::read_into)
    /// and [`read_push`](Self::read_push) compile only their own half.
    #[doc(hidden)]
    const IN_PLACE: bool = false;

    /// The value a structure is read into (its zero value), so that it can be read in
    /// place; `None` for the other types, which are read whole and moved into place.
    #[doc(hidden)]
    #[inline]
    fn blank() -> Option<Self> {
        None
    }

    /// Reads one value into a member's place, which then holds `Some`. Structures read
    /// their members straight into it, so a large value is not moved once it is read.
    #[doc(hidden)]
    #[inline]
    fn read_into(reader: &mut Reader<'_>, slot: &mut Option<Self>) -> ReadResult<()> {
        // `match`es rather than `?` and `Option::insert`: this is instantiated for every
        // type, and each generic helper it calls would be too (debug builds compile them
        // all). The branch on a constant is left out of each type's code.
        if Self::IN_PLACE {
            *slot = Self::blank();
            match slot {
                Some(value) => Self::read_members(reader, value),
                None => Err(reader.error_here(NO_BLANK)),
            }
        } else {
            match Self::read(reader) {
                Ok(value) => {
                    *slot = Some(value);
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
    }

    /// Reads one list item onto the end of `list`, a structure in place like
    /// [`read_into`](Self::read_into).
    #[doc(hidden)]
    #[inline]
    fn read_push(reader: &mut Reader<'_>, list: &mut Vec<Self>) -> ReadResult<()> {
        if Self::IN_PLACE {
            match Self::blank() {
                Some(blank) => {
                    // A vector of items over 1 KiB grows 1, 2, 4 (std's smallest
                    // capacity for them is 1), each step a copy of kilobytes: start at 2.
                    if list.capacity() == 0 && std::mem::size_of::<Self>() > 1024 {
                        list.reserve_exact(2);
                    }
                    list.push(blank);
                    match list.last_mut() {
                        Some(item) => Self::read_members(reader, item),
                        None => Ok(()),
                    }
                }
                None => Err(reader.error_here(NO_BLANK)),
            }
        } else {
            match Self::read(reader) {
                Ok(value) => {
                    list.push(value);
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
    }

    /// Reads one value over `target`. A structure reads its members into it in place:
    /// `target` holds the structure's zero value, which the members it lacks keep.
    #[doc(hidden)]
    #[inline]
    fn read_members(reader: &mut Reader<'_>, target: &mut Self) -> ReadResult<()> {
        match Self::read(reader) {
            Ok(value) => {
                *target = value;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

/// A value written in its JSON wire form: every structure, enum and union a generated
/// crate sends.
pub trait ToJson {
    /// Writes the value; fails for values the wire cannot carry (a union's `Unknown`
    /// member, a timestamp outside the years its text format can write).
    #[doc(hidden)]
    fn write(&self, writer: &mut Writer) -> WriteResult;
}

/// The result of writing one value.
#[doc(hidden)]
pub type WriteResult = Result<(), WriteError>;

/// Why a value cannot be written (becomes a [`SerializeError`]).
#[doc(hidden)]
#[derive(Debug)]
pub struct WriteError(pub(crate) String);

impl WriteError {
    #[doc(hidden)]
    pub fn new(reason: &str) -> Self {
        WriteError(reason.to_owned())
    }
}

/// The value as a JSON document in the wire form (compact, members in model order, unset
/// members left out).
pub fn to_vec<T: ToJson>(value: &T) -> Result<Vec<u8>, SerializeError> {
    let mut writer = Writer::new();
    value.write(&mut writer).map_err(SerializeError::body)?;
    Ok(writer.into_bytes())
}

/// Reads a value from a JSON document in the wire form: unknown members are skipped,
/// `null` is absent, missing required members get their zero value. The default
/// [`Limits`] apply.
pub fn from_slice<T: FromJson>(body: &[u8]) -> Result<T, ParseError> {
    read_with(body, &Limits::DEFAULT, T::read)
}

/// Like [`from_slice`], with these body bounds.
pub fn from_slice_with<T: FromJson>(body: &[u8], limits: &Limits) -> Result<T, ParseError> {
    read_with(body, limits, T::read)
}

/// Reads the whole body with `read`: the size bound, UTF-8, then nothing after the value.
#[doc(hidden)]
pub fn read_with<T>(
    body: &[u8],
    limits: &Limits,
    read: impl FnOnce(&mut Reader<'_>) -> ReadResult<T>,
) -> Result<T, ParseError> {
    let max = limits.max_body_size();
    if body.len() > max {
        return Err(ParseError::body_too_large(body.len(), max));
    }
    let text = std::str::from_utf8(body).map_err(|e| ParseError::not_utf8(body, e.valid_up_to()))?;
    let mut reader = Reader::with_max_nesting_depth(text, limits.max_nesting_depth());
    read(&mut reader)
        .and_then(|value| reader.end().map(|()| value))
        .map_err(|e| ParseError::from_read(&e, text))
}

/// Reads one member's value (`null` is absent); an error names the member.
#[inline]
#[doc(hidden)]
pub fn member<T: FromJson>(reader: &mut Reader<'_>, name: &'static str) -> ReadResult<Option<T>> {
    member_as::<Plain<T>>(reader, name)
}

/// Like [`member`], for a value read through a codec.
#[inline]
#[doc(hidden)]
pub fn member_as<C: ReadCodec>(reader: &mut Reader<'_>, name: &'static str) -> ReadResult<Option<C::Value>> {
    if reader.null()? {
        return Ok(None);
    }
    match C::read(reader) {
        Ok(value) => Ok(Some(value)),
        Err(e) => Err(e.in_member(name)),
    }
}

/// `FromJson::read` of a structure: its zero value, the members on the wire read into it.
#[inline]
#[doc(hidden)]
pub fn read_structure<T: FromJson + ZeroValue>(reader: &mut Reader<'_>) -> ReadResult<T> {
    let mut value = T::zero_value();
    T::read_members(reader, &mut value)?;
    Ok(value)
}

/// Reads an optional member's value into its place (`null` leaves it `None`); an error
/// names the member. Written out rather than as `member_into_as::<Plain<T>>`: one
/// instantiation per type instead of two.
#[inline]
#[doc(hidden)]
pub fn member_into<T: FromJson>(reader: &mut Reader<'_>, name: &'static str, slot: &mut Option<T>) -> ReadResult<()> {
    match reader.null() {
        Ok(false) => in_member(T::read_into(reader, slot), name),
        Ok(true) => {
            *slot = None;
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Like [`member_into`], for a value read through a codec.
#[inline]
#[doc(hidden)]
pub fn member_into_as<C: ReadCodec>(reader: &mut Reader<'_>, name: &'static str, slot: &mut Option<C::Value>) -> ReadResult<()> {
    match reader.null() {
        Ok(false) => in_member(C::read_into(reader, slot), name),
        Ok(true) => {
            *slot = None;
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// `result`, its error naming the member `name`. Not generic: the member readers, one
/// per type, share it rather than each instantiating `map_err` and a closure.
#[inline]
fn in_member(result: ReadResult<()>, name: &'static str) -> ReadResult<()> {
    match result {
        Ok(()) => Ok(()),
        Err(e) => Err(e.in_member(name)),
    }
}

/// A union member targeting `smithy.api#Unit`: present unless `null`, its value skipped.
#[doc(hidden)]
pub fn unit_member(reader: &mut Reader<'_>, name: &'static str) -> ReadResult<Option<()>> {
    if reader.null()? {
        return Ok(None);
    }
    reader.skip().map(Some).map_err(|e| e.in_member(name))
}

/// Writes one member's entry.
#[doc(hidden)]
pub fn write_member<T: ToJson>(writer: &mut Writer, name: &'static str, value: &T) -> WriteResult {
    writer.member_key(name);
    value.write(writer)
}

/// Like [`write_member`], for a value written through a codec.
#[doc(hidden)]
pub fn write_member_as<C: WriteCodec>(writer: &mut Writer, name: &'static str, value: &C::Value) -> WriteResult {
    writer.member_key(name);
    C::write(value, writer)
}

/// The value a required member takes when a response omits it (Smithy's client error
/// correction): zero, empty, false, the epoch, or a structure of such values.
#[doc(hidden)]
pub trait ZeroValue {
    fn zero_value() -> Self;
}

/// `Ok` of what `read` fills in over a zero value, which is read in the place it is
/// returned from: an output is often kilobytes, and each move of it a copy.
#[doc(hidden)]
#[inline(always)]
pub fn read_in_place<T: ZeroValue, E>(read: impl FnOnce(&mut T) -> Result<(), E>) -> Result<T, E> {
    let mut result = Ok(T::zero_value());
    if let Ok(output) = &mut result {
        if let Err(e) = read(output) {
            result = Err(e);
        }
    }
    result
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

impl<K, V> ZeroValue for HashMap<K, V> {
    fn zero_value() -> Self {
        HashMap::new()
    }
}

impl<T: ZeroValue> ZeroValue for Box<T> {
    fn zero_value() -> Self {
        Box::new(T::zero_value())
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        T::read(reader).map(Box::new)
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn write(&self, writer: &mut Writer) -> WriteResult {
        T::write(self, writer)
    }
}

impl FromJson for String {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        reader.string()
    }
}

impl ToJson for String {
    fn write(&self, writer: &mut Writer) -> WriteResult {
        writer.string(self);
        Ok(())
    }
}

impl FromJson for bool {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        reader.bool()
    }
}

impl ToJson for bool {
    fn write(&self, writer: &mut Writer) -> WriteResult {
        writer.bool(*self);
        Ok(())
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {
        $(impl FromJson for $ty {
            fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
                reader.integer()
            }
        }

        impl ToJson for $ty {
            fn write(&self, writer: &mut Writer) -> WriteResult {
                writer.i64(i64::from(*self));
                Ok(())
            }
        })*
    };
}

integers!(i8, i16, i32, i64);

/// Timestamps travel as epoch seconds: an integer, or a fraction to the millisecond.
impl FromJson for DateTime {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        /// About ±292 billion years fit an i64 of seconds; a wider value is an error.
        const LIMIT: f64 = 9.2e18;
        if reader.found() != Found::Number {
            return Err(reader.expected("a timestamp in epoch seconds"));
        }
        let (text, integer) = reader.number_text()?;
        if integer {
            if let Ok(seconds) = text.parse() {
                return Ok(DateTime::from_secs(seconds));
            }
        }
        match text.parse::<f64>() {
            Ok(seconds) if seconds.is_finite() && seconds.abs() < LIMIT => Ok(DateTime::from_secs_f64(seconds)),
            _ => Err(reader.error_here("timestamp out of range")),
        }
    }
}

impl ToJson for DateTime {
    fn write(&self, writer: &mut Writer) -> WriteResult {
        if self.subsec_nanos() == 0 {
            writer.i64(self.secs());
        } else {
            writer.f64(self.as_secs_f64());
        }
        Ok(())
    }
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Blobs travel as standard base64 with padding.
impl FromJson for Blob {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        let text = reader.str()?;
        decode_base64(&text).map(Blob::new).ok_or_else(|| reader.error_here("invalid base64"))
    }
}

impl ToJson for Blob {
    fn write(&self, writer: &mut Writer) -> WriteResult {
        writer.string(&encode_base64(self.as_ref()));
        Ok(())
    }
}

/// Standard base64 with padding (also the serde form of blobs).
pub(crate) fn encode_base64(bytes: &[u8]) -> String {
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
    out
}

/// The bytes of standard base64 text, `None` when it is not base64.
pub(crate) fn decode_base64(text: &str) -> Option<Vec<u8>> {
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

/// Big numbers travel as JSON numbers, read and written as their exact text, so no digit
/// is lost to an `f64`.
macro_rules! big_numbers {
    ($($ty:ty),*) => {
        $(impl FromJson for $ty {
            fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
                if reader.number_strings() && reader.found() == Found::String {
                    let text = reader.str()?;
                    return text.parse().map_err(|e: crate::primitives::NumberParseError| reader.error_here(e.to_string()));
                }
                let (text, _) = reader.number_text()?;
                text.parse().map_err(|e: crate::primitives::NumberParseError| reader.error_here(e.to_string()))
            }
        }

        impl ToJson for $ty {
            fn write(&self, writer: &mut Writer) -> WriteResult {
                writer.number_text(self.as_str());
                Ok(())
            }
        })*
    };
}

big_numbers!(BigInteger, BigDecimal);

/// Documents are the JSON value itself (nesting bounded by the reader).
impl FromJson for Document {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        Ok(match reader.found() {
            Found::Object => {
                let mut entries = reader.begin_object()?;
                let mut map = HashMap::new();
                while let Some(key) = reader.next_key(&mut entries)? {
                    let value = Document::read(reader)?;
                    map.insert(key.into_owned(), value);
                }
                Document::Object(map)
            }
            Found::List => {
                let mut items = reader.begin_array()?;
                let mut list = Vec::new();
                while reader.next_item(&mut items)? {
                    list.push(Document::read(reader)?);
                }
                Document::Array(list)
            }
            Found::String => Document::String(reader.string()?),
            Found::Boolean => Document::Bool(reader.bool()?),
            Found::Null => {
                reader.null()?;
                Document::Null
            }
            Found::Number => {
                let (text, integer) = reader.number_text()?;
                let number = if integer {
                    text.parse::<u64>().map(Number::PosInt).or_else(|_| text.parse::<i64>().map(Number::NegInt)).ok()
                } else {
                    None
                };
                match number {
                    Some(number) => Document::Number(number),
                    None => Document::Number(Number::Float(text.parse().map_err(|_| reader.error_here("invalid number"))?)),
                }
            }
            Found::End | Found::Other => return Err(reader.expected("a value")),
        })
    }
}

impl ToJson for Document {
    fn write(&self, writer: &mut Writer) -> WriteResult {
        match self {
            Document::Object(entries) => {
                writer.begin_object();
                for (key, value) in entries {
                    writer.key(key);
                    value.write(writer)?;
                }
                writer.end_object();
            }
            Document::Array(items) => {
                writer.begin_array();
                for item in items {
                    item.write(writer)?;
                }
                writer.end_array();
            }
            Document::Number(Number::PosInt(n)) => writer.number_text(&n.to_string()),
            Document::Number(Number::NegInt(n)) => writer.i64(*n),
            Document::Number(Number::Float(n)) => Float::<f64>::write(n, writer)?,
            Document::String(s) => writer.string(s),
            Document::Bool(b) => writer.bool(*b),
            Document::Null => writer.null(),
        }
        Ok(())
    }
}

/// How a value is read: the generated code names one codec per member type (`Plain<T>`
/// for a type's own [`FromJson`] impl, `List<Float<f64>>`, `DateTimeText`, ...).
#[doc(hidden)]
pub trait ReadCodec {
    type Value;

    fn read(reader: &mut Reader<'_>) -> ReadResult<Self::Value>;

    /// Reads one value into a member's place, which then holds `Some`.
    #[inline]
    fn read_into(reader: &mut Reader<'_>, slot: &mut Option<Self::Value>) -> ReadResult<()> {
        match Self::read(reader) {
            Ok(value) => {
                *slot = Some(value);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Reads one list item onto the end of `list`.
    #[inline]
    fn read_push(reader: &mut Reader<'_>, list: &mut Vec<Self::Value>) -> ReadResult<()> {
        match Self::read(reader) {
            Ok(value) => {
                list.push(value);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }
}

/// How a value is written: the [`ReadCodec`]s' other half (`Plain<T>` for a type's own
/// [`ToJson`] impl).
#[doc(hidden)]
pub trait WriteCodec {
    type Value;

    fn write(value: &Self::Value, writer: &mut Writer) -> WriteResult;
}

/// The type's own [`FromJson`] and [`ToJson`] impls.
#[doc(hidden)]
pub struct Plain<T>(PhantomData<T>);

impl<T: FromJson> ReadCodec for Plain<T> {
    type Value = T;

    fn read(reader: &mut Reader<'_>) -> ReadResult<T> {
        T::read(reader)
    }

    #[inline]
    fn read_into(reader: &mut Reader<'_>, slot: &mut Option<T>) -> ReadResult<()> {
        T::read_into(reader, slot)
    }

    #[inline]
    fn read_push(reader: &mut Reader<'_>, list: &mut Vec<T>) -> ReadResult<()> {
        T::read_push(reader, list)
    }
}

impl<T: ToJson> WriteCodec for Plain<T> {
    type Value = T;

    fn write(value: &T, writer: &mut Writer) -> WriteResult {
        value.write(writer)
    }
}

/// `null` as `None`, anything else through `C`.
#[doc(hidden)]
pub struct Nullable<C>(PhantomData<C>);

impl<C: ReadCodec> ReadCodec for Nullable<C> {
    type Value = Option<C::Value>;

    fn read(reader: &mut Reader<'_>) -> ReadResult<Option<C::Value>> {
        if reader.null()? {
            return Ok(None);
        }
        C::read(reader).map(Some)
    }
}

impl<C: WriteCodec> WriteCodec for Nullable<C> {
    type Value = Option<C::Value>;

    fn write(value: &Option<C::Value>, writer: &mut Writer) -> WriteResult {
        match value {
            Some(value) => C::write(value, writer),
            None => {
                writer.null();
                Ok(())
            }
        }
    }
}

/// `f32` and `f64`, which [`Float`] writes natively when finite.
#[doc(hidden)]
pub trait FloatValue: Copy {
    fn from_f64(value: f64) -> Self;
    fn to_f64(self) -> f64;
    fn write_finite(self, writer: &mut Writer);
}

impl FloatValue for f32 {
    fn from_f64(value: f64) -> Self {
        value as f32
    }

    fn to_f64(self) -> f64 {
        f64::from(self)
    }

    fn write_finite(self, writer: &mut Writer) {
        writer.f32(self);
    }
}

impl FloatValue for f64 {
    fn from_f64(value: f64) -> Self {
        value
    }

    fn to_f64(self) -> f64 {
        self
    }

    fn write_finite(self, writer: &mut Writer) {
        writer.f64(self);
    }
}

/// Floats: numbers, and the strings `"NaN"`, `"Infinity"` and `"-Infinity"`, which JSON
/// numbers cannot express.
#[doc(hidden)]
pub struct Float<T>(PhantomData<T>);

impl<T: FloatValue> ReadCodec for Float<T> {
    type Value = T;

    fn read(reader: &mut Reader<'_>) -> ReadResult<T> {
        if reader.found() == Found::String {
            return match &*reader.str()? {
                "NaN" => Ok(T::from_f64(f64::NAN)),
                "Infinity" => Ok(T::from_f64(f64::INFINITY)),
                "-Infinity" => Ok(T::from_f64(f64::NEG_INFINITY)),
                _ => Err(reader.error_here("expected number, found a string other than NaN, Infinity or -Infinity")),
            };
        }
        reader.f64().map(T::from_f64)
    }
}

impl<T: FloatValue> WriteCodec for Float<T> {
    type Value = T;

    fn write(value: &T, writer: &mut Writer) -> WriteResult {
        let v = value.to_f64();
        if v.is_nan() {
            writer.string("NaN");
        } else if v == f64::INFINITY {
            writer.string("Infinity");
        } else if v == f64::NEG_INFINITY {
            writer.string("-Infinity");
        } else {
            value.write_finite(writer);
        }
        Ok(())
    }
}

/// Timestamps as RFC 3339 text (`timestampFormat: date-time`).
#[doc(hidden)]
pub struct DateTimeText;

impl ReadCodec for DateTimeText {
    type Value = DateTime;

    fn read(reader: &mut Reader<'_>) -> ReadResult<DateTime> {
        read_timestamp_text(reader, DateTime::parse_rfc3339)
    }
}

impl WriteCodec for DateTimeText {
    type Value = DateTime;

    fn write(value: &DateTime, writer: &mut Writer) -> WriteResult {
        write_timestamp_text(writer, value.to_rfc3339(), "RFC 3339")
    }
}

/// Timestamps as HTTP dates (`timestampFormat: http-date`).
#[doc(hidden)]
pub struct HttpDate;

impl ReadCodec for HttpDate {
    type Value = DateTime;

    fn read(reader: &mut Reader<'_>) -> ReadResult<DateTime> {
        read_timestamp_text(reader, DateTime::parse_http_date)
    }
}

impl WriteCodec for HttpDate {
    type Value = DateTime;

    fn write(value: &DateTime, writer: &mut Writer) -> WriteResult {
        write_timestamp_text(writer, value.to_http_date(), "an HTTP date")
    }
}

/// A timestamp string read with the parser of its format.
fn read_timestamp_text<E: std::fmt::Display>(
    reader: &mut Reader<'_>,
    parse: fn(&str) -> Result<DateTime, E>,
) -> ReadResult<DateTime> {
    let text = reader.str()?;
    parse(&text).map_err(|e| reader.error_here(e.to_string()))
}

/// A timestamp's text in `format`, or an error when the format cannot write its year.
fn write_timestamp_text(writer: &mut Writer, text: Option<String>, format: &str) -> WriteResult {
    let text = text.ok_or_else(|| WriteError(format!("timestamp outside the years {format} can write")))?;
    writer.string(&text);
    Ok(())
}

/// A dense list: items through `C`; a `null` item is dropped.
#[doc(hidden)]
pub struct List<C>(PhantomData<C>);

impl<C: ReadCodec> ReadCodec for List<C> {
    type Value = Vec<C::Value>;

    fn read(reader: &mut Reader<'_>) -> ReadResult<Vec<C::Value>> {
        let mut items = reader.begin_array()?;
        let mut list = Vec::new();
        while reader.next_item(&mut items)? {
            if !reader.null()? {
                C::read_push(reader, &mut list)?;
            }
        }
        Ok(list)
    }
}

impl<C: WriteCodec> WriteCodec for List<C> {
    type Value = Vec<C::Value>;

    fn write(value: &Vec<C::Value>, writer: &mut Writer) -> WriteResult {
        writer.begin_array();
        for item in value {
            C::write(item, writer)?;
        }
        writer.end_array();
        Ok(())
    }
}

/// A `@sparse` list: `null` items kept as `None`.
#[doc(hidden)]
pub struct SparseList<C>(PhantomData<C>);

impl<C: ReadCodec> ReadCodec for SparseList<C> {
    type Value = Vec<Option<C::Value>>;

    fn read(reader: &mut Reader<'_>) -> ReadResult<Vec<Option<C::Value>>> {
        let mut items = reader.begin_array()?;
        let mut list = Vec::new();
        while reader.next_item(&mut items)? {
            list.push(Nullable::<C>::read(reader)?);
        }
        Ok(list)
    }
}

impl<C: WriteCodec> WriteCodec for SparseList<C> {
    type Value = Vec<Option<C::Value>>;

    fn write(value: &Vec<Option<C::Value>>, writer: &mut Writer) -> WriteResult {
        List::<Nullable<C>>::write(value, writer)
    }
}

/// Map keys: strings, or string enums.
#[doc(hidden)]
pub trait MapKey: Eq + Hash {
    fn from_key(key: &str) -> Self;
    fn as_key(&self) -> &str;
}

impl<K: for<'k> From<&'k str> + AsRef<str> + Eq + Hash> MapKey for K {
    fn from_key(key: &str) -> Self {
        K::from(key)
    }

    fn as_key(&self) -> &str {
        self.as_ref()
    }
}

/// A dense map: values through `C`; an entry whose value is `null` is dropped.
#[doc(hidden)]
pub struct Map<K, C>(PhantomData<(K, C)>);

impl<K: MapKey, C: ReadCodec> ReadCodec for Map<K, C> {
    type Value = HashMap<K, C::Value>;

    fn read(reader: &mut Reader<'_>) -> ReadResult<HashMap<K, C::Value>> {
        let mut entries = reader.begin_object()?;
        let mut map = HashMap::new();
        while let Some(key) = reader.next_key(&mut entries)? {
            if !reader.null()? {
                map.insert(K::from_key(&key), C::read(reader)?);
            }
        }
        Ok(map)
    }
}

impl<K: MapKey, C: WriteCodec> WriteCodec for Map<K, C> {
    type Value = HashMap<K, C::Value>;

    fn write(value: &HashMap<K, C::Value>, writer: &mut Writer) -> WriteResult {
        writer.begin_object();
        for (key, item) in value {
            writer.key(key.as_key());
            C::write(item, writer)?;
        }
        writer.end_object();
        Ok(())
    }
}

/// A `@sparse` map: `null` values kept as `None`.
#[doc(hidden)]
pub struct SparseMap<K, C>(PhantomData<(K, C)>);

impl<K: MapKey, C: ReadCodec> ReadCodec for SparseMap<K, C> {
    type Value = HashMap<K, Option<C::Value>>;

    fn read(reader: &mut Reader<'_>) -> ReadResult<HashMap<K, Option<C::Value>>> {
        let mut entries = reader.begin_object()?;
        let mut map = HashMap::new();
        while let Some(key) = reader.next_key(&mut entries)? {
            map.insert(K::from_key(&key), Nullable::<C>::read(reader)?);
        }
        Ok(map)
    }
}

impl<K: MapKey, C: WriteCodec> WriteCodec for SparseMap<K, C> {
    type Value = HashMap<K, Option<C::Value>>;

    fn write(value: &HashMap<K, Option<C::Value>>, writer: &mut Writer) -> WriteResult {
        Map::<K, Nullable<C>>::write(value, writer)
    }
}
