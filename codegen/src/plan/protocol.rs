//! The wire protocol of the generated crate, read once from the service's traits at plan
//! time. [`Protocol`] is the one place that knows what differs between the protocols this
//! generator writes (awsJson1_0 and awsJson1_1): the media type, the `X-Amz-Target`
//! value, the default timestamp format, the error-code rules (`awsQueryCompatible`). A
//! service whose protocols are all others is refused, with the protocols named.
//!
//! From the Smithy specification: a protocol is a trait marked `@protocolDefinition`;
//! the AWS ones live in `aws.protocols#`, the RPC v2 ones in `smithy.protocols#`. A
//! service may carry several; like smithy-rs, we take the first we support in the
//! order awsJson1_0, awsJson1_1.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::ast::{Shape, Traits};
use crate::model::load::Model;
use crate::plan::TimestampFormat;

/// The awsJson protocol versions; they differ on the wire only in the media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwsJsonVersion {
    V1_0,
    V1_1,
}

/// The protocol a generated crate speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protocol {
    pub version: AwsJsonVersion,
    /// `aws.protocols#awsQueryCompatible`: the service moved from awsQuery and keeps
    /// its query error codes. Requests carry `x-amzn-query-mode: true`; an error's code
    /// is the `x-amzn-query-error` header's, when sent.
    pub query_compatible: bool,
}

/// The protocol traits the generator writes, in the order it prefers them.
const SUPPORTED: &[(&str, AwsJsonVersion)] = &[
    ("aws.protocols#awsJson1_0", AwsJsonVersion::V1_0),
    ("aws.protocols#awsJson1_1", AwsJsonVersion::V1_1),
];

/// Protocol traits defined outside the model file (in Smithy's own trait libraries),
/// recognised by ID. Any trait shape of the model marked `@protocolDefinition` counts too.
const KNOWN_PROTOCOLS: &[&str] = &[
    "aws.protocols#awsJson1_0",
    "aws.protocols#awsJson1_1",
    "aws.protocols#restJson1",
    "aws.protocols#restXml",
    "aws.protocols#awsQuery",
    "aws.protocols#ec2Query",
    "smithy.protocols#rpcv2Cbor",
    "smithy.protocols#rpcv2Json",
];

const QUERY_COMPATIBLE: &str = "aws.protocols#awsQueryCompatible";

/// The trait on error shapes giving their awsQuery code.
pub const AWS_QUERY_ERROR: &str = "aws.protocols#awsQueryError";

impl Protocol {
    /// Reads the protocol of `service` from its traits, or refuses it in one line naming
    /// the service and the protocol traits it has.
    pub fn of_service(model: &Model, service: &str, traits: &Traits) -> Result<Protocol> {
        let version = SUPPORTED
            .iter()
            .find(|(id, _)| traits.has(id))
            .map(|(_, version)| *version);
        match version {
            Some(version) => Ok(Protocol {
                version,
                query_compatible: traits.has(QUERY_COMPATIBLE),
            }),
            None => Err(Error::shape(service, unsupported_message(model, traits))),
        }
    }

    /// The protocol trait's shape name (`awsJson1_1`).
    pub fn name(&self) -> &'static str {
        match self.version {
            AwsJsonVersion::V1_0 => "awsJson1_0",
            AwsJsonVersion::V1_1 => "awsJson1_1",
        }
    }

    /// The `Content-Type` of request bodies.
    pub fn media_type(&self) -> &'static str {
        match self.version {
            AwsJsonVersion::V1_0 => "application/x-amz-json-1.0",
            AwsJsonVersion::V1_1 => "application/x-amz-json-1.1",
        }
    }

    /// The `X-Amz-Target` header value: the service's and the operation's shape names,
    /// exactly as the model spells them.
    pub fn target(&self, service_name: &str, operation_name: &str) -> String {
        format!("{service_name}.{operation_name}")
    }

    /// How timestamps without a `timestampFormat` trait are written.
    pub fn default_timestamp_format(&self) -> TimestampFormat {
        TimestampFormat::EpochSeconds
    }

    /// The code an error shape is known by to callers: its `awsQueryError` code when
    /// the service is query-compatible and the shape has one, else its shape name
    /// (what awsJson error responses carry).
    pub fn error_code(&self, shape_name: &str, traits: &Traits) -> String {
        let query_code = traits
            .get(AWS_QUERY_ERROR)
            .and_then(|v| v.get("code"))
            .and_then(Value::as_str)
            .filter(|_| self.query_compatible);
        query_code.unwrap_or(shape_name).to_owned()
    }
}

