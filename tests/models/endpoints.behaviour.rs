//! Endpoint rules from the model (`smithy.rules#endpointRuleSet`): the client resolves
//! each request's endpoint from its parameters (the AWS built-ins through `with_region`,
//! `with_fips`, `with_dual_stack`; the service's own through `with_endpoint_params`)
//! unless `with_endpoint` set one; bad input is an error value.

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use synthetic_endpoints::endpoint::Endpoint;
use synthetic_endpoints::endpoint_resolver::{resolve, Params};
use synthetic_endpoints::endpoint_rules::Value;
use synthetic_endpoints::error::SdkError;
use synthetic_endpoints::transport::CannedTransport;
use synthetic_endpoints::Client;

/// Runs a future that never waits (the canned transport answers at once).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Ignored;
    impl Wake for Ignored {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Ignored));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn client() -> Client<CannedTransport> {
    Client::new(CannedTransport::new().with_response(200, "{}"))
}

/// The URI and headers of the one request `client` sent.
fn sent(client: &Client<CannedTransport>) -> http::Request<Vec<u8>> {
    let mut requests = client.transport().take_requests();
    assert_eq!(requests.len(), 1);
    requests.remove(0)
}

#[test]
fn the_region_decides_where_requests_go() {
    let client = client().with_region("eu-west-1");
    block_on(client.get_widget().send()).unwrap();
    let request = sent(&client);
    assert_eq!(request.uri(), "https://widgets.eu-west-1.amazonaws.com/");
    assert_eq!(request.headers()["x-widgets-stage"], "prod");
    assert_eq!(request.headers()["x-widgets-geo"], "eu");
}

#[test]
fn fips_and_dual_stack_are_client_settings() {
    let client = client().with_region("us-gov-east-1").with_fips(true);
    block_on(client.get_widget().send()).unwrap();
    assert_eq!(sent(&client).uri(), "https://widgets-fips.us-gov-east-1.amazonaws.com/");

    let client = self::client().with_region("cn-north-1").with_dual_stack(true);
    block_on(client.get_widget().send()).unwrap();
    assert_eq!(sent(&client).uri(), "https://widgets.cn-north-1.api.amazonwebservices.com.cn/");
}

#[test]
fn the_service_s_own_parameters_go_through_with_endpoint_params() {
    let mut params = Params::default();
    assert_eq!(params.stage, "prod", "the model's default");
    params.region = Some("us-west-2".to_owned());
    params.stage = "qa/1".to_owned();
    let client = client().with_endpoint_params(params.clone());
    assert_eq!(client.endpoint_params(), &params);
    block_on(client.get_widget().send()).unwrap();
    assert_eq!(sent(&client).headers()["x-widgets-stage"], "qa%2F1");
}

#[test]
fn a_missing_region_is_a_construction_error() {
    let client = client();
    let error = block_on(client.get_widget().send()).unwrap_err();
    assert!(matches!(error, SdkError::Construction(_)), "{error:?}");
    // `Display` says its own level; the rule's message is further down the chain.
    let mut chain = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        chain.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    assert!(chain.contains("Invalid Configuration: Missing Region"), "{chain}");
    assert!(client.transport().take_requests().is_empty(), "nothing was sent");
}

#[test]
fn bad_regions_and_endpoints_are_errors_not_panics() {
    for region in ["us-east-1.evil.com", "not a region!", ""] {
        let client = client().with_region(region);
        let error = block_on(client.get_widget().send()).unwrap_err();
        assert!(matches!(error, SdkError::Construction(_)), "{region}: {error:?}");
    }
    let mut params = Params::default();
    params.endpoint = Some("https://example.com/?q=1".to_owned());
    let error = resolve(&params).unwrap_err();
    assert!(error.message().contains("is not an http(s) URL"), "{error}");
}

