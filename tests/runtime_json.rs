//! The runtime's JSON reader and writer on their own (the `smithy-json-runtime` crate,
//! whose files every generated crate gets), against serde_json: the same documents
//! accepted and refused, the same strings and numbers read, and written text that
//! serde_json reads back to the same values.

use proptest::prelude::*;
use serde_json::Value;
use smithy_json_runtime::json::{Found, ReadResult, Reader, Writer};

/// Reads any value into a serde_json `Value` through the reader (the way a generated
/// deserializer walks a body), so results compare with serde_json's own reading.
fn read_value(reader: &mut Reader<'_>) -> ReadResult<Value> {
    Ok(match reader.found() {
        Found::Object => {
            let mut entries = reader.begin_object()?;
            let mut map = serde_json::Map::new();
            while let Some(key) = reader.next_key(&mut entries)? {
                let value = read_value(reader)?;
                map.insert(key.into_owned(), value);
            }
            Value::Object(map)
        }
        Found::List => {
            let mut items = reader.begin_array()?;
            let mut list = Vec::new();
            while reader.next_item(&mut items)? {
                list.push(read_value(reader)?);
            }
            Value::Array(list)
        }
        Found::String => Value::String(reader.string()?),
        Found::Boolean => Value::Bool(reader.bool()?),
        Found::Null => {
            reader.null()?;
            Value::Null
        }
        Found::Number => {
            let (text, integer) = reader.number_text()?;
            // serde_json's rule: an integer is `i64` or `u64` when it fits, `-0` a float.
            let number = match integer && text != "-0" {
                true => (text.parse::<i64>().map(Into::into).ok())
                    .or_else(|| text.parse::<u64>().map(Into::into).ok()),
                false => None,
            };
            match number {
                Some(number) => Value::Number(number),
                None => {
                    let float: f64 = text.parse().expect("the grammar was checked");
                    serde_json::Number::from_f64(float).map_or(Value::Null, Value::Number)
                }
            }
        }
        Found::End | Found::Other => return Err(reader.expected("a value")),
    })
}

fn read_all(text: &str) -> ReadResult<Value> {
    let mut reader = Reader::new(text);
    let value = read_value(&mut reader)?;
    reader.end()?;
    Ok(value)
}

fn skip_all(text: &str) -> ReadResult<()> {
    let mut reader = Reader::new(text);
    reader.skip()?;
    reader.end()
}

/// Documents both readers must accept, and read to the same value.
const VALID: &[&str] = &[
    "{}",
    "[]",
    " { \"a\" : [ 1 , -2 , 3.5e-3 , true , false , null ] } ",
    r#"{"nested":{"deeper":[{"x":"y"}],"empty":{},"list":[]}}"#,
    r#""plain""#,
    r#""escapes \" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00 end""#,
    r#""\u0000 control escaped""#,
    "0",
    "-0",
    "123456789012345678",
    "1.5E+10",
    "1e400",
    "\"non-ascii: żółw 🐢\"",
    "\n\t\r [ \"whitespace of every kind\" ]\n",
    // Keys: the fast form (`"key": `, `"key":`) and each way off it.
    "{\"a\": 1, \"b\":2, \"c\":  3, \"d\": \n4, \"e\" :5, \"f\"\t:\t6}",
    "{\"esc\\u0061ped\": 1, \"quote \\\" in\": 2}",
    "{\n \"pretty\": {\n  \"nested\": [\n   1\n  ]\n }\n}",
    // Line breaks: indentation under sixteen spaces, of sixteen and more, other
    // whitespace after the indentation, and near the end of the text.
    "[\n                1,\n                     2,\n   \n\t  3,\n  \r\n4,\n\n5\n]",
    "[\n 1,\n  2\n]\n",
];

/// Documents both must refuse.
const INVALID: &[&str] = &[
    "",
    "{",
    "{\"a\"}",
    "{\"a\":1,}",
    "[1,]",
    "[1 2]",
    "{\"a\" 1}",
    "{1:2}",
    "01",
    "1.",
    ".5",
    "-",
    "1e",
    "+1",
    "tru",
    "nul",
    "\"unterminated",
    "\"bad escape \\x\"",
    "\"lone surrogate \\ud800\"",
    "\"reversed pair \\udc00\\ud800\"",
    "\"short \\u12\"",
    "\"raw control \u{1}\"",
    "{\"raw control \u{1} in a key\": 1}",
    "{\"a\":",
    "{\"a\": ",
    "{\"a\":}",
    "[1] trailing",
    "{} {}",
    "NaN",
];

