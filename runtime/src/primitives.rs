//! Value types the model's simple shapes map to: [`DateTime`] for timestamps (converted
//! to and from `std::time::SystemTime` with `TryFrom`), [`Blob`]
//! for binary data, [`Document`] for untyped JSON, [`BigInteger`] and [`BigDecimal`] for
//! numbers of any size, and [`UnknownVariantValue`], the opaque text of an enum value
//! this version of the model does not know.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// An instant in time, as seconds and nanoseconds since the Unix epoch (UTC).
///
/// The representation is exact: a value read with millisecond precision keeps it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    seconds: i64,
    subsecond_nanos: u32,
}

impl DateTime {
    /// Whole seconds since the epoch.
    pub const fn from_secs(seconds: i64) -> Self {
        DateTime {
            seconds,
            subsecond_nanos: 0,
        }
    }

    /// Milliseconds since the epoch (negative before 1970).
    pub const fn from_millis(millis: i64) -> Self {
        DateTime {
            seconds: millis.div_euclid(1000),
            subsecond_nanos: (millis.rem_euclid(1000) * 1_000_000) as u32,
        }
    }

    /// Seconds since the epoch and nanoseconds into that second; nanoseconds past one
    /// second carry into the seconds.
    pub const fn from_secs_and_nanos(seconds: i64, subsecond_nanos: u32) -> Self {
        DateTime {
            seconds: seconds.saturating_add((subsecond_nanos / 1_000_000_000) as i64),
            subsecond_nanos: subsecond_nanos % 1_000_000_000,
        }
    }

    /// Fractional seconds since the epoch, rounded to the nearest microsecond: the
    /// precision an `f64` still carries for present-day times (`1515531081.123` is
    /// exactly 123 ms, not 122.999907). Values out of range saturate; NaN is the epoch.
    pub fn from_secs_f64(seconds: f64) -> Self {
        if seconds.is_nan() {
            return DateTime::from_secs(0);
        }
        let whole = seconds.floor();
        let micros = ((seconds - whole) * 1e6).round();
        let (whole, micros) = if micros >= 1e6 { (whole + 1.0, 0.0) } else { (whole, micros) };
        DateTime {
            seconds: whole as i64,
            subsecond_nanos: micros as u32 * 1000,
        }
    }

    /// Whole seconds since the epoch (rounded down).
    pub const fn secs(&self) -> i64 {
        self.seconds
    }

    /// Nanoseconds past [`Self::secs`].
    pub const fn subsec_nanos(&self) -> u32 {
        self.subsecond_nanos
    }

    /// Seconds since the epoch as a float (may lose sub-microsecond precision).
    pub fn as_secs_f64(&self) -> f64 {
        self.seconds as f64 + f64::from(self.subsecond_nanos) / 1e9
    }

    /// Milliseconds since the epoch, `None` if that overflows an `i64`.
    pub fn to_millis(&self) -> Option<i64> {
        self.seconds
            .checked_mul(1000)?
            .checked_add(i64::from(self.subsecond_nanos / 1_000_000))
    }
}

impl DateTime {
    /// RFC 3339 in UTC (`2000-01-02T20:34:56.123Z`), `None` outside the years 0 to 9999
    /// that the format can write.
    pub fn to_rfc3339(&self) -> Option<String> {
        self.has_four_digit_year().then(|| self.to_string())
    }

