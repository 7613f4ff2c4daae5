//! SigV4 signing (feature `sigv4`), with the AWS SDK's signer (`aws-sigv4`).
//! [`SigV4`] is a [`Transport`] that signs each request for one service and region, then
//! hands it to the transport it wraps. [`AwsConfig`] holds the credentials, region and
//! optional endpoint, given or read from the standard environment variables
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION` or
//! `AWS_DEFAULT_REGION`, `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`).

use std::fmt;
use std::future::Future;
use std::time::SystemTime;

use crate::endpoint::{Endpoint, EndpointError};
use crate::transport::Transport;

/// AWS credentials: an access key, its secret and, for temporary credentials, a session
/// token. `Debug` shows the access key ID only.
#[derive(Clone)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
}

impl Credentials {
    /// Credentials from an access key ID, its secret and an optional session token.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>, session_token: Option<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
        }
    }

    /// The access key ID.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and, if set, `AWS_SESSION_TOKEN`.
    fn from_vars(var: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let required = |name: &'static str| var(name).ok_or(ConfigError { kind: ConfigErrorKind::Missing(name) });
        Ok(Credentials::new(
            required("AWS_ACCESS_KEY_ID")?,
            required("AWS_SECRET_ACCESS_KEY")?,
            var("AWS_SESSION_TOKEN"),
        ))
    }

    fn identity(&self) -> aws_smithy_runtime_api::client::identity::Identity {
        aws_credential_types::Credentials::new(
            self.access_key_id.clone(),
            self.secret_access_key.clone(),
            self.session_token.clone(),
            None,
            "smithy-json-runtime",
        )
        .into()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field("session_token", &self.session_token.as_ref().map(|_| "** redacted **"))
            .finish()
    }
}

/// What a client needs to call AWS: credentials, a region and, optionally, an endpoint
/// that overrides the client's own.
#[derive(Clone, Debug)]
pub struct AwsConfig {
    /// Signs the requests.
    pub credentials: Credentials,
    /// The region requests are signed for (`us-east-1`).
    pub region: String,
    /// Where requests go, if not where the client would send them.
    pub endpoint: Option<Endpoint>,
}

impl AwsConfig {
    /// Credentials and region given explicitly, no endpoint.
    pub fn new(credentials: Credentials, region: impl Into<String>) -> Self {
        AwsConfig { credentials, region: region.into(), endpoint: None }
    }

    /// Sends requests to `endpoint`.
    pub fn with_endpoint(mut self, endpoint: Endpoint) -> Self {
        self.endpoint = Some(endpoint);
        self
    }

    /// Reads the standard environment variables: credentials (`AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the region (`AWS_REGION`, else
    /// `AWS_DEFAULT_REGION`) and the endpoint (`AWS_ENDPOINT_URL_<service>`, else
    /// `AWS_ENDPOINT_URL`, else none), `service` being the service's SDK ID in upper case
    /// with `_` for spaces (`SECRETS_MANAGER` for "Secrets Manager"). Empty variables
    /// count as unset.
    pub fn from_env(service: &str) -> Result<Self, ConfigError> {
        Self::from_vars(service, &|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
    }

    /// [`from_env`](Self::from_env) with the variables read by `var`.
    pub fn from_vars(service: &str, var: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let credentials = Credentials::from_vars(var)?;
        let region = var("AWS_REGION")
            .or_else(|| var("AWS_DEFAULT_REGION"))
            .ok_or(ConfigError { kind: ConfigErrorKind::NoRegion })?;
        let service_variable = format!("AWS_ENDPOINT_URL_{service}");
        let endpoint = match var(&service_variable) {
            Some(url) => Some((service_variable, url)),
            None => var("AWS_ENDPOINT_URL").map(|url| ("AWS_ENDPOINT_URL".to_owned(), url)),
        };
        let endpoint = endpoint
            .map(|(variable, url)| {
                Endpoint::parse(&url).map_err(|error| ConfigError { kind: ConfigErrorKind::Endpoint { variable, error } })
            })
            .transpose()?;
        Ok(AwsConfig { credentials, region, endpoint })
    }
}

/// Why a client could not be configured.
#[derive(Debug)]
pub struct ConfigError {
    kind: ConfigErrorKind,
}

#[derive(Debug)]
enum ConfigErrorKind {
    /// A required environment variable is unset.
    Missing(&'static str),
    /// Neither `AWS_REGION` nor `AWS_DEFAULT_REGION` is set.
    NoRegion,
    /// An endpoint variable holds no valid endpoint.
    Endpoint { variable: String, error: EndpointError },
    /// The transport could not be set up.
    Transport(Box<dyn std::error::Error + Send + Sync>),
}

impl ConfigError {
    /// The transport could not be set up.
    pub fn transport(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        ConfigError { kind: ConfigErrorKind::Transport(Box::new(error)) }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ConfigErrorKind::Missing(name) => write!(f, "no AWS credentials: {name} is not set"),
            ConfigErrorKind::NoRegion => f.write_str("no AWS region: set AWS_REGION or AWS_DEFAULT_REGION"),
            ConfigErrorKind::Endpoint { variable, .. } => write!(f, "{variable} is not a usable endpoint"),
            ConfigErrorKind::Transport(_) => f.write_str("the transport could not be set up"),
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ConfigErrorKind::Missing(_) | ConfigErrorKind::NoRegion => None,
            ConfigErrorKind::Endpoint { error, .. } => Some(error),
            ConfigErrorKind::Transport(error) => Some(error.as_ref()),
        }
    }
}

/// A [`Transport`] that signs each request (SigV4, `AWS4-HMAC-SHA256`) for one service
/// and region at the current time, then sends it through the transport it wraps.
#[derive(Clone, Debug)]
pub struct SigV4<T> {
    inner: T,
    signing_name: String,
    region: String,
    credentials: Credentials,
}

impl<T> SigV4<T> {
    /// Signs for the service `signing_name` (the model's `aws.auth#sigv4` name) in
    /// `region` with `credentials`, sending through `inner`.
    pub fn new(inner: T, signing_name: impl Into<String>, region: impl Into<String>, credentials: Credentials) -> Self {
        SigV4 { inner, signing_name: signing_name.into(), region: region.into(), credentials }
    }

    /// The transport requests go through once signed.
    pub fn inner(&self) -> &T {
        &self.inner
    }

    /// Adds the signature headers (`Authorization`, `X-Amz-Date` and, with a session
    /// token, `X-Amz-Security-Token`) for a request sent at `time`. The request's URI
    /// must be absolute: the host is signed.
    pub fn sign(&self, request: &mut http::Request<Vec<u8>>, time: SystemTime) -> Result<(), SigningError> {
        use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};

        if request.uri().authority().is_none() {
            return Err(SigningError { kind: SigningErrorKind::NoEndpoint });
        }
        let identity = self.credentials.identity();
        let params = aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(&self.signing_name)
            .time(time)
            .settings(SigningSettings::default())
            .build()
            .map_err(SigningError::signer)?
            .into();
        let headers = request
            .headers()
            .iter()
            .map(|(name, value)| Ok((name.as_str(), value.to_str().map_err(SigningError::signer)?)))
            .collect::<Result<Vec<_>, SigningError>>()?;
        let uri = request.uri().to_string();
        let signable = SignableRequest::new(
            request.method().as_str(),
            &uri,
            headers.into_iter(),
            SignableBody::Bytes(request.body()),
        )
        .map_err(SigningError::signer)?;
        let (instructions, _signature) = sign(signable, &params).map_err(SigningError::signer)?.into_parts();
        instructions.apply_to_request_http1x(request);
        Ok(())
    }
}

