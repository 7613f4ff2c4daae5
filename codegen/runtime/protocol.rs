//! The awsJson1_1 protocol, shared by every operation: the request form (`POST /`, the
//! `X-Amz-Target` header, a JSON body), reading a success body, and finding an error
//! response's code and message.

#![allow(dead_code)] // a model without modeled errors leaves some of it unused

use http::header::{HeaderMap, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{ParseError, SerializeError, Unhandled};
use crate::json::Key;

/// The media type of awsJson1_1 bodies.
pub(crate) const MEDIA_TYPE: &str = "application/x-amz-json-1.1";

/// `POST /` with the operation's `X-Amz-Target` and the input as the JSON body.
pub(crate) fn request<T: Serialize>(target: &'static str, input: &T) -> Result<http::Request<Vec<u8>>, SerializeError> {
    let body = serde_json::to_vec(input).map_err(SerializeError::new)?;
    let length = HeaderValue::from(body.len());
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = http::Uri::from_static("/");
    let headers = request.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(MEDIA_TYPE));
    headers.insert("x-amz-target", HeaderValue::from_static(target));
    headers.insert(CONTENT_LENGTH, length);
    Ok(request)
}

/// Reads a success body; an empty body reads as `{}`, one over
/// [`max_body_size`](crate::limits::max_body_size) is refused unread.
pub(crate) fn parse_output<T: DeserializeOwned>(body: &[u8]) -> Result<T, ParseError> {
    let max = crate::limits::max_body_size();
    if body.len() > max {
        return Err(ParseError::body_too_large(body.len(), max));
    }
    let body = if body.iter().all(u8::is_ascii_whitespace) { b"{}".as_slice() } else { body };
    // One UTF-8 check of the whole body lets serde_json read it as `str`, skipping the
    // check it otherwise makes on every string (a sixth of the time on large bodies);
    // a body that is not UTF-8 goes the byte way, for serde_json's error and position.
    let read = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    };
    read.map_err(|e| ParseError::from_json(&e))
}

/// An error response: its status, code, message and body.
pub(crate) struct ErrorResponse<'a> {
    status: u16,
    code: Option<String>,
    message: Option<String>,
    body: &'a [u8],
    /// Set when the body is not a JSON object.
    body_error: Option<ParseError>,
}

impl<'a> ErrorResponse<'a> {
    /// The code comes from the `X-Amzn-Errortype` header, else the body's `code`, else its
    /// `__type`; the message from the body's `message`, `Message` or `errorMessage`.
    pub(crate) fn read(status: u16, headers: &HeaderMap, body: &'a [u8]) -> Self {
        let (envelope, body_error) = match parse_output::<Envelope>(body) {
            Ok(envelope) => (envelope, None),
            Err(e) => (Envelope::default(), Some(e)),
        };
        let header = headers.get("x-amzn-errortype").and_then(|v| v.to_str().ok());
        let code = header
            .or(envelope.code.as_deref())
            .or(envelope.type_.as_deref())
            .map(|raw| sanitize_error_code(raw).to_owned())
            .filter(|code| !code.is_empty());
        ErrorResponse {
            status,
            code,
            message: envelope.message,
            body,
            body_error,
        }
    }

    /// The error's shape name, namespace and URL removed.
    pub(crate) fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Reads the body as the modeled error `T`; a body that does not fit is [`Unhandled`].
    pub(crate) fn modeled<T: ModeledError>(&self) -> Result<T, Unhandled> {
        let mut error = parse_output::<T>(self.body).map_err(|e| self.unhandled().with_source(e))?;
        if let Some(message) = &self.message {
            error.set_message_if_absent(message);
        }
        Ok(error)
    }

    /// The error as the model does not know it.
    pub(crate) fn unhandled(&self) -> Unhandled {
        let unhandled = Unhandled::new(self.status, self.code.clone(), self.message.clone(), kept(self.body));
        match &self.body_error {
            Some(e) => unhandled.with_source(e.clone()),
            None => unhandled,
        }
    }
}

/// A success status whose body could not be read.
pub(crate) fn unreadable(status: u16, body: &[u8], error: ParseError) -> Unhandled {
    Unhandled::new(status, None, None, kept(body)).with_source(error)
}

/// The body an [`Unhandled`] keeps: none when it is over the size bound.
fn kept(body: &[u8]) -> &[u8] {
    if body.len() > crate::limits::max_body_size() {
        &[]
    } else {
        body
    }
}

/// An error structure the protocol can fill: awsJson services send the message under
/// several spellings, the model names one.
pub(crate) trait ModeledError: DeserializeOwned {
    fn set_message_if_absent(&mut self, message: &str);
}

/// `aws.protocoltests.json#FooError:http://internal.amazon.com/coral/...` -> `FooError`:
/// the part before the first `:`, then after the first `#`.
pub(crate) fn sanitize_error_code(raw: &str) -> &str {
    let raw = raw.split_once(':').map_or(raw, |(before, _)| before);
    let raw = raw.split_once('#').map_or(raw, |(_, after)| after);
    raw.trim()
}

/// The members of an error body the protocol itself reads.
#[derive(Default)]
struct Envelope {
    code: Option<String>,
    type_: Option<String>,
    message: Option<String>,
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EnvelopeVisitor;

        impl<'de> Visitor<'de> for EnvelopeVisitor {
            type Value = Envelope;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an error object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
                let mut envelope = Envelope::default();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    let slot = match key.as_str() {
                        "code" => &mut envelope.code,
                        "__type" => &mut envelope.type_,
                        "message" | "Message" | "errorMessage" if envelope.message.is_none() => &mut envelope.message,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = map.next_value::<MaybeText>()?.0;
                }
                Ok(envelope)
            }
        }

        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

/// A string member of the envelope; any other JSON value there is ignored.
struct MaybeText(Option<String>);

impl<'de> Deserialize<'de> for MaybeText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = MaybeText;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any value")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MaybeText(Some(v.to_owned())))
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MaybeText(None))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MaybeText(None))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(MaybeText(None))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}