#[test]
fn accepts_and_reads_what_serde_json_does() {
    for text in VALID {
        let expected: Value = serde_json::from_str(text)
            .or_else(|_| Ok::<_, ()>(Value::Null))
            .unwrap();
        if text.contains("1e400") {
            // serde_json refuses a float beyond f64; the reader reads it as infinity,
            // which a generated float member then keeps (skipping ignores it).
            assert!(skip_all(text).is_ok());
            continue;
        }
        assert_eq!(read_all(text), Ok(expected), "{text}");
        assert_eq!(skip_all(text), Ok(()), "{text}");
    }
}

#[test]
fn refuses_what_serde_json_refuses() {
    for text in INVALID {
        assert!(
            serde_json::from_str::<Value>(text).is_err(),
            "serde_json: {text}"
        );
        assert!(read_all(text).is_err(), "read: {text}");
        assert!(skip_all(text).is_err(), "skip: {text}");
    }
}

#[test]
fn nesting_is_bounded_when_read_and_not_when_skipped() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(read_all(&deep(128)).is_ok());
    let error = read_all(&deep(129)).unwrap_err();
    assert!(
        error.detail().contains("nested deeper than 128"),
        "{error:?}"
    );
    // Skipping walks any depth without recursion; broken nesting is still an error.
    assert_eq!(skip_all(&deep(100_000)), Ok(()));
    let unbalanced = format!("{}{}", "[".repeat(1000), "]".repeat(999));
    assert!(skip_all(&unbalanced).is_err());
    let mismatched = format!("{}{}", "[{\"a\":".repeat(500), "1}]".repeat(499) + "1]}");
    assert!(skip_all(&mismatched).is_err());
}

#[test]
fn structures_nest_only_as_deep_as_the_limit() {
    let text = format!(
        "{}{}",
        "{\"a\":".repeat(30),
        "{}".to_owned() + &"}".repeat(30)
    );
    let mut reader = Reader::new(&text);
    let mut levels = 0;
    let error = loop {
        match reader.begin_structure("Nested") {
            Ok(mut entries) => {
                levels += 1;
                reader.next_key(&mut entries).unwrap();
            }
            Err(error) => break error,
        }
    };
    assert_eq!(levels, 24);
    assert_eq!(error.detail(), "nested deeper than 24 structures");
}

#[test]
fn errors_say_what_was_expected_and_found_and_where() {
    let text = "{\n  \"a\": \"text\"\n}";
    let mut reader = Reader::new(text);
    let mut entries = reader.begin_object().unwrap();
    reader.next_key(&mut entries).unwrap();
    let error = reader
        .integer::<i32>()
        .unwrap_err()
        .in_member("A")
        .in_member("Outer");
    assert_eq!(error.detail(), "expected integer, found string");
    assert_eq!(error.path(), "Outer.A");
    assert_eq!(error.line_column(text), (2, 8));

    let mut reader = Reader::new("3000000000");
    assert_eq!(
        reader.integer::<i32>().unwrap_err().detail(),
        "integer out of range"
    );
    let mut reader = Reader::new("1.5");
    assert!(reader
        .integer::<i64>()
        .unwrap_err()
        .detail()
        .contains("fraction"));
    let mut reader = Reader::new("\"secret-value\"");
    let error = reader.bool().unwrap_err();
    assert!(!format!("{error:?}").contains("secret"), "{error:?}");
}

/// Each integer width reads exactly what the number grammar and `str::parse` give: the
/// one-pass path for short integers and the checked path for the rest agree.
#[test]
fn integers_read_as_their_text_parses() {
    fn integer<T: std::str::FromStr + TryFrom<i64>>(text: &str) -> Option<T> {
        let mut reader = Reader::new(text);
        let value = reader.integer::<T>().ok()?;
        reader.end().ok().map(|()| value)
    }
    let cases = [
        "0",
        "-0",
        "7",
        "-7",
        "127",
        "128",
        "-128",
        "-129",
        "32767",
        "32768",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "999999999999999999",
        "1000000000000000000",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "00",
        "01",
        "-01",
        "-",
        "1.0",
        "1e2",
        "1E2",
        "-1.5",
        " 42 ",
        "12345678901234567890123",
        "9230000000000000000", // 19 digits over i64::MAX: once overflowed the one-pass path
    ];
    for text in cases {
        // JSON, and an integer (serde_json reads `-0` as a float: the text decides).
        let grammar =
            serde_json::from_str::<Value>(text).is_ok() && !text.contains(['.', 'e', 'E']);
        macro_rules! each_width {
            ($($ty:ty),*) => {$(
                assert_eq!(
                    integer::<$ty>(text),
                    text.trim().parse().ok().filter(|_| grammar),
                    "{} {text}",
                    stringify!($ty)
                );
            )*};
        }
        each_width!(i8, i16, i32, i64);
    }
}

