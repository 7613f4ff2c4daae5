//! Every Smithy shape kind on the awsJson1_1 wire: floats' special values, the three
//! timestamp formats, documents, big numbers, int enums, dense and sparse lists and
//! maps, unions (unit members, unknown members, `__type`), and mixins.

use std::collections::HashMap;

use serde_json::{json, Value};
use synthetic_kinds::operation::echo::{EchoInput, EchoOutput};
use synthetic_kinds::primitives::{BigDecimal, BigInteger, Blob, DateTime, Document, Number};
use synthetic_kinds::types::{Circle, Color, Group, Level, Shape};

/// The crate's JSON wire form (`synthetic_kinds::json`) in serde_json's terms.
mod wire {
    use serde_json::Value;
    use synthetic_kinds::error::{ParseError, SerializeError};
    use synthetic_kinds::json::{self, FromJson, ToJson};

    pub fn to_value<T: ToJson>(value: &T) -> Result<Value, SerializeError> {
        Ok(serde_json::from_slice(&json::to_vec(value)?).expect("the writer writes JSON"))
    }

    pub fn to_string<T: ToJson>(value: &T) -> Result<String, SerializeError> {
        Ok(String::from_utf8(json::to_vec(value)?).expect("the writer writes UTF-8"))
    }

    pub fn from_str<T: FromJson>(text: &str) -> Result<T, ParseError> {
        json::from_slice(text.as_bytes())
    }

    #[allow(dead_code)]
    pub fn from_value<T: FromJson>(value: Value) -> Result<T, ParseError> {
        json::from_slice(&serde_json::to_vec(&value).expect("a Value serializes"))
    }
}

fn parse(body: Value) -> EchoOutput {
    wire::from_value(body).expect("the body parses")
}

fn parse_error(body: &str) -> String {
    match wire::from_str::<EchoOutput>(body) {
        Ok(output) => panic!("expected an error, parsed {output:?}"),
        Err(e) => e.to_string(),
    }
}

fn written(input: &EchoInput) -> Value {
    wire::to_value(input).expect("the input serializes")
}

/// A body with one member of every kind.
fn every_member() -> Value {
    json!({
        "CreatedBy": "me", "Revision": 3,
        "Blob": "aGVsbG8=", "Flag": true, "Text": "t", "Tiny": -8, "Small": 300,
        "Count": 70000, "Big": 9007199254740993_i64, "Ratio": 1.5, "Precise": 0.1,
        "Huge": 12345678901234567890_u64, "Exact": 0.5,
        "Epoch": 1515531081.123, "Iso": "2000-01-02T20:34:56.123Z",
        "Http": "Sun, 02 Jan 2000 20:34:56 GMT", "IsoByShape": "2000-01-02T20:34:56Z",
        "IsoList": ["1970-01-01T00:00:00Z", "2038-01-19T03:14:08Z"],
        "Anything": {"a": [1, -2, 2.5, "x", true, null, {}]},
        "Color": "green", "Level": 2, "DefaultLevel": 1,
        "Floats": [1.0, "NaN", "Infinity", "-Infinity"],
        "Names": ["a", "b"], "SparseNames": ["a", null],
        "Scores": {"x": 1.5}, "SparseScores": {"x": 1, "y": null},
        "Nested": {"k": ["v"]},
        "Shape": {"Circle": {"Radius": 2.0}},
        "Shapes": [{"Label": "l"}, {"Empty": {}}, {"type": 7}, {"Points": ["NaN"]}]
    })
}