    /// Parses RFC 3339 (`2000-01-02T20:34:56Z`, `2019-12-16T22:48:18-01:00`,
    /// fractions to the nanosecond); an offset is folded into the UTC instant.
    pub fn parse_rfc3339(text: &str) -> Result<Self, DateTimeParseError> {
        let error = || DateTimeParseError::new("an RFC 3339 date-time", text);
        let b = text.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
            return Err(error());
        }
        let date = (number(b, 0, 4), number(b, 5, 7), number(b, 8, 10));
        let (Some(year), Some(month), Some(day)) = date else {
            return Err(error());
        };
        let (seconds, rest) = time_of_day(b, 11).ok_or_else(error)?;
        let (nanos, rest) = fraction(rest).ok_or_else(error)?;
        let offset = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let digits = [*h1, *h2, *m1, *m2];
                let hours = number(&digits, 0, 2).filter(|h| *h < 24).ok_or_else(error)?;
                let minutes = number(&digits, 2, 4).filter(|m| *m < 60).ok_or_else(error)?;
                let offset = hours * 3600 + minutes * 60;
                if *sign == b'-' {
                    -offset
                } else {
                    offset
                }
            }
            _ => return Err(error()),
        };
        let days = days_from_civil(year, month, day).ok_or_else(error)?;
        Ok(DateTime::from_secs_and_nanos(days * 86_400 + seconds - offset, nanos))
    }

    /// IMF-fixdate as HTTP dates are written (`Sun, 02 Jan 2000 20:34:56 GMT`, with a
    /// fraction when there is one), `None` outside the years 0 to 9999.
    pub fn to_http_date(&self) -> Option<String> {
        if !self.has_four_digit_year() {
            return None;
        }
        let days = self.seconds.div_euclid(86_400);
        let second_of_day = self.seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        let weekday = WEEKDAYS[(days + 4).rem_euclid(7) as usize];
        let month = MONTHS[month as usize - 1];
        Some(format!(
            "{weekday}, {day:02} {month} {year:04} {:02}:{:02}:{:02}{} GMT",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60,
            fraction_text(self.subsecond_nanos)
        ))
    }

    /// Parses IMF-fixdate (`Sun, 02 Jan 2000 20:34:56 GMT`, a fraction allowed).
    pub fn parse_http_date(text: &str) -> Result<Self, DateTimeParseError> {
        let error = || DateTimeParseError::new("an HTTP date", text);
        let b = text.as_bytes();
        if b.len() < 29 || &b[3..5] != b", " || b[7] != b' ' || b[11] != b' ' || b[16] != b' ' {
            return Err(error());
        }
        if !WEEKDAYS.iter().any(|w| w.as_bytes() == &b[..3]) {
            return Err(error());
        }
        let month = MONTHS.iter().position(|m| m.as_bytes() == &b[8..11]).ok_or_else(error)?;
        let (Some(day), Some(year)) = (number(b, 5, 7), number(b, 12, 16)) else {
            return Err(error());
        };
        let (seconds, rest) = time_of_day(b, 17).ok_or_else(error)?;
        let (nanos, rest) = fraction(rest).ok_or_else(error)?;
        if rest != b" GMT" {
            return Err(error());
        }
        let days = days_from_civil(year, month as i64 + 1, day).ok_or_else(error)?;
        Ok(DateTime::from_secs_and_nanos(days * 86_400 + seconds, nanos))
    }

    fn has_four_digit_year(&self) -> bool {
        (0..=9999).contains(&civil_from_days(self.seconds.div_euclid(86_400)).0)
    }
}

impl fmt::Display for DateTime {
    /// RFC 3339 in UTC, e.g. `2021-04-09T07:53:28.068Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.seconds.div_euclid(86_400);
        let second_of_day = self.seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{}Z",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60,
            fraction_text(self.subsecond_nanos)
        )
    }
}

impl TryFrom<std::time::SystemTime> for DateTime {
    type Error = DateTimeRangeError;

    /// The same instant; an error past the `i64` seconds a `DateTime` holds.
    fn try_from(time: std::time::SystemTime) -> Result<Self, Self::Error> {
        let range = DateTimeRangeError { to: "DateTime" };
        let (seconds, nanos) = match time.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => (i64::try_from(after.as_secs()).map_err(|_| range)?, after.subsec_nanos()),
            Err(before) => {
                // Before the epoch: whole seconds down, nanoseconds back up into the second.
                let before = before.duration();
                let seconds = 0i64.checked_sub_unsigned(before.as_secs()).ok_or(range)?;
                match before.subsec_nanos() {
                    0 => (seconds, 0),
                    nanos => (seconds.checked_sub(1).ok_or(range)?, 1_000_000_000 - nanos),
                }
            }
        };
        Ok(DateTime::from_secs_and_nanos(seconds, nanos))
    }
}

impl TryFrom<DateTime> for std::time::SystemTime {
    type Error = DateTimeRangeError;