impl<T: Transport> Transport for SigV4<T> {
    type Error = SigV4Error<T::Error>;

    fn send(
        &self,
        mut request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Self::Error>> + Send {
        let signed = self.sign(&mut request, SystemTime::now());
        async move {
            signed.map_err(SigV4Error::Signing)?;
            self.inner.send(request).await.map_err(SigV4Error::Transport)
        }
    }
}

/// Why a request could not be signed.
#[derive(Debug)]
pub struct SigningError {
    kind: SigningErrorKind,
}

#[derive(Debug)]
enum SigningErrorKind {
    /// The request's URI is relative: the client has no endpoint.
    NoEndpoint,
    /// The signer refused the request or the parameters.
    Signer(Box<dyn std::error::Error + Send + Sync>),
}

impl SigningError {
    fn signer(error: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        SigningError { kind: SigningErrorKind::Signer(error.into()) }
    }

    /// Whether the request had no endpoint to go to (a relative URI).
    pub fn is_no_endpoint(&self) -> bool {
        matches!(self.kind, SigningErrorKind::NoEndpoint)
    }
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SigningErrorKind::NoEndpoint => f.write_str("no endpoint: the request has no host to sign for (set one with `Client::with_endpoint` or AWS_ENDPOINT_URL)"),
            SigningErrorKind::Signer(_) => f.write_str("the request could not be signed"),
        }
    }
}

