//! Validate and index: add the `smithy.api#` prelude, apply [mixins](crate::model::mixins), then
//! check the whole model before anything is generated: shape IDs and member names are
//! well formed, every target resolves, members target the kinds their container allows, and the traits the
//! generator reads have the JSON type the Smithy specification gives them.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::ast::{trait_id, Aggregate, Shape, Simple, Traits};
use crate::model::load::Model;

/// The prelude namespace.
pub const PRELUDE: &str = "smithy.api";

/// Adds the prelude shapes the model does not define itself, applies mixins, then
/// validates.
pub fn validate(mut model: Model) -> Result<Model> {
    add_prelude(&mut model);
    crate::model::mixins::apply(&mut model)?;
    // Trait types first, so a trait of the wrong type is reported as such rather than
    // as a problem of a shape that refers to the one carrying it.
    for (id, shape) in &model.shapes {
        check_shape_traits(id, shape).map_err(|e| model.locate(e.with_shape(id)))?;
    }
    for (id, shape) in &model.shapes {
        check_shape(&model, id, shape).map_err(|e| model.locate(e.with_shape(id)))?;
    }
    Ok(model)
}

/// The JSON types of the shape's traits and its members' traits.
fn check_shape_traits(id: &str, shape: &Shape) -> Result<()> {
    check_traits(shape.traits()).map_err(|e| e.with_json_path(format!("shapes.{id}.traits")))?;
    for (name, member) in shape.members() {
        check_traits(&member.traits)
            .map_err(|e| e.with_json_path(format!("shapes.{id}.members.{name}.traits")))?;
    }
    Ok(())
}

/// The prelude's simple shapes: (name, kind, has a zero default).
const PRELUDE_SHAPES: &[(&str, &str, bool)] = &[
    ("String", "string", false),
    ("Blob", "blob", false),
    ("BigInteger", "bigInteger", false),
    ("BigDecimal", "bigDecimal", false),
    ("Timestamp", "timestamp", false),
    ("Document", "document", false),
    ("Boolean", "boolean", false),
    ("PrimitiveBoolean", "boolean", true),
    ("Byte", "byte", false),
    ("PrimitiveByte", "byte", true),
    ("Short", "short", false),
    ("PrimitiveShort", "short", true),
    ("Integer", "integer", false),
    ("PrimitiveInteger", "integer", true),
    ("Long", "long", false),
    ("PrimitiveLong", "long", true),
    ("Float", "float", false),
    ("PrimitiveFloat", "float", true),
    ("Double", "double", false),
    ("PrimitiveDouble", "double", true),
];

fn add_prelude(model: &mut Model) {
    for &(name, kind, zero_default) in PRELUDE_SHAPES {
        let mut traits = Traits::default();
        if zero_default {
            let zero = if kind == "boolean" {
                Value::Bool(false)
            } else {
                Value::from(0)
            };
            traits.0 .0.push((trait_id::DEFAULT.to_owned(), zero));
        }
        let simple = Simple {
            traits,
            mixins: Vec::new(),
        };
        let shape = match kind {
            "string" => Shape::String(simple),
            "blob" => Shape::Blob(simple),
            "bigInteger" => Shape::BigInteger(simple),
            "bigDecimal" => Shape::BigDecimal(simple),
            "timestamp" => Shape::Timestamp(simple),
            "document" => Shape::Document(simple),
            "boolean" => Shape::Boolean(simple),
            "byte" => Shape::Byte(simple),
            "short" => Shape::Short(simple),
            "integer" => Shape::Integer(simple),
            "long" => Shape::Long(simple),
            "float" => Shape::Float(simple),
            _ => Shape::Double(simple),
        };
        model
            .shapes
            .entry(format!("{PRELUDE}#{name}"))
            .or_insert(shape);
    }
    let mut unit = Aggregate::default();
    unit.traits.0 .0.push((
        "smithy.api#unitType".to_owned(),
        Value::Object(Default::default()),
    ));
    model
        .shapes
        .entry(format!("{PRELUDE}#Unit"))
        .or_insert(Shape::Structure(unit));
}