    /// The same instant; an error outside what the platform's `SystemTime` holds.
    fn try_from(time: DateTime) -> Result<Self, Self::Error> {
        let range = DateTimeRangeError { to: "SystemTime" };
        let nanos = std::time::Duration::from_nanos(u64::from(time.subsecond_nanos));
        let epoch = std::time::UNIX_EPOCH;
        let whole = if time.seconds >= 0 {
            epoch.checked_add(std::time::Duration::from_secs(time.seconds.unsigned_abs()))
        } else {
            epoch.checked_sub(std::time::Duration::from_secs(time.seconds.unsigned_abs()))
        };
        whole.and_then(|t| t.checked_add(nanos)).ok_or(range)
    }
}

/// A conversion between [`DateTime`] and `std::time::SystemTime` whose instant the target
/// type cannot hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTimeRangeError {
    to: &'static str,
}

impl fmt::Display for DateTimeRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the instant is out of the range of {}", self.to)
    }
}

impl std::error::Error for DateTimeRangeError {}

/// A timestamp text that does not follow its format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeParseError {
    expected: &'static str,
    length: usize,
}

impl DateTimeParseError {
    fn new(expected: &'static str, text: &str) -> Self {
        DateTimeParseError {
            expected,
            length: text.len(),
        }
    }
}

impl fmt::Display for DateTimeParseError {
    /// Names the format, not the text (it may come from anywhere).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, found a string of {} bytes that is not", self.expected, self.length)
    }
}

impl std::error::Error for DateTimeParseError {}

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `.123` for 123 ms: the nanoseconds without trailing zeros, empty for none.
fn fraction_text(nanos: u32) -> String {
    if nanos == 0 {
        return String::new();
    }
    let digits = format!("{nanos:09}");
    format!(".{}", digits.trim_end_matches('0'))
}

/// The decimal number in `bytes[from..to]`, all ASCII digits.
fn number(bytes: &[u8], from: usize, to: usize) -> Option<i64> {
    let digits = bytes.get(from..to)?;
    digits.iter().try_fold(0i64, |n, b| b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0')))
}

/// `HH:MM:SS` at `at`: the second of the day and what follows.
fn time_of_day(b: &[u8], at: usize) -> Option<(i64, &[u8])> {
    if b.get(at + 2) != Some(&b':') || b.get(at + 5) != Some(&b':') {
        return None;
    }
    let hours = number(b, at, at + 2).filter(|h| *h < 24)?;
    let minutes = number(b, at + 3, at + 5).filter(|m| *m < 60)?;
    let seconds = number(b, at + 6, at + 8).filter(|s| *s < 60)?;
    Some((hours * 3600 + minutes * 60 + seconds, &b[at + 8..]))
}

/// An optional `.digits` fraction: its nanoseconds (digits past the ninth are dropped)
/// and what follows.
fn fraction(b: &[u8]) -> Option<(u32, &[u8])> {
    let Some(rest) = b.strip_prefix(b".") else {
        return Some((0, b));
    };
    let count = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if count == 0 {
        return None;
    }
    let nanos = rest[..count]
        .iter()
        .chain(std::iter::repeat(&b'0'))
        .take(9)
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    Some((nanos, &rest[count..]))
}

/// Days since 1970-01-01 of a proleptic Gregorian date, `None` for a date that does not
/// exist (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1..=length).contains(&day) {
        return None;
    }
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Binary data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Blob {
    inner: Vec<u8>,
}

impl Blob {
    /// Wraps bytes.
    pub fn new(inner: impl Into<Vec<u8>>) -> Self {
        Blob {
            inner: inner.into(),
        }
    }

    /// The bytes.
    pub fn into_inner(self) -> Vec<u8> {
        self.inner
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.inner
    }
}

/// The text of an enum value this version of the model does not know.
///
/// Only the crate creates it (through an enum's `From<&str>`), so a value that the model
/// knows can never hide in an `Unknown` variant. A value of up to 23 bytes is kept in
/// place, without an allocation (a service that adds a value sends it in every item of a
/// list); a longer one on the heap. Either way it takes 24 bytes, as a `String` would.
#[derive(Clone)]
pub struct UnknownVariantValue(Text);

