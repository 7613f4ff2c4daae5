//! The awsJson1_1 protocol, shared by every operation: the request form (`POST /`, the
//! `X-Amz-Target` header, a JSON body), reading a success body, and finding an error
//! response's code and message.

#![allow(dead_code)] // a model without modeled errors leaves some of it unused

use http::header::{HeaderMap, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use crate::error::{ParseError, SerializeError, Unhandled};
use crate::json::{Found, Json, ReadResult, Reader};
use crate::limits::Limits;

/// The media type of awsJson1_1 bodies.
#[doc(hidden)]
pub const MEDIA_TYPE: &str = "application/x-amz-json-1.1";

/// `POST /` with the operation's `X-Amz-Target` and the input as the JSON body.
#[doc(hidden)]
pub fn request<T: Json>(target: &'static str, input: &T) -> Result<http::Request<Vec<u8>>, SerializeError> {
    let body = crate::json::to_vec(input)?;
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
/// [`Limits::max_body_size`] is refused unread.
#[doc(hidden)]
pub fn parse_output<T: Json>(body: &[u8], limits: &Limits) -> Result<T, ParseError> {
    read_body(body, limits, T::read)
}

/// Reads a body with `read`, an empty one as `{}`.
fn read_body<T>(body: &[u8], limits: &Limits, read: impl FnOnce(&mut Reader<'_>) -> ReadResult<T>) -> Result<T, ParseError> {
    let body = if body.iter().all(u8::is_ascii_whitespace) && body.len() <= limits.max_body_size() {
        b"{}".as_slice()
    } else {
        body
    };
    crate::json::read_with(body, limits, read)
}

/// An error response: its status, code, message and body.
#[doc(hidden)]
pub struct ErrorResponse<'a> {
    status: u16,
    code: Option<String>,
    message: Option<String>,
    body: &'a [u8],
    /// Set when the body is not a JSON object.
    body_error: Option<ParseError>,
    limits: Limits,
}

impl<'a> ErrorResponse<'a> {
    /// The code comes from the `X-Amzn-Errortype` header, else the body's `code`, else its
    /// `__type`; the message from the body's `message`, `Message` or `errorMessage`.
    #[doc(hidden)]
    pub fn read(status: u16, headers: &HeaderMap, body: &'a [u8], limits: &Limits) -> Self {
        let (envelope, body_error) = match read_body(body, limits, Envelope::read) {
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
            limits: *limits,
        }
    }

    /// The error's shape name, namespace and URL removed.
    #[doc(hidden)]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Reads the body as the modeled error `T`; a body that does not fit is [`Unhandled`].
    #[doc(hidden)]
    pub fn modeled<T: ModeledError>(&self) -> Result<T, Unhandled> {
        let mut error = parse_output::<T>(self.body, &self.limits).map_err(|e| self.unhandled().with_source(e))?;
        if let Some(message) = &self.message {
            error.set_message_if_absent(message);
        }
        Ok(error)
    }

    /// The error as the model does not know it.
    #[doc(hidden)]
    pub fn unhandled(&self) -> Unhandled {
        let unhandled = Unhandled::new(self.status, self.code.clone(), self.message.clone(), self.limits.kept(self.body));
        match &self.body_error {
            Some(e) => unhandled.with_source(e.clone()),
            None => unhandled,
        }
    }
}

/// A success status whose body could not be read.
#[doc(hidden)]
pub fn unreadable(status: u16, body: &[u8], error: ParseError, limits: &Limits) -> Unhandled {
    Unhandled::new(status, None, None, limits.kept(body)).with_source(error)
}

/// An error structure the protocol can fill: awsJson services send the message under
/// several spellings, the model names one.
#[doc(hidden)]
pub trait ModeledError: Json {
    fn set_message_if_absent(&mut self, message: &str);
}

/// `aws.protocoltests.json#FooError:http://internal.amazon.com/coral/...` -> `FooError`:
/// the part before the first `:`, then after the first `#`.
#[doc(hidden)]
pub fn sanitize_error_code(raw: &str) -> &str {
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

impl Envelope {
    fn read(reader: &mut Reader<'_>) -> ReadResult<Self> {
        let mut envelope = Envelope::default();
        let mut entries = reader.begin_object()?;
        while let Some(key) = reader.next_key(&mut entries)? {
            let slot = match &*key {
                "code" => &mut envelope.code,
                "__type" => &mut envelope.type_,
                "message" | "Message" | "errorMessage" if envelope.message.is_none() => &mut envelope.message,
                _ => {
                    reader.skip()?;
                    continue;
                }
            };
            // A string member; any other JSON value there is ignored.
            *slot = match reader.found() {
                Found::String => Some(reader.string()?),
                _ => {
                    reader.skip()?;
                    None
                }
            };
        }
        Ok(envelope)
    }
}
