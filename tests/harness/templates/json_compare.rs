//! JSON compared as data: object members in any order, numbers by value (`1` equals
//! `1.0`, integers exactly, others as `f64`).

use serde_json::Value;

/// The first place where `actual` differs from `expected`, as a JSON path with both
/// values; `None` when they are the same document.
pub fn first_difference(expected: &Value, actual: &Value) -> Option<String> {
    difference_at("$", expected, actual)
}

fn difference_at(path: &str, expected: &Value, actual: &Value) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let missing = e.keys().find(|k| !a.contains_key(*k));
            let extra = a.keys().find(|k| !e.contains_key(*k));
            if let Some(key) = missing {
                return Some(format!("{path}.{key}: missing"));
            }
            if let Some(key) = extra {
                return Some(format!("{path}.{key}: not expected, got {}", a[key]));
            }
            e.iter()
                .find_map(|(key, value)| difference_at(&format!("{path}.{key}"), value, &a[key]))
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (e, a))| difference_at(&format!("{path}[{i}]"), e, a)),
        (Value::Number(e), Value::Number(a)) if same_number(e, a) => None,
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, got {actual}")),
    }
}

fn same_number(e: &serde_json::Number, a: &serde_json::Number) -> bool {
    match (e.as_i64(), a.as_i64(), e.as_u64(), a.as_u64()) {
        (Some(e), Some(a), _, _) => e == a,
        (_, _, Some(e), Some(a)) => e == a,
        _ => e.as_f64() == a.as_f64(),
    }
}
