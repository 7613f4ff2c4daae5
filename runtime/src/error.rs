//! Errors of the generated API: a builder missing a required member, a string that names
//! no known enum value, a response body that could not be read, an error response the
//! model does not describe, and what a client's call of an operation returns; and
//! [`RequestId`], the service's id of the request behind an output or an error.
//!
//! Each error's `Display` says only what went wrong at its own level and `source()`
//! hands on the cause (the convention of the Rust API guidelines and of aws-sdk-rust):
//! a reporter that walks `source()` prints each message once (`service error:
//! BackupNotFound: Backup backup-nope does not exist`).

use std::fmt;

/// A builder was asked to build a value without a member the model requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    field: &'static str,
    details: &'static str,
}

impl BuildError {
    /// Used by fallible builders; a model without required members has none.
    #[allow(dead_code)]
    #[doc(hidden)]
    pub fn missing_field(field: &'static str, details: &'static str) -> Self {
        BuildError { field, details }
    }

    /// The Rust name of the missing field.
    pub fn field(&self) -> &'static str {
        self.field
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.details)
    }
}

impl std::error::Error for BuildError {}

/// `try_parse` was given a value the enum does not define.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVariantError {
    value: String,
}

impl UnknownVariantError {
    /// Used by enums' `try_parse`; a model without enums has none.
    #[allow(dead_code)]
    #[doc(hidden)]
    pub fn new(value: impl Into<String>) -> Self {
        UnknownVariantError {
            value: value.into(),
        }
    }

    /// The value that was not recognized.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownVariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown enum value `{}`", self.value)
    }
}

impl std::error::Error for UnknownVariantError {}

/// Which side a service error blames: the caller's request or the service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// The request was wrong; sending it again unchanged fails again.
    Client,
    /// The service failed; the same request may succeed later.
    Server,
}

/// A response body that could not be read: too large, not JSON, truncated, nested too
/// deep, or a member of the wrong type. The message names the member's path, never its
/// value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    path: String,
    detail: String,
    line: usize,
    column: usize,
}

impl ParseError {
    /// A reader error on `text` (the body): its member path, detail and position.
    #[doc(hidden)]
    pub fn from_read(error: &crate::json::ReadError, text: &str) -> Self {
        let (line, column) = error.line_column(text);
        ParseError {
            path: error.path(),
            detail: error.detail().to_owned(),
            line,
            column,
        }
    }

    /// A body that is not UTF-8 from byte `valid_up_to` on.
    #[doc(hidden)]
    pub fn not_utf8(body: &[u8], valid_up_to: usize) -> Self {
        let before = &body[..valid_up_to];
        ParseError {
            path: String::new(),
            detail: "the body is not UTF-8".to_owned(),
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            column: 1 + before.iter().rev().take_while(|&&b| b != b'\n').count(),
        }
    }

    /// A body longer than [`Limits::max_body_size`](crate::limits::Limits::max_body_size), refused
    /// unread: it has no position.
    #[doc(hidden)]
    pub fn body_too_large(size: usize, max: usize) -> Self {
        ParseError {
            path: String::new(),
            detail: format!("the body is {size} bytes, over the limit of {max} bytes (Limits::max_body_size)"),
            line: 0,
            column: 0,
        }
    }

    /// The member path from the top of the body, e.g. `Order.Customer.Name`;
    /// empty when the problem is the document itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong, e.g. `expected integer, found string`.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The line of the body where reading stopped (1-based); 0 when the body was not
    /// read (it is over the size bound).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of the body where reading stopped (1-based).
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.detail)?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// A request could not be built: its body has a value the wire cannot carry (a union's
/// `Unknown` member, a timestamp its text format cannot write), the endpoint and the
/// request's path do not make a valid URI, a fluent call lacks a required member, or a
/// paginator got the token it sent back.
#[derive(Debug)]
pub struct SerializeError(SerializeErrorKind);

