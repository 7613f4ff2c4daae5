//! Sample documents built from a plan: a structure's awsJson1_1 wire form with every
//! member filled. Enums cycle through their values, lists and maps hold two entries,
//! numbers and strings vary, and a structure appears at most twice on any path (a
//! recursive member is filled once, then left out).

use std::collections::BTreeMap;

use codegen::plan::{EnumPlan, Plan, RustType, StructPlan};
use serde_json::{Map, Value};

/// How many times a structure may appear on one path from the root.
const RECURSION_DEPTH: usize = 2;

/// Builds sample documents for the structures of one plan.
pub struct Sampler<'p> {
    structures: BTreeMap<String, &'p StructPlan>,
    enums: BTreeMap<String, &'p EnumPlan>,
    /// The next value of each enum, by path.
    enum_cursor: BTreeMap<String, usize>,
    /// Grows with every scalar made, so that values differ.
    counter: u64,
    /// The structures being filled, outermost first.
    path: Vec<String>,
}

impl<'p> Sampler<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        Sampler {
            structures: plan.structures.iter().map(|s| (s.path(), s)).collect(),
            enums: plan
                .enums
                .iter()
                .map(|e| (format!("crate::types::{}", e.name), e))
                .collect(),
            enum_cursor: BTreeMap::new(),
            counter: 0,
            path: Vec::new(),
        }
    }

    /// The structure at `path` (`crate::operation::x::XOutput`) with every member set.
    pub fn structure(&mut self, path: &str) -> Value {
        let plan = *self
            .structures
            .get(path)
            .unwrap_or_else(|| panic!("no structure `{path}` in the plan"));
        self.path.push(path.to_owned());
        let mut object = Map::new();
        for field in &plan.fields {
            match self.value(&field.ty) {
                Some(value) => {
                    object.insert(field.member_name.clone(), value);
                }
                // A response that omits a non-optional member reads as its zero value,
                // which would not round-trip to an absent member.
                None if !field.optional => panic!(
                    "{}.{}: not optional, yet recursion leaves it empty",
                    plan.shape_id, field.member_name
                ),
                None => {}
            }
        }
        self.path.pop();
        Value::Object(object)
    }

    /// A value of `ty`, or `None` when it would recurse too deeply.
    fn value(&mut self, ty: &RustType) -> Option<Value> {
        self.counter += 1;
        let n = self.counter;
        Some(match ty {
            RustType::String => Value::from(format!("text-{n}")),
            RustType::Bool => Value::from(n % 2 == 0),
            RustType::I8 => Value::from(n % 100),
            RustType::I16 => Value::from(1000 + n % 1000),
            RustType::I32 => Value::from(100_000 + n),
            RustType::I64 => Value::from(10_000_000_000 + n),
            RustType::F32 => Value::from(n as f64 + 0.5),
            RustType::F64 => Value::from(n as f64 + 0.125),
            RustType::DateTime => timestamp(n),
            // `blob-sample`, base64-encoded.
            RustType::Blob => Value::from("YmxvYi1zYW1wbGU="),
            RustType::Enum(path) => Value::from(self.next_enum_value(path)),
            RustType::Struct(path) => {
                let depth = self.path.iter().filter(|p| *p == path).count();
                if depth >= RECURSION_DEPTH {
                    return None;
                }
                self.structure(path)
            }
            RustType::List { item, .. } => {
                let items: Vec<Value> = (0..2).map_while(|_| self.value(item)).collect();
                if items.is_empty() {
                    return None;
                }
                Value::Array(items)
            }
            RustType::Map { key, value, .. } => {
                let mut map = Map::new();
                for _ in 0..2 {
                    let key = match self.value(key)? {
                        Value::String(text) => text,
                        other => panic!("map key {other} is not a string"),
                    };
                    map.insert(key, self.value(value)?);
                }
                Value::Object(map)
            }
        })
    }

    fn next_enum_value(&mut self, path: &str) -> String {
        let plan = self
            .enums
            .get(path)
            .unwrap_or_else(|| panic!("no enum `{path}` in the plan"));
        let cursor = self.enum_cursor.entry(path.to_owned()).or_default();
        let value = plan.variants[*cursor % plan.variants.len()].value.clone();
        *cursor += 1;
        value
    }
}

/// Epoch seconds in November 2023: whole seconds, or with a millisecond fraction.
fn timestamp(n: u64) -> Value {
    let seconds = 1_700_000_000 + n;
    if n % 2 == 0 {
        Value::from(seconds)
    } else {
        Value::from(seconds as f64 + 0.123)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(model: &str) -> Plan {
        let dir = std::env::temp_dir().join(format!("sample-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("model.json");
        std::fs::write(&path, model).unwrap();
        let plan = super::super::plan(&path, "sample");
        std::fs::remove_dir_all(&dir).unwrap();
        plan
    }

    /// A recursive tree, an enum, a list and a map, every member filled.
    const MODEL: &str = r##"{
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Get"}]},
            "ex#Get": {"type": "operation", "input": {"target": "smithy.api#Unit"},
                       "output": {"target": "ex#GetOutput"}},
            "ex#GetOutput": {"type": "structure", "members": {
                "Root": {"target": "ex#Node"},
                "Colors": {"target": "ex#Colors"},
                "Sizes": {"target": "ex#Sizes"}}},
            "ex#Node": {"type": "structure", "members": {
                "Name": {"target": "smithy.api#String"},
                "Child": {"target": "ex#Node"}}},
            "ex#Color": {"type": "enum", "members": {
                "RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}},
                "BLUE": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "blue"}},
                "GREEN": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "green"}}}},
            "ex#Colors": {"type": "list", "member": {"target": "ex#Color"}},
            "ex#Sizes": {"type": "map", "key": {"target": "smithy.api#String"},
                         "value": {"target": "smithy.api#Long"}}
        }
    }"##;

    #[test]
    fn every_member_is_filled_and_recursion_stops_at_the_second_level() {
        let plan = plan_of(MODEL);
        let output = &plan.operations[0].output;
        let sample = Sampler::new(&plan).structure(output);
        let root = &sample["Root"];
        assert!(root["Name"].is_string());
        assert!(root["Child"]["Name"].is_string());
        assert!(root["Child"].get("Child").is_none(), "{sample}");
        assert_eq!(sample["Colors"], serde_json::json!(["red", "blue"]));
        let sizes = sample["Sizes"].as_object().unwrap();
        assert_eq!(sizes.len(), 2);
        assert!(sizes
            .values()
            .all(|v| v.as_i64().unwrap() > i64::from(i32::MAX)));
    }

    #[test]
    fn enums_continue_their_cycle_across_documents() {
        let plan = plan_of(MODEL);
        let output = &plan.operations[0].output;
        let mut sampler = Sampler::new(&plan);
        sampler.structure(output);
        let second = sampler.structure(output);
        assert_eq!(second["Colors"], serde_json::json!(["green", "red"]));
    }
}
