//! Model-level comparison for `codegen-diff`: the shapes a generation covers (the
//! service, the chosen operations and every shape they reach), loaded with this
//! version's loader, and what changed between two models: shapes added, removed and
//! changed (members added, removed or retargeted, traits added, removed or changed,
//! enum values, operation inputs, outputs and errors).
//!
//! Every shape is flattened into facets (its kind, each member's target, each trait of
//! the shape or of a member, each reference to another shape), so one comparison
//! serves every shape kind.

use std::collections::BTreeMap;
use std::path::PathBuf;

use codegen::model::ast::{trait_id, Shape};
use codegen::Result;

/// The shapes one generation covers, by shape ID.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ShapeSet {
    pub shapes: BTreeMap<String, ShapeFacts>,
}

/// One shape, flattened.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ShapeFacts {
    /// The Smithy kind (`structure`, `enum`, ...).
    pub kind: String,
    pub facets: BTreeMap<Facet, String>,
}

/// One comparable part of a shape; its value is a target ID or compact JSON.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    /// A member and its target.
    Member(String),
    /// A trait of a member: (member, trait ID).
    MemberTrait(String, String),
    /// A trait of the shape.
    Trait(String),
    /// A reference to another shape: (role, shape ID), e.g. (`error`, `ns#Oops`);
    /// single-valued roles (`input`, `output`, `version`) keep the ID as the value.
    Reference(&'static str, String),
}

/// Every difference between two shape sets, sorted by shape ID.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ShapeChanges {
    /// (shape ID, kind).
    pub added: Vec<(String, String)>,
    pub removed: Vec<(String, String)>,
    pub changed: Vec<ShapeChange>,
}

/// What changed in one shape present on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeChange {
    pub id: String,
    pub kind: String,
    /// (breaking, description), in facet order.
    pub details: Vec<(bool, String)>,
}

impl ShapeChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// Removed shapes, and the changes marked breaking, as (shape ID, description).
    pub fn breaking(&self) -> Vec<(String, String)> {
        let removed = self
            .removed
            .iter()
            .map(|(id, kind)| (id.clone(), format!("{kind} removed")));
        let changed = self.changed.iter().flat_map(|change| {
            change
                .details
                .iter()
                .filter(|(breaking, _)| *breaking)
                .map(|(_, what)| (change.id.clone(), what.clone()))
        });
        removed.chain(changed).collect()
    }
}

impl ShapeSet {
    /// Loads, validates and closes the model at `models` over `operations` (every
    /// operation of the service when empty), as a generation would.
    pub fn load(models: &[PathBuf], operations: &[String]) -> Result<ShapeSet> {
        let model = codegen::model::validate::validate(codegen::model::load::load(models)?)?;
        let closure =
            codegen::plan::closure::closure(&model, operations).map_err(|e| model.locate(e))?;
        let ids = std::iter::once(&closure.service)
            .chain(&closure.operations)
            .chain(&closure.shapes);
        let shapes = ids
            .filter_map(|id| Some((id.clone(), facts(model.shapes.get(id)?))))
            .collect();
        Ok(ShapeSet { shapes })
    }
}

fn facts(shape: &Shape) -> ShapeFacts {
    let mut facets = BTreeMap::new();
    for (id, value) in shape.traits().iter() {
        facets.insert(Facet::Trait(id.to_owned()), value.to_string());
    }
    for (name, member) in shape.members() {
        facets.insert(Facet::Member(name.to_owned()), member.target.clone());
        for (id, value) in member.traits.iter() {
            let facet = Facet::MemberTrait(name.to_owned(), id.to_owned());
            facets.insert(facet, value.to_string());
        }
    }
    for (role, target) in references(shape) {
        let facet = match role {
            "input" | "output" | "version" => Facet::Reference(role, String::new()),
            _ => Facet::Reference(role, target.clone()),
        };
        facets.insert(facet, target);
    }
    ShapeFacts {
        kind: shape.kind().to_owned(),
        facets,
    }
}

/// The shapes an operation or service refers to, by role.
fn references(shape: &Shape) -> Vec<(&'static str, String)> {
    let mut refs = Vec::new();
    match shape {
        Shape::Operation(op) => {
            refs.extend(op.input.iter().map(|t| ("input", t.target.clone())));
            refs.extend(op.output.iter().map(|t| ("output", t.target.clone())));
            refs.extend(op.errors.iter().map(|t| ("error", t.target.clone())));
        }
        Shape::Service(service) => {
            refs.extend(service.version.iter().map(|v| ("version", v.clone())));
            refs.extend(
                service
                    .operations
                    .iter()
                    .map(|t| ("operation", t.target.clone())),
            );
            refs.extend(
                service
                    .resources
                    .iter()
                    .map(|t| ("resource", t.target.clone())),
            );
            refs.extend(service.errors.iter().map(|t| ("error", t.target.clone())));
        }
        _ => {}
    }
    refs
}

/// Compares two shape sets.
pub fn compare(old: &ShapeSet, new: &ShapeSet) -> ShapeChanges {
    let mut changes = ShapeChanges::default();
    for (id, old_shape) in &old.shapes {
        match new.shapes.get(id) {
            None => changes.removed.push((id.clone(), old_shape.kind.clone())),
            Some(new_shape) if new_shape != old_shape => changes.changed.push(ShapeChange {
                id: id.clone(),
                kind: new_shape.kind.clone(),
                details: shape_details(old_shape, new_shape),
            }),
            Some(_) => {}
        }
    }
    for (id, new_shape) in &new.shapes {
        if !old.shapes.contains_key(id) {
            changes.added.push((id.clone(), new_shape.kind.clone()));
        }
    }
    changes
}

