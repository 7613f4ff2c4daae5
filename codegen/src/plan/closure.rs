//! Shape closure: choose the service and operations to generate and collect every shape
//! reachable from them (input, output, errors, members, list and map members).
//!
//! Operations this generator cannot express (an input or output member targeting an
//! event stream, a `@streaming` union, or a `@streaming` blob; the Smithy spec's
//! `streaming` trait) are left out of a whole-service generation, each with a
//! [`Skipped`] line naming it, and the rest of the service generates. Naming one
//! explicitly is an error.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::model::ast::{trait_id, Shape};
use crate::model::load::Model;
use crate::model::validate::PRELUDE;

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
    /// The shapes a request carries: those the operations' inputs reach.
    pub sent: BTreeSet<String>,
    /// The shapes a response carries: those the operations' outputs and errors (and the
    /// service's errors) reach.
    pub received: BTreeSet<String>,
    /// Operations of the service left out, sorted.
    pub skipped: Vec<Skipped>,
}

/// An operation left out of generation, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The operation's shape ID.
    pub operation: String,
    /// Why, e.g. "its output member `EventStream` is an event stream (...)".
    pub reason: String,
}

impl Skipped {
    /// The warning line naming the operation and the reason.
    pub fn warning(&self) -> String {
        format!(
            "operation `{}` left out: {}",
            shape_name(&self.operation),
            self.reason
        )
    }
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
    let mut skipped = Vec::new();
    let operations = if wanted.is_empty() {
        let mut operations = Vec::new();
        for id in available.values() {
            match unsupported_operation(model, id) {
                Some(reason) => skipped.push(Skipped {
                    operation: id.clone(),
                    reason,
                }),
                None => operations.push(id.clone()),
            }
        }
        operations
    } else {
        let chosen = choose(&service, &available, wanted)?;
        if let Some((id, reason)) = chosen
            .iter()
            .find_map(|id| Some((id, unsupported_operation(model, id)?)))
        {
            return Err(Error::shape(id, format!("cannot be generated: {reason}")));
        }
        chosen
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
    let (sent, received) = directions(model, &operations, &service_errors);
    Ok(Closure {
        service,
        operations,
        service_errors,
        shapes,
        sent,
        received,
        skipped,
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

/// Why the operation cannot be generated, if it cannot: an input or output member
/// targets a `@streaming` shape (an event stream union or a streaming blob).
fn unsupported_operation(model: &Model, id: &str) -> Option<String> {
    let Some(Shape::Operation(op)) = model.shapes.get(id) else {
        return None;
    };
    let io = [("input", &op.input), ("output", &op.output)];
    for (role, target) in io {
        let Some(structure) = target.as_ref().and_then(|t| model.shapes.get(&t.target)) else {
            continue;
        };
        for (name, member) in structure.members() {
            let target = model.shapes.get(&member.target);
            match target {
                Some(Shape::Union(u)) if u.traits.has(trait_id::STREAMING) => {
                    return Some(format!(
                        "its {role} member `{name}` is an event stream (`{}`, a `@streaming` \
                         union), which this generator does not support",
                        member.target
                    ));
                }
                Some(shape) if shape.traits().has(trait_id::STREAMING) => {
                    return Some(format!(
                        "its {role} member `{name}` is a streaming blob (`{}`), which this \
                         generator does not support",
                        member.target
                    ));
                }
                _ => {}
            }
        }
    }
    None
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

/// The shapes the operations' inputs reach, and those their outputs and errors reach
/// (with the service's errors): a type needs a serializer only in the first set and a
/// deserializer only in the second (smithy-rs generates them the same way).
fn directions(
    model: &Model,
    operations: &[String],
    service_errors: &[String],
) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut sent = BTreeSet::new();
    let mut received = BTreeSet::new();
    for id in service_errors {
        visit(model, id, &mut received);
    }
    for id in operations {
        let Some(Shape::Operation(op)) = model.shapes.get(id) else {
            continue;
        };
        if let Some(input) = &op.input {
            visit(model, &input.target, &mut sent);
        }
        for target in op.output.iter().chain(&op.errors) {
            visit(model, &target.target, &mut received);
        }
    }
    (sent, received)
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