/// "service has protocol X, Y; this generator writes awsJson1_0 and awsJson1_1".
fn unsupported_message(model: &Model, traits: &Traits) -> String {
    let protocols: Vec<&str> = traits
        .iter()
        .map(|(id, _)| id)
        .filter(|id| is_protocol_trait(model, id))
        .collect();
    let supported = "this generator writes only awsJson1_0 and awsJson1_1";
    if protocols.is_empty() {
        format!(
            "the service has no protocol trait; {supported} \
             (`aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1`)"
        )
    } else {
        format!(
            "the service uses protocol {}; {supported}",
            protocols
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// Whether trait `id` is a protocol: a known one, or a trait shape of the model marked
/// `@protocolDefinition`.
fn is_protocol_trait(model: &Model, id: &str) -> bool {
    KNOWN_PROTOCOLS.contains(&id)
        || model.shapes.get(id).is_some_and(|shape| {
            matches!(shape, Shape::Structure(_))
                && shape.traits().has("smithy.api#protocolDefinition")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traits(json: &str) -> Traits {
        serde_json::from_str(json).expect("test traits are JSON")
    }

    fn protocol(json: &str) -> Result<Protocol> {
        Protocol::of_service(&Model::default(), "ex#Service", &traits(json))
    }

    #[test]
    fn each_awsjson_version_has_its_media_type() {
        let v10 = protocol(r#"{"aws.protocols#awsJson1_0": {}}"#).unwrap();
        let v11 = protocol(r#"{"aws.protocols#awsJson1_1": {}}"#).unwrap();
        assert_eq!(v10.media_type(), "application/x-amz-json-1.0");
        assert_eq!(v11.media_type(), "application/x-amz-json-1.1");
        assert!(!v10.query_compatible);
    }

    #[test]
    fn the_target_keeps_the_model_spelling() {
        let p = protocol(r#"{"aws.protocols#awsJson1_1": {}}"#).unwrap();
        assert_eq!(
            p.target("AWSWAF_20190729", "GetCSVHeader"),
            "AWSWAF_20190729.GetCSVHeader"
        );
    }

    #[test]
    fn query_compatible_errors_use_their_query_code() {
        let p =
            protocol(r#"{"aws.protocols#awsJson1_0": {}, "aws.protocols#awsQueryCompatible": {}}"#)
                .unwrap();
        assert!(p.query_compatible);
        let custom = traits(
            r#"{"aws.protocols#awsQueryError": {"code": "Customized", "httpResponseCode": 402}}"#,
        );
        assert_eq!(p.error_code("CustomCodeError", &custom), "Customized");
        assert_eq!(p.error_code("Plain", &Traits::default()), "Plain");
        let plain = protocol(r#"{"aws.protocols#awsJson1_0": {}}"#).unwrap();
        assert_eq!(
            plain.error_code("CustomCodeError", &custom),
            "CustomCodeError"
        );
    }

    #[test]
    fn other_protocols_are_refused_by_name() {
        for id in [
            "aws.protocols#restJson1",
            "aws.protocols#awsQuery",
            "smithy.protocols#rpcv2Cbor",
        ] {
            let message = protocol(&format!(r#"{{"{id}": {{}}, "aws.auth#sigv4": {{}}}}"#))
                .unwrap_err()
                .to_string();
            assert!(message.contains(&format!("`{id}`")), "{message}");
            assert!(message.contains("ex#Service"), "{message}");
            assert!(!message.contains("sigv4"), "{message}");
        }
        let none = protocol("{}").unwrap_err().to_string();
        assert!(none.contains("no protocol trait"), "{none}");
    }

    #[test]
    fn a_supported_protocol_wins_beside_others() {
        let p = protocol(r#"{"smithy.protocols#rpcv2Cbor": {}, "aws.protocols#awsJson1_0": {}}"#)
            .unwrap();
        assert_eq!(p.version, AwsJsonVersion::V1_0);
    }
}
