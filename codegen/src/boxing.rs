//! Recursion: decides which members need a `Box` so every generated type has a finite
//! size. A cycle that passes through a list or map is already broken by the `Vec` or
//! `HashMap` heap allocation; any other cycle gets its member with the smallest member ID
//! boxed, and the search repeats until no unboxed cycle remains. The result depends only
//! on the model, never on iteration order.

use std::collections::{BTreeMap, BTreeSet};

use crate::ast::Shape;
use crate::load::Model;

/// A member ID: `namespace#Shape$member`.
pub type MemberId = String;

/// The members to box among `shapes` (structures and unions).
pub fn members_to_box(model: &Model, shapes: &BTreeSet<String>) -> BTreeSet<MemberId> {
    let edges = direct_edges(model, shapes);
    let mut boxed = BTreeSet::new();
    while let Some(cycle) = find_cycle(&edges, &boxed) {
        if let Some(smallest) = cycle.into_iter().min() {
            boxed.insert(smallest);
        }
    }
    boxed
}

/// For each structure or union: (member ID, target) for members that embed another
/// structure or union by value.
fn direct_edges(
    model: &Model,
    shapes: &BTreeSet<String>,
) -> BTreeMap<String, Vec<(MemberId, String)>> {
    let mut edges = BTreeMap::new();
    for id in shapes {
        let Some(Shape::Structure(aggregate) | Shape::Union(aggregate)) = model.shapes.get(id)
        else {
            continue;
        };
        let out: Vec<(MemberId, String)> = aggregate
            .members
            .iter()
            .filter(|(_, m)| {
                matches!(
                    model.shapes.get(&m.target),
                    Some(Shape::Structure(_) | Shape::Union(_))
                )
            })
            .map(|(name, m)| (format!("{id}${name}"), m.target.clone()))
            .collect();
        edges.insert(id.clone(), out);
    }
    edges
}

/// One cycle of unboxed edges, as its member IDs, found by an iterative depth-first
/// search from the smallest shape ID (no recursion, so deep models cannot overflow).
fn find_cycle(
    edges: &BTreeMap<String, Vec<(MemberId, String)>>,
    boxed: &BTreeSet<MemberId>,
) -> Option<Vec<MemberId>> {
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in edges.keys() {
        if done.contains(start.as_str()) {
            continue;
        }
        // The DFS path: (shape, index of the next edge to try, member that led here).
        let mut path: Vec<(&str, usize, Option<&str>)> = vec![(start, 0, None)];
        let mut on_path: BTreeSet<&str> = BTreeSet::from([start.as_str()]);
        while let Some((node, next, _)) = path.last().copied() {
            let out = edges.get(node).map(Vec::as_slice).unwrap_or_default();
            let Some((member, target)) = out.get(next) else {
                on_path.remove(node);
                done.insert(node);
                path.pop();
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            if boxed.contains(member) || done.contains(target.as_str()) {
                continue;
            }
            if on_path.contains(target.as_str()) {
                let from = path.iter().position(|(n, _, _)| *n == target)?;
                let mut cycle: Vec<MemberId> = path[from + 1..]
                    .iter()
                    .filter_map(|(_, _, via)| via.map(str::to_owned))
                    .collect();
                cycle.push(member.clone());
                return Some(cycle);
            }
            on_path.insert(target);
            path.push((target, 0, Some(member)));
        }
    }
    None
}
