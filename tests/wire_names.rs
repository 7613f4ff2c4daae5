//! Every name the generated code puts on the wire comes from the model: for each official
//! model in `../shared/reference` (FSx and `models/*.json`), the crate is rendered in
//! memory and each operation's `NAME` and `TARGET`, and the crate's protocol, are read
//! back from the generated source and compared with the model JSON, read here on its own
//! (not through the generator). Operations the generator leaves out must be the ones
//! that stream (event streams, `@streaming` blobs).

use std::collections::BTreeSet;
use std::path::Path;

use codegen_tests::{shared_reference, string_const};
use serde_json::Value;

/// The reference models: FSx and the sample of other services.
fn reference_models() -> Vec<std::path::PathBuf> {
    let mut models: Vec<_> = shared_reference("fsx-2018-03-01.json")
        .into_iter()
        .collect();
    if let Some(dir) = codegen_tests::shared("reference/models") {
        let mut more: Vec<_> = std::fs::read_dir(dir)
            .expect("the models folder reads")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        more.sort();
        models.extend(more);
    }
    models
}

/// What the model says, read straight from its JSON.
struct ModelFacts {
    service_name: String,
    /// `application/x-amz-json-1.0` or `-1.1`.
    media_type: &'static str,
    query_compatible: bool,
    operations: BTreeSet<String>,
    streaming_operations: BTreeSet<String>,
}

fn model_facts(path: &Path) -> ModelFacts {
    let model: Value = serde_json::from_slice(&std::fs::read(path).expect("the model reads"))
        .expect("the model is JSON");
    let shapes = model["shapes"].as_object().expect("shapes");
    let (service_id, service) = shapes
        .iter()
        .find(|(_, s)| s["type"] == "service")
        .expect("a service");
    let traits = &service["traits"];
    let media_type = if traits.get("aws.protocols#awsJson1_0").is_some() {
        "application/x-amz-json-1.0"
    } else if traits.get("aws.protocols#awsJson1_1").is_some() {
        "application/x-amz-json-1.1"
    } else {
        panic!("{}: not an awsJson service", path.display())
    };
    let name = |id: &str| id.rsplit_once('#').map_or(id, |(_, n)| n).to_owned();
    let operations: BTreeSet<String> = service["operations"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(
            // Operations bound through resources count too.
            shapes
                .values()
                .filter(|s| s["type"] == "resource")
                .flat_map(|r| {
                    ["operations", "collectionOperations"]
                        .iter()
                        .flat_map(|k| r[*k].as_array().cloned().unwrap_or_default())
                        .chain(
                            ["create", "put", "read", "update", "delete", "list"]
                                .iter()
                                .filter_map(|k| r.get(*k).cloned()),
                        )
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
                .iter(),
        )
        .filter_map(|t| t["target"].as_str())
        .map(name)
        .collect();
    let streams = |target: Option<&str>| {
        let Some(shape) = target.and_then(|t| shapes.get(t)) else {
            return false;
        };
        shape["members"]
            .as_object()
            .into_iter()
            .flatten()
            .any(|(_, m)| {
                let member_target = m["target"].as_str().unwrap_or_default();
                shapes
                    .get(member_target)
                    .is_some_and(|t| t["traits"].get("smithy.api#streaming").is_some())
            })
    };
    let streaming_operations = shapes
        .iter()
        .filter(|(_, s)| s["type"] == "operation")
        .filter(|(_, s)| {
            streams(s["input"]["target"].as_str()) || streams(s["output"]["target"].as_str())
        })
        .map(|(id, _)| name(id))
        .collect();
    ModelFacts {
        service_name: name(service_id),
        media_type,
        query_compatible: traits.get("aws.protocols#awsQueryCompatible").is_some(),
        operations,
        streaming_operations,
    }
}

#[test]
fn every_operation_of_every_reference_model_is_sent_under_the_model_s_names() {
    let models = reference_models();
    if models.len() < 2 {
        return; // `shared` said why
    }
    for path in models {
        let facts = model_facts(&path);
        let files = codegen::Config::new()
            .model(&path)
            .render()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let protocol = &files["src/operation.rs"];
        let version = if facts.media_type.ends_with("1.0") {
            "V1_0"
        } else {
            "V1_1"
        };
        assert!(
            protocol.contains(&format!("AwsJson::{version}")),
            "{}: the crate's protocol is not {version}:\n{protocol}",
            path.display()
        );
        assert_eq!(
            protocol.contains(".query_compatible()"),
            facts.query_compatible,
            "{}: awsQueryCompatible",
            path.display()
        );
        let mut generated = BTreeSet::new();
        for (file, text) in &files {
            let is_operation = file.starts_with("src/operation/") && file.matches('/').count() == 2;
            if !is_operation {
                continue;
            }
            let name = string_const(text, "NAME").unwrap_or_else(|| panic!("{file}: no NAME"));
            let target =
                string_const(text, "TARGET").unwrap_or_else(|| panic!("{file}: no TARGET"));
            assert!(
                facts.operations.contains(name),
                "{}: `{name}` is not an operation of the model",
                path.display()
            );
            assert_eq!(target, format!("{}.{name}", facts.service_name), "{file}");
            generated.insert(name.to_owned());
        }
        let left_out: BTreeSet<_> = facts.operations.difference(&generated).cloned().collect();
        let not_streaming: Vec<_> = left_out.difference(&facts.streaming_operations).collect();
        assert!(
            not_streaming.is_empty(),
            "{}: operations left out that do not stream: {not_streaming:?}",
            path.display()
        );
        eprintln!(
            "{}: {} operations generated, {} left out (streaming: {:?}), protocol {}",
            path.file_name()
                .map_or_else(Default::default, |n| n.to_string_lossy()),
            generated.len(),
            left_out.len(),
            left_out,
            facts.media_type,
        );
    }
}
