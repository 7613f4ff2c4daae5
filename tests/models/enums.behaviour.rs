//! Enums: known values map to their variants, unknown values are kept, awkward names are
//! renamed predictably.

use std::str::FromStr;

use synthetic_enums::types::{Awkward, Size};

#[test]
fn known_values_never_become_unknown() {
    for value in Size::values() {
        let parsed = Size::from(*value);
        assert_eq!(parsed.as_str(), *value);
        assert!(Size::try_parse(value).is_ok(), "{value}");
    }
    assert_eq!(Size::from("small"), Size::Small);
    assert_eq!(Size::from("large-2"), Size::Large2);
    assert_eq!(Size::values(), &["small", "medium", "large-2"]);
}

#[test]
fn unknown_values_round_trip() {
    let value = Size::from("gigantic");
    assert_eq!(value.as_str(), "gigantic");
    assert_eq!(value.to_string(), "gigantic");
    assert_eq!(Size::from_str("gigantic").map(|v| v.as_str().to_owned()), Ok("gigantic".to_owned()));
    let error = Size::try_parse("gigantic").unwrap_err();
    assert_eq!(error.value(), "gigantic");
    assert!(!matches!(value, Size::Small | Size::Medium | Size::Large2));
    // Case matters: "SMALL" is not "small".
    assert_eq!(Size::from("SMALL").as_str(), "SMALL");
    assert_ne!(Size::from("SMALL"), Size::Small);
}

#[test]
fn awkward_names_get_predictable_variants() {
    assert_eq!(Awkward::from("Unknown"), Awkward::UnknownValue);
    assert_eq!(Awkward::from("Self"), Awkward::SelfValue);
    assert_eq!(Awkward::from("1GB"), Awkward::OneGb);
    assert_eq!(Awkward::from("A-B"), Awkward::AB);
    assert_eq!(Awkward::from("a-b"), Awkward::AB2);
    assert_eq!(Awkward::from(""), Awkward::Empty);
    assert_eq!(Awkward::from("NO_VALUE_TRAIT"), Awkward::NoValueTrait);
    assert_eq!(Awkward::UnknownValue.as_str(), "Unknown");
}
