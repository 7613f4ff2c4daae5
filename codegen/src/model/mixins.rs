//! Mixins: copies every mixin's members and traits into the shapes that use it, before
//! validation, so later stages never see a mixin. Mixin members come first, in mixin
//! order; a member the shape declares again keeps the mixin's target and takes the
//! shape's traits over the mixin's; shape traits win over inherited ones, and the
//! `mixin` trait itself is not inherited.

use crate::error::{Error, Result};
use crate::model::ast::{Member, OrderedMap, Shape, Target, Traits};
use crate::model::load::Model;

/// The trait that marks a shape as a mixin.
pub const MIXIN: &str = "smithy.api#mixin";

/// Flattens every shape that uses mixins, mixins of mixins first.
pub fn apply(model: &mut Model) -> Result<()> {
    let mut pending: Vec<String> = model
        .shapes
        .iter()
        .filter(|(_, shape)| !shape.mixins().is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    while !pending.is_empty() {
        let ready: Vec<String> = pending
            .iter()
            .filter(|id| mixins_are_flat(model, id))
            .cloned()
            .collect();
        if ready.is_empty() {
            let id = &pending[0];
            return Err(model.locate(Error::shape(id, "its mixins form a cycle")));
        }
        for id in &ready {
            flatten(model, id).map_err(|e| model.locate(e.with_shape(id)))?;
        }
        pending.retain(|id| !ready.contains(id));
    }
    Ok(())
}

/// Whether every mixin of `id` exists and has no mixins of its own left (a dangling
/// mixin counts as flat, so `flatten` reports it).
fn mixins_are_flat(model: &Model, id: &str) -> bool {
    model.shapes[id].mixins().iter().all(|m| {
        model
            .shapes
            .get(&m.target)
            .map_or(true, |s| s.mixins().is_empty())
    })
}

fn flatten(model: &mut Model, id: &str) -> Result<()> {
    let shape = &model.shapes[id];
    let mut traits = Traits::default();
    let mut members: Vec<(String, Member)> = Vec::new();
    for Target { target } in shape.mixins() {
        let mixin = model
            .shapes
            .get(target)
            .ok_or_else(|| Error::new(format!("mixin `{target}` does not exist in the model")))?;
        if !mixin.traits().has(MIXIN) {
            return Err(Error::new(format!(
                "`{target}` is used as a mixin but has no `{MIXIN}` trait"
            )));
        }
        if mixin.kind() != shape.kind() {
            return Err(Error::new(format!(
                "mixin `{target}` is {}, but the shape is {}",
                mixin.a_kind(),
                shape.a_kind()
            )));
        }
        for (trait_id, value) in mixin.traits().iter().filter(|(t, _)| *t != MIXIN) {
            set_trait(&mut traits, trait_id, value.clone());
        }
        for (name, member) in mixin.members() {
            upsert_member(&mut members, name, member.clone());
        }
    }
    for (trait_id, value) in shape.traits().iter() {
        set_trait(&mut traits, trait_id, value.clone());
    }
    for (name, member) in shape.members() {
        match members.iter_mut().find(|(n, _)| n == name) {
            Some((_, inherited)) => {
                for (trait_id, value) in member.traits.iter() {
                    set_trait(&mut inherited.traits, trait_id, value.clone());
                }
            }
            None => members.push((name.to_owned(), member.clone())),
        }
    }
    let Some(shape) = model.shapes.get_mut(id) else {
        return Ok(());
    };
    replace_parts(shape, traits, members)
}

fn set_trait(traits: &mut Traits, id: &str, value: serde_json::Value) {
    let entries = &mut traits.0 .0;
    match entries.iter_mut().find(|(k, _)| k == id) {
        Some((_, existing)) => *existing = value,
        None => entries.push((id.to_owned(), value)),
    }
}

fn upsert_member(members: &mut Vec<(String, Member)>, name: &str, member: Member) {
    match members.iter_mut().find(|(n, _)| n == name) {
        Some((_, existing)) => *existing = member,
        None => members.push((name.to_owned(), member)),
    }
}

/// Puts the flattened traits and members into the shape and clears its mixins.
fn replace_parts(shape: &mut Shape, traits: Traits, members: Vec<(String, Member)>) -> Result<()> {
    let member = |name: &str| {
        members
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.clone())
            .ok_or_else(|| Error::new(format!("has no `{name}` member")))
    };
    match shape {
        Shape::Enum(a) | Shape::IntEnum(a) | Shape::Structure(a) | Shape::Union(a) => {
            a.members = OrderedMap(members.clone());
        }
        Shape::List(l) | Shape::Set(l) => l.member = member("member")?,
        Shape::Map(m) => {
            m.key = member("key")?;
            m.value = member("value")?;
        }
        _ => {}
    }
    let (own_traits, mixins) = shape.traits_and_mixins_mut();
    *own_traits = traits;
    mixins.clear();
    Ok(())
}
