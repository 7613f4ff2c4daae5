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

// Defaults, as the awsJson1_0 protocol tests exercise them: a client serializes the
// defaults of nested structures, skips those of the top-level input, lets explicit values
// win, and fills what a response leaves out.

use synthetic_awsjson10::operation::apply_settings::{ApplySettings, ApplySettingsInput};
use synthetic_awsjson10::primitives::{Blob, DateTime, Document};
use synthetic_awsjson10::types::{Color, Level, Settings};

fn body_json(request: &http::Request<Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(request.body()).expect("a JSON body")
}

fn default_settings_json() -> serde_json::Value {
    serde_json::json!({
        "text": "hi", "flag": true, "names": [], "docObject": {}, "docText": "hi",
        "docFlag": true, "docList": [], "when": 0, "bytes": "YWJj", "tiny": 1, "small": 1,
        "count": 10, "big": 100, "ratio": 1.0, "precise": 1.0, "labels": {},
        "color": "RED", "level": 1
    })
}

#[test]
fn a_nested_structure_is_sent_with_its_defaults() {
    let input = ApplySettingsInput::builder().settings(Settings::builder().build()).build();
    let request = ApplySettings::request(input, &RandomTokens).unwrap();
    // `docNull` defaults to null: no default, nothing sent; `label` is a top-level input
    // member, whose default the client leaves to the service.
    assert_eq!(body_json(&request), serde_json::json!({ "settings": default_settings_json() }));
}

#[test]
fn top_level_input_defaults_are_not_sent() {
    let request = ApplySettings::request(ApplySettingsInput::builder().build(), &RandomTokens).unwrap();
    assert_eq!(request.body(), b"{}");
}

#[test]
fn explicit_values_win_over_defaults() {
    let settings = Settings::builder()
        .text("bye")
        .flag(false)
        .names("a")
        .doc_null(Document::String("notNull".to_owned()))
        .when(DateTime::from_secs_f64(1.0))
        .bytes(Blob::new("hi"))
        .count(20)
        .labels("name", "Jack")
        .color(Color::from("BLUE"))
        .level(Level::from(2))
        .build();
    let input = ApplySettingsInput::builder().settings(settings).label("mine").build();
    let body = body_json(&ApplySettings::request(input, &RandomTokens).unwrap());
    let sent = &body["settings"];
    assert_eq!(sent["text"], "bye");
    assert_eq!(sent["flag"], false);
    assert_eq!(sent["names"], serde_json::json!(["a"]));
    assert_eq!(sent["docNull"], "notNull");
    assert_eq!(sent["when"], 1);
    assert_eq!(sent["bytes"], "aGk=");
    assert_eq!(sent["count"], 20);
    assert_eq!(sent["labels"], serde_json::json!({ "name": "Jack" }));
    assert_eq!(sent["color"], "BLUE");
    assert_eq!(sent["level"], 2);
    assert_eq!(body["label"], "mine");
}

fn ok_response(body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder().status(200).body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn a_response_without_members_reads_as_their_defaults() {
    let output = ApplySettings::parse_response(&ok_response("{}")).unwrap();
    assert_eq!(output.text(), "hi");
    assert!(output.flag());
    assert!(output.names().is_empty());
    assert_eq!(output.doc_object(), &Document::Object(Default::default()));
    assert_eq!(output.doc_text(), &Document::String("hi".to_owned()));
    assert_eq!(output.doc_null(), None);
    assert_eq!(output.when(), &DateTime::from_secs_f64(0.0));
    assert_eq!(output.bytes(), &Blob::new("abc"));
    assert_eq!((output.tiny(), output.small(), output.count(), output.big()), (1, 1, 10, 100));
    assert_eq!((output.ratio(), output.precise()), (1.0, 1.0));
    assert!(output.labels().is_empty());
    assert_eq!(output.color(), &Color::from("RED"));
    assert_eq!(output.level(), Level::from(1));
}

#[test]
fn values_in_a_response_win_over_defaults() {
    let body = r#"{"text": "bye", "flag": false, "count": 20, "bytes": "aGk=", "when": 2,
        "docNull": "notNull", "color": "BLUE", "level": 2}"#;
    let output = ApplySettings::parse_response(&ok_response(body)).unwrap();
    assert_eq!(output.text(), "bye");
    assert!(!output.flag());
    assert_eq!(output.count(), 20);
    assert_eq!(output.bytes(), &Blob::new("hi"));
    assert_eq!(output.when(), &DateTime::from_secs_f64(2.0));
    assert_eq!(output.doc_null(), Some(&Document::String("notNull".to_owned())));
    assert_eq!(output.color(), &Color::from("BLUE"));
    assert_eq!(output.level(), Level::from(2));
}
