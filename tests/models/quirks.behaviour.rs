//! Real-model quirks: defaults of every type fill unset and `null` members, a union
//! member named `Unknown` is the `UnknownValue` variant but keeps its name on the wire,
//! members named like builder methods or std trait methods get methods that do not
//! collide, and deprecated shapes stay usable.

// Deprecated shapes are `#[deprecated]` for users like this test.
#![allow(deprecated)]

use synthetic_quirks::json;
use synthetic_quirks::operation::get::{GetInput, GetOutput};
use synthetic_quirks::primitives::{Blob, DateTime, Document, Number};
use synthetic_quirks::types::{Choice, Defaults, Level, Mode, OldThing};

fn expected_doc() -> Document {
    Document::Object(
        [(
            "a".to_owned(),
            Document::Array(vec![
                Document::Number(Number::PosInt(1)),
                Document::Number(Number::NegInt(-2)),
                Document::Number(Number::Float(1.5)),
                Document::String("x".to_owned()),
                Document::Bool(true),
                Document::Null,
            ]),
        )]
        .into_iter()
        .collect(),
    )
}

fn assert_all_defaults(defaults: &Defaults) {
    assert_eq!(defaults.doc, expected_doc());
    assert_eq!(defaults.empty_doc, Document::Array(Vec::new()));
    assert_eq!(defaults.bytes, Blob::new(b"foo".to_vec()));
    assert_eq!(defaults.no_bytes, Blob::new(Vec::new()));
    assert_eq!(defaults.when, DateTime::from_secs_f64(1_700_000_000.0));
    assert_eq!(defaults.since, defaults.when);
    assert_eq!(defaults.level, Level::High);
    assert_eq!(defaults.mode, Mode::Slow);
    assert_eq!(defaults.big.as_str(), "123");
    assert_eq!(defaults.fraction, 0.25);
    assert_eq!(defaults.tiny, -8);
    assert!(defaults.counts.is_empty());
}

#[test]
fn the_builder_fills_defaults_of_every_type() {
    assert_all_defaults(&Defaults::builder().build());
}

#[test]
fn parsing_fills_absent_and_null_members_with_their_defaults() {
    assert_all_defaults(&json::from_slice::<Defaults>(b"{}").unwrap());
    let nulls = br#"{"Doc":null,"Bytes":null,"When":null,"Level":null,"Big":null,"Counts":null}"#;
    assert_all_defaults(&json::from_slice::<Defaults>(nulls).unwrap());
    let set = json::from_slice::<Defaults>(br#"{"Bytes":"YmFy","Level":1}"#).unwrap();
    assert_eq!(set.bytes, Blob::new(b"bar".to_vec()));
    assert_eq!(set.level, Level::Low);
}

#[test]
fn a_union_member_named_unknown_keeps_its_wire_name() {
    let output: GetOutput =
        json::from_slice(br#"{"Defaults":{},"Choice":{"Unknown":"x"}}"#).unwrap();
    let choice = output.choice().unwrap();
    assert_eq!(choice, &Choice::UnknownValue("x".to_owned()));
    assert_eq!(choice.as_unknown_value(), Ok(&"x".to_owned()));
    assert!(choice.is_unknown_value());
    assert!(!choice.is_unknown());
    let written = json::to_vec(choice).unwrap();
    assert_eq!(written, br#"{"Unknown":"x"}"#);
    // A member the model does not know is the `Unknown` variant.
    let other: Choice = json::from_slice(br#"{"Later":1}"#).unwrap();
    assert!(other.is_unknown());
    assert_eq!(
        json::from_slice::<Choice>(br#"{"Ref":"r"}"#)
            .unwrap()
            .as_ref(),
        Ok(&"r".to_owned())
    );
}

#[test]
fn members_named_like_builder_methods_do_not_collide() {
    let input = GetInput::builder()
        .foo("foo")
        .set_foo_value("set")
        .get_foo_value("get")
        .build();
    assert_eq!(input.foo(), Some("foo"));
    assert_eq!(input.set_foo_value(), Some("set"));
    assert_eq!(input.get_foo_value(), Some("get"));
    let written = String::from_utf8(json::to_vec(&input).unwrap()).unwrap();
    assert!(written.contains(r#""SetFoo":"set""#), "{written}");
    assert!(written.contains(r#""GetFoo":"get""#), "{written}");
}

#[test]
fn members_named_like_std_trait_methods_keep_their_names() {
    let input = GetInput::builder()
        .add(1)
        .next("n")
        .from_str("s")
        .into_iter("a")
        .index("k", 2)
        .neg(true)
        .clone_value("c")
        .eq_value("e")
        .build();
    assert_eq!(input.add(), Some(1));
    assert_eq!(input.next(), Some("n"));
    assert_eq!(input.from_str(), Some("s"));
    assert_eq!(input.into_iter(), ["a".to_owned()]);
    assert_eq!(input.index().and_then(|m| m.get("k")), Some(&2));
    assert_eq!(input.clone_value(), Some("c"));
    // `clone` and `eq` are still the traits' methods.
    assert!(input.clone().eq(&input));
}

#[test]
fn deprecated_shapes_stay_usable() {
    let old = OldThing::builder().value("v").build();
    let input = GetInput::builder().old(old.clone()).build();
    assert_eq!(input.old(), Some(&old));
}
