//! Recursion: decides which members need a `Box` so every generated type has a finite
//! size. A cycle that passes through a list or map is already broken by the `Vec` or
//! `HashMap` heap allocation; any other cycle gets its member with the smallest member ID
//! boxed, and the search repeats until no unboxed cycle remains. The result depends only
//! on the model, never on iteration order.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::ast::Shape;
use crate::model::load::Model;

/// A member ID: `namespace#Shape$member`.
pub type MemberId = String;

/// The members to box among `shapes` (structures and unions).
pub fn members_to_box(model: &Model, shapes: &BTreeSet<String>) -> BTreeSet<MemberId> {
    break_cycles(&direct_edges(model, shapes))
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

/// Boxes, until no cycle of unboxed edges remains, the smallest member ID of the first
/// cycle a depth-first search finds (from the smallest shape ID, edges in model order).
///
/// One search serves every cycle: after boxing a member the search backs up to the shape
/// that member leaves and goes on with that shape's next edge, which is exactly where a
/// fresh search would first differ (shapes already finished reach no cycle, then or
/// later). Restarting instead costs a search per cycle, quadratic in a model with
/// thousands of recursive shapes. Iterative, so deep models cannot overflow the stack.
fn break_cycles(edges: &BTreeMap<String, Vec<(MemberId, String)>>) -> BTreeSet<MemberId> {
    let mut boxed: BTreeSet<MemberId> = BTreeSet::new();
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
            if !on_path.contains(target.as_str()) {
                on_path.insert(target);
                path.push((target, 0, Some(member)));
                continue;
            }
            // A cycle: the members that led from `target` to here, and this one.
            let Some(from) = path.iter().position(|(n, _, _)| *n == target) else {
                continue;
            };
            let cycle = path[from + 1..].iter().filter_map(|(_, _, via)| *via);
            let smallest = cycle.chain([member.as_str()]).min().unwrap_or(member);
            boxed.insert(smallest.to_owned());
            // Back up to the shape the boxed member leaves.
            if let Some(leaves) = path.iter().rposition(|(_, _, via)| *via == Some(smallest)) {
                for (left, _, _) in path.drain(leaves..) {
                    on_path.remove(left);
                }
            }
        }
    }
    boxed
}

#[cfg(test)]
mod tests {
    use super::*;

    type Edges = BTreeMap<String, Vec<(MemberId, String)>>;

    /// The definition the single search must match: search from scratch, box the smallest
    /// member of the first cycle found, repeat.
    fn restart_per_cycle(edges: &Edges) -> BTreeSet<MemberId> {
        let mut boxed = BTreeSet::new();
        loop {
            let mut unboxed = edges.clone();
            for out in unboxed.values_mut() {
                out.retain(|(member, _)| !boxed.contains(member));
            }
            match first_boxed(&unboxed) {
                Some(member) => boxed.insert(member),
                None => return boxed,
            };
        }
    }

    /// The smallest member of the first cycle a search finds.
    fn first_boxed(edges: &Edges) -> Option<MemberId> {
        let mut done = BTreeSet::new();
        for start in edges.keys() {
            let mut path = vec![(start.clone(), None::<MemberId>)];
            if let Some(cycle) = first_cycle(edges, &mut path, &mut done) {
                return cycle.into_iter().min();
            }
        }
        None
    }

    /// Plain recursive DFS (test graphs are small).
    fn first_cycle(
        edges: &Edges,
        path: &mut Vec<(String, Option<MemberId>)>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<MemberId>> {
        let node = path.last()?.0.clone();
        if done.contains(&node) {
            return None;
        }
        for (member, target) in edges.get(&node).into_iter().flatten() {
            if done.contains(target) {
                continue;
            }
            if let Some(from) = path.iter().position(|(n, _)| n == target) {
                let mut cycle: Vec<MemberId> = path[from + 1..]
                    .iter()
                    .filter_map(|(_, via)| via.clone())
                    .collect();
                cycle.push(member.clone());
                return Some(cycle);
            }
            path.push((target.clone(), Some(member.clone())));
            let found = first_cycle(edges, path, done);
            path.pop();
            if found.is_some() {
                return found;
            }
        }
        done.insert(node);
        None
    }

    /// A small random graph: shapes `s0..`, members named so that their order differs
    /// from the order of their shapes.
    fn random_graph(seed: &mut u64) -> Edges {
        let mut next = |n: u64| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed % n
        };
        let shapes = 1 + next(7);
        (0..shapes)
            .map(|s| {
                let out = (0..next(4))
                    .map(|m| {
                        (
                            format!("s{s}${}", next(100) * 10 + m),
                            format!("s{}", next(shapes)),
                        )
                    })
                    .collect();
                (format!("s{s}"), out)
            })
            .collect()
    }

    #[test]
    fn one_search_boxes_what_a_search_per_cycle_boxes() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..5000 {
            let edges = random_graph(&mut seed);
            assert_eq!(break_cycles(&edges), restart_per_cycle(&edges), "{edges:?}");
        }
    }

    #[test]
    fn thousands_of_self_recursive_shapes_each_box_one_member() {
        let edges: Edges = (0..5000)
            .map(|i| (format!("s{i}"), vec![(format!("s{i}$me"), format!("s{i}"))]))
            .collect();
        assert_eq!(break_cycles(&edges).len(), 5000);
    }
}
