//! The awsJson protocols (1.0 and 1.1), shared by every operation: the request form
//! (`POST /`, the `X-Amz-Target` header, a JSON body), reading a success body, and finding
//! an error response's code and message. The generated crate names its protocol once
//! ([`AwsJson`], in `crate::operation::PROTOCOL`) and passes it in.

#![allow(dead_code)] // a model without modeled errors leaves some of it unused

use http::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use crate::error::{Fault, ParseError, SerializeError, Unhandled};
use crate::json::{Found, FromJson, ReadResult, Reader, ToJson};
use crate::limits::Limits;

// The protocol's header names, checked once at compile time rather than parsed per call.
const X_AMZ_TARGET: HeaderName = HeaderName::from_static("x-amz-target");
const X_AMZN_QUERY_MODE: HeaderName = HeaderName::from_static("x-amzn-query-mode");
const X_AMZN_ERRORTYPE: HeaderName = HeaderName::from_static("x-amzn-errortype");
const X_AMZN_QUERY_ERROR: HeaderName = HeaderName::from_static("x-amzn-query-error");
const X_AMZN_REQUESTID: HeaderName = HeaderName::from_static("x-amzn-requestid");

/// An awsJson protocol: what differs between awsJson1_0 and awsJson1_1 (the media type),
/// and whether the service is `awsQueryCompatible`.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AwsJson {
    media_type: &'static str,
    query_compatible: bool,
}

impl AwsJson {
    /// `aws.protocols#awsJson1_0`.
    pub const V1_0: AwsJson = AwsJson { media_type: "application/x-amz-json-1.0", query_compatible: false };
    /// `aws.protocols#awsJson1_1`.
    pub const V1_1: AwsJson = AwsJson { media_type: "application/x-amz-json-1.1", query_compatible: false };

    /// The same protocol for a service marked `aws.protocols#awsQueryCompatible`: requests
    /// say `x-amzn-query-mode: true`, and error codes come from `x-amzn-query-error`.
    pub const fn query_compatible(self) -> Self {
        AwsJson { query_compatible: true, ..self }
    }

    /// The `Content-Type` of request bodies.
    pub const fn media_type(self) -> &'static str {
        self.media_type
    }
}

/// `POST /` with the operation's `X-Amz-Target` and the input as the JSON body.
#[doc(hidden)]
pub fn request<T: ToJson>(protocol: AwsJson, target: &'static str, input: &T) -> Result<http::Request<Vec<u8>>, SerializeError> {
    Ok(request_with_body(protocol, target, crate::json::to_vec(input)?))
}

/// [`request`] once the body is written (not generic: one copy serves every operation).
fn request_with_body(protocol: AwsJson, target: &'static str, body: Vec<u8>) -> http::Request<Vec<u8>> {
    let length = HeaderValue::from(body.len());
    let mut request = http::Request::new(body);
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = http::Uri::from_static("/");
    let headers = request.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(protocol.media_type));
    headers.insert(X_AMZ_TARGET, HeaderValue::from_static(target));
    headers.insert(CONTENT_LENGTH, length);
    if protocol.query_compatible {
        headers.insert(X_AMZN_QUERY_MODE, HeaderValue::from_static("true"));
    }
    request
}

/// The host prefix of an operation with the `endpoint` trait (`foo.bar.`), carried in the
/// request's extensions until [`Endpoint::apply`](crate::endpoint::Endpoint::apply) puts
/// it in front of the endpoint's host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPrefix(pub(crate) String);

