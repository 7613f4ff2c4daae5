//! awsJson1_0, from the Smithy specification (the awsJson1_0 protocol, `awsQueryCompatible`,
//! the `endpoint` and `requestCompression` traits): the media type and target header, the
//! query-mode header and query error codes, host prefixes with validated labels, and gzip
//! request bodies.

use std::io::Read;

use synthetic_awsjson10::compression::RequestCompression;
use synthetic_awsjson10::endpoint::Endpoint;
use synthetic_awsjson10::error::Fault;
use synthetic_awsjson10::idempotency::RandomTokens;
use synthetic_awsjson10::operation::get_csv_header::{GetCsvHeader, GetCsvHeaderError, GetCsvHeaderInput};
use synthetic_awsjson10::operation::put_data::{PutData, PutDataInput};
use synthetic_awsjson10::operation::put_to_labeled_host::{PutToLabeledHost, PutToLabeledHostInput};

fn header<'r>(request: &'r http::Request<Vec<u8>>, name: &str) -> Option<&'r str> {
    request.headers().get(name).map(|v| v.to_str().expect("a text header"))
}

fn error_response(headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(400);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.as_bytes().to_vec()).expect("a valid response")
}

#[test]
fn requests_carry_the_awsjson_1_0_media_type_and_the_model_s_names() {
    let input = GetCsvHeaderInput::builder().name("a").build();
    let request = GetCsvHeader::request(input, &RandomTokens).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "/");
    assert_eq!(header(&request, "content-type"), Some("application/x-amz-json-1.0"));
    // The model's spelling (`GetCSVHeader`), never the Rust type's (`GetCsvHeader`).
    assert_eq!(header(&request, "x-amz-target"), Some("QueryCompatibleRpc10.GetCSVHeader"));
    assert_eq!(GetCsvHeader::NAME, "GetCSVHeader");
    assert_eq!(request.body(), br#"{"Name":"a"}"#);
}

#[test]
fn a_query_compatible_service_is_told_so_on_every_request() {
    let input = GetCsvHeaderInput::builder().build();
    let request = GetCsvHeader::request(input, &RandomTokens).unwrap();
    assert_eq!(header(&request, "x-amzn-query-mode"), Some("true"));
}

#[test]
fn errors_are_matched_by_type_and_report_their_query_code() {
    let body = r#"{"__type": "example.rpc#CustomCodeError", "message": "Hi"}"#;
    let response = error_response(&[("x-amzn-query-error", "Customized;Sender")], body);
    let error = GetCsvHeader::parse_response(&response).unwrap_err();
    assert!(matches!(error, GetCsvHeaderError::CustomCodeError(_)), "{error:?}");
    assert_eq!(error.code(), Some("Customized"));
    assert_eq!(error.message(), Some("Hi"));
    assert_eq!(error.fault(), Fault::Client);

    let body = r#"{"__type": "example.rpc#NoCustomCodeError", "message": "Hi"}"#;
    let error = GetCsvHeader::parse_response(&error_response(&[], body)).unwrap_err();
    assert!(error.is_no_custom_code_error(), "{error:?}");
    assert_eq!(error.code(), Some("NoCustomCodeError"));
}

#[test]
fn an_unmodeled_error_takes_code_and_fault_from_the_query_error_header() {
    let body = r#"{"__type": "example.rpc#SomethingNew"}"#;
    let response = error_response(&[("x-amzn-query-error", "AWS.Queue.Gone;Receiver")], body);
    let error = GetCsvHeader::parse_response(&response).unwrap_err();
    let GetCsvHeaderError::Unhandled(unhandled) = &error else {
        panic!("expected Unhandled, got {error:?}");
    };
    assert_eq!(unhandled.code(), Some("AWS.Queue.Gone"));
    assert_eq!(error.fault(), Fault::Server);
    // Without the header: the JSON code, and the status's fault.
    let error = GetCsvHeader::parse_response(&error_response(&[], body)).unwrap_err();
    assert_eq!(error.code(), Some("SomethingNew"));
    assert_eq!(error.fault(), Fault::Client);
}

#[test]
fn the_host_prefix_puts_the_label_in_front_of_the_endpoint_host() {
    let input = PutToLabeledHostInput::builder().shard("shard-7").payload("p").build().unwrap();
    let mut request = PutToLabeledHost::request(input, &RandomTokens).unwrap();
    Endpoint::parse("https://example.com").unwrap().apply(&mut request).unwrap();
    assert_eq!(request.uri().host(), Some("shard-7.data.example.com"));
    // The label member is still part of the body.
    assert_eq!(request.body(), br#"{"Shard":"shard-7","Payload":"p"}"#);
}

#[test]
fn a_label_that_is_not_a_host_label_is_an_error_naming_the_member() {
    for bad in ["", "-lead", "trail-", "a.b", "a b", "x/y", &"x".repeat(64)] {
        let input = PutToLabeledHostInput::builder().shard(bad).build().unwrap();
        let error = PutToLabeledHost::request(input, &RandomTokens).unwrap_err();
        assert!(error.to_string().contains("`Shard`"), "{bad:?}: {error}");
    }
    let input = PutToLabeledHostInput::builder().shard("A-1").build().unwrap();
    assert!(PutToLabeledHost::request(input, &RandomTokens).is_ok());
}

fn gunzip(body: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(body).read_to_string(&mut text).expect("a gzip body");
    text
}

#[test]
fn large_bodies_are_gzipped_from_the_default_threshold() {
    let data = "x".repeat(20_000);
    let input = PutDataInput::builder().data(data.clone()).build();
    let request = PutData::request(input, &RandomTokens).unwrap();
    assert_eq!(header(&request, "content-encoding"), Some("gzip"));
    let length: usize = header(&request, "content-length").unwrap().parse().unwrap();
    assert_eq!(length, request.body().len());
    assert!(length < 1_000, "{length} bytes");
    assert_eq!(gunzip(request.body()), format!(r#"{{"Data":"{data}"}}"#));
}

#[test]
fn small_bodies_and_disabled_compression_are_sent_as_they_are() {
    let input = PutDataInput::builder().data("small").build();
    let request = PutData::request(input, &RandomTokens).unwrap();
    assert_eq!(header(&request, "content-encoding"), None);
    assert_eq!(request.body(), br#"{"Data":"small"}"#);

    let input = PutDataInput::builder().data("x".repeat(20_000)).build();
    let request =
        PutData::request_with_compression(input, &RandomTokens, &RequestCompression::disabled()).unwrap();
    assert_eq!(header(&request, "content-encoding"), None);

    let input = PutDataInput::builder().data("small").build();
    let always = RequestCompression::default().with_min_size_bytes(0).unwrap();
    let request = PutData::request_with_compression(input, &RandomTokens, &always).unwrap();
    assert_eq!(gunzip(request.body()), r#"{"Data":"small"}"#);
    assert!(RequestCompression::default().with_min_size_bytes(10_485_761).is_err());
}
