//! Value types the model's simple shapes map to: [`DateTime`] for timestamps, [`Blob`]
//! for binary data, and [`UnknownVariantValue`], the opaque text of an enum value this
//! version of the model does not know.

use std::fmt;

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

impl fmt::Display for DateTime {
    /// RFC 3339 in UTC, e.g. `2021-04-09T07:53:28.068Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.seconds.div_euclid(86_400);
        let second_of_day = self.seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60
        )?;
        if self.subsecond_nanos != 0 {
            let fraction = format!("{:09}", self.subsecond_nanos);
            write!(f, ".{}", fraction.trim_end_matches('0'))?;
        }
        f.write_str("Z")
    }
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
/// knows can never hide in an `Unknown` variant.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownVariantValue(String);

impl UnknownVariantValue {
    /// Used by enums' `From<&str>`; a model without enums has none.
    #[allow(dead_code)]
    pub(crate) fn new(value: &str) -> Self {
        UnknownVariantValue(value.to_owned())
    }

    /// The value as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownVariantValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