impl std::error::Error for SigningError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            SigningErrorKind::NoEndpoint => None,
            SigningErrorKind::Signer(error) => Some(error.as_ref()),
        }
    }
}

/// Why a [`SigV4`] transport could not send a request.
#[derive(Debug)]
pub enum SigV4Error<E> {
    /// Signing failed; nothing was sent.
    Signing(SigningError),
    /// The wrapped transport failed.
    Transport(E),
}

impl<E: std::error::Error> fmt::Display for SigV4Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SigV4Error::Signing(error) => fmt::Display::fmt(error, f),
            SigV4Error::Transport(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for SigV4Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SigV4Error::Signing(error) => error.source(),
            SigV4Error::Transport(error) => error.source(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    }

    const KEYS: [(&str, &str); 2] = [("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "secret")];

    #[test]
    fn the_environment_gives_credentials_region_and_endpoint() {
        let pairs = [KEYS[0], KEYS[1], ("AWS_DEFAULT_REGION", "eu-west-1"), ("AWS_ENDPOINT_URL", "http://localhost:1"), ("AWS_ENDPOINT_URL_FSX", "http://127.0.0.1:2")];
        let config = AwsConfig::from_vars("FSX", &vars(&pairs)).unwrap();
        assert_eq!(config.credentials.access_key_id(), "AKIDEXAMPLE");
        assert_eq!(config.region, "eu-west-1");
        assert_eq!(config.endpoint.unwrap().authority(), "127.0.0.1:2");
        let pairs = [KEYS[0], KEYS[1], ("AWS_REGION", "us-east-1"), ("AWS_DEFAULT_REGION", "eu-west-1")];
        let config = AwsConfig::from_vars("FSX", &vars(&pairs)).unwrap();
        assert_eq!(config.region, "us-east-1");
        assert!(config.endpoint.is_none());
    }

    #[test]
    fn missing_or_bad_variables_are_named() {
        let error = AwsConfig::from_vars("FSX", &vars(&[KEYS[0]])).unwrap_err();
        assert_eq!(error.to_string(), "no AWS credentials: AWS_SECRET_ACCESS_KEY is not set");
        let error = AwsConfig::from_vars("FSX", &vars(&KEYS)).unwrap_err();
        assert_eq!(error.to_string(), "no AWS region: set AWS_REGION or AWS_DEFAULT_REGION");
        let pairs = [KEYS[0], KEYS[1], ("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_FSX", "localhost")];
        let error = AwsConfig::from_vars("FSX", &vars(&pairs)).unwrap_err();
        assert_eq!(error.to_string(), "AWS_ENDPOINT_URL_FSX is not a usable endpoint");
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let credentials = Credentials::new("AKIDEXAMPLE", "very-secret", Some("token-secret".to_owned()));
        let shown = format!("{credentials:?}");
        assert!(shown.contains("AKIDEXAMPLE") && !shown.contains("secret\"") && !shown.contains("very") && !shown.contains("token-"), "{shown}");
    }

    #[test]
    fn a_request_without_endpoint_is_not_signed() {
        let signer = SigV4::new((), "fsx", "us-east-1", Credentials::new("AKIDEXAMPLE", "secret", None));
        let mut request = http::Request::builder().method("POST").uri("/").body(Vec::new()).unwrap();
        assert!(signer.sign(&mut request, SystemTime::UNIX_EPOCH).unwrap_err().is_no_endpoint());
    }

    #[test]
    fn a_signed_request_carries_the_authorization_header() {
        let signer = SigV4::new((), "fsx", "us-east-1", Credentials::new("AKIDEXAMPLE", "secret", Some("tok".to_owned())));
        let mut request = http::Request::builder()
            .method("POST")
            .uri("https://fsx.us-east-1.amazonaws.com/")
            .header("content-type", "application/x-amz-json-1.1")
            .header("x-amz-target", "AWSSimbaAPIService_v20180301.CopyBackup")
            .body(b"{}".to_vec())
            .unwrap();
        signer.sign(&mut request, SystemTime::UNIX_EPOCH).unwrap();
        let authorization = request.headers()["authorization"].to_str().unwrap();
        assert!(authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/19700101/us-east-1/fsx/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature="), "{authorization}");
        assert_eq!(request.headers()["x-amz-date"], "19700101T000000Z");
        assert_eq!(request.headers()["x-amz-security-token"], "tok");
    }
}
