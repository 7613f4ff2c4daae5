//! Keywords, reserved names and snake_case collisions produce usable, predictable names.

use synthetic_names::operation::rename::{RenameInput, RenameOutput};
use synthetic_names::types::Type;

#[test]
fn keyword_and_reserved_members_are_renamed() {
    let input = RenameInput::builder()
        .r#type("t")
        .self_("s")
        .r#match(3)
        .unknown("u")
        .build_value("b")
        .builder_value("bb")
        .default_value(true)
        .nested(Type::builder().value("v").build())
        .build();
    assert_eq!(input.r#type(), Some("t"));
    assert_eq!(input.self_(), Some("s"));
    assert_eq!(input.r#match(), Some(3));
    assert_eq!(input.unknown(), Some("u"));
    assert_eq!(input.build_value(), Some("b"));
    assert_eq!(input.builder_value(), Some("bb"));
    assert_eq!(input.default_value(), Some(true));
    assert_eq!(input.nested().and_then(Type::value), Some("v"));
    let debug = format!("{input:?}");
    assert!(debug.contains("type: Some(\"t\")"), "{debug}");
}

#[test]
fn colliding_members_get_suffixes_in_name_order() {
    // `FooBar` < `fooBar` < `foo_bar`: the first keeps the plain name.
    let input = RenameInput::builder().foo_bar("FooBar").foo_bar_2("fooBar").foo_bar_3("foo_bar").build();
    assert_eq!(input.foo_bar(), Some("FooBar"));
    assert_eq!(input.foo_bar_2(), Some("fooBar"));
    assert_eq!(input.foo_bar_3(), Some("foo_bar"));
}

#[test]
fn a_unit_output_is_an_empty_structure() {
    let output = RenameOutput::builder().build();
    assert_eq!(format!("{output:?}"), "RenameOutput");
}