#[test]
fn keys_without_escapes_are_borrowed() {
    let mut reader = Reader::new(r#"{"Plain":1,"Esc\u0061ped":2}"#);
    let mut entries = reader.begin_object().unwrap();
    let key = reader.next_key(&mut entries).unwrap().unwrap();
    assert!(matches!(key, std::borrow::Cow::Borrowed("Plain")));
    reader.skip().unwrap();
    let key = reader.next_key(&mut entries).unwrap().unwrap();
    assert!(matches!(key, std::borrow::Cow::Owned(ref k) if k == "Escaped"));
}

#[test]
fn the_fixtures_read_as_serde_json_reads_them() {
    let Some(fixtures) = codegen_tests::shared("fixtures") else {
        return; // `shared` said why
    };
    let entries = std::fs::read_dir(&fixtures).expect("the fixtures folder reads");
    let mut read = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let expected: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read_all(&text), Ok(expected), "{}", path.display());
        assert_eq!(skip_all(&text), Ok(()));
        read += 1;
    }
    assert!(read >= 4, "{read} fixtures");
}

/// Writes a serde_json value through the writer.
fn write_value(writer: &mut Writer, value: &Value) {
    match value {
        Value::Null => writer.null(),
        Value::Bool(b) => writer.bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => writer.i64(i),
            None => writer.f64(n.as_f64().unwrap()),
        },
        Value::String(s) => writer.string(s),
        Value::Array(items) => {
            writer.begin_array();
            for item in items {
                write_value(writer, item);
            }
            writer.end_array();
        }
        Value::Object(entries) => {
            writer.begin_object();
            for (key, item) in entries {
                writer.key(key);
                write_value(writer, item);
            }
            writer.end_object();
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[\\x00-\\x1f\"\\\\/a-z\u{80}-\u{10ffff}]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Written text is JSON that serde_json reads back to the value written, and the
    /// reader reads it back the same; serde_json's own text reads the same through the
    /// reader.
    #[test]
    fn values_round_trip(value in json_value()) {
        let mut writer = Writer::new();
        write_value(&mut writer, &value);
        let text = String::from_utf8(writer.into_bytes()).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &value);
        prop_assert_eq!(read_all(&text), Ok(value.clone()));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(read_all(&pretty), Ok(value));
    }

    /// Any `i64`, and any digits: read as an integer, the same value as `str::parse`.
    #[test]
    fn integers_match_parse(n in any::<i64>(), digits in "-?[0-9]{1,22}") {
        let text = n.to_string();
        let mut reader = Reader::new(&text);
        prop_assert_eq!(reader.integer::<i64>(), Ok(n));
        let mut reader = Reader::new(&digits);
        let leading_zero = digits.trim_start_matches('-').len() > 1
            && digits.trim_start_matches('-').starts_with('0');
        let expected = digits.parse::<i32>().ok().filter(|_| !leading_zero);
        prop_assert_eq!(reader.integer::<i32>().ok(), expected);
    }

    /// Any text: the reader accepts exactly what serde_json accepts (outside numbers
    /// beyond f64, which serde_json refuses and the reader rounds).
    #[test]
    fn acceptance_matches_serde_json(text in "[\\[\\]{}\",:0-9eE.+\\-tfnrulasx\\\\ \n]{0,24}") {
        let ours = skip_all(&text).is_ok();
        let theirs = serde_json::from_str::<Value>(&text).is_ok();
        if ours != theirs {
            // The one difference: a number beyond f64, which serde_json refuses.
            prop_assert!(ours && text.contains(['e', 'E']), "{:?}: ours {} serde_json {}", text, ours, theirs);
        }
    }
}