#[test]
fn every_member_round_trips_through_its_wire_form() {
    let body = every_member();
    let output = parse(body.clone());
    assert_eq!(output.created_by(), Some("me"));
    assert_eq!(output.revision(), Some(3));
    assert_eq!(output.blob().map(|b| b.as_ref()), Some(&b"hello"[..]));
    assert_eq!(output.big(), Some(9007199254740993));
    assert_eq!(output.epoch().map(|t| (t.secs(), t.subsec_nanos())), Some((1515531081, 123_000_000)));
    assert_eq!(output.iso().map(|t| t.subsec_nanos()), Some(123_000_000));
    assert_eq!(output.http(), Some(&DateTime::from_secs(946845296)));
    assert_eq!(output.iso_by_shape(), Some(&DateTime::from_secs(946845296)));
    assert_eq!(output.iso_list()[1], DateTime::from_secs(2147483648));
    assert_eq!(output.level(), Some(Level::High));
    assert_eq!(output.default_level(), Level::Low);
    let floats = output.floats();
    assert!(floats[1].is_nan() && floats[2] == f64::INFINITY && floats[3] == f64::NEG_INFINITY);
    assert_eq!(output.sparse_names(), &[Some("a".to_owned()), None]);
    assert_eq!(output.sparse_scores().and_then(|m| m.get("y")), Some(&None));
    assert_eq!(output.shape().and_then(|s| s.as_circle().ok()).map(Circle::radius), Some(2.0));
    assert!(output.shapes()[1].is_empty());
    assert_eq!(output.shapes()[2].as_type().ok(), Some(&7));

    // Written back: the same JSON (the NaN inside a union's list too).
    let input = EchoInput::builder()
        .set_created_by(output.created_by.clone())
        .set_revision(output.revision)
        .set_blob(output.blob.clone())
        .set_flag(output.flag)
        .set_text(output.text.clone())
        .set_tiny(output.tiny)
        .set_small(output.small)
        .set_count(output.count)
        .set_big(output.big)
        .set_ratio(output.ratio)
        .set_precise(output.precise)
        .set_huge(output.huge.clone())
        .set_exact(output.exact.clone())
        .set_epoch(output.epoch)
        .set_iso(output.iso)
        .set_http(output.http)
        .set_iso_by_shape(output.iso_by_shape)
        .set_iso_list(output.iso_list.clone())
        .set_anything(output.anything.clone())
        .set_color(output.color.clone())
        .set_level(output.level)
        .default_level(output.default_level)
        .set_floats(output.floats.clone())
        .set_names(output.names.clone())
        .set_sparse_names(output.sparse_names.clone())
        .set_scores(output.scores.clone())
        .set_sparse_scores(output.sparse_scores.clone())
        .set_nested(output.nested.clone())
        .set_shape(output.shape.clone())
        .set_shapes(output.shapes.clone())
        .build();
    assert_eq!(written(&input), body);
}

