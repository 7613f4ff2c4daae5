//! Rust source for values given as JSON in a model's test cases (`params`): builder
//! chains for structures (`T::builder().set_x(Some(..)).build()`), variants for unions and
//! enums, literals for scalars, typed by the generator's plan. Also the `Same` impls
//! (see `templates/compliance_support.rs`) for every structure, union and enum of a plan.

use std::collections::BTreeMap;
use std::fmt::Write;

use codegen::plan::names::unraw;
use codegen::plan::{Plan, RustType, StructPlan, UnionPlan};
use serde_json::{Map, Value};

use super::external_path;

/// Writes Rust expressions for the types of one plan, seen from outside the crate.
pub struct RustValues<'p> {
    plan: &'p Plan,
    structures: BTreeMap<String, &'p StructPlan>,
    unions: BTreeMap<String, &'p UnionPlan>,
}

/// Why a value could not be written: a path into the value and the problem.
pub type ValueError = String;

impl<'p> RustValues<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        RustValues {
            plan,
            structures: plan.structures.iter().map(|s| (s.path(), s)).collect(),
            unions: plan
                .unions
                .iter()
                .map(|u| (format!("crate::types::{}", u.name), u))
                .collect(),
        }
    }

    /// `path` as code outside the crate.
    pub fn external(&self, path: &str) -> String {
        external_path(path, &self.plan.crate_name)
    }

    /// The planned structure at `path`.
    pub fn structure_plan(&self, path: &str) -> Result<&'p StructPlan, ValueError> {
        self.structures
            .get(path)
            .copied()
            .ok_or_else(|| format!("no structure `{path}` in the plan"))
    }

    /// A builder chain making the structure at `path` with the members in `params` (by
    /// member name); a `null` member is left unset.
    pub fn structure(&self, path: &str, params: &Map<String, Value>) -> Result<String, ValueError> {
        let plan = self.structure_plan(path)?;
        if let Some(unknown) = params
            .keys()
            .find(|k| !plan.fields.iter().any(|f| &f.member_name == *k))
        {
            return Err(format!("{}: no member `{unknown}`", plan.shape_id));
        }
        let mut code = format!("{}::builder()", self.external(path));
        for field in &plan.fields {
            let Some(value) = params.get(&field.member_name).filter(|v| !v.is_null()) else {
                continue;
            };
            let value = self
                .value(&field.ty, value)
                .map_err(|e| format!(".{}{e}", field.member_name))?;
            let value = if field.boxed {
                format!("::std::boxed::Box::new({value})")
            } else {
                value
            };
            write!(code, ".set_{}(Some({value}))", unraw(&field.name)).unwrap();
        }
        code.push_str(".build()");
        if plan.build_is_fallible() {
            code.push_str(".expect(\"the case sets every required member\")");
        }
        Ok(code)
    }

    /// A value of `ty` from its JSON form in a test case.
    pub fn value(&self, ty: &RustType, value: &Value) -> Result<String, ValueError> {
        let mismatch = || Err(format!(": {value} does not fit {ty:?}"));
        Ok(match (ty, value) {
            (RustType::String, Value::String(s)) => format!("{s:?}.to_owned()"),
            (RustType::Bool, Value::Bool(b)) => b.to_string(),
            (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n))
                if n.is_i64() =>
            {
                format!("{n}_{}", integer_suffix(ty))
            }
            (RustType::F32 | RustType::F64, _) => {
                let width = if *ty == RustType::F32 { "f32" } else { "f64" };
                match float(value, width) {
                    Some(literal) => literal,
                    None => return mismatch(),
                }
            }
            (RustType::DateTime(_), Value::Number(n)) => {
                let seconds = n.as_f64().unwrap_or_default();
                let (whole, nanos) = seconds_and_nanos(seconds);
                format!(
                    "{}::primitives::DateTime::from_secs_and_nanos({whole}, {nanos})",
                    self.crate_ident()
                )
            }
            // The suite gives blobs as their text.
            (RustType::Blob, Value::String(s)) => format!(
                "{}::primitives::Blob::new({s:?}.as_bytes().to_vec())",
                self.crate_ident()
            ),
            (RustType::BigInteger | RustType::BigDecimal, Value::Number(n)) => {
                let ty = if *ty == RustType::BigInteger {
                    "BigInteger"
                } else {
                    "BigDecimal"
                };
                format!(
                    "\"{n}\".parse::<{}::primitives::{ty}>().expect(\"a number\")",
                    self.crate_ident()
                )
            }
            (RustType::Document, _) => self.document(value),
            (RustType::Enum(r), Value::String(s)) => {
                let path = &r.path;
                format!("{}::from({s:?})", self.external(path))
            }
            (RustType::IntEnum(r), Value::Number(n)) if n.is_i64() => {
                let path = &r.path;
                format!("{}::from({n}_i32)", self.external(path))
            }
            (RustType::Struct(r), Value::Object(members)) => self.structure(&r.path, members)?,
            (RustType::Union(r), Value::Object(members)) => self.union(&r.path, members)?,
            (RustType::List { item, sparse }, Value::Array(items)) => {
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        self.optional_value(item, v, *sparse)
                            .map_err(|e| format!("[{i}]{e}"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                format!("vec![{}]", items.join(", "))
            }
            (RustType::Map { key, value, sparse }, Value::Object(entries)) => {
                let entries = entries
                    .iter()
                    .map(|(k, v)| {
                        let key = self.value(key, &Value::String(k.clone()))?;
                        let value = self
                            .optional_value(value, v, *sparse)
                            .map_err(|e| format!("[{k:?}]{e}"))?;
                        Ok(format!("({key}, {value})"))
                    })
                    .collect::<Result<Vec<_>, ValueError>>()?;
                format!(
                    "::std::collections::HashMap::from([{}])",
                    entries.join(", ")
                )
            }
            _ => return mismatch(),
        })
    }

    /// An item of a sparse collection is an `Option` (`null` is `None`).
    fn optional_value(
        &self,
        ty: &RustType,
        value: &Value,
        sparse: bool,
    ) -> Result<String, ValueError> {
        match (sparse, value) {
            (true, Value::Null) => Ok("None".to_owned()),
            (true, _) => Ok(format!("Some({})", self.value(ty, value)?)),
            (false, _) => self.value(ty, value),
        }
    }

    /// A union with the one member `members` names.
    fn union(&self, path: &str, members: &Map<String, Value>) -> Result<String, ValueError> {
        let plan = self
            .unions
            .get(path)
            .ok_or_else(|| format!(": no union `{path}` in the plan"))?;
        let [(name, value)] = members.iter().collect::<Vec<_>>()[..] else {
            return Err(format!(
                ": a union value needs one member, got {}",
                members.len()
            ));
        };
        let variant = plan
            .variants
            .iter()
            .find(|v| &v.field.member_name == name)
            .ok_or_else(|| format!("{}: no member `{name}`", plan.shape_id))?;
        let union = self.external(path);
        if variant.field.ty == RustType::Unit {
            return Ok(format!("{union}::{}", variant.name));
        }
        let value = self
            .value(&variant.field.ty, value)
            .map_err(|e| format!(".{name}{e}"))?;
        let value = if variant.field.boxed {
            format!("::std::boxed::Box::new({value})")
        } else {
            value
        };
        Ok(format!("{union}::{}({value})", variant.name))
    }

    /// A document with the structure of `value`.
    fn document(&self, value: &Value) -> String {
        let document = format!("{}::primitives::Document", self.crate_ident());
        let number = format!("{}::primitives::Number", self.crate_ident());
        match value {
            Value::Null => format!("{document}::Null"),
            Value::Bool(b) => format!("{document}::Bool({b})"),
            Value::String(s) => format!("{document}::String({s:?}.to_owned())"),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => format!("{document}::Number({number}::PosInt({u}))"),
                (None, Some(i)) => format!("{document}::Number({number}::NegInt({i}))"),
                _ => format!(
                    "{document}::Number({number}::Float({}))",
                    float(value, "f64").unwrap_or_default()
                ),
            },
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|v| self.document(v)).collect();
                format!("{document}::Array(vec![{}])", items.join(", "))
            }
            Value::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(k, v)| format!("({k:?}.to_owned(), {})", self.document(v)))
                    .collect();
                format!(
                    "{document}::Object(::std::collections::HashMap::from([{}]))",
                    members.join(", ")
                )
            }
        }
    }

    /// The crate's name in paths: `protocol_tests`.
    pub fn crate_ident(&self) -> String {
        self.plan.crate_name.replace('-', "_")
    }

    /// `impl Same` for every structure (member by member), union (variant by variant)
    /// and enum (by `==`) of the plan.
    pub fn same_impls(&self) -> String {
        let mut code = String::new();
        for structure in &self.plan.structures {
            let members: Vec<String> = structure
                .fields
                .iter()
                .map(|f| {
                    format!(
                        ".or_else(|| member({:?}, &self.{}, &expected.{}))",
                        f.member_name, f.name, f.name
                    )
                })
                .collect();
            write!(
                code,
                "impl Same for {} {{\n    fn difference(&self, {}expected: &Self) -> Option<String> {{\n        None{}\n    }}\n}}\n\n",
                self.external(&structure.path()),
                if members.is_empty() { "_" } else { "" },
                members.join("\n            ")
            )
            .unwrap();
        }
        for union in &self.plan.unions {
            let path = self.external(&format!("crate::types::{}", union.name));
            let arms: Vec<String> = union
                .variants
                .iter()
                .map(|v| {
                    if v.field.ty == RustType::Unit {
                        format!("({path}::{0}, {path}::{0}) => None,", v.name)
                    } else {
                        format!(
                            "({path}::{0}(a), {path}::{0}(e)) => member({1:?}, a, e),",
                            v.name, v.field.member_name
                        )
                    }
                })
                .collect();
            write!(
                code,
                "impl Same for {path} {{\n    fn difference(&self, expected: &Self) -> Option<String> {{\n        match (self, expected) {{\n            {}\n            ({path}::Unknown, {path}::Unknown) => None,\n            _ => Some(format!(\": expected {{expected:?}}, got {{self:?}}\")),\n        }}\n    }}\n}}\n\n",
                arms.join("\n            ")
            )
            .unwrap();
        }
        let enums: Vec<String> = self
            .plan
            .enums
            .iter()
            .map(|e| self.external(&format!("crate::types::{}", e.name)))
            .collect();
        if !enums.is_empty() {
            writeln!(code, "crate::same_by_eq!({});", enums.join(", ")).unwrap();
        }
        code
    }
}