/// `namespace#Name`: dotted identifiers, `#`, an identifier.
pub fn check_shape_id(id: &str) -> Result<()> {
    let (namespace, name) = id.split_once('#').ok_or_else(|| {
        Error::new(format!(
            "`{id}` is not an absolute shape ID (namespace#Name)"
        ))
    })?;
    if namespace.split('.').all(is_identifier) && is_identifier(name) {
        Ok(())
    } else {
        Err(Error::new(format!("`{id}` is not a valid shape ID")))
    }
}

/// A Smithy identifier: a letter or `_`, then letters, digits and `_` (not only `_`).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    s.chars().any(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn check_shape(model: &Model, id: &str, shape: &Shape) -> Result<()> {
    check_shape_id(id)?;
    for mixin in shape.mixins() {
        resolve(model, &mixin.target)?;
    }
    for (name, member) in shape.members() {
        let path = format!("shapes.{id}.members.{name}");
        if !is_identifier(name) {
            return Err(
                Error::new(format!("member name `{name}` is not an identifier"))
                    .with_json_path(path),
            );
        }
        let target = resolve(model, &member.target)
            .map_err(|e| e.with_json_path(format!("{path}.target")))?;
        check_member_target(shape, name, &member.target, target, &member.traits)
            .map_err(|e| e.with_json_path(path))?;
    }
    match shape {
        Shape::Operation(op) => {
            for (role, target) in op
                .input
                .iter()
                .map(|t| ("input", t))
                .chain(op.output.iter().map(|t| ("output", t)))
            {
                let resolved = resolve(model, &target.target)?;
                if !matches!(resolved, Shape::Structure(_)) {
                    return Err(Error::new(format!(
                        "{role} `{}` is {}, not a structure",
                        target.target,
                        resolved.a_kind()
                    )));
                }
            }
            for error in &op.errors {
                let resolved = resolve(model, &error.target)?;
                if !matches!(resolved, Shape::Structure(s) if s.traits.error().is_some()) {
                    return Err(Error::new(format!(
                        "error `{}` is not a structure with the `error` trait",
                        error.target
                    )));
                }
            }
        }
        Shape::Service(service) => {
            for target in service
                .operations
                .iter()
                .chain(&service.resources)
                .chain(&service.errors)
            {
                resolve(model, &target.target)?;
            }
        }
        Shape::Resource(resource) => {
            for target in resource.all_operations().chain(&resource.resources) {
                resolve(model, &target.target)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The shape `target` names, or an error naming the dangling target.
pub fn resolve<'m>(model: &'m Model, target: &str) -> Result<&'m Shape> {
    model
        .shapes
        .get(target)
        .ok_or_else(|| Error::new(format!("target `{target}` does not exist in the model")))
}

fn check_member_target(
    container: &Shape,
    name: &str,
    target_id: &str,
    target: &Shape,
    traits: &Traits,
) -> Result<()> {
    let unit = format!("{PRELUDE}#Unit");
    match container {
        Shape::Enum(_) | Shape::IntEnum(_) => {
            if target_id != unit {
                return Err(Error::new(format!(
                    "enum member `{name}` must target smithy.api#Unit, not `{target_id}`"
                )));
            }
            if let (Shape::IntEnum(_), None) = (container, traits.enum_value()) {
                return Err(Error::new(format!(
                    "intEnum member `{name}` has no `smithy.api#enumValue`"
                )));
            }
            match (container, traits.enum_value()) {
                (Shape::Enum(_), Some(v)) if !v.is_string() => Err(Error::new(format!(
                    "enum member `{name}`: `smithy.api#enumValue` must be a string, found {v}"
                ))),
                (Shape::IntEnum(_), Some(v)) if !v.is_i64() => Err(Error::new(format!(
                    "intEnum member `{name}`: `smithy.api#enumValue` must be an integer, found {v}"
                ))),
                _ => Ok(()),
            }
        }
        _ => match target {
            Shape::Operation(_) | Shape::Service(_) | Shape::Resource(_) => {
                Err(Error::new(format!(
                    "member `{name}` targets `{target_id}`, {}; members must target data shapes",
                    target.a_kind()
                )))
            }
            Shape::Structure(_) if target_id == unit && !matches!(container, Shape::Union(_)) => {
                Err(Error::new(format!(
                    "member `{name}` targets smithy.api#Unit, which only union members may do"
                )))
            }
            _ => Ok(()),
        },
    }
}

/// Checks the JSON type of every trait the generator reads.
fn check_traits(traits: &Traits) -> Result<()> {
    for (id, value) in traits.iter() {
        if let Some(expected) = trait_type_mismatch(id, value) {
            return Err(Error::new(format!(
                "trait `{id}` must be {expected}, found {value}"
            )));
        }
    }
    Ok(())
}

/// What a known trait's value should be, when `value` is not that.
fn trait_type_mismatch(id: &str, value: &Value) -> Option<&'static str> {
    let (ok, expected) = match id {
        trait_id::DOCUMENTATION | trait_id::JSON_NAME | trait_id::TITLE | "smithy.api#pattern" => {
            (value.is_string(), "a string")
        }
        trait_id::REQUIRED
        | trait_id::CLIENT_OPTIONAL
        | trait_id::SENSITIVE
        | trait_id::IDEMPOTENCY_TOKEN
        | trait_id::INPUT
        | trait_id::OUTPUT
        | trait_id::SPARSE
        | trait_id::STREAMING
        | trait_id::DEPRECATED
        | trait_id::AWS_JSON_1_0
        | trait_id::AWS_JSON_1_1
        | trait_id::HOST_LABEL
        | trait_id::AWS_API_SERVICE => (value.is_object(), "an object"),
        trait_id::ENDPOINT => (
            value.get("hostPrefix").is_some_and(Value::is_string),
            "an object with a string `hostPrefix`",
        ),
        trait_id::REQUEST_COMPRESSION => (
            value
                .get("encodings")
                .and_then(Value::as_array)
                .is_some_and(|e| e.iter().all(Value::is_string)),
            "an object with a list of string `encodings`",
        ),
        trait_id::ERROR => (
            matches!(value.as_str(), Some("client" | "server")),
            "\"client\" or \"server\"",
        ),
        trait_id::ENUM_VALUE => (
            value.is_string() || value.is_i64(),
            "a string or an integer",
        ),
        trait_id::TIMESTAMP_FORMAT => (
            matches!(
                value.as_str(),
                Some("date-time" | "http-date" | "epoch-seconds")
            ),
            "one of \"date-time\", \"http-date\", \"epoch-seconds\"",
        ),
        // The Smithy spec: `length` takes `min` and/or `max`, non-negative whole numbers;
        // `range` takes `min` and/or `max`, any numbers (bigDecimal). Both may be empty.
        // Other keys (AWS models carry `"unit": "bytes"` on `length`) are not the
        // generator's business and pass.
        "smithy.api#length" => (
            bounds_are(value, |v| v.is_u64()),
            "an object whose `min` and `max`, when given, are non-negative whole numbers",
        ),
        "smithy.api#range" => (
            bounds_are(value, Value::is_number),
            "an object whose `min` and `max`, when given, are numbers",
        ),
        _ => (true, ""),
    };
    (!ok).then_some(expected)
}

