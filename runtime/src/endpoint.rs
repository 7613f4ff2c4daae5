//! Where requests go. An operation builds its request relative to the service root
//! (`POST /`); an [`Endpoint`] (scheme, host, optional base path) makes it absolute, as
//! a client with an endpoint (`Client::with_endpoint`) does before the transport sends
//! it. A transport that resolves endpoints itself needs none.

use std::fmt;

use http::uri::{Authority, PathAndQuery, Scheme, Uri};

use crate::error::SerializeError;
use crate::protocol::HostPrefix;

/// A service endpoint: `https://service.us-east-1.amazonaws.com`, or one with a base
/// path (`https://proxy.example.com/service`) that every request path is appended to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    scheme: Scheme,
    authority: Authority,
    /// Without a trailing `/`; empty for the root.
    base_path: String,
    /// The URI of the request path `/` (every awsJson request's), built once.
    root: Uri,
}

/// Text that is not an absolute `http` or `https` URI without query or fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointError {
    reason: &'static str,
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid endpoint: {}", self.reason)
    }
}

impl std::error::Error for EndpointError {}

impl Endpoint {
    /// Parses an absolute `http`/`https` URI; its path, if any, becomes the base path.
    pub fn parse(text: &str) -> Result<Self, EndpointError> {
        let error = |reason| EndpointError { reason };
        let uri: Uri = text.parse().map_err(|_| error("not a URI"))?;
        let scheme = uri.scheme().cloned().ok_or_else(|| error("no scheme (`https://...`)"))?;
        if scheme != Scheme::HTTPS && scheme != Scheme::HTTP {
            return Err(error("the scheme must be http or https"));
        }
        let authority = uri.authority().cloned().ok_or_else(|| error("no host"))?;
        if uri.query().is_some() {
            return Err(error("an endpoint cannot have a query"));
        }
        let base_path = uri.path().trim_end_matches('/').to_owned();
        let root = Uri::builder()
            .scheme(scheme.clone())
            .authority(authority.clone())
            .path_and_query(format!("{base_path}/"))
            .build()
            .map_err(|_| error("not a URI"))?;
        Ok(Endpoint {
            scheme,
            authority,
            base_path,
            root,
        })
    }

    /// The host (and port) requests go to.
    pub fn authority(&self) -> &str {
        self.authority.as_str()
    }

    /// Makes the request's URI absolute: this endpoint's scheme and host (after the
    /// operation's host prefix, if the request carries one), the base path, then the
    /// request's own path and query.
    pub fn apply<B>(&self, request: &mut http::Request<B>) -> Result<(), SerializeError> {
        let relative = request.uri().path_and_query().map_or("/", PathAndQuery::as_str);
        let prefix = request.extensions().get::<HostPrefix>();
        if relative == "/" && prefix.is_none() {
            *request.uri_mut() = self.root.clone();
            return Ok(());
        }
        let path = format!("{}{}", self.base_path, relative);
        let authority = match prefix {
            Some(prefix) => prefixed(&self.authority, prefix.as_str())?,
            None => self.authority.clone(),
        };
        let uri = Uri::builder()
            .scheme(self.scheme.clone())
            .authority(authority)
            .path_and_query(path)
            .build()
            .map_err(SerializeError::uri)?;
        *request.uri_mut() = uri;
        Ok(())
    }
}

/// `authority` with `prefix` in front of its host (after any `user@`).
fn prefixed(authority: &Authority, prefix: &str) -> Result<Authority, SerializeError> {
    let text = authority.as_str();
    let (user, host) = match text.rsplit_once('@') {
        Some((user, host)) => (format!("{user}@"), host),
        None => (String::new(), text),
    };
    format!("{user}{prefix}{host}")
        .parse::<Authority>()
        .map_err(|e| SerializeError::uri(http::Error::from(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(endpoint: &str) -> String {
        let mut request = http::Request::builder().uri("/").body(()).unwrap();
        Endpoint::parse(endpoint).unwrap().apply(&mut request).unwrap();
        request.uri().to_string()
    }

    #[test]
    fn the_request_path_is_appended_to_the_base_path() {
        assert_eq!(applied("https://example.com"), "https://example.com/");
        assert_eq!(applied("https://example.com/custom"), "https://example.com/custom/");
        assert_eq!(applied("http://localhost:8080/a/b/"), "http://localhost:8080/a/b/");
    }

    #[test]
    fn a_host_prefix_goes_before_the_host() {
        let mut request = http::Request::builder().uri("/").body(()).unwrap();
        crate::protocol::set_host_prefix(&mut request, "foo.bar.".to_owned());
        Endpoint::parse("http://localhost:8080/base").unwrap().apply(&mut request).unwrap();
        assert_eq!(request.uri().to_string(), "http://foo.bar.localhost:8080/base/");
    }

    #[test]
    fn endpoints_that_cannot_work_are_refused() {
        for bad in ["example.com", "ftp://example.com", "https://example.com/?a=1", "not a uri"] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
    }
}
