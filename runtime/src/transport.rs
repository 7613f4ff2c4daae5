//! The seam between the generated operations and an HTTP client. A [`Transport`] sends
//! an `http::Request` and returns the `http::Response`; signing (SigV4), the endpoint,
//! retries and timeouts are the transport's business. [`CannedTransport`] answers from a
//! queue, for tests and examples without a network.

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::sync::{Mutex, MutexGuard};

/// Sends one request and returns the service's response, whatever its status.
///
/// The request carries method, path `/`, `Content-Type`, `X-Amz-Target` and the body;
/// an implementation adds the host, signs the request and sends it.
pub trait Transport: Send + Sync {
    /// Why a request could not be sent or a response not received.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Sends `request`; an error status is a response, not an `Err`.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Self::Error>> + Send;
}

/// A canned response: status, headers, body.
#[derive(Clone, Debug)]
struct Canned {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// A [`Transport`] that answers each request with the next queued response (the last one
/// repeats) and keeps the requests it was sent.
#[derive(Debug, Default)]
pub struct CannedTransport {
    responses: Mutex<VecDeque<Canned>>,
    requests: Mutex<Vec<http::Request<Vec<u8>>>>,
}

impl CannedTransport {
    /// A transport with no responses yet; sending fails until one is queued.
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues a response with the given status and body and no headers.
    pub fn with_response(self, status: u16, body: impl Into<Vec<u8>>) -> Self {
        self.with_response_and_headers(status, &[], body)
    }

    /// Queues a response with the given status, headers and body.
    pub fn with_response_and_headers(self, status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Self {
        lock(&self.responses).push_back(Canned {
            status,
            headers: headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect(),
            body: body.into(),
        });
        self
    }

    /// The requests sent so far, oldest first; they are removed from the transport.
    pub fn take_requests(&self) -> Vec<http::Request<Vec<u8>>> {
        std::mem::take(&mut *lock(&self.requests))
    }

    fn next_response(&self) -> Result<http::Response<Vec<u8>>, CannedTransportError> {
        let mut responses = lock(&self.responses);
        let canned = if responses.len() > 1 { responses.pop_front() } else { responses.front().cloned() };
        let canned = canned.ok_or(CannedTransportError::NoResponse)?;
        let mut builder = http::Response::builder().status(canned.status);
        for (name, value) in &canned.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder
            .body(canned.body)
            .map_err(|e| CannedTransportError::InvalidResponse(e.to_string()))
    }
}

impl Transport for CannedTransport {
    type Error = CannedTransportError;

    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Self::Error>> + Send {
        lock(&self.requests).push(request);
        std::future::ready(self.next_response())
    }
}

/// Why a [`CannedTransport`] could not answer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CannedTransportError {
    /// No response was queued.
    NoResponse,
    /// The queued status or headers do not form a valid HTTP response.
    InvalidResponse(String),
}

impl fmt::Display for CannedTransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CannedTransportError::NoResponse => f.write_str("no canned response was queued"),
            CannedTransportError::InvalidResponse(why) => write!(f, "invalid canned response: {why}"),
        }
    }
}

impl std::error::Error for CannedTransportError {}

/// A poisoned lock still holds usable data: a panic elsewhere must not spread.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
