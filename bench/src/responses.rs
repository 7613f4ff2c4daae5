//! Response bodies built from the full FSx reference model (`../shared`, read at run
//! time, nothing of it kept in the repository) by a seeded generator: every member of
//! every structure filled, lists of a given width, structures nesting up to a given
//! depth, written compact or pretty, keys in model order or shuffled, with or without
//! members and enum values the model does not know. The same bytes go to both sides.

use serde_json::{Map, Value};

use crate::shared_dir;

/// The seed of every shuffled key order in the benchmarks (`paired`, `profile`).
pub const SEED: u64 = 19;

/// How a response body is built.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// How many times one structure may appear on a path from the root (the shipped
    /// `depth2` fixture nests `AdministrativeActions` twice).
    pub depth: usize,
    /// Items of every list.
    pub width: usize,
    /// Keys in an order drawn from this seed instead of model order.
    pub shuffle: Option<u64>,
    /// Each object gets extra members the model does not have, and each enum a value
    /// it does not list.
    pub unknown: bool,
}

impl Shape {
    /// Every member, lists of one, structures once on a path, model order.
    pub const fn new(depth: usize, width: usize) -> Self {
        Shape {
            depth,
            width,
            shuffle: None,
            unknown: false,
        }
    }
}

/// The reference model, or `None` (with a message) when `../shared` is absent.
pub struct Model {
    shapes: Map<String, Value>,
}

impl Model {
    pub fn load() -> Option<Model> {
        let path = shared_dir().join("reference/fsx-2018-03-01.json");
        let text = match std::fs::read(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("skipped: cannot read {} ({e})", path.display());
                return None;
            }
        };
        let mut model: Value =
            serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let shapes = match model.get_mut("shapes").map(Value::take) {
            Some(Value::Object(shapes)) => shapes,
            _ => panic!("{}: no shapes", path.display()),
        };
        Some(Model { shapes })
    }

    /// The body of `shape` (a shape name of the FSx namespace, e.g.
    /// `DescribeBackupsResponse`) built as `how` says.
    pub fn response(&self, shape: &str, how: Shape) -> Value {
        let mut generator = Generator {
            model: self,
            how,
            path: Vec::new(),
            rng: how.shuffle.unwrap_or(0x9e37_79b9_7f4a_7c15) | 1,
            counter: 0,
        };
        generator
            .value(&format!("com.amazonaws.fsx#{shape}"))
            .unwrap_or_else(|| panic!("{shape}: no value"))
    }
}

/// Writes `value` compact (`pretty == false`) or pretty-printed.
pub fn to_bytes(value: &Value, pretty: bool) -> Vec<u8> {
    let bytes = if pretty {
        serde_json::to_vec_pretty(value)
    } else {
        serde_json::to_vec(value)
    };
    bytes.unwrap_or_else(|e| panic!("write: {e}"))
}

/// `value` with every object's keys in a seeded order, and (with `unknown`) extra
/// members in every object; enum values are left as they are.
pub fn reshape(value: &Value, seed: Option<u64>, unknown: bool) -> Value {
    let mut rng = seed.unwrap_or(1) | 1;
    reshape_with(value, seed.is_some(), unknown, &mut rng)
}

fn reshape_with(value: &Value, shuffle: bool, unknown: bool, rng: &mut u64) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map
                .iter()
                .map(|(k, v)| (k.clone(), reshape_with(v, shuffle, unknown, rng)))
                .collect();
            if unknown {
                add_unknown(&mut entries);
            }
            if shuffle {
                shuffle_in_place(&mut entries, rng);
            }
            Value::Object(entries.into_iter().collect())
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| reshape_with(v, shuffle, unknown, rng))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Three members no model has: a string, a number and a small nested object.
fn add_unknown(entries: &mut Vec<(String, Value)>) {
    entries.push((
        "UnknownString".into(),
        Value::from("a value from the future"),
    ));
    entries.push(("UnknownCount".into(), Value::from(42)));
    entries.push((
        "UnknownNested".into(),
        serde_json::json!({"Inner": [1, 2, {"Deep": true}], "Name": "x"}),
    ));
}

/// xorshift64*: a seeded, reproducible order.
fn next_random(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

fn shuffle_in_place<T>(items: &mut [T], rng: &mut u64) {
    for i in (1..items.len()).rev() {
        let j = (next_random(rng) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

struct Generator<'m> {
    model: &'m Model,
    how: Shape,
    /// The structures from the root to here.
    path: Vec<String>,
    rng: u64,
    counter: u64,
}

impl Generator<'_> {
    fn value(&mut self, id: &str) -> Option<Value> {
        let shape = self.model.shapes.get(id)?;
        let kind = shape.get("type").and_then(Value::as_str).unwrap_or("");
        self.counter += 1;
        let n = self.counter;
        Some(match kind {
            "structure" => return self.structure(id, shape),
            "list" => {
                let item = target(shape.get("member")?)?;
                let items: Vec<Value> = (0..self.how.width)
                    .filter_map(|_| self.value(item))
                    .collect();
                Value::Array(items)
            }
            "enum" => {
                if self.how.unknown {
                    Value::from("A_VALUE_FROM_THE_FUTURE")
                } else {
                    let first = shape.get("members")?.as_object()?.values().next()?;
                    first.pointer("/traits/smithy.api#enumValue")?.clone()
                }
            }
            "string" => Value::from(format!("{}-{n:08x}", short_name(id).to_lowercase())),
            "integer" | "long" => Value::from(n % 1000 + 1),
            "boolean" => Value::from(n.is_multiple_of(2)),
            "timestamp" => Value::from(1_700_000_000.0 + (n % 1000) as f64 + 0.125),
            _ => return None,
        })
    }

    fn structure(&mut self, id: &str, shape: &Value) -> Option<Value> {
        let seen = self.path.iter().filter(|p| *p == id).count();
        if seen >= self.how.depth {
            return None;
        }
        self.path.push(id.to_owned());
        let mut entries = Vec::new();
        if let Some(members) = shape.get("members").and_then(Value::as_object) {
            for (name, member) in members {
                if let Some(value) = target(member).and_then(|t| self.value(t)) {
                    entries.push((name.clone(), value));
                }
            }
        }
        self.path.pop();
        if self.how.unknown {
            add_unknown(&mut entries);
        }
        if self.how.shuffle.is_some() {
            shuffle_in_place(&mut entries, &mut self.rng);
        }
        Some(Value::Object(entries.into_iter().collect()))
    }
}

fn target(member: &Value) -> Option<&str> {
    member.get("target").and_then(Value::as_str)
}

fn short_name(id: &str) -> &str {
    id.rsplit('#').next().unwrap_or(id)
}
