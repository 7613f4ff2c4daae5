//! Sample documents built from a plan: a structure's awsJson1_1 wire form with every
//! member filled. Enums and unions cycle through their values and members, lists and maps
//! hold two entries, numbers and strings vary, and a structure or union appears at most
//! twice on any path (a recursive member is filled once, then left out).

use std::collections::BTreeMap;

use codegen::plan::{EnumPlan, Plan, RustType, StructPlan, TimestampFormat, UnionPlan};
use serde_json::{Map, Value};

/// How many times a structure may appear on one path from the root.
const RECURSION_DEPTH: usize = 2;

/// Builds sample documents for the structures of one plan.
pub struct Sampler<'p> {
    structures: BTreeMap<String, &'p StructPlan>,
    enums: BTreeMap<String, &'p EnumPlan>,
    unions: BTreeMap<String, &'p UnionPlan>,
    /// The next value of each enum and the next member of each union, by path.
    cursors: BTreeMap<String, usize>,
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
            unions: plan
                .unions
                .iter()
                .map(|u| (format!("crate::types::{}", u.name), u))
                .collect(),
            cursors: BTreeMap::new(),
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
            RustType::DateTime(format) => timestamp(*format, n),
            // `blob-sample`, base64-encoded.
            RustType::Blob => Value::from("YmxvYi1zYW1wbGU="),
            RustType::BigInteger => Value::from(12_345_678_901_234_567_890_u64),
            RustType::BigDecimal => Value::from(n as f64 + 0.375),
            RustType::Document => serde_json::json!({"a": [n, "x", true, null], "b": {"c": 2.5}}),
            RustType::Unit => Value::Object(Map::new()),
            RustType::Enum(r) => Value::from(self.next_enum_value(&r.path)),
            RustType::IntEnum(r) => {
                let path = &r.path;
                let value = self.next_enum_value(path);
                let number: i64 = value.parse().unwrap_or_else(|_| panic!("{path}: {value}"));
                Value::from(number)
            }
            RustType::Struct(r) => {
                if self.too_deep(&r.path) {
                    return None;
                }
                self.structure(&r.path)
            }
            RustType::Union(r) => {
                if self.too_deep(&r.path) {
                    return None;
                }
                self.union(&r.path)?
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

    /// Whether `path` already appears as often on the current path as it may.
    fn too_deep(&self, path: &str) -> bool {
        self.path.iter().filter(|p| *p == path).count() >= RECURSION_DEPTH
    }

    /// A union with its next member set (the one after it when that would recurse too
    /// deeply); `None` when no member can be filled.
    fn union(&mut self, path: &str) -> Option<Value> {
        let plan = *self
            .unions
            .get(path)
            .unwrap_or_else(|| panic!("no union `{path}` in the plan"));
        self.path.push(path.to_owned());
        let mut result = None;
        for _ in 0..plan.variants.len() {
            let variant = &plan.variants[self.next_index(path, plan.variants.len())];
            if let Some(value) = self.value(&variant.field.ty) {
                let mut object = Map::new();
                object.insert(variant.field.member_name.clone(), value);
                result = Some(Value::Object(object));
                break;
            }
        }
        self.path.pop();
        result
    }

    fn next_enum_value(&mut self, path: &str) -> String {
        let plan = *self
            .enums
            .get(path)
            .unwrap_or_else(|| panic!("no enum `{path}` in the plan"));
        plan.variants[self.next_index(path, plan.variants.len())]
            .value
            .to_string()
    }

    /// The cursor of `path`, advanced: 0, 1, .., count - 1, 0, ...
    fn next_index(&mut self, path: &str, count: usize) -> usize {
        let cursor = self.cursors.entry(path.to_owned()).or_default();
        let index = *cursor % count;
        *cursor += 1;
        index
    }
}

/// A timestamp in November 2023 in `format`: epoch seconds, whole or with a millisecond
/// fraction, or the text forms of 1700000000 (whole seconds, as their writers give them).
fn timestamp(format: TimestampFormat, n: u64) -> Value {
    match format {
        TimestampFormat::EpochSeconds if n % 2 == 0 => Value::from(1_700_000_000 + n),
        TimestampFormat::EpochSeconds => Value::from((1_700_000_000 + n) as f64 + 0.123),
        TimestampFormat::DateTime => Value::from("2023-11-14T22:13:20Z"),
        TimestampFormat::HttpDate => Value::from("Tue, 14 Nov 2023 22:13:20 GMT"),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// The plan of a model with one operation, `Get`, whose output is `ex#GetOutput`,
    /// and the further `shapes` (JSON members of `shapes`).
    fn plan_of(shapes: &str) -> Plan {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("sample-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("model.json");
        let model = format!(
            r#"{{"smithy": "2.0", "shapes": {{
                "ex#Svc": {{"type": "service", "traits": {{"aws.protocols#awsJson1_1": {{}}}}, "version": "1", "operations": [{{"target": "ex#Get"}}]}},
                "ex#Get": {{"type": "operation", "input": {{"target": "smithy.api#Unit"}},
                           "output": {{"target": "ex#GetOutput"}}}},
                {shapes}}}}}"#
        );
        std::fs::write(&path, model).unwrap();
        let plan = super::super::plan(&path, "sample");
        std::fs::remove_dir_all(&dir).unwrap();
        plan
    }

    /// Shapes: a recursive tree, an enum, a list and a map.
    const MODEL: &str = r##"
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
    "##;

    /// Shapes: a recursive union, an int enum, a document and a text timestamp.
    const KINDS: &str = r##"
            "ex#GetOutput": {"type": "structure", "members": {
                "Shape": {"target": "ex#Shape"},
                "Level": {"target": "ex#Level"},
                "Extra": {"target": "smithy.api#Document"},
                "When": {"target": "smithy.api#Timestamp",
                         "traits": {"smithy.api#timestampFormat": "date-time"}}}},
            "ex#Shape": {"type": "union", "members": {
                "Nested": {"target": "ex#Shape"},
                "AlsoNested": {"target": "ex#Shape"},
                "Name": {"target": "smithy.api#String"}}},
            "ex#Level": {"type": "intEnum", "members": {
                "LOW": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 1}},
                "HIGH": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": 5}}}}
    "##;

    #[test]
    fn unions_take_their_next_member_and_stop_recursing_at_the_second_level() {
        let plan = plan_of(KINDS);
        let output = &plan.operations[0].output.path;
        let mut sampler = Sampler::new(&plan);
        let sample = sampler.structure(output);
        // The outer union takes its first member, `Nested`; the inner one's next member,
        // `AlsoNested`, would put a third `Shape` on the path, so it takes `Name`.
        let inner = sample["Shape"]["Nested"].as_object().unwrap();
        assert_eq!(inner.keys().collect::<Vec<_>>(), ["Name"], "{sample}");
        assert_eq!(sample["Level"], serde_json::json!(1));
        assert!(sample["Extra"].is_object());
        assert_eq!(sample["When"], serde_json::json!("2023-11-14T22:13:20Z"));
        assert_eq!(sampler.structure(output)["Level"], serde_json::json!(5));
    }

    #[test]
    fn every_member_is_filled_and_recursion_stops_at_the_second_level() {
        let plan = plan_of(MODEL);
        let output = &plan.operations[0].output.path;
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
        let output = &plan.operations[0].output.path;
        let mut sampler = Sampler::new(&plan);
        sampler.structure(output);
        let second = sampler.structure(output);
        assert_eq!(second["Colors"], serde_json::json!(["green", "red"]));
    }
}
