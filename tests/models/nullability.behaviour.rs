//! Smithy 2.0 nullability: input members are optional but required ones are checked by
//! the builder; `@required` or a default make a plain value; `@clientOptional` wins.

use synthetic_nullability::operation::configure::{ConfigureInput, ConfigureOutput};
use synthetic_nullability::types::{Mode, Settings};

/// The crate's JSON wire form (`synthetic_nullability::json`) in serde_json's terms.
mod wire {
    use serde_json::Value;
    use synthetic_nullability::error::{ParseError, SerializeError};
    use synthetic_nullability::json::{self, FromJson, ToJson};

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

#[test]
fn an_input_builder_names_the_missing_required_member() {
    let error = ConfigureInput::builder().note("n").build().unwrap_err();
    assert_eq!(error.field(), "name");
    assert!(error.to_string().contains("`name`"), "{error}");
    let input = ConfigureInput::builder().name("x").build().unwrap();
    assert_eq!(input.name(), Some("x"));
    // Input members stay optional even with a default: unset means "not sent".
    assert_eq!(input.retries(), None);
}

#[test]
fn defaults_fill_unset_members() {
    let settings = Settings::builder().id("id").label("l").items("a").build().unwrap();
    assert!(!settings.enabled);
    assert_eq!(settings.size, 10);
    assert_eq!(settings.ratio, 0.5);
    assert_eq!(settings.mode, Mode::Fast);
    assert!(settings.tags.is_empty());
    assert_eq!(settings.title, "untitled");
    assert_eq!(settings.overridden, None, "clientOptional beats the default");
    assert_eq!(settings.comment, None);
    assert_eq!(settings.items(), ["a"]);
}

#[test]
fn required_members_are_checked_even_when_client_optional() {
    let missing_label = Settings::builder().id("id").items("a").build().unwrap_err();
    assert_eq!(missing_label.field(), "label");
    let missing_id = Settings::builder().label("l").items("a").build().unwrap_err();
    assert_eq!(missing_id.field(), "id");
    let missing_items = Settings::builder().id("id").label("l").build().unwrap_err();
    assert_eq!(missing_items.field(), "items");
    let output = ConfigureOutput::builder().build().unwrap_err();
    assert_eq!(output.field(), "settings");
}

#[test]
fn service_wide_errors_are_generated() {
    let error = synthetic_nullability::types::error::Throttled::builder().message("slow down").build();
    assert_eq!(error.message(), Some("slow down"));
}

#[test]
fn a_response_missing_required_members_gets_zero_values_and_defaults() {
    // Smithy client error correction: a required member the service left out is filled
    // with its zero value, a defaulted one with its default; clientOptional stays None.
    let output: ConfigureOutput = wire::from_str(r#"{"Settings": {}}"#).unwrap();
    let settings = output.settings();
    assert_eq!(settings.id, "");
    assert_eq!(settings.label, None);
    assert!(!settings.enabled);
    assert_eq!(settings.size, 10);
    assert_eq!(settings.mode, Mode::Fast);
    assert_eq!(settings.title, "untitled");
    assert!(settings.items.is_empty());

    let output: ConfigureOutput = wire::from_str("{}").unwrap();
    assert_eq!(output.settings().id, "");
}

#[test]
fn present_members_win_over_defaults_and_null_reads_as_absent() {
    let output: ConfigureOutput = wire::from_str(
        r#"{"Settings": {"Id": "a", "Label": null, "Enabled": true, "Size": 7, "Mode": "slow",
            "Title": null, "Items": ["x"], "Unknown": {"deep": [1, 2]}}}"#,
    )
    .unwrap();
    let settings = output.settings();
    assert_eq!(settings.id, "a");
    assert_eq!(settings.label, None);
    assert!(settings.enabled);
    assert_eq!(settings.size, 7);
    assert_eq!(settings.mode, Mode::Slow);
    assert_eq!(settings.title, "untitled", "null is absent, so the default applies");
    assert_eq!(settings.items(), ["x"]);
}

#[test]
fn non_optional_members_are_always_serialized_and_unset_optional_ones_never() {
    let settings = Settings::builder().id("id").label("l").items("a").build().unwrap();
    let json = wire::to_value(&settings).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "Id": "id", "Label": "l", "Enabled": false, "Size": 10, "Ratio": 0.5, "Mode": "fast",
            "Tags": [], "Title": "untitled", "Items": ["a"]
        })
    );
    let input = ConfigureInput::builder().name("n").build().unwrap();
    assert_eq!(wire::to_string(&input).unwrap(), r#"{"Name":"n"}"#);
}