/// The bytes of an [`UnknownVariantValue`].
#[derive(Clone)]
enum Text {
    /// Up to [`INLINE`] bytes, padded at the end with `0xFF`, a byte UTF-8 never uses.
    Inline([u8; INLINE]),
    /// A longer value.
    Heap(Box<str>),
}

/// The longest text an [`UnknownVariantValue`] keeps in place.
const INLINE: usize = 23;

/// Fills the unused end of [`Text::Inline`].
const PAD: u8 = 0xFF;

impl UnknownVariantValue {
    /// Used by enums' `From<&str>`; a model without enums has none.
    #[allow(dead_code)]
    #[doc(hidden)]
    pub fn new(value: &str) -> Self {
        let text = match value.as_bytes() {
            bytes if bytes.len() <= INLINE => {
                let mut inline = [PAD; INLINE];
                inline[..bytes.len()].copy_from_slice(bytes);
                Text::Inline(inline)
            }
            _ => Text::Heap(value.into()),
        };
        UnknownVariantValue(text)
    }
    /// The value as received.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Text::Inline(bytes) => {
                let len = bytes.iter().rposition(|&byte| byte != PAD).map_or(0, |last| last + 1);
                // Always valid: `new` copied the bytes of a `str`.
                std::str::from_utf8(&bytes[..len]).unwrap_or_default()
            }
            Text::Heap(text) => text,
        }
    }
}
impl PartialEq for UnknownVariantValue {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for UnknownVariantValue {}
impl PartialOrd for UnknownVariantValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for UnknownVariantValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}
impl std::hash::Hash for UnknownVariantValue {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}
impl fmt::Debug for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UnknownVariantValue").field(&self.as_str()).finish()
    }
}
impl fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
/// An untyped JSON value (Smithy's `document`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Document {
    /// A JSON object.
    Object(HashMap<String, Document>),
    /// A JSON array.
    Array(Vec<Document>),
    /// A JSON number.
    Number(Number),
    /// A JSON string.
    String(String),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    #[default]
    Null,
}

/// A number inside a [`Document`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number from 0 up.
    PosInt(u64),
    /// A whole number below 0.
    NegInt(i64),
    /// Any other number.
    Float(f64),
}

impl Number {
    /// The number as an `f64` (large integers lose precision).
    pub fn to_f64(self) -> f64 {
        match self {
            Number::PosInt(n) => n as f64,
            Number::NegInt(n) => n as f64,
            Number::Float(n) => n,
        }
    }
}

/// A whole number of any size (Smithy's `bigInteger`), kept as its decimal text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigInteger(String);

/// A decimal number of any size and precision (Smithy's `bigDecimal`), kept as its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigDecimal(String);

/// Text that is not a number of the expected kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberParseError {
    expected: &'static str,
}

impl fmt::Display for NumberParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}", self.expected)
    }
}

impl std::error::Error for NumberParseError {}

impl BigInteger {
    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl BigDecimal {
    /// The decimal text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BigInteger {
    fn default() -> Self {
        BigInteger("0".to_owned())
    }
}

impl Default for BigDecimal {
    fn default() -> Self {
        BigDecimal("0".to_owned())
    }
}

impl FromStr for BigInteger {
    type Err = NumberParseError;

    /// An optional `-` and decimal digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.strip_prefix('-').unwrap_or(s);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(BigInteger(s.to_owned()))
        } else {
            Err(NumberParseError { expected: "a whole number" })
        }
    }
}

impl FromStr for BigDecimal {
    type Err = NumberParseError;

    /// A number as JSON writes it: `-12.5e3`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_json_number(s) {
            Ok(BigDecimal(s.to_owned()))
        } else {
            Err(NumberParseError { expected: "a decimal number" })
        }
    }
}

