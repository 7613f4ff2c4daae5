//! Smithy protocol compliance cases (`smithy.test#httpRequestTests` and
//! `httpResponseTests`) turned into Rust tests of a generated crate: one `#[test]` per
//! client case, its input or expected output written as builder code from the case's
//! `params` (never read through the crate's own deserializer).

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;

use codegen::plan::names::snake_name;
use codegen::plan::{OperationPlan, Plan};
use serde_json::{Map, Value};

use super::rust_values::RustValues;

const REQUEST_TESTS: &str = "smithy.test#httpRequestTests";
const RESPONSE_TESTS: &str = "smithy.test#httpResponseTests";

/// Whether a case checks the request a client sends or how it reads a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Request,
    Response,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Request => "request",
            Kind::Response => "response",
        })
    }
}

/// One client test case. Cases are keyed by (kind, id): an ID may name both a request
/// and a response case.
#[derive(Debug, Clone)]
pub struct Case {
    pub kind: Kind,
    pub id: String,
    /// The shape carrying the case: an operation, or an error structure.
    pub owner: String,
    /// The case as the model gives it.
    pub data: Map<String, Value>,
}

impl Case {
    pub fn key(&self) -> (Kind, &str) {
        (self.kind, &self.id)
    }

    /// The Rust test's name, e.g. `request_aws_json11_enums`.
    pub fn test_name(&self) -> String {
        format!("{}_{}", self.kind, snake_name(&self.id))
    }

    fn text(&self, member: &str) -> Option<&str> {
        self.data.get(member).and_then(Value::as_str)
    }

