//! `model/` states the same API facts as the official FSx model for every shape of the
//! CopyBackup closure: kinds, members and their order, targets, and every trait except
//! documentation and examples. Documentation is ours and is not compared. Every
//! difference is printed. Skipped when `../shared` is not on this machine.

use std::collections::BTreeSet;

use codegen::model::ast::{Shape, Traits};
use codegen::model::load::{load, Model};
use codegen_tests::{shared_reference, workspace};

const SERVICE: &str = "com.amazonaws.fsx#AWSSimbaAPIService_v20180301";
const OPERATION: &str = "com.amazonaws.fsx#CopyBackup";
/// The service traits compared as text (the endpoint rules are ours, compared by what they
/// resolve: `model_endpoint_rules_answer_every_reference_endpoint_test`).
const SERVICE_FACTS: &[&str] = &[
    "aws.api#service",
    "aws.auth#sigv4",
    "aws.protocols#awsJson1_1",
];
const NOT_FACTS: &[&str] = &["smithy.api#documentation", "smithy.api#examples"];

fn facts(traits: &Traits) -> Vec<(String, String)> {
    traits
        .iter()
        .filter(|(id, _)| !NOT_FACTS.contains(id))
        .map(|(id, value)| (id.to_owned(), value.to_string()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn targets(shape: &Shape) -> Vec<String> {
    let mut out = Vec::new();
    if let Shape::Operation(op) = shape {
        out.extend(
            op.input
                .iter()
                .chain(&op.output)
                .chain(&op.errors)
                .map(|t| t.target.clone()),
        );
    }
    out.extend(shape.members().into_iter().map(|(_, m)| m.target.clone()));
    out
}

/// Shapes reachable from the operation in the reference, in visit order.
fn reference_closure(reference: &Model) -> Vec<String> {
    let mut order = Vec::new();
    let mut pending = vec![OPERATION.to_owned()];
    while let Some(id) = pending.pop() {
        if id.starts_with("smithy.api#") || order.contains(&id) {
            continue;
        }
        if let Some(shape) = reference.shapes.get(&id) {
            pending.extend(targets(shape).into_iter().rev());
        }
        order.push(id);
    }
    order
}

fn compare_shape(id: &str, ours: &Shape, theirs: &Shape, diffs: &mut Vec<String>) {
    if ours.kind() != theirs.kind() {
        diffs.push(format!(
            "{id}: kind {} != reference {}",
            ours.kind(),
            theirs.kind()
        ));
        return;
    }
    if facts(ours.traits()) != facts(theirs.traits()) {
        diffs.push(format!(
            "{id}: traits {:?} != reference {:?}",
            facts(ours.traits()),
            facts(theirs.traits())
        ));
    }
    if let (Shape::Operation(a), Shape::Operation(b)) = (ours, theirs) {
        if targets(ours) != targets(theirs) || a.errors.len() != b.errors.len() {
            diffs.push(format!(
                "{id}: input/output/errors {:?} != reference {:?}",
                targets(ours),
                targets(theirs)
            ));
        }
    }
    let ours_members = ours.members();
    let theirs_members = theirs.members();
    let names = |m: &[(&str, &codegen::model::ast::Member)]| {
        m.iter().map(|(n, _)| n.to_string()).collect::<Vec<_>>()
    };
    if names(&ours_members) != names(&theirs_members) {
        diffs.push(format!(
            "{id}: members {:?} != reference {:?}",
            names(&ours_members),
            names(&theirs_members)
        ));
    }
    for ((name, a), (_, b)) in ours_members.iter().zip(&theirs_members) {
        if a.target != b.target {
            diffs.push(format!(
                "{id}${name}: target {} != reference {}",
                a.target, b.target
            ));
        }
        if facts(&a.traits) != facts(&b.traits) {
            diffs.push(format!(
                "{id}${name}: traits {:?} != reference {:?}",
                facts(&a.traits),
                facts(&b.traits)
            ));
        }
    }
}

fn compare_service(ours: &Model, reference: &Model, diffs: &mut Vec<String>) {
    let (Some(Shape::Service(a)), Some(Shape::Service(b))) =
        (ours.shapes.get(SERVICE), reference.shapes.get(SERVICE))
    else {
        diffs.push(format!("{SERVICE}: missing"));
        return;
    };
    let kept = |t: &Traits| {
        facts(t)
            .into_iter()
            .filter(|(id, _)| SERVICE_FACTS.contains(&id.as_str()))
            .collect::<Vec<_>>()
    };
    if kept(&a.traits) != kept(&b.traits) {
        diffs.push(format!(
            "{SERVICE}: traits {:?} != reference {:?}",
            kept(&a.traits),
            kept(&b.traits)
        ));
    }
    if a.version != b.version {
        diffs.push(format!(
            "{SERVICE}: version {:?} != reference {:?}",
            a.version, b.version
        ));
    }
    let operations: Vec<&str> = a.operations.iter().map(|t| t.target.as_str()).collect();
    if operations != [OPERATION] {
        diffs.push(format!(
            "{SERVICE}: operations {operations:?}, expected only {OPERATION}"
        ));
    }
}

#[test]
fn model_states_the_reference_facts_for_the_whole_closure() {
    let Some(reference_path) = shared_reference("fsx-2018-03-01.json") else {
        return;
    };
    let reference = load(&[reference_path]).expect("the reference loads");
    let ours = load(&[workspace().join("model")]).expect("model/ loads");
    let closure = reference_closure(&reference);
    let mut diffs = Vec::new();
    for id in &closure {
        match (ours.shapes.get(id), reference.shapes.get(id)) {
            (Some(a), Some(b)) => compare_shape(id, a, b, &mut diffs),
            (None, _) => diffs.push(format!("{id}: missing from model/")),
            (_, None) => diffs.push(format!("{id}: not in the reference")),
        }
    }
    for id in ours
        .shapes
        .keys()
        .filter(|id| *id != SERVICE && !closure.contains(id))
    {
        diffs.push(format!("{id}: in model/ but not in the CopyBackup closure"));
    }
    compare_service(&ours, &reference, &mut diffs);
    for diff in &diffs {
        eprintln!("{diff}");
    }
    assert!(
        diffs.is_empty(),
        "{} differences with the reference (listed above)",
        diffs.len()
    );
    assert_eq!(
        closure.len(),
        185,
        "the CopyBackup closure counts 185 shapes with the operation"
    );
}

#[test]
fn model_documentation_is_present_and_ours() {
    let Some(reference_path) = shared_reference("fsx-2018-03-01.json") else {
        return;
    };
    let reference = load(&[reference_path]).expect("the reference loads");
    let ours = load(&[workspace().join("model")]).expect("model/ loads");
    let mut problems = Vec::new();
    for (id, shape) in &ours.shapes {
        let documented = matches!(
            shape,
            Shape::Structure(_)
                | Shape::Enum(_)
                | Shape::List(_)
                | Shape::Operation(_)
                | Shape::Service(_)
        );
        let theirs = reference.shapes.get(id);
        check_doc(
            id,
            shape.traits(),
            theirs.map(Shape::traits),
            documented,
            &mut problems,
        );
        if let (Shape::Structure(_), Some(theirs)) = (shape, theirs) {
            for ((name, member), (_, their_member)) in shape.members().iter().zip(theirs.members())
            {
                check_doc(
                    &format!("{id}${name}"),
                    &member.traits,
                    Some(&their_member.traits),
                    true,
                    &mut problems,
                );
            }
        }
    }
    for problem in &problems {
        eprintln!("{problem}");
    }
    assert!(
        problems.is_empty(),
        "{} documentation problems (listed above)",
        problems.len()
    );
}

fn check_doc(
    id: &str,
    ours: &Traits,
    theirs: Option<&Traits>,
    required: bool,
    problems: &mut Vec<String>,
) {
    match (ours.doc(), theirs.and_then(Traits::doc)) {
        (None, _) if required => problems.push(format!("{id}: no documentation")),
        (Some(a), Some(b)) if normalize(a) == normalize(b) => {
            problems.push(format!("{id}: documentation copied from the reference"))
        }
        _ => {}
    }
}

fn normalize(doc: &str) -> String {
    codegen::plan::docs::to_rustdoc(doc)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `model/`'s endpoint rules are our own writing, so they are checked by what they do: every
/// `smithy.rules#endpointTests` case of the reference model, run through the resolver
/// generated from `model/` (`fsx::endpoint_resolver`), gives the same URL, or an error
/// where the reference expects one (the messages are ours).
#[test]
fn model_endpoint_rules_answer_every_reference_endpoint_test() {
    let Some(reference_path) = shared_reference("fsx-2018-03-01.json") else {
        return;
    };
    let text = std::fs::read_to_string(reference_path).expect("the reference reads");
    let reference: serde_json::Value = serde_json::from_str(&text).expect("the reference parses");
    let cases = reference["shapes"][SERVICE]["traits"]["smithy.rules#endpointTests"]["testCases"]
        .as_array()
        .expect("the reference has endpoint tests");
    let mut differences = Vec::new();
    for case in cases {
        let given = &case["params"];
        let mut params = fsx::endpoint_resolver::Params::default();
        params.region = given["Region"].as_str().map(str::to_owned);
        params.endpoint = given["Endpoint"].as_str().map(str::to_owned);
        params.use_fips = given["UseFIPS"].as_bool().unwrap_or(false);
        params.use_dual_stack = given["UseDualStack"].as_bool().unwrap_or(false);
        let ours = fsx::endpoint_resolver::resolve(&params);
        let expected_url = case["expect"]["endpoint"]["url"].as_str();
        let agrees = match (&ours, expected_url) {
            (Ok(endpoint), Some(url)) => endpoint.url() == url,
            (Err(_), None) => true,
            _ => false,
        };
        if !agrees {
            differences.push(format!(
                "{}: ours {:?}, reference {}",
                case["documentation"],
                ours.map(|e| e.url().to_owned()),
                case["expect"]
            ));
        }
    }
    assert!(cases.len() >= 40, "only {} reference cases", cases.len());
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