impl fmt::Display for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// JSON's number grammar: `-? int frac? exp?`.
fn is_json_number(s: &str) -> bool {
    let b = s.strip_prefix('-').unwrap_or(s).as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int = digits(0);
    if int == 0 || (int > 1 && b[0] == b'0') {
        return false;
    }
    let mut at = int;
    if b.get(at) == Some(&b'.') {
        let frac = digits(at + 1);
        if frac == 0 {
            return false;
        }
        at += 1 + frac;
    }
    if matches!(b.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(b.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exp = digits(at);
        if exp == 0 {
            return false;
        }
        at += exp;
    }
    at == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    #[test]
    fn unknown_values_keep_their_text_in_place_or_on_the_heap() {
        let texts = [
            "",
            "A",
            "NEW_VALUE",
            "\u{0}",
            "ÉTAT_NOUVEAU",
            "EXACTLY_23_BYTES_LONG__",
            "TWENTY_FOUR_BYTES_LONG__",
            "A_MUCH_LONGER_VALUE_THAN_FITS_IN_PLACE",
        ];
        for text in texts {
            let value = UnknownVariantValue::new(text);
            assert_eq!(value.as_str(), text);
            assert_eq!(value.to_string(), text);
            assert_eq!(format!("{value:?}"), format!("UnknownVariantValue({text:?})"));
            let inline = matches!(value.0, Text::Inline(_));
            assert_eq!(inline, text.len() <= INLINE, "{text}");
        }
        let (short, long) = (UnknownVariantValue::new("B"), UnknownVariantValue::new(texts[7]));
        assert!(short > long && short == UnknownVariantValue::new("B"));
        assert_eq!(std::mem::size_of::<UnknownVariantValue>(), 24);
    }

    #[test]
    fn system_time_round_trips_on_both_sides_of_the_epoch() {
        let cases = [
            DateTime::from_secs(0),
            DateTime::from_millis(1_515_531_081_123),
            DateTime::from_secs_and_nanos(1_700_000_000, 999_999_999),
            DateTime::from_millis(-1),
            DateTime::from_secs_and_nanos(-86_400, 1),
            DateTime::from_secs(-2_208_988_800),
        ];
        for time in cases {
            let system = SystemTime::try_from(time).unwrap();
            assert_eq!(DateTime::try_from(system), Ok(time), "{time}");
        }
        assert_eq!(
            SystemTime::try_from(DateTime::from_millis(-1)).unwrap(),
            UNIX_EPOCH - Duration::from_millis(1)
        );
        assert_eq!(
            DateTime::try_from(UNIX_EPOCH + Duration::new(10, 5)),
            Ok(DateTime::from_secs_and_nanos(10, 5))
        );
        assert_eq!(
            DateTime::try_from(UNIX_EPOCH - Duration::new(10, 5)),
            Ok(DateTime::from_secs_and_nanos(-11, 999_999_995))
        );
        let now = SystemTime::now();
        assert_eq!(SystemTime::try_from(DateTime::try_from(now).unwrap()), Ok(now));
    }

    #[test]
    fn the_extremes_round_trip_or_are_errors() {
        // Which extremes fit depends on the platform's SystemTime (i64 seconds on Unix,
        // 100 ns ticks from 1601 on Windows): each one converts back exactly or is an error.
        let extremes = [
            DateTime::from_secs_and_nanos(i64::MAX, 999_999_999),
            DateTime::from_secs(i64::MIN),
            DateTime::from_secs_and_nanos(i64::MIN, 999_999_999),
        ];
        for time in extremes {
            match SystemTime::try_from(time) {
                Ok(system) => assert_eq!(DateTime::try_from(system), Ok(time), "{time:?}"),
                Err(error) => {
                    assert_eq!(error.to_string(), "the instant is out of the range of SystemTime")
                }
            }
        }
        let far = [
            UNIX_EPOCH.checked_add(Duration::from_secs(u64::MAX / 2 + 1)),
            UNIX_EPOCH.checked_sub(Duration::new(i64::MAX as u64, 1)),
            UNIX_EPOCH.checked_sub(Duration::new(i64::MAX as u64, 0) + Duration::from_secs(1)),
        ];
        for system in far.into_iter().flatten() {
            match DateTime::try_from(system) {
                Ok(time) => assert_eq!(SystemTime::try_from(time), Ok(system), "{time:?}"),
                Err(error) => {
                    assert_eq!(error.to_string(), "the instant is out of the range of DateTime")
                }
            }
        }
    }
}
