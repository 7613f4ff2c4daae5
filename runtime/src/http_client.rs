//! A ready [`Transport`] (feature `reqwest`): requests go out over reqwest, with rustls
//! (webpki roots) for `https` and HTTP/1.1. It sends what it is given: the request must
//! carry an absolute URI (a client with an endpoint makes it so) and, for AWS, be
//! signed first (the `sigv4` module's transport wraps this one).

use std::fmt;
use std::future::Future;
use std::time::Duration;

use crate::transport::Transport;

/// How long connecting to a host may take before the request fails.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Sends requests with a [`reqwest::Client`] (its connection pool is shared by clones).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with its own reqwest client: rustls, a 10 s connect timeout, no
    /// proxy from the environment.
    pub fn new() -> Result<Self, HttpClientError> {
        let client = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .no_proxy()
            .build()
            .map_err(|e| HttpClientError { kind: ErrorKind::Build(e) })?;
        Ok(ReqwestTransport { client })
    }

    /// A transport sending through `client`, configured as the caller likes (timeouts,
    /// proxies, root certificates).
    pub fn from_client(client: reqwest::Client) -> Self {
        ReqwestTransport { client }
    }
}

impl Transport for ReqwestTransport {
    type Error = HttpClientError;

    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Self::Error>> + Send {
        let client = self.client.clone();
        async move {
            if request.uri().authority().is_none() {
                return Err(HttpClientError { kind: ErrorKind::NoEndpoint });
            }
            let request = reqwest::Request::try_from(request).map_err(HttpClientError::send)?;
            let response = client.execute(request).await.map_err(HttpClientError::send)?;
            let mut builder = http::Response::builder().status(response.status());
            if let Some(headers) = builder.headers_mut() {
                headers.extend(response.headers().iter().map(|(n, v)| (n.clone(), v.clone())));
            }
            let body = response.bytes().await.map_err(HttpClientError::send)?;
            builder
                .body(body.to_vec())
                .map_err(|e| HttpClientError { kind: ErrorKind::Response(e) })
        }
    }
}

/// Why a request could not be sent or its response not received.
#[derive(Debug)]
pub struct HttpClientError {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    /// The request's URI is relative: the client has no endpoint.
    NoEndpoint,
    /// The reqwest client could not be built (TLS setup).
    Build(reqwest::Error),
    /// Connecting, sending or receiving failed.
    Send(reqwest::Error),
    /// The response could not be rebuilt as an `http::Response`.
    Response(http::Error),
}

impl HttpClientError {
    fn send(error: reqwest::Error) -> Self {
        HttpClientError { kind: ErrorKind::Send(error) }
    }

    /// Whether the request had no endpoint to go to (a relative URI).
    pub fn is_no_endpoint(&self) -> bool {
        matches!(self.kind, ErrorKind::NoEndpoint)
    }
}

impl fmt::Display for HttpClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NoEndpoint => f.write_str("no endpoint: the request has no host to go to (set one with `Client::with_endpoint`)"),
            ErrorKind::Build(_) => f.write_str("the HTTP client could not be built"),
            ErrorKind::Send(_) => f.write_str("the HTTP request failed"),
            ErrorKind::Response(_) => f.write_str("the HTTP response is malformed"),
        }
    }
}

impl std::error::Error for HttpClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::NoEndpoint => None,
            ErrorKind::Build(e) | ErrorKind::Send(e) => Some(e),
            ErrorKind::Response(e) => Some(e),
        }
    }
}