fn shape_details(old: &ShapeFacts, new: &ShapeFacts) -> Vec<(bool, String)> {
    let mut details = Vec::new();
    if old.kind != new.kind {
        details.push((true, format!("kind `{}` -> `{}`", old.kind, new.kind)));
    }
    let is_enum = new.kind == "enum" || new.kind == "intEnum";
    // The traits of a member that was added or removed are part of that change.
    let on_both_sides = |facet: &Facet| match facet {
        Facet::MemberTrait(member, _) => {
            let member = Facet::Member(member.clone());
            old.facets.contains_key(&member) && new.facets.contains_key(&member)
        }
        _ => true,
    };
    let removed_or_changed = old.facets.iter().filter_map(|(facet, old_value)| {
        let new_value = new.facets.get(facet);
        (new_value != Some(old_value)).then_some((facet, Some(old_value), new_value))
    });
    let added = new
        .facets
        .iter()
        .filter(|(facet, _)| !old.facets.contains_key(*facet))
        .map(|(facet, new_value)| (facet, None, Some(new_value)));
    let mut changes: Vec<_> = removed_or_changed
        .chain(added)
        .filter(|(facet, _, _)| on_both_sides(facet))
        .collect();
    // One member's changes together, members in name order, then the shape's own.
    changes.sort_by(|a, b| (subject(a.0), a.0).cmp(&(subject(b.0), b.0)));
    for (facet, old_value, new_value) in changes {
        let member_required = match facet {
            Facet::Member(name) => new.facets.contains_key(&Facet::MemberTrait(
                name.clone(),
                trait_id::REQUIRED.to_owned(),
            )),
            _ => false,
        };
        let context = FacetContext {
            is_enum,
            member_required,
        };
        details.extend(describe(facet, old_value, new_value, context));
    }
    details
}

/// What a facet is about: a member (by name), the shape's traits, its references.
fn subject(facet: &Facet) -> (u8, &str) {
    match facet {
        Facet::Member(name) | Facet::MemberTrait(name, _) => (0, name),
        Facet::Trait(id) => (1, id),
        Facet::Reference(role, _) => (2, role),
    }
}

/// What [`describe`] needs to know beyond the facet.
#[derive(Clone, Copy)]
struct FacetContext {
    is_enum: bool,
    /// The member (of a `Member` facet) is required on the new side.
    member_required: bool,
}

/// One facet change in words, and whether it breaks callers: a removed member, enum
/// value or reference, a retargeted member or input/output, a member that became
/// required (or was added required), an enum value whose wire string changed.
fn describe(
    facet: &Facet,
    old: Option<&String>,
    new: Option<&String>,
    context: FacetContext,
) -> Option<(bool, String)> {
    let member_noun = if context.is_enum { "value" } else { "member" };
    let described = match facet {
        Facet::Member(name) => match (old, new) {
            (Some(_), None) => (true, format!("{member_noun} `{name}` removed")),
            (None, Some(_)) if context.is_enum => (false, format!("value `{name}` added")),
            (None, Some(target)) if context.member_required => (
                true,
                format!("member `{name}` added, required (`{target}`)"),
            ),
            (None, Some(target)) => (false, format!("member `{name}` added (`{target}`)")),
            (old, new) => (
                true,
                format!("member `{name}` retargeted: {}", arrow(old, new)),
            ),
        },
        Facet::MemberTrait(name, id) if id == trait_id::REQUIRED => match (old, new) {
            (None, Some(_)) => (true, format!("member `{name}` became required")),
            (Some(_), None) => (false, format!("member `{name}` is no longer required")),
            _ => return None,
        },
        Facet::MemberTrait(name, id) => {
            let breaking = context.is_enum && id == trait_id::ENUM_VALUE;
            trait_change(&format!("{member_noun} `{name}`: "), id, old, new, breaking)
        }
        Facet::Trait(id) => trait_change("", id, old, new, false),
        Facet::Reference(role, _) if role_is_list(role) => match (old, new) {
            (Some(target), None) => (true, format!("{role} `{target}` removed")),
            (_, Some(target)) => (false, format!("{role} `{target}` added")),
            (None, None) => return None,
        },
        Facet::Reference(role, _) => (*role != "version", format!("{role}: {}", arrow(old, new))),
    };
    Some(described)
}

fn role_is_list(role: &str) -> bool {
    !matches!(role, "input" | "output" | "version")
}

/// A trait added, removed or changed (documentation only says "changed").
fn trait_change(
    subject: &str,
    id: &str,
    old: Option<&String>,
    new: Option<&String>,
    breaking: bool,
) -> (bool, String) {
    let name = id.strip_prefix("smithy.api#").unwrap_or(id);
    let what = match (old, new) {
        _ if id == trait_id::DOCUMENTATION => format!("{subject}documentation changed"),
        (None, Some(value)) => format!("{subject}trait `{name}` added: `{}`", short(value)),
        (Some(_), None) => format!("{subject}trait `{name}` removed"),
        (old, new) => format!("{subject}trait `{name}` changed: {}", arrow(old, new)),
    };
    (breaking, what)
}

fn arrow(old: Option<&String>, new: Option<&String>) -> String {
    let side =
        |value: Option<&String>| value.map_or("(none)".to_owned(), |v| format!("`{}`", short(v)));
    format!("{} -> {}", side(old), side(new))
}

/// Long trait values cut to keep one line per change.
fn short(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}...", &value[..end]),
        None => value.to_owned(),
    }
}