/// Whether `value` is an object whose `min` and `max`, where present, pass `ok`.
fn bounds_are(value: &Value, ok: impl Fn(&Value) -> bool) -> bool {
    value
        .as_object()
        .is_some_and(|o| ["min", "max"].iter().all(|k| o.get(*k).map_or(true, &ok)))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::trait_type_mismatch;

    #[test]
    fn length_and_range_take_every_form_of_the_spec() {
        let cases = [
            ("smithy.api#length", json!({}), true),
            ("smithy.api#length", json!({"min": 1}), true),
            ("smithy.api#length", json!({"max": 8}), true),
            ("smithy.api#length", json!({"min": 0, "max": 8}), true),
            (
                "smithy.api#length",
                json!({"max": 8192, "unit": "bytes"}),
                true,
            ),
            ("smithy.api#length", json!({"min": -1}), false),
            ("smithy.api#length", json!({"min": 1.5}), false),
            ("smithy.api#length", json!({"max": "8"}), false),
            ("smithy.api#length", json!([1, 2]), false),
            ("smithy.api#range", json!({}), true),
            ("smithy.api#range", json!({"min": -5}), true),
            ("smithy.api#range", json!({"min": 0.5, "max": 1.5}), true),
            ("smithy.api#range", json!({"max": 1e300}), true),
            ("smithy.api#range", json!({"min": "0"}), false),
            ("smithy.api#range", json!(3), false),
        ];
        for (id, value, ok) in cases {
            assert_eq!(
                trait_type_mismatch(id, &value).is_none(),
                ok,
                "{id} {value}"
            );
        }
    }
}
