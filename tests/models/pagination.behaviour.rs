//! Paginators (`smithy.api#paginated`): the service's trait names the tokens and the page
//! size, `ListThings` adds its items at a nested path (`Result.Things`), `ListTags`
//! overrides the tokens and pages a map, `ScanKeys` has map tokens (as DynamoDB's Scan).
//! Pages follow the output token until it is absent or empty; a token the service sends
//! back stops paging with an error.

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use serde_json::{json, Value};
use synthetic_pagination::error::SdkError;
use synthetic_pagination::transport::CannedTransport;
use synthetic_pagination::Client;

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

fn client(responses: &[(u16, &str)]) -> Client<CannedTransport> {
    let transport = responses
        .iter()
        .fold(CannedTransport::new(), |t, (status, body)| t.with_response(*status, *body));
    Client::new(transport)
}

/// The JSON bodies of the requests `client` sent.
fn bodies(client: &Client<CannedTransport>) -> Vec<Value> {
    client
        .transport()
        .take_requests()
        .iter()
        .map(|r| serde_json::from_slice(r.body()).unwrap())
        .collect()
}

#[test]
fn items_at_a_nested_path_are_flattened_across_three_pages() {
    let client = client(&[
        (200, r#"{"Paging":{"Next":"a"},"Result":{"Things":[{"Name":"1"},{"Name":"2"}]}}"#),
        (200, r#"{"Paging":{"Next":"b"},"Result":{"Things":[]}}"#),
        (200, r#"{"Paging":{"Next":""},"Result":{"Things":[{"Name":"3"}]}}"#),
        (200, r#"{"Result":{"Things":[{"Name":"never asked for"}]}}"#),
    ]);
    let mut items = client
        .list_things()
        .filter("f")
        .into_paginator()
        .page_size(2)
        .items()
        .send();
    let mut names = Vec::new();
    while let Some(item) = block_on(items.next()) {
        names.push(item.unwrap().name().unwrap().to_owned());
    }
    assert_eq!(names, ["1", "2", "3"]);
    assert!(block_on(items.next()).is_none(), "done stays done");
    assert_eq!(
        bodies(&client),
        [
            json!({"Filter": "f", "Limit": 2}),
            json!({"Cursor": "a", "Filter": "f", "Limit": 2}),
            json!({"Cursor": "b", "Filter": "f", "Limit": 2}),
        ]
    );
}

#[test]
fn pages_stop_where_the_token_is_absent() {
    let client = client(&[
        (200, r#"{"Paging":{"Next":"a"}}"#),
        (200, r#"{"Paging":{}}"#),
        (200, r#"{"Paging":{"Next":"never asked for"}}"#),
    ]);
    let pages = block_on(client.list_things().into_paginator().send().try_collect()).unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].paging().unwrap().next(), Some("a"));
    assert_eq!(bodies(&client), [json!({}), json!({"Cursor": "a"})]);
}

#[test]
fn a_token_sent_back_ends_paging_with_an_error() {
    let client = client(&[
        (200, r#"{"Paging":{"Next":"x"},"Result":{"Things":[{"Name":"1"}]}}"#),
        (200, r#"{"Paging":{"Next":"x"},"Result":{"Things":[{"Name":"2"}]}}"#),
    ]);
    let mut pages = client.list_things().into_paginator().send();
    assert!(block_on(pages.next()).unwrap().is_ok());
    let second = block_on(pages.next()).unwrap().unwrap();
    assert_eq!(second.result().unwrap().things()[0].name(), Some("2"), "the page is kept");
    let error = block_on(pages.next()).unwrap().unwrap_err();
    assert!(matches!(error, SdkError::Construction(_)), "{error:?}");
    let SdkError::Construction(cause) = &error else { unreachable!() };
    assert_eq!(
        cause.to_string(),
        r#"the service returned the pagination token it was sent ("x"); paging stopped"#
    );
    assert!(block_on(pages.next()).is_none());
    assert_eq!(bodies(&client).len(), 2, "no third request");

    // The items stream reports it too, after the items of both pages.
    let client = self::client(&[(200, r#"{"Paging":{"Next":"x"},"Result":{"Things":[{"Name":"1"}]}}"#)]);
    let error = block_on(client.list_things().into_paginator().items().send().try_collect()).unwrap_err();
    assert!(matches!(error, SdkError::Construction(_)), "{error:?}");
    assert_eq!(bodies(&client).len(), 2);
}

#[test]
fn an_error_ends_paging() {
    let client = client(&[
        (200, r#"{"Paging":{"Next":"a"}}"#),
        (400, r#"{"__type":"Throttled","message":"slow down"}"#),
        (200, r#"{}"#),
    ]);
    let mut pages = client.list_things().into_paginator().send();
    assert!(block_on(pages.next()).unwrap().is_ok());
    let error = block_on(pages.next()).unwrap().unwrap_err();
    assert!(error.as_service_error().unwrap().is_throttled(), "{error:?}");
    assert!(block_on(pages.next()).is_none());
    assert_eq!(bodies(&client).len(), 2);
}

#[test]
fn the_operation_s_trait_overrides_the_service_s_and_map_items_page_as_pairs() {
    let client = client(&[
        (200, r#"{"NextToken":"n1","Tags":{"a":"1"}}"#),
        (200, r#"{"Tags":{"b":"2"}}"#),
    ]);
    let mut tags = block_on(
        client
            .list_tags()
            .owner("me")
            .into_paginator()
            .page_size(5_i64)
            .items()
            .send()
            .try_collect(),
    )
    .unwrap();
    tags.sort();
    assert_eq!(tags, [("a".to_owned(), "1".to_owned()), ("b".to_owned(), "2".to_owned())]);
    assert_eq!(
        bodies(&client),
        [
            json!({"Owner": "me", "MaxTags": 5}),
            json!({"Owner": "me", "MaxTags": 5, "Token": "n1"}),
        ]
    );
}

#[test]
fn a_paginator_missing_a_required_member_sends_nothing() {
    let client = client(&[(200, "{}")]);
    let mut pages = client.list_tags().into_paginator().send();
    let error = block_on(pages.next()).unwrap().unwrap_err();
    let SdkError::Construction(cause) = &error else {
        panic!("{error:?}");
    };
    let source = std::error::Error::source(cause).expect("the build error");
    assert!(source.to_string().contains("owner"), "{source}");
    assert!(block_on(pages.next()).is_none());
    assert!(bodies(&client).is_empty());
}

#[test]
fn map_tokens_are_sent_back_until_a_page_has_none_and_a_repeated_one_is_an_error() {
    let client = client(&[
        (200, r#"{"LastEvaluatedKey":{"id":"1"},"Keys":[{"Name":"a"}]}"#),
        (200, r#"{"LastEvaluatedKey":{},"Keys":[{"Name":"b"}]}"#),
    ]);
    let pages = block_on(client.scan_keys().into_paginator().send().try_collect()).unwrap();
    assert_eq!(pages.len(), 2, "an empty map ends paging as an empty string does");
    assert_eq!(
        bodies(&client),
        [json!({}), json!({"ExclusiveStartKey": {"id": "1"}})]
    );

    let client = self::client(&[
        (200, r#"{"LastEvaluatedKey":{"id":"1"}}"#),
        (200, r#"{"LastEvaluatedKey":{"id":"1"}}"#),
    ]);
    let mut pages = client.scan_keys().into_paginator().send();
    assert!(block_on(pages.next()).unwrap().is_ok());
    assert!(block_on(pages.next()).unwrap().is_ok());
    let error = block_on(pages.next()).unwrap().unwrap_err();
    assert!(matches!(error, SdkError::Construction(_)), "{error:?}");
    let SdkError::Construction(cause) = &error else { unreachable!() };
    assert!(cause.to_string().contains("id"), "{cause}");
    assert!(block_on(pages.next()).is_none());
}