impl HostPrefix {
    /// The prefix, ending with `.` when the model's does.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Sets the request's host prefix.
#[doc(hidden)]
pub fn set_host_prefix<B>(request: &mut http::Request<B>, prefix: String) {
    request.extensions_mut().insert(HostPrefix(prefix));
}

/// `value` of input member `member` when it is a valid host label (RFC 1123: 1 to 63
/// letters, digits and hyphens, not starting or ending with a hyphen), else the error
/// naming the member.
#[doc(hidden)]
pub fn host_label<'v>(member: &'static str, value: Option<&'v str>) -> Result<&'v str, SerializeError> {
    let value = value.unwrap_or_default();
    let valid = (1..=63).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if valid {
        Ok(value)
    } else {
        Err(SerializeError::host_label(member, value))
    }
}

/// Reads a success body; an empty body reads as `{}`, one over
/// [`Limits::max_body_size`] is refused unread.
#[doc(hidden)]
pub fn parse_output<T: FromJson>(body: &[u8], limits: &Limits) -> Result<T, ParseError> {
    read_body(body, limits, T::read)
}

/// Reads a 2xx body into `output`, which holds the output's zero value: in place, since
/// an output structure is often kilobytes and each move of it a copy.
#[doc(hidden)]
pub fn parse_output_into<T: FromJson>(body: &[u8], limits: &Limits, output: &mut T) -> Result<(), ParseError> {
    read_body(body, limits, |reader| T::read_members(reader, output))
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
    /// `x-amzn-query-error`'s code and fault, from a query-compatible service.
    query_error: Option<(String, Fault)>,
    message: Option<String>,
    body: &'a [u8],
    /// Set when the body is not a JSON object.
    body_error: Option<ParseError>,
    request_id: Option<String>,
    limits: Limits,
}

impl<'a> ErrorResponse<'a> {
    /// The code comes from the `X-Amzn-Errortype` header, else the body's `code`, else its
    /// `__type`; the message from the body's `message`, `Message` or `errorMessage`.
    /// A query-compatible service's `x-amzn-query-error: Code;Fault` header is kept as the
    /// code and fault callers see; matching a modeled error still uses the JSON code.
    #[doc(hidden)]
    pub fn read(protocol: AwsJson, status: u16, headers: &HeaderMap, body: &'a [u8], limits: &Limits) -> Self {
        let (envelope, body_error) = match read_body(body, limits, Envelope::read) {
            Ok(envelope) => (envelope, None),
            Err(e) => (Envelope::default(), Some(e)),
        };
        let header = headers.get(X_AMZN_ERRORTYPE).and_then(|v| v.to_str().ok());
        let code = header
            .or(envelope.code.as_deref())
            .or(envelope.type_.as_deref())
            .map(|raw| sanitize_error_code(raw).to_owned())
            .filter(|code| !code.is_empty());
        let query_error = if protocol.query_compatible { query_error(headers) } else { None };
        ErrorResponse {
            status,
            code,
            query_error,
            message: envelope.message,
            body,
            body_error,
            request_id: request_id(headers),
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
        error.set_request_id(self.request_id.clone());
        Ok(error)
    }

    /// The error as the model does not know it.
    #[doc(hidden)]
    pub fn unhandled(&self) -> Unhandled {
        let mut unhandled = Unhandled::new(self.status, self.code.clone(), self.message.clone(), self.limits.kept(self.body))
            .with_request_id(self.request_id.clone());
        if let Some((code, fault)) = &self.query_error {
            unhandled = unhandled.with_query_error(code.clone(), *fault);
        }
        match &self.body_error {
            Some(e) => unhandled.with_source(e.clone()),
            None => unhandled,
        }
    }
}

/// `x-amzn-query-error: Code;Fault` as (code, fault): `Sender` is the caller's fault,
/// `Receiver` the service's. A header without `;` or with an empty code is ignored.
fn query_error(headers: &HeaderMap) -> Option<(String, Fault)> {
    let value = headers.get(X_AMZN_QUERY_ERROR)?.to_str().ok()?;
    let (code, fault) = value.split_once(';')?;
    let fault = match fault.trim() {
        "Receiver" => Fault::Server,
        _ => Fault::Client,
    };
    let code = code.trim();
    (!code.is_empty()).then(|| (code.to_owned(), fault))
}

/// A success status whose body could not be read.
#[doc(hidden)]
pub fn unreadable(status: u16, body: &[u8], error: ParseError, limits: &Limits, request_id: Option<String>) -> Unhandled {
    Unhandled::new(status, None, None, limits.kept(body)).with_source(error).with_request_id(request_id)
}

/// The response's `x-amzn-RequestId` header, when it is text.
#[doc(hidden)]
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers.get(X_AMZN_REQUESTID).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

/// An error structure the protocol can fill: awsJson services send the message under
/// several spellings, the model names one; the request id comes from a header.
#[doc(hidden)]
pub trait ModeledError: FromJson {
    fn set_message_if_absent(&mut self, message: &str);
    fn set_request_id(&mut self, request_id: Option<String>);
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