#[derive(Debug)]
enum SerializeErrorKind {
    Body(String),
    Uri(http::Error),
    /// An input member bound to the endpoint's host is not a host label.
    HostLabel { member: &'static str, value: String },
    /// The body could not be compressed.
    Compression(String),
    /// The endpoint rules gave an error, or a URL requests cannot go to.
    Endpoint(String),
    /// A fluent call's input could not be built.
    Build(BuildError),
    /// The service answered a page with the token of the request: paging stops.
    RepeatedToken(String),
}

impl SerializeError {
    #[doc(hidden)]
    pub fn body(error: crate::json::WriteError) -> Self {
        SerializeError(SerializeErrorKind::Body(error.0))
    }

    #[doc(hidden)]
    pub fn uri(error: http::Error) -> Self {
        SerializeError(SerializeErrorKind::Uri(error))
    }

    #[doc(hidden)]
    pub fn compression(error: std::io::Error) -> Self {
        SerializeError(SerializeErrorKind::Compression(error.to_string()))
    }

    #[doc(hidden)]
    pub fn host_label(member: &'static str, value: &str) -> Self {
        SerializeError(SerializeErrorKind::HostLabel { member, value: value.to_owned() })
    }

    /// No endpoint for the request: the endpoint rules' error, or a missing parameter.
    #[doc(hidden)]
    pub fn endpoint(message: String) -> Self {
        SerializeError(SerializeErrorKind::Endpoint(message))
    }

    /// A fluent call's input is missing a required member.
    #[doc(hidden)]
    pub fn build(error: BuildError) -> Self {
        SerializeError(SerializeErrorKind::Build(error))
    }

    /// A paginator's service sent back the token it was given (smithy-rs stops there too).
    #[doc(hidden)]
    pub fn repeated_token(token: &str) -> Self {
        SerializeError(SerializeErrorKind::RepeatedToken(token.to_owned()))
    }
}

impl fmt::Display for SerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            SerializeErrorKind::Body(e) => write!(f, "request body could not be serialized: {e}"),
            SerializeErrorKind::Uri(_) => f.write_str("request URI could not be built"),
            SerializeErrorKind::HostLabel { member, value } => write!(
                f,
                "member `{member}` goes into the endpoint's host and must be a host label \
                 (1 to 63 letters, digits or `-`, not at either end), got {value:?}"
            ),
            SerializeErrorKind::Compression(e) => write!(f, "request body could not be compressed: {e}"),
            SerializeErrorKind::Endpoint(e) => write!(f, "no endpoint for the request: {e}"),
            SerializeErrorKind::Build(_) => f.write_str("input could not be built"),
            SerializeErrorKind::RepeatedToken(token) => write!(
                f,
                "the service returned the pagination token it was sent ({token:?}); paging stopped"
            ),
        }
    }
}

impl std::error::Error for SerializeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0 {
            SerializeErrorKind::Body(_) => None,
            SerializeErrorKind::Uri(e) => Some(e),
            SerializeErrorKind::Build(e) => Some(e),
            SerializeErrorKind::HostLabel { .. }
            | SerializeErrorKind::Compression(_)
            | SerializeErrorKind::Endpoint(_)
            | SerializeErrorKind::RepeatedToken(_) => None,
        }
    }
}

/// An error response the model does not describe, or a response that could not be read.
/// Keeps what the service sent: status, error code, message and the raw body.
#[derive(Clone, PartialEq, Eq)]
pub struct Unhandled {
    status: u16,
    code: Option<String>,
    /// The fault a query-compatible service named in `x-amzn-query-error`.
    query_fault: Option<Fault>,
    message: Option<String>,
    body: Vec<u8>,
    request_id: Option<String>,
    source: Option<Box<ParseError>>,
}

impl Unhandled {
    #[doc(hidden)]
    pub fn new(status: u16, code: Option<String>, message: Option<String>, body: &[u8]) -> Self {
        Unhandled {
            status,
            code,
            query_fault: None,
            message,
            body: body.to_vec(),
            request_id: None,
            source: None,
        }
    }

    /// The response's `x-amzn-RequestId`.
    #[doc(hidden)]
    pub fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    /// The code and fault of a query-compatible service's `x-amzn-query-error` header,
    /// which take the place of the JSON code and of the status's fault.
    #[doc(hidden)]
    pub fn with_query_error(mut self, code: String, fault: Fault) -> Self {
        self.code = Some(code);
        self.query_fault = Some(fault);
        self
    }

