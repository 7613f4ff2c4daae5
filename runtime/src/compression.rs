//! Request compression, for operations with the `requestCompression` trait: a body of at
//! least [`RequestCompression::min_size_bytes`] is gzip-compressed and `Content-Encoding`
//! says so, before the transport signs and sends it. The settings are the ones the Smithy
//! specification gives every client: compression can be turned off, and the threshold
//! defaults to 10240 bytes (at most 10 MiB).

use std::fmt;
use std::io::Write;

use http::header::{HeaderValue, CONTENT_ENCODING, CONTENT_LENGTH};

use crate::error::SerializeError;

/// The default threshold: bodies shorter than this are sent as they are.
pub const DEFAULT_MIN_SIZE_BYTES: u32 = 10_240;

/// The largest threshold the specification allows.
pub const MAX_MIN_SIZE_BYTES: u32 = 10_485_760;

/// Whether and from which size request bodies are compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestCompression {
    disabled: bool,
    min_size_bytes: u32,
}

impl Default for RequestCompression {
    fn default() -> Self {
        RequestCompression {
            disabled: false,
            min_size_bytes: DEFAULT_MIN_SIZE_BYTES,
        }
    }
}

/// A threshold over [`MAX_MIN_SIZE_BYTES`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThresholdTooLarge(pub u32);

impl fmt::Display for ThresholdTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "request compression threshold {} is over the maximum of {MAX_MIN_SIZE_BYTES} bytes",
            self.0
        )
    }
}

impl std::error::Error for ThresholdTooLarge {}

impl RequestCompression {
    /// No request is compressed.
    pub fn disabled() -> Self {
        RequestCompression {
            disabled: true,
            ..Self::default()
        }
    }

    /// Compresses bodies of at least `bytes` bytes (0 to [`MAX_MIN_SIZE_BYTES`]).
    pub fn with_min_size_bytes(self, bytes: u32) -> Result<Self, ThresholdTooLarge> {
        if bytes > MAX_MIN_SIZE_BYTES {
            return Err(ThresholdTooLarge(bytes));
        }
        Ok(RequestCompression {
            min_size_bytes: bytes,
            ..self
        })
    }

    /// Whether compression is turned off.
    pub fn is_disabled(&self) -> bool {
        self.disabled
    }

    /// The smallest body that is compressed.
    pub fn min_size_bytes(&self) -> u32 {
        self.min_size_bytes
    }
}

/// Gzips the request's body when `settings` say so, appending `gzip` to any
/// `Content-Encoding` it has and updating `Content-Length`.
#[doc(hidden)]
pub fn gzip(
    request: &mut http::Request<Vec<u8>>,
    settings: &RequestCompression,
) -> Result<(), SerializeError> {
    let body = request.body();
    if settings.disabled || body.len() < settings.min_size_bytes as usize {
        return Ok(());
    }
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 4), flate2::Compression::default());
    let compressed = encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .map_err(SerializeError::compression)?;
    let encoding = match request.headers().get(CONTENT_ENCODING).and_then(|v| v.to_str().ok()) {
        Some(existing) if !existing.is_empty() => format!("{existing}, gzip"),
        _ => "gzip".to_owned(),
    };
    let encoding = HeaderValue::try_from(encoding)
        .map_err(|e| SerializeError::uri(http::Error::from(e)))?;
    let headers = request.headers_mut();
    headers.insert(CONTENT_ENCODING, encoding);
    headers.insert(CONTENT_LENGTH, HeaderValue::from(compressed.len()));
    *request.body_mut() = compressed;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_is_bounded() {
        assert!(RequestCompression::default().with_min_size_bytes(MAX_MIN_SIZE_BYTES).is_ok());
        assert_eq!(
            RequestCompression::default().with_min_size_bytes(MAX_MIN_SIZE_BYTES + 1),
            Err(ThresholdTooLarge(MAX_MIN_SIZE_BYTES + 1))
        );
    }
}