    fn texts(&self, member: &str) -> Vec<&str> {
        self.data
            .get(member)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    /// The case's headers as the items of a Rust `&[(&str, &str)]`.
    fn headers_code(&self) -> String {
        let Some(headers) = self.data.get("headers").and_then(Value::as_object) else {
            return String::new();
        };
        headers
            .iter()
            .filter_map(|(k, v)| Some(format!("({k:?}, {:?})", v.as_str()?)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn params(&self) -> Map<String, Value> {
        self.data
            .get("params")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    }
}

/// Every client case of the model (those not marked `appliesTo: "server"`), in model
/// order. Panics when a (kind, id) repeats or two cases would share a test name.
pub fn client_cases(model: &Value) -> Vec<Case> {
    let mut cases = Vec::new();
    let shapes = model["shapes"].as_object().expect("the model has shapes");
    for (shape_id, shape) in shapes {
        for (trait_id, kind) in [
            (REQUEST_TESTS, Kind::Request),
            (RESPONSE_TESTS, Kind::Response),
        ] {
            let Some(list) = shape["traits"][trait_id].as_array() else {
                continue;
            };
            for data in list.iter().filter_map(Value::as_object) {
                if data.get("appliesTo").and_then(Value::as_str) == Some("server") {
                    continue;
                }
                cases.push(Case {
                    kind,
                    id: data["id"].as_str().expect("a case has an id").to_owned(),
                    owner: shape_id.clone(),
                    data: data.clone(),
                });
            }
        }
    }
    let mut names = BTreeSet::new();
    for case in &cases {
        assert!(
            names.insert(case.test_name()),
            "two {} cases named like {}",
            case.kind,
            case.id
        );
    }
    cases
}

/// The operation a case runs through: its owner, or for a case on an error structure
/// the first operation that can return that error.
pub fn operation_of<'p>(plan: &'p Plan, case: &Case) -> Option<&'p OperationPlan> {
    plan.operations
        .iter()
        .find(|op| op.shape_id == case.owner)
        .or_else(|| {
            plan.operations.iter().find(|op| {
                op.errors
                    .iter()
                    .any(|r| plan.structure(r).shape_id == case.owner)
            })
        })
}

/// The generated test file: support modules, `Same` impls, then one test per case.
pub struct SuiteFile {
    pub text: String,
    /// Each case's test: its key, test name and the lines it spans (1-based, end
    /// excluded).
    pub tests: Vec<((Kind, String), String, Range<usize>)>,
}

impl SuiteFile {
    pub fn new(values: &RustValues<'_>) -> Self {
        let text = format!(
            "//! The Smithy awsJson1_1 compliance cases, one test each (written by the \
             `compliance` test of codegen-tests).\n\n\
             #![allow(unused_imports, clippy::all)]\n\n\
             mod support;\n\n\
             use support::compliance::{{assert_same, check_request, member, response, token, ExpectedRequest, Same}};\n\n\
             {}",
            values.same_impls()
        );
        SuiteFile {
            text,
            tests: Vec::new(),
        }
    }

    /// Appends `code`, the test of `case`.
    pub fn push(&mut self, case: &Case, code: &str) {
        let start = self.text.lines().count() + 1;
        self.text.push('\n');
        self.text.push_str(code);
        let end = self.text.lines().count() + 1;
        self.tests
            .push(((case.kind, case.id.clone()), case.test_name(), start..end));
    }

    /// The case whose test spans `line`.
    pub fn case_at(&self, line: usize) -> Option<&(Kind, String)> {
        self.tests
            .iter()
            .find(|(_, _, lines)| lines.contains(&line))
            .map(|(key, _, _)| key)
    }
}

/// The test of one case, or why none can be written.
pub fn case_test(
    values: &RustValues<'_>,
    operation: &OperationPlan,
    case: &Case,
) -> Result<String, String> {
    match case.kind {
        Kind::Request => request_test(values, operation, case),
        Kind::Response => response_test(values, operation, case),
    }
}

fn request_test(
    values: &RustValues<'_>,
    operation: &OperationPlan,
    case: &Case,
) -> Result<String, String> {
    let input = values.structure(&operation.input.path, &case.params())?;
    let endpoint = match case.text("host") {
        Some(host) => format!(
            "    {}::endpoint::Endpoint::parse({:?}).expect(\"the case's host is an endpoint\")\n        \
             .apply(&mut request).expect(\"the endpoint applies\");\n",
            values.crate_ident(),
            format!("https://{host}")
        ),
        None => String::new(),
    };
    let strings = |items: Vec<&str>| {
        items
            .iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Ok(format!(
        "#[test]\nfn {name}() {{\n    \
         let input = {input};\n    \
         #[allow(unused_mut)]\n    \
         let mut request = {op}::request(input, &token).expect(\"the request builds\");\n\
         {endpoint}    \
         check_request(&request, &ExpectedRequest {{\n        \
         method: {method:?},\n        uri: {uri:?},\n        headers: &[{headers}],\n        \
         require_headers: &[{require}],\n        forbid_headers: &[{forbid}],\n        \
         body: {body:?},\n        body_media_type: {media:?},\n        resolved_host: {resolved:?},\n    \
         }});\n}}\n",
        name = case.test_name(),
        op = operation_type(values, operation),
        headers = case.headers_code(),
        method = case.text("method").unwrap_or("POST"),
        uri = case.text("uri").unwrap_or("/"),
        require = strings(case.texts("requireHeaders")),
        forbid = strings(case.texts("forbidHeaders")),
        body = case.text("body"),
        media = case.text("bodyMediaType"),
        resolved = case.text("resolvedHost"),
    ))
}

fn response_test(
    values: &RustValues<'_>,
    operation: &OperationPlan,
    case: &Case,
) -> Result<String, String> {
    let status = case
        .data
        .get("code")
        .and_then(Value::as_u64)
        .ok_or("no status code")?;
    let error = operation.errors.iter().find(|r| {
        values
            .structure_plan(&r.path)
            .is_ok_and(|s| s.shape_id == case.owner)
    });
    let (expected, check) = match error {
        Some(r) => {
            let path = &r.path;
            let plan = values.structure_plan(path)?;
            let enum_path = format!(
                "{}::{}Error",
                values.external(&format!("crate::operation::{}", operation.module)),
                operation.name
            );
            (
                values.structure(path, &case.params())?,
                format!(
                    "match result {{\n        Err({enum_path}::{variant}(actual)) => assert_same({variant:?}, &actual, &expected),\n        \
                     other => panic!(\"expected the error {variant}, got {{other:?}}\"),\n    }}",
                    variant = plan.name
                ),
            )
        }
        None => (
            values.structure(&operation.output.path, &case.params())?,
            "match result {\n        Ok(actual) => assert_same(\"output\", &actual, &expected),\n        \
             Err(error) => panic!(\"expected the output, got {error:?}\"),\n    }"
                .to_owned(),
        ),
    };
    Ok(format!(
        "#[test]\nfn {name}() {{\n    \
         let response = response({status}, &[{headers}], {body:?});\n    \
         let result = {op}::parse_response(&response);\n    \
         let expected = {expected};\n    \
         {check}\n}}\n",
        name = case.test_name(),
        op = operation_type(values, operation),
        headers = case.headers_code(),
        body = case.text("body").unwrap_or(""),
    ))
}

/// `protocol_tests::operation::json_enums::JsonEnums`
fn operation_type(values: &RustValues<'_>, operation: &OperationPlan) -> String {
    values.external(&format!(
        "crate::operation::{}::{}",
        operation.module, operation.name
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Value {
        serde_json::json!({
            "smithy": "2.0",
            "shapes": {
                "ex#Put": {
                    "type": "operation",
                    "traits": {
                        "smithy.api#endpoint": {"hostPrefix": "data."},
                        "smithy.test#httpRequestTests": [
                            {"id": "PutIt", "protocol": "p", "method": "POST", "uri": "/"},
                            {"id": "ServerOnly", "protocol": "p", "method": "POST", "uri": "/",
                             "appliesTo": "server"}
                        ],
                        "smithy.test#httpResponseTests": [
                            {"id": "PutIt", "protocol": "p", "code": 200}
                        ]
                    }
                },
                "ex#Zip": {
                    "type": "operation",
                    "traits": {"smithy.api#requestCompression": {"encodings": ["gzip"]}}
                },
                "ex#Plain": {"type": "operation"}
            }
        })
    }

    #[test]
    fn client_cases_leave_out_server_cases_and_keep_both_kinds_of_one_id() {
        let cases = client_cases(&model());
        let keys: Vec<(Kind, &str)> = cases.iter().map(Case::key).collect();
        assert_eq!(keys, [(Kind::Request, "PutIt"), (Kind::Response, "PutIt")]);
        assert_eq!(cases[0].test_name(), "request_put_it");
        assert_eq!(cases[1].test_name(), "response_put_it");
        assert!(cases.iter().all(|c| c.owner == "ex#Put"));
    }
}
