//! The models the generator is timed on: `model/`, the full FSx reference model, and a
//! large synthetic model made of `model/` replicated under new names.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// The namespace of `model/`'s shapes.
const NAMESPACE: &str = "com.amazonaws.fsx#";

/// Our model of the CopyBackup closure.
pub fn our_model() -> PathBuf {
    crate::project_root().join("model")
}

/// The official full FSx model, or `None` (with a message) when `../shared` is absent.
pub fn reference_model() -> Option<PathBuf> {
    let path = crate::shared_dir().join("reference/fsx-2018-03-01.json");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped: no reference model at {}", path.display());
        None
    }
}

/// `model/` with its shapes replicated `copies` times (copy `k` renames every shape
/// `X` of the namespace to `RkX`), under one service with all the copies' operations.
/// Written as one JSON file into `dir`, whose path is returned.
pub fn replicated_model(copies: usize, dir: &Path) -> std::io::Result<PathBuf> {
    let shapes = read_shapes(&our_model())?;
    let (service_id, service) = shapes
        .iter()
        .find(|(_, shape)| shape["type"] == "service")
        .map(|(id, shape)| (id.clone(), shape.clone()))
        .ok_or_else(|| invalid("model/ has no service"))?;
    let mut all = Map::new();
    let mut operations = Vec::new();
    for copy in 0..copies {
        let prefix = format!("{NAMESPACE}R{copy}");
        for (id, shape) in &shapes {
            if *id == service_id {
                continue;
            }
            let renamed = rename(shape, &prefix);
            if shape["type"] == "operation" {
                operations.push(serde_json::json!({ "target": renamed_id(id, &prefix) }));
            }
            all.insert(renamed_id(id, &prefix), renamed);
        }
    }
    let mut service = service;
    service["operations"] = Value::Array(operations);
    all.insert(service_id, service);
    let model = serde_json::json!({ "smithy": "2.0", "shapes": all });
    let path = dir.join(format!("replicated-{copies}.json"));
    std::fs::write(&path, serde_json::to_vec(&model)?)?;
    Ok(path)
}

/// All shapes of the `*.json` files of a model directory, merged.
fn read_shapes(dir: &Path) -> std::io::Result<Map<String, Value>> {
    let mut shapes = Map::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let file: Value = serde_json::from_slice(&std::fs::read(&path)?)?;
            let Some(Value::Object(file_shapes)) = file.get("shapes") else {
                return Err(invalid(&format!("{}: no shapes", path.display())));
            };
            shapes.extend(file_shapes.clone());
        }
    }
    Ok(shapes)
}

/// `com.amazonaws.fsx#Backup` -> `com.amazonaws.fsx#R3Backup`.
fn renamed_id(id: &str, prefix: &str) -> String {
    match id.strip_prefix(NAMESPACE) {
        Some(name) => format!("{prefix}{name}"),
        None => id.to_owned(),
    }
}

/// The shape with every `target` into the namespace renamed.
fn rename(value: &Value, prefix: &str) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| {
                    let value = match (key.as_str(), value) {
                        ("target", Value::String(id)) => Value::String(renamed_id(id, prefix)),
                        _ => rename(value, prefix),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|v| rename(v, prefix)).collect()),
        other => other.clone(),
    }
}

fn invalid(message: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message.to_owned())
}
