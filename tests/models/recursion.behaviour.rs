//! Recursive types are finite and usable at depth: a direct cycle is boxed, a cycle
//! through a list or map is not.

use synthetic_recursion::operation::walk::WalkOutput;
use synthetic_recursion::types::{Ping, Pong, SelfLoop, TreeNode};

#[test]
fn a_direct_cycle_is_boxed_and_nests() {
    let mut ping = Ping::builder().build();
    for depth in 0..100 {
        let pong = Pong::builder().ping(ping).depth(depth).build();
        ping = Ping::builder().pong(pong).build();
    }
    let mut depth = 0;
    let mut current = &ping;
    while let Some(pong) = current.pong() {
        depth += 1;
        match pong.ping() {
            Some(next) => current = next,
            None => break,
        }
    }
    assert_eq!(depth, 100);
    // The boxed side takes the value and boxes it itself; the field is a `Box`.
    let boxed: &Option<Box<Pong>> = &ping.pong;
    assert!(boxed.is_some());
}

#[test]
fn a_cycle_through_a_list_or_map_needs_no_box() {
    let leaf = TreeNode::builder().name("leaf").build();
    let root = TreeNode::builder().name("root").children(leaf.clone()).children(leaf).build();
    assert_eq!(root.children().len(), 2);
    let children: &Option<Vec<TreeNode>> = &root.children;
    assert!(children.is_some());

    let inner = SelfLoop::builder().build();
    let outer = SelfLoop::builder().next(inner.clone()).by_name("a", inner).build();
    assert!(outer.next().is_some());
    assert_eq!(outer.by_name().map(|m| m.len()), Some(1));
    let output = WalkOutput::builder().self_(outer).build();
    assert!(output.self_().is_some());
}

#[test]
fn a_union_that_holds_itself_lends_the_unboxed_value() {
    use synthetic_recursion::types::Filter;
    let inner = Filter::Name("a".to_owned());
    let not = Filter::Not(Box::new(inner.clone()));
    // `as_not` lends `&Filter`, not `&Box<Filter>` (clippy's `borrowed_box`).
    let lent: &Filter = not.as_not().unwrap();
    assert_eq!(lent, &inner);
    assert!(not.is_not() && !not.is_and());
    let and = Filter::And(vec![not.clone(), inner]);
    assert_eq!(and.as_and().map(Vec::len), Ok(2));
}