#[test]
fn an_endpoint_set_on_the_client_wins_over_the_rules() {
    let endpoint = Endpoint::parse("http://localhost:9000/x").unwrap();
    let client = client().with_endpoint(endpoint).with_fips(true);
    block_on(client.get_widget().send()).unwrap();
    assert_eq!(sent(&client).uri(), "http://localhost:9000/x/");
}

#[test]
fn the_resolved_endpoint_carries_its_auth_schemes() {
    let mut params = Params::default();
    params.widget_arn = Some("arn:aws:widgets:ap-south-1:123456789012:widget/w-9".to_owned());
    let endpoint = resolve(&params).unwrap();
    assert_eq!(endpoint.url(), "https://w-9.widgets.ap-south-1.amazonaws.com");
    let scheme = &endpoint.auth_schemes()[0];
    assert_eq!(scheme.get("signingName"), Some(&Value::String("widgets".to_owned())));
    assert_eq!(scheme.get("signingRegion").and_then(Value::as_str), Some("ap-south-1"));
}

#[test]
fn operations_set_their_static_and_member_context_parameters() {

    let client = client().with_region("us-east-1");
    block_on(client.describe_widget().send()).unwrap();
    let request = sent(&client);
    assert_eq!(request.uri(), "https://widgets.us-east-1.amazonaws.com/");
    assert_eq!(request.headers()["x-widgets-stage"], "static", "staticContextParams");

    let client = self::client().with_region("us-east-1");
    let arn = "arn:aws:widgets:eu-north-1:123456789012:widget/w-7";
    block_on(client.describe_widget().arn(arn).send()).unwrap();
    assert_eq!(sent(&client).uri(), "https://w-7.widgets.eu-north-1.amazonaws.com/", "contextParam");
    assert_eq!(client.endpoint_params().widget_arn, None, "the client's own parameters stay");
}

#[test]
fn operation_context_paths_collect_what_they_reach_in_the_input() {
    use synthetic_endpoints::operation::batch_widgets::BatchWidgetsInput;
    use synthetic_endpoints::types::{BatchItem, BatchSpec, WidgetRef};

    let named = |name: &str| WidgetRef::builder().name(name).build();
    let items = vec![
        BatchItem::builder().get(named("a")).build(),
        BatchItem::builder().put(named("b")).build(),
        BatchItem::builder().get(named("c")).put(named("d")).build(),
        BatchItem::builder().build(),
    ];
    let input = BatchWidgetsInput::builder()
        .set_items(Some(items.clone()))
        .spec(BatchSpec::builder().owner(named("olga")).build())
        .build();
    let client = client().with_region("us-east-1");
    block_on(input.send_with(&client)).unwrap();
    let request = sent(&client);
    // `Items[*].[Get.Name, Put.Name][]`: a, b, c, d in order, the missing ones left out.
    assert_eq!(request.uri(), "https://batch.us-east-1.amazonaws.com/");
    assert_eq!(request.headers()["x-widgets-first"], "a");
    assert_eq!(request.headers()["x-widgets-fourth"], "d");
    // `Spec.Owner.Name`: one string.
    assert_eq!(request.headers()["x-widgets-owner"], "olga");

    // Three names: the rule that needs a fourth does not apply; no owner: its default.
    let input = BatchWidgetsInput::builder()
        .set_items(Some(items[..2].to_vec()))
        .build();
    let client = self::client().with_region("us-east-1");
    block_on(input.send_with(&client)).unwrap();
    assert_eq!(sent(&client).uri(), "https://widgets.us-east-1.amazonaws.com/");
    assert_eq!(client.endpoint_params().widget_names, None, "the client's own parameters stay");
}

#[test]
fn client_context_params_are_client_settings() {
    let client = client().with_region("us-east-1").with_legacy(true);
    assert_eq!(client.endpoint_params().legacy, Some(true));
    block_on(client.get_widget().send()).unwrap();
    assert_eq!(sent(&client).uri(), "https://widgets-legacy.us-east-1.amazonaws.com/");
}