    #[doc(hidden)]
    pub fn with_source(mut self, source: ParseError) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The HTTP status code of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code the service sent (`ThrottlingException`), namespace removed.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The error message the service sent.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The raw response body; empty when it was over
    /// [`Limits::max_body_size`](crate::limits::Limits::max_body_size).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Why the body could not be read, when that is what went wrong.
    pub fn parse_error(&self) -> Option<&ParseError> {
        self.source.as_deref()
    }

    /// The fault a query-compatible service named (`x-amzn-query-error`), else by status:
    /// a 5xx blames the service, anything else the request.
    pub fn fault(&self) -> Fault {
        if let Some(fault) = self.query_fault {
            fault
        } else if self.status >= 500 {
            Fault::Server
        } else {
            Fault::Client
        }
    }
}

/// The body is shown by length only: it may hold values that must not reach logs.
impl fmt::Debug for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unhandled")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .field("request_id", &self.request_id)
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.source) {
            (Some(code), _) => write!(f, "unhandled error `{code}` (HTTP {})", self.status)?,
            (None, Some(_)) => write!(f, "unreadable response (HTTP {})", self.status)?,
            (None, None) => write!(f, "unhandled error response (HTTP {})", self.status)?,
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl RequestId for Unhandled {
    fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl std::error::Error for Unhandled {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}

/// What can go wrong when a client calls an operation.
#[derive(Debug)]
#[non_exhaustive]
pub enum SdkError<E, T> {
    /// The request could not be built.
    Construction(SerializeError),
    /// The transport failed to send the request or to receive a response.
    Transport(T),
    /// The service answered with an error (modeled or not), or with a body that could
    /// not be read.
    Service(E),
}

impl<E, T> SdkError<E, T> {
    /// The service's error, if that is what this is.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            SdkError::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The service's error, or this error back.
    pub fn into_service_error(self) -> Result<E, Self> {
        match self {
            SdkError::Service(e) => Ok(e),
            other => Err(other),
        }
    }
}

/// Names the kind of failure only; the error inside is its [`source`](std::error::Error::source).
impl<E, T> fmt::Display for SdkError<E, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SdkError::Construction(_) => "request construction error",
            SdkError::Transport(_) => "transport error",
            SdkError::Service(_) => "service error",
        })
    }
}

impl<E: RequestId, T> RequestId for SdkError<E, T> {
    /// The request id of a service error; `None` for the others (no response was read).
    fn request_id(&self) -> Option<&str> {
        match self {
            SdkError::Service(e) => e.request_id(),
            SdkError::Construction(_) | SdkError::Transport(_) => None,
        }
    }
}

/// The id the service gave the request (the response's `x-amzn-RequestId` header), for
/// AWS support and the service's logs; implemented by every operation's output and error.
/// It is not part of the output's JSON wire form.
pub trait RequestId {
    /// The request id, `None` when the response had none.
    fn request_id(&self) -> Option<&str>;
}

/// What an operation's error enum asks of the error inside it (each modeled error
/// structure, and [`Unhandled`]): the enum matches once, to this, and every method of it
/// asks the error inside.
#[doc(hidden)]
pub trait ServiceError: std::error::Error + RequestId {
    /// The error code: the modeled error's shape name, or what the service sent.
    fn code(&self) -> Option<&str>;
    /// The service's message, if it sent one.
    fn message(&self) -> Option<&str>;
    /// Whether the request or the service is to blame.
    fn fault(&self) -> Fault;
}

impl ServiceError for Unhandled {
    fn code(&self) -> Option<&str> {
        Unhandled::code(self)
    }

    fn message(&self) -> Option<&str> {
        Unhandled::message(self)
    }

    fn fault(&self) -> Fault {
        Unhandled::fault(self)
    }
}

impl<E, T> std::error::Error for SdkError<E, T>
where
    E: std::error::Error + 'static,
    T: std::error::Error + 'static,
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SdkError::Construction(e) => Some(e),
            SdkError::Transport(e) => Some(e),
            SdkError::Service(e) => Some(e),
        }
    }
}
