//! Shape closure: choose the service and operations to generate and collect every shape
//! reachable from them (input, output, errors, members, list and map members).

use std::collections::{BTreeMap, BTreeSet};

use crate::ast::Shape;
use crate::error::{Error, Result};
use crate::load::Model;
use crate::validate::PRELUDE;

/// What is generated: one service, some of its operations, and the shapes they reach.
#[derive(Debug)]
pub struct Closure {
    /// The service shape ID.
    pub service: String,
    /// Chosen operation IDs, sorted.
    pub operations: Vec<String>,
    /// Errors the service declares for every operation, in model order.
    pub service_errors: Vec<String>,
    /// Every reachable data shape outside the prelude, sorted.
    pub shapes: BTreeSet<String>,
}

/// Picks the model's one service and the operations named in `wanted` (shape names like
/// `CopyBackup` or absolute IDs); every operation of the service when `wanted` is empty.
pub fn closure(model: &Model, wanted: &[String]) -> Result<Closure> {
    closure_of(model, None, wanted)
}

/// Like [`closure`], for the service named `service` (shape name or absolute ID) when
/// given: a model may define several (Smithy's protocol test suites do).
pub fn closure_of(model: &Model, service: Option<&str>, wanted: &[String]) -> Result<Closure> {
    let service = match service {
        Some(name) => named_service(model, name)?,
        None => the_service(model)?,
    };
    let available = service_operations(model, &service);
    let operations = if wanted.is_empty() {
        available.values().cloned().collect()
    } else {
        choose(&service, &available, wanted)?
    };
    let service_errors: Vec<String> = match model.shapes.get(&service) {
        Some(Shape::Service(s)) => s.errors.iter().map(|t| t.target.clone()).collect(),
        _ => Vec::new(),
    };
    let mut shapes = BTreeSet::new();
    for id in operations.iter().chain(&service_errors) {
        visit(model, id, &mut shapes);
    }
    for operation in &operations {
        shapes.remove(operation);
    }
    Ok(Closure {
        service,
        operations,
        service_errors,
        shapes,
    })
}

/// The service shape `name` (its shape name or absolute ID).
fn named_service(model: &Model, name: &str) -> Result<String> {
    let services = services(model);
    services
        .iter()
        .find(|id| id.as_str() == name || shape_name(id) == name)
        .map(|id| (*id).clone())
        .ok_or_else(|| {
            Error::new(format!(
                "the model defines no service `{name}` (it defines: {})",
                services
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

fn services(model: &Model) -> Vec<&String> {
    model
        .shapes
        .iter()
        .filter(|(_, shape)| matches!(shape, Shape::Service(_)))
        .map(|(id, _)| id)
        .collect()
}

fn the_service(model: &Model) -> Result<String> {
    let services = services(model);
    match services.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::new("the model defines no service shape")),
        many => Err(Error::new(format!(
            "the model defines {} services ({}); choose one with `--service` (`Config::service`)",
            many.len(),
            many.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The service's operations, directly and through its resources, by shape name.
fn service_operations(model: &Model, service: &str) -> BTreeMap<String, String> {
    let mut operations = BTreeMap::new();
    let mut pending = vec![service.to_owned()];
    let mut seen = BTreeSet::new();
    while let Some(id) = pending.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        match model.shapes.get(&id) {
            Some(Shape::Service(s)) => pending.extend(
                s.operations
                    .iter()
                    .chain(&s.resources)
                    .map(|t| t.target.clone()),
            ),
            Some(Shape::Resource(r)) => pending.extend(
                r.all_operations()
                    .chain(&r.resources)
                    .map(|t| t.target.clone()),
            ),
            Some(Shape::Operation(_)) => {
                operations.insert(shape_name(&id).to_owned(), id);
            }
            _ => {}
        }
    }
    operations
}

fn choose(
    service: &str,
    available: &BTreeMap<String, String>,
    wanted: &[String],
) -> Result<Vec<String>> {
    let mut chosen = BTreeSet::new();
    for name in wanted {
        let id = available
            .get(name.as_str())
            .or_else(|| available.values().find(|id| *id == name))
            .ok_or_else(|| {
                Error::shape(
                    service,
                    format!(
                        "has no operation `{name}` (it has: {})",
                        available.keys().cloned().collect::<Vec<_>>().join(", ")
                    ),
                )
            })?;
        chosen.insert(id.clone());
    }
    Ok(chosen.into_iter().collect())
}

/// The name part of an absolute shape ID.
pub fn shape_name(id: &str) -> &str {
    id.rsplit_once('#').map_or(id, |(_, name)| name)
}

/// Adds `id` and every shape it reaches to `seen`, prelude shapes left out. Iterative:
/// a hand-written chain of a hundred thousand structures must not overflow the stack.
fn visit(model: &Model, id: &str, seen: &mut BTreeSet<String>) {
    let prelude = format!("{PRELUDE}#");
    let mut pending = vec![id.to_owned()];
    while let Some(id) = pending.pop() {
        if id.starts_with(&prelude) || seen.contains(&id) {
            continue;
        }
        let shape = model.shapes.get(&id);
        seen.insert(id);
        let Some(shape) = shape else {
            continue;
        };
        if let Shape::Operation(op) = shape {
            let io = op.input.iter().chain(&op.output).chain(&op.errors);
            pending.extend(io.map(|t| t.target.clone()));
        }
        pending.extend(shape.mixins().iter().map(|m| m.target.clone()));
        pending.extend(shape.members().into_iter().map(|(_, m)| m.target.clone()));
    }
}