fn integer_suffix(ty: &RustType) -> &'static str {
    match ty {
        RustType::I8 => "i8",
        RustType::I16 => "i16",
        RustType::I32 => "i32",
        _ => "i64",
    }
}

/// A float literal of type `ty` (`f32`/`f64`) from a JSON number or the suite's strings
/// for special values.
fn float(value: &Value, ty: &str) -> Option<String> {
    Some(match value {
        Value::String(s) if s == "NaN" => format!("{ty}::NAN"),
        Value::String(s) if s == "Infinity" => format!("{ty}::INFINITY"),
        Value::String(s) if s == "-Infinity" => format!("{ty}::NEG_INFINITY"),
        // `{:?}` is the shortest text that reads back as the same f64.
        Value::Number(n) => format!("{:?}_{ty}", n.as_f64()?),
        _ => return None,
    })
}

/// Epoch seconds as whole seconds and nanoseconds, the fraction rounded to the
/// microsecond (the suite's values have at most milliseconds; an `f64` near 1e9 seconds
/// carries about a tenth of a microsecond).
fn seconds_and_nanos(seconds: f64) -> (i64, u32) {
    let whole = seconds.floor();
    let micros = ((seconds - whole) * 1e6).round() as u32;
    if micros >= 1_000_000 {
        (whole as i64 + 1, 0)
    } else {
        (whole as i64, micros * 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractional_epoch_seconds_keep_their_milliseconds() {
        assert_eq!(seconds_and_nanos(946845296.123), (946845296, 123_000_000));
        assert_eq!(seconds_and_nanos(1398796238.0), (1398796238, 0));
        assert_eq!(seconds_and_nanos(-1.5), (-2, 500_000_000));
    }

    #[test]
    fn floats_are_literals_of_their_width_and_special_values_constants() {
        let f = |v: Value| float(&v, "f32");
        assert_eq!(f(serde_json::json!(1234.5)).as_deref(), Some("1234.5_f32"));
        assert_eq!(f(serde_json::json!(1)).as_deref(), Some("1.0_f32"));
        assert_eq!(f(serde_json::json!("NaN")).as_deref(), Some("f32::NAN"));
        assert_eq!(
            f(serde_json::json!("-Infinity")).as_deref(),
            Some("f32::NEG_INFINITY")
        );
        assert_eq!(f(serde_json::json!("nan")), None);
    }
}