#[test]
fn big_numbers_keep_every_digit() {
    let output: EchoOutput = wire::from_str(
        r#"{"Huge": 123456789012345678901234567890123, "Exact": 0.100000000000000000000000000001}"#,
    )
    .unwrap();
    assert_eq!(output.huge().map(BigInteger::as_str), Some("123456789012345678901234567890123"));
    assert_eq!(output.exact().map(BigDecimal::as_str), Some("0.100000000000000000000000000001"));
    let input = EchoInput::builder()
        .set_huge(output.huge.clone())
        .set_exact(output.exact.clone())
        .build();
    assert_eq!(
        wire::to_string(&input).unwrap(),
        r#"{"Huge":123456789012345678901234567890123,"Exact":0.100000000000000000000000000001}"#
    );
    assert!("12a".parse::<BigInteger>().is_err());
    assert!("1.5e".parse::<BigDecimal>().is_err());
    assert!(parse_error(r#"{"Huge": "12"}"#).contains("Huge"));
    assert!(parse_error(r#"{"Huge": 1.5}"#).contains("expected a whole number"));
}

#[test]
fn timestamps_read_offsets_fractions_and_http_dates() {
    let output = parse(json!({
        "Iso": "2019-12-16T22:48:18-01:00",
        "IsoByShape": "2019-12-17T00:48:18.000000001+01:00",
        "Http": "Mon, 16 Dec 2019 23:48:18.5 GMT"
    }));
    let instant = DateTime::from_secs(1576540098);
    assert_eq!(output.iso(), Some(&instant));
    assert_eq!(output.iso_by_shape(), Some(&DateTime::from_secs_and_nanos(1576540098, 1)));
    assert_eq!(output.http(), Some(&DateTime::from_secs_and_nanos(1576540098, 500_000_000)));
    let input = EchoInput::builder()
        .iso(instant)
        .http(DateTime::from_millis(-1))
        .epoch(DateTime::from_secs(-5))
        .build();
    assert_eq!(
        written(&input),
        json!({"Epoch": -5, "Iso": "2019-12-16T23:48:18Z", "Http": "Wed, 31 Dec 1969 23:59:59.999 GMT"})
    );
    for bad in [
        r#"{"Iso": "2019-02-29T00:00:00Z"}"#,
        r#"{"Iso": "2019-12-16 22:48:18Z"}"#,
        r#"{"Iso": "2019-12-16T24:00:00Z"}"#,
        r#"{"Iso": 1576540098}"#,
        r#"{"Http": "Xyz, 16 Dec 2019 23:48:18 GMT"}"#,
        r#"{"Http": "Mon, 16 Dec 2019 23:48:18 UTC"}"#,
        r#"{"Epoch": "2019-12-16T22:48:18Z"}"#,
    ] {
        let message = parse_error(bad);
        let member = bad.split('"').nth(1).expect("a member name");
        assert!(message.starts_with(&format!("{member}: ")), "{bad}: {message}");
        assert!(!message.contains("2019"), "the value must not be echoed: {message}");
    }
    // A year RFC 3339 cannot write is an error, not a wrong text.
    let far = EchoInput::builder().iso(DateTime::from_secs(400_000_000_000)).build();
    assert!(wire::to_value(&far).is_err());
}

#[test]
fn floats_accept_and_write_the_special_values() {
    let output = parse(json!({"Ratio": "-Infinity", "Precise": "NaN", "Scores": {"a": "Infinity"}}));
    assert_eq!(output.ratio(), Some(f32::NEG_INFINITY));
    assert!(output.precise().is_some_and(f64::is_nan));
    let input = EchoInput::builder()
        .ratio(f32::NAN)
        .precise(f64::INFINITY)
        .scores("a", 0.25f32)
        .floats(f64::NEG_INFINITY)
        .build();
    assert_eq!(
        written(&input),
        json!({"Ratio": "NaN", "Precise": "Infinity", "Floats": ["-Infinity"], "Scores": {"a": 0.25}})
    );
    assert!(parse_error(r#"{"Ratio": "nan"}"#).contains("Ratio"));
}

/// Equal bits, or both NaN (a NaN's payload is not kept: it travels as "NaN").
fn same_float(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

#[test]
fn any_float_round_trips_bit_for_bit() {
    // A fixed pseudo-random sweep of bit patterns (xorshift), after the edge cases.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let edges = [
        0.0,
        -0.0,
        5e-324,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        f64::MAX,
        f64::MIN,
        1e23,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    let mut values: Vec<(f32, f64)> = edges.iter().map(|&x| (x as f32, x)).collect();
    values.extend((0..20_000).map(|_| (f32::from_bits(next() as u32), f64::from_bits(next()))));
    for (single, double) in values {
        let input = EchoInput::builder()
            .ratio(single)
            .precise(double)
            .floats(double)
            .scores("k", single)
            .build();
        let json = wire::to_string(&input).expect("serializes");
        let output: EchoOutput = wire::from_str(&json).expect("reads back");
        let read = [
            (output.ratio().map(f64::from), f64::from(single)),
            (output.precise(), double),
            (output.floats().first().copied(), double),
            (
                output.scores().and_then(|m| m.get("k")).copied().map(f64::from),
                f64::from(single),
            ),
        ];
        for (got, sent) in read {
            assert!(
                got.is_some_and(|got| same_float(got, sent)),
                "{sent:e} came back as {got:?} from {json}"
            );
        }
    }
}

#[test]
fn dense_collections_drop_nulls_and_sparse_ones_keep_them() {
    let output = parse(json!({
        "Names": ["a", null, "b"], "SparseNames": [null, "x"],
        "Scores": {"a": null, "b": 2}, "SparseScores": {"a": null}
    }));
    assert_eq!(output.names(), &["a".to_owned(), "b".to_owned()]);
    assert_eq!(output.sparse_names(), &[None, Some("x".to_owned())]);
    assert_eq!(output.scores().map(HashMap::len), Some(1));
    assert_eq!(output.sparse_scores().map(|m| m["a"]), Some(None));
    let input = EchoInput::builder()
        .sparse_names(None)
        .sparse_scores("k", None)
        .build();
    assert_eq!(written(&input), json!({"SparseNames": [null], "SparseScores": {"k": null}}));
}

#[test]
fn documents_are_any_json() {
    let document = json!({"list": [1, -1, 1.5, "s", false, null], "nested": {"deep": {}}});
    let output = parse(json!({ "Anything": document }));
    let Some(Document::Object(entries)) = output.anything() else {
        panic!("an object: {:?}", output.anything());
    };
    let Document::Array(items) = &entries["list"] else {
        panic!("a list");
    };
    assert_eq!(items[0], Document::Number(Number::PosInt(1)));
    assert_eq!(items[1], Document::Number(Number::NegInt(-1)));
    assert_eq!(items[2], Document::Number(Number::Float(1.5)));
    let input = EchoInput::builder().set_anything(output.anything.clone()).build();
    assert_eq!(written(&input), json!({ "Anything": document }));
}

#[test]
fn int_enums_keep_values_they_do_not_know() {
    assert_eq!(Level::from(-1), Level::BelowZero);
    assert_eq!(Level::values(), &[1, 2, -1]);
    let output = parse(json!({"Level": 42}));
    let level = output.level().expect("set");
    assert_eq!(level.value(), 42);
    assert!(Level::try_parse(42).is_err());
    assert_eq!(level.to_string(), "42");
    assert_eq!(written(&EchoInput::builder().level(level).build()), json!({"Level": 42}));
    assert!(parse_error(r#"{"Level": "HIGH"}"#).contains("Level"));
}

#[test]
fn unions_hold_one_member() {
    // `__type` is ignored; an unknown member is `Unknown`, which cannot be sent back.
    let output = parse(json!({"Shape": {"__type": "example.kinds#Shape", "Label": "x"}}));
    assert_eq!(output.shape().and_then(|s| s.as_label().ok()).map(String::as_str), Some("x"));
    let output = parse(json!({"Shape": {"Hexagon": {"Side": 1}}}));
    let shape = output.shape().expect("set");
    assert!(shape.is_unknown());
    let error = wire::to_value(&EchoInput::builder().shape(shape.clone()).build()).unwrap_err();
    assert!(error.to_string().contains("`Unknown` member cannot be sent"), "{error}");

    assert!(parse_error(r#"{"Shape": {"Label": "a", "type": 1}}"#).contains("more than one member"));
    assert!(parse_error(r#"{"Shape": {}}"#).contains("no member"));
    // A null member is not set.
    let output = parse(json!({"Shape": {"Label": null, "type": 3}}));
    assert_eq!(output.shape().and_then(|s| s.as_type().ok()), Some(&3));

    // Recursive through a structure, and written back.
    let inner = Shape::Group(Group::builder().inner(Shape::Empty).build());
    let input = EchoInput::builder().shape(Shape::Group(Group::builder().inner(inner).build())).build();
    assert_eq!(written(&input), json!({"Shape": {"Group": {"Inner": {"Group": {"Inner": {"Empty": {}}}}}}}));

    // Sensitive members are redacted in `Debug`.
    let secret = format!("{:?}", Shape::Secret("hunter2".to_owned()));
    assert!(!secret.contains("hunter2"), "{secret}");
}

#[test]
fn unions_nest_only_as_deep_as_the_limit() {
    let mut body = String::from(r#"{"Shape": "#);
    for _ in 0..200 {
        body.push_str(r#"{"Group": {"Inner": "#);
    }
    body.push_str(r#"{"Empty": {}}"#);
    for _ in 0..200 {
        body.push_str("}}");
    }
    body.push('}');
    assert!(parse_error(&body).contains("nest"), "{}", parse_error(&body));
}

#[test]
fn mixin_members_come_first_and_keep_local_traits() {
    let input = EchoInput::builder().revision(1).created_by("me").count(2).build();
    let text = wire::to_string(&input).unwrap();
    assert_eq!(text, r#"{"CreatedBy":"me","Revision":1,"Count":2}"#);
    let _: Option<&Color> = input.color();
    let _: Option<&Blob> = input.blob();
}

/// The `serde` feature: serde's form of every type is its wire form.
#[cfg(feature = "serde")]
mod serde_form {
    use super::*;

    #[test]
    fn serde_writes_and_reads_every_member_as_the_wire_does() {
        let body = every_member();
        let output = parse(body.clone());
        assert_eq!(serde_json::to_value(&output).unwrap(), body);
        let read: EchoOutput = serde_json::from_value(body.clone()).unwrap();
        // Compared in the wire form: the NaN members make `==` false.
        assert_eq!(wire::to_value(&read).unwrap(), wire::to_value(&output).unwrap());
        assert_eq!(serde_json::to_value(&read).unwrap(), body);
        // The input too, with its `jsonName` ignored as on the awsJson wire.
        let input: EchoInput = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(input.text(), Some("t"));
        assert_eq!(serde_json::to_value(&input).unwrap(), written(&input));
    }

    #[test]
    fn timestamps_follow_their_format_and_blobs_are_base64() {
        let output: EchoOutput = serde_json::from_value(json!({
            "Epoch": -5, "Iso": "2019-12-16T22:48:18-01:00",
            "Http": "Wed, 31 Dec 1969 23:59:59.999 GMT", "IsoByShape": "2000-01-02T20:34:56Z",
            "Blob": "AAEC/w=="
        }))
        .unwrap();
        assert_eq!(output.epoch(), Some(&DateTime::from_secs(-5)));
        assert_eq!(output.iso(), Some(&DateTime::from_secs(1576540098)));
        assert_eq!(output.http(), Some(&DateTime::from_millis(-1)));
        assert_eq!(output.blob().map(|b| b.as_ref()), Some(&[0u8, 1, 2, 255][..]));
        assert_eq!(
            serde_json::to_value(&output).unwrap(),
            json!({
                "Epoch": -5, "Iso": "2019-12-16T23:48:18Z",
                "Http": "Wed, 31 Dec 1969 23:59:59.999 GMT", "IsoByShape": "2000-01-02T20:34:56Z",
                "Blob": "AAEC/w==", "DefaultLevel": 2
            })
        );
        for bad in [
            json!({"Iso": 1576540098}),
            json!({"Http": "2019-12-16T22:48:18Z"}),
            json!({"Epoch": "2019-12-16T22:48:18Z"}),
            json!({"Blob": "no base64!"}),
        ] {
            assert!(serde_json::from_value::<EchoOutput>(bad.clone()).is_err(), "{bad}");
        }
        let far = EchoInput::builder().iso(DateTime::from_secs(400_000_000_000)).build();
        assert!(serde_json::to_value(&far).is_err());
    }

    #[test]
    fn unknown_enum_values_round_trip() {
        let output: EchoOutput = serde_json::from_value(json!({"Color": "purple", "Level": 42})).unwrap();
        assert_eq!(output.color().map(Color::as_str), Some("purple"));
        assert_eq!(output.level().map(|l| l.value()), Some(42));
        assert_eq!(serde_json::to_value(&output).unwrap(), json!({"Color": "purple", "Level": 42, "DefaultLevel": 2}));
        let color: Color = serde_json::from_str(r#""red""#).unwrap();
        assert_eq!(color, Color::Red);
        assert_eq!(serde_json::to_string(&Color::from("teal")).unwrap(), r#""teal""#);
        assert_eq!(serde_json::from_str::<Level>("-1").unwrap(), Level::BelowZero);
        assert_eq!(serde_json::to_string(&Level::from(7)).unwrap(), "7");
    }

    #[test]
    fn unions_are_single_key_objects() {
        for body in [
            json!({"Circle": {"Radius": 2.5}}),
            json!({"Label": "l"}),
            json!({"Empty": {}}),
            json!({"type": 7}),
            json!({"Points": [1.5, "NaN"]}),
            json!({"Group": {"Inner": {"Group": {"Inner": {"Empty": {}}}}}}),
        ] {
            let shape: Shape = serde_json::from_value(body.clone()).unwrap();
            assert_eq!(serde_json::to_value(&shape).unwrap(), body);
            let input = EchoInput::builder().shape(shape).build();
            assert_eq!(written(&input), json!({ "Shape": body }));
        }
        // As on the wire: `__type` and null members ignored, an unknown member is
        // `Unknown` (which cannot be written), two members or none are errors.
        let shape: Shape = serde_json::from_value(json!({"__type": "x", "Label": "l", "Circle": null})).unwrap();
        assert_eq!(shape, Shape::Label("l".to_owned()));
        let unknown: Shape = serde_json::from_value(json!({"Square": {"Side": 1}})).unwrap();
        assert!(unknown.is_unknown());
        assert!(serde_json::to_value(&unknown).is_err());
        assert!(serde_json::from_value::<Shape>(json!({"Label": "l", "type": 1})).is_err());
        assert!(serde_json::from_value::<Shape>(json!({})).is_err());
    }

    #[test]
    fn nulls_unknown_and_missing_members_read_as_on_the_wire() {
        let body = json!({"Text": null, "Unknown": [1, {"a": null}], "Shape": {"Circle": {}}, "DefaultLevel": null});
        let read: EchoOutput = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(read, parse(body));
        assert_eq!(read.text(), None);
        // A required member's `null` is its default, as on the wire.
        assert_eq!(read.default_level(), Level::High);
        assert_eq!(read.shape().and_then(|s| s.as_circle().ok()).map(Circle::radius), Some(0.0));
        // Dense collections drop nulls, sparse ones keep them.
        let read: EchoOutput = serde_json::from_value(json!({
            "Names": ["a", null], "SparseNames": ["a", null],
            "Scores": {"x": null}, "SparseScores": {"x": null}
        }))
        .unwrap();
        assert_eq!(read.names(), &["a".to_owned()]);
        assert_eq!(read.sparse_names(), &[Some("a".to_owned()), None]);
        assert_eq!(read.scores().map(HashMap::len), Some(0));
        assert_eq!(read.sparse_scores().and_then(|m| m.get("x")), Some(&None));
    }

    #[test]
    fn big_numbers_and_documents_keep_their_values() {
        let output: EchoOutput = serde_json::from_value(json!({
            "Huge": "123456789012345678901234567890123", "Exact": 0.25,
            "Anything": {"n": [18446744073709551615_u64, -3, 0.5, null, {"s": "x"}]}
        }))
        .unwrap();
        assert_eq!(output.huge().map(BigInteger::as_str), Some("123456789012345678901234567890123"));
        assert_eq!(output.exact().map(BigDecimal::as_str), Some("0.25"));
        let Some(Document::Object(anything)) = output.anything() else {
            panic!("an object: {:?}", output.anything());
        };
        let Some(Document::Array(items)) = anything.get("n") else {
            panic!("an array");
        };
        assert_eq!(items[0], Document::Number(Number::PosInt(u64::MAX)));
        assert_eq!(items[1], Document::Number(Number::NegInt(-3)));
        // Too big for serde's numbers: the text, as a string.
        assert_eq!(
            serde_json::to_value(&output).unwrap(),
            json!({
                "Huge": "123456789012345678901234567890123", "Exact": 0.25,
                "Anything": {"n": [18446744073709551615_u64, -3, 0.5, null, {"s": "x"}]},
                "DefaultLevel": 2
            })
        );
    }
}
