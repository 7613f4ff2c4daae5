//! The service's endpoint rules (`smithy.rules#endpointRuleSet`) and their test cases
//! (`smithy.rules#endpointTests`), read from the raw trait values into a typed form the
//! emitter writes out as data for the runtime's interpreter (`endpoint_rules`).
//!
//! Everything that could fail at resolution time because of the model is checked here:
//! unknown functions, wrong argument counts, references to names that are neither a
//! parameter nor assigned, malformed templates. The semantics follow the Smithy
//! rules-engine specification (templates `{Name}` / `{Name#path}`, `{{`/`}}` escapes,
//! `getAttr` paths `a.b[0]`).

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::model::ast::Traits;
use crate::plan::names::field_name;

pub const RULE_SET: &str = "smithy.rules#endpointRuleSet";
pub const TESTS: &str = "smithy.rules#endpointTests";
pub const STATIC_CONTEXT_PARAMS: &str = "smithy.rules#staticContextParams";
pub const CONTEXT_PARAM: &str = "smithy.rules#contextParam";
pub const OPERATION_CONTEXT_PARAMS: &str = "smithy.rules#operationContextParams";
pub const CLIENT_CONTEXT_PARAMS: &str = "smithy.rules#clientContextParams";

/// A service's rule set and test cases.
#[derive(Debug)]
pub struct EndpointRules {
    /// Sorted by name (see `object`).
    pub params: Vec<EndpointParam>,
    pub rules: Vec<Rule>,
    pub tests: Vec<EndpointTest>,
}

/// A rule set parameter, a field of the generated parameters struct.
#[derive(Debug)]
pub struct EndpointParam {
    /// The rules' name (`UseFIPS`).
    pub name: String,
    /// The Rust field (`use_fips`).
    pub field: String,
    pub ty: ParamType,
    pub required: bool,
    pub default: Option<ParamValue>,
    /// `AWS::Region`, `AWS::UseFIPS`, `AWS::UseDualStack`, `SDK::Endpoint`, ...
    pub built_in: Option<String>,
    /// Named by the service's `smithy.rules#clientContextParams`: a client setting.
    pub client_setting: bool,
    pub doc: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Boolean,
    StringArray,
}

/// A parameter's default or a test case's value.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    String(String),
    Boolean(bool),
    StringArray(Vec<String>),
}

#[derive(Debug)]
pub struct Rule {
    pub conditions: Vec<Condition>,
    pub kind: RuleKind,
}

#[derive(Debug)]
pub struct Condition {
    pub call: Expr,
    pub assign: Option<String>,
}

#[derive(Debug)]
pub enum RuleKind {
    Endpoint {
        url: Expr,
        properties: Vec<(String, Expr)>,
        headers: Vec<(String, Vec<Expr>)>,
    },
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Debug)]
pub enum Expr {
    Bool(bool),
    Int(i64),
    Template(Vec<Part>),
    Array(Vec<Expr>),
    Object(Vec<(String, Expr)>),
    Ref(String),
    GetAttr(Box<Expr>, Vec<Step>),
    /// The runtime's `Function` variant name (`AwsPartition`) and the arguments.
    Call(&'static str, Vec<Expr>),
}

#[derive(Debug)]
pub enum Part {
    Text(String),
    Ref(String, Vec<Step>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// How an operation sets a rule parameter before its endpoint is resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Binding {
    /// `smithy.rules#staticContextParams`: a fixed value.
    Static { param: String, value: ParamValue },
    /// `smithy.rules#contextParam` on an input member: the member's value, if set.
    Member {
        param: String,
        /// The input's Rust field.
        field: String,
        /// Whether the field is an `Option`.
        optional: bool,
    },
    /// `smithy.rules#operationContextParams`: what a path reaches in the input.
    Path {
        param: String,
        /// The model's path (`TransactItems[*].Get.TableName`).
        path: String,
        traversal: crate::plan::context_path::Traversal,
    },
}

impl Binding {
    /// The parameter's name in the rules.
    pub fn param(&self) -> &str {
        match self {
            Binding::Static { param, .. }
            | Binding::Member { param, .. }
            | Binding::Path { param, .. } => param,
        }
    }
}

/// The operation's bindings: its static context parameters, then its input members'
/// context parameters (`(member name, Rust field, optional, is a string or boolean
/// member, member traits)`). Each must name a parameter of the rules, of the member's
/// type.
pub fn operation_bindings<'t>(
    rules: &EndpointRules,
    operation_traits: &Traits,
    members: impl Iterator<Item = (&'t str, &'t str, bool, Option<ParamType>, &'t Traits)>,
) -> Result<Vec<Binding>> {
    let param = |name: &str| {
        rules.params.iter().find(|p| p.name == name).ok_or_else(|| {
            Error::new(format!(
                "endpoint context parameter `{name}` is not a parameter of the rules"
            ))
        })
    };
    let mut bindings = Vec::new();
    if let Some(statics) = operation_traits.get(STATIC_CONTEXT_PARAMS) {
        for (name, entry) in object(statics, STATIC_CONTEXT_PARAMS)? {
            let p = param(name)?;
            let value = param_value(field(entry, "value")?, p.ty, name)?;
            bindings.push(Binding::Static {
                param: name.clone(),
                value,
            });
        }
    }
    for (member, rust_field, optional, ty, traits) in members {
        let Some(context) = traits.get(CONTEXT_PARAM) else {
            continue;
        };
        let name = text(field(context, "name")?, "a contextParam's `name`")?;
        let p = param(name)?;
        if ty != Some(p.ty) {
            return Err(Error::new(format!(
                "member `{member}` is bound to the endpoint parameter `{name}` ({:?}) but is not of that type",
                p.ty
            )));
        }
        bindings.push(Binding::Member {
            param: name.to_owned(),
            field: rust_field.to_owned(),
            optional,
        });
    }
    Ok(bindings)
}

/// The operation's `smithy.rules#operationContextParams`: each parameter of the rules
/// it names, with its path, in the model's order.
pub fn operation_context_paths<'r>(
    rules: &'r EndpointRules,
    operation_traits: &Traits,
) -> Result<Vec<(&'r EndpointParam, String)>> {
    let Some(value) = operation_traits.get(OPERATION_CONTEXT_PARAMS) else {
        return Ok(Vec::new());
    };
    object(value, OPERATION_CONTEXT_PARAMS)?
        .into_iter()
        .map(|(name, entry)| {
            let param = rules
                .params
                .iter()
                .find(|p| p.name == *name)
                .ok_or_else(|| {
                    Error::new(format!(
                    "operationContextParams names `{name}`, which is not a parameter of the rules"
                ))
                })?;
            let path = text(field(entry, "path")?, "an operationContextParams `path`")?;
            Ok((param, path.to_owned()))
        })
        .collect()
}

/// One `endpointTests` case.
#[derive(Debug)]
pub struct EndpointTest {
    pub documentation: String,
    /// Parameter values by the rules' name, in the case's order.
    pub params: Vec<(String, ParamValue)>,
    pub expect: Expectation,
}

#[derive(Debug)]
pub enum Expectation {
    Endpoint {
        url: String,
        /// The expected properties as the model writes them (JSON).
        properties: Vec<(String, Value)>,
        headers: Vec<(String, Vec<String>)>,
    },
    Error(String),
}

/// The model's functions: name in the rules, the runtime's variant, the arity.
const FUNCTIONS: &[(&str, &str, usize)] = &[
    ("isSet", "IsSet", 1),
    ("not", "Not", 1),
    ("stringEquals", "StringEquals", 2),
    ("booleanEquals", "BooleanEquals", 2),
    ("substring", "Substring", 4),
    ("isValidHostLabel", "IsValidHostLabel", 2),
    ("parseURL", "ParseUrl", 1),
    ("uriEncode", "UriEncode", 1),
    ("coalesce", "Coalesce", 2),
    ("aws.partition", "AwsPartition", 1),
    ("aws.parseArn", "AwsParseArn", 1),
    (
        "aws.isVirtualHostableS3Bucket",
        "AwsIsVirtualHostableS3Bucket",
        2,
    ),
];

/// The service's rules, if its traits have `smithy.rules#endpointRuleSet`; errors name
/// the service and the JSON path inside the trait.
pub fn of_service(service: &str, traits: &Traits) -> Result<Option<EndpointRules>> {
    let Some(rule_set) = traits.get(RULE_SET) else {
        return Ok(None);
    };
    let at = |path: &'static str| {
        move |e: Error| within(e, &format!("shapes.{service}.traits.{RULE_SET}{path}"))
    };
    let mut params = params(field(rule_set, "parameters")?).map_err(at(".parameters"))?;
    if let Some(settings) = traits.get(CLIENT_CONTEXT_PARAMS) {
        mark_client_settings(&mut params, settings).map_err(|e| {
            within(
                e,
                &format!("shapes.{service}.traits.{CLIENT_CONTEXT_PARAMS}"),
            )
        })?;
    }
    let mut reader = Reader {
        names: params.iter().map(|p| p.name.clone()).collect(),
    };
    let rules = reader
        .rules(field(rule_set, "rules")?)
        .map_err(at(".rules"))?;
    let tests = match traits.get(TESTS) {
        Some(tests) => test_cases(tests, &params)
            .map_err(|e| within(e, &format!("shapes.{service}.traits.{TESTS}.testCases")))?,
        None => Vec::new(),
    };
    Ok(Some(EndpointRules {
        params,
        rules,
        tests,
    }))
}

/// Marks the parameters `smithy.rules#clientContextParams` names as client settings;
/// each must be a parameter of the rules, of the type the trait says.
fn mark_client_settings(params: &mut [EndpointParam], settings: &Value) -> Result<()> {
    for (name, setting) in object(settings, CLIENT_CONTEXT_PARAMS)? {
        let param = params.iter_mut().find(|p| p.name == *name).ok_or_else(|| {
            Error::new(format!(
                "client context parameter `{name}` is not a parameter of the rules"
            ))
        })?;
        let ty = match text(field(setting, "type")?, "a clientContextParams `type`")? {
            "string" => ParamType::String,
            "boolean" => ParamType::Boolean,
            "stringArray" => ParamType::StringArray,
            other => {
                return Err(Error::new(format!(
                    "client context parameter `{name}` has the unknown type `{other}`"
                )))
            }
        };
        if ty != param.ty {
            return Err(Error::new(format!(
                "client context parameter `{name}` is a {ty:?} but the rules' parameter is a {:?}",
                param.ty
            )));
        }
        param.client_setting = true;
        if param.doc.is_none() {
            param.doc = setting
                .get("documentation")
                .and_then(Value::as_str)
                .map(str::to_owned);
        }
    }
    Ok(())
}

/// `error` with `prefix` in front of its JSON path (paths are built inside out).
fn within(mut error: Error, prefix: &str) -> Error {
    let inner = error.json_path.take().unwrap_or_default();
    error.json_path = Some(format!("{prefix}{inner}"));
    error
}

fn field<'v>(value: &'v Value, key: &str) -> Result<&'v Value> {
    value
        .get(key)
        .ok_or_else(|| Error::new(format!("endpoint rules: `{key}` is missing")))
}

/// An object's entries sorted by key: what is generated from them must not depend on
/// the order the model's JSON lists them in (nor on whether serde_json keeps it, which
/// its `preserve_order` feature decides for the whole build).
fn object<'v>(value: &'v Value, what: &str) -> Result<Vec<(&'v String, &'v Value)>> {
    let map = value
        .as_object()
        .ok_or_else(|| Error::new(format!("endpoint rules: {what} must be an object")))?;
    Ok(sorted(map))
}

fn sorted(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

fn text<'v>(value: &'v Value, what: &str) -> Result<&'v str> {
    value
        .as_str()
        .ok_or_else(|| Error::new(format!("endpoint rules: {what} must be a string")))
}

fn array<'v>(value: &'v Value, what: &str) -> Result<&'v [Value]> {
    value
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| Error::new(format!("endpoint rules: {what} must be an array")))
}

fn params(value: &Value) -> Result<Vec<EndpointParam>> {
    let mut params = Vec::new();
    let mut fields = BTreeSet::new();
    for (name, param) in object(value, "`parameters`")? {
        let ty = match param.get("type").and_then(Value::as_str) {
            Some("string" | "String") => ParamType::String,
            Some("boolean" | "Boolean") => ParamType::Boolean,
            Some("stringArray") => ParamType::StringArray,
            other => {
                return Err(Error::new(format!(
                    "endpoint rules: parameter `{name}` has unsupported type {other:?}"
                )))
            }
        };
        let default = match param.get("default") {
            Some(value) => Some(param_value(value, ty, name)?),
            None => None,
        };
        let field = field_name(name);
        if !fields.insert(field.clone()) {
            return Err(Error::new(format!(
                "endpoint rules: two parameters have the Rust name `{field}`"
            )));
        }
        params.push(EndpointParam {
            name: name.clone(),
            field,
            ty,
            required: param
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            default,
            built_in: param
                .get("builtIn")
                .and_then(Value::as_str)
                .map(str::to_owned),
            client_setting: false,
            doc: param
                .get("documentation")
                .and_then(Value::as_str)
                .map(str::to_owned),
        });
    }
    Ok(params)
}

fn param_value(value: &Value, ty: ParamType, name: &str) -> Result<ParamValue> {
    let wrong = || {
        Error::new(format!(
            "endpoint rules: parameter `{name}`: value {value} is not a {ty:?}"
        ))
    };
    Ok(match ty {
        ParamType::String => ParamValue::String(value.as_str().ok_or_else(wrong)?.to_owned()),
        ParamType::Boolean => ParamValue::Boolean(value.as_bool().ok_or_else(wrong)?),
        ParamType::StringArray => ParamValue::StringArray(
            value
                .as_array()
                .ok_or_else(wrong)?
                .iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(wrong))
                .collect::<Result<_>>()?,
        ),
    })
}

/// Reads rules, tracking the names in scope (parameters, then assignments).
struct Reader {
    names: Vec<String>,
}

impl Reader {
    fn rules(&mut self, value: &Value) -> Result<Vec<Rule>> {
        array(value, "`rules`")?
            .iter()
            .enumerate()
            .map(|(i, rule)| self.rule(rule).map_err(|e| within(e, &format!("[{i}]"))))
            .collect()
    }

    fn rule(&mut self, value: &Value) -> Result<Rule> {
        let depth = self.names.len();
        let mut conditions = Vec::new();
        for condition in array(field(value, "conditions")?, "`conditions`")? {
            let call = self.expr(condition)?;
            if !matches!(call, Expr::Call(..) | Expr::GetAttr(..)) {
                return Err(Error::new(
                    "endpoint rules: a condition must be a function call",
                ));
            }
            let assign = match condition.get("assign") {
                Some(name) => Some(text(name, "`assign`")?.to_owned()),
                None => None,
            };
            self.names.extend(assign.clone());
            conditions.push(Condition { call, assign });
        }
        let kind = match text(field(value, "type")?, "`type`")? {
            "endpoint" => self.endpoint(field(value, "endpoint")?)?,
            "error" => RuleKind::Error(self.expr(field(value, "error")?)?),
            "tree" => RuleKind::Tree(
                self.rules(field(value, "rules")?)
                    .map_err(|e| within(e, ".rules"))?,
            ),
            other => {
                return Err(Error::new(format!(
                    "endpoint rules: unknown rule type `{other}`"
                )))
            }
        };
        self.names.truncate(depth);
        Ok(Rule { conditions, kind })
    }

    fn endpoint(&self, value: &Value) -> Result<RuleKind> {
        let url = self.expr(field(value, "url")?)?;
        let mut properties = Vec::new();
        if let Some(props) = value.get("properties") {
            for (name, value) in object(props, "`properties`")? {
                properties.push((name.clone(), self.expr(value)?));
            }
        }
        let mut headers = Vec::new();
        if let Some(map) = value.get("headers") {
            for (name, values) in object(map, "`headers`")? {
                let values = array(values, "a header's values")?;
                let values = values.iter().map(|v| self.expr(v)).collect::<Result<_>>()?;
                headers.push((name.clone(), values));
            }
        }
        Ok(RuleKind::Endpoint {
            url,
            properties,
            headers,
        })
    }

    fn expr(&self, value: &Value) -> Result<Expr> {
        Ok(match value {
            Value::Bool(b) => Expr::Bool(*b),
            Value::Number(n) => Expr::Int(
                n.as_i64()
                    .ok_or_else(|| Error::new(format!("endpoint rules: {n} is not an integer")))?,
            ),
            Value::String(s) => Expr::Template(self.template(s)?),
            Value::Array(items) => {
                Expr::Array(items.iter().map(|v| self.expr(v)).collect::<Result<_>>()?)
            }
            Value::Object(map) => match (map.get("ref"), map.get("fn")) {
                (Some(name), _) => Expr::Ref(self.known(text(name, "`ref`")?)?.to_owned()),
                (None, Some(name)) => self.call(text(name, "`fn`")?, map)?,
                (None, None) => Expr::Object(
                    sorted(map)
                        .into_iter()
                        .map(|(k, v)| Ok((k.clone(), self.expr(v)?)))
                        .collect::<Result<_>>()?,
                ),
            },
            Value::Null => return Err(Error::new("endpoint rules: null is not an expression")),
        })
    }

    fn call(&self, name: &str, map: &Map<String, Value>) -> Result<Expr> {
        let args = array(map.get("argv").unwrap_or(&Value::Null), "`argv`")?;
        if name == "getAttr" {
            let [target, path] = args else {
                return Err(Error::new("endpoint rules: `getAttr` takes 2 arguments"));
            };
            let path = attr_path(text(path, "a `getAttr` path")?)?;
            return Ok(Expr::GetAttr(Box::new(self.expr(target)?), path));
        }
        let Some(&(_, variant, arity)) = FUNCTIONS.iter().find(|(n, _, _)| *n == name) else {
            return Err(Error::new(format!(
                "endpoint rules: function `{name}` is not supported by this generator"
            )));
        };
        if args.len() != arity && !(name == "coalesce" && args.len() >= 2) {
            return Err(Error::new(format!(
                "endpoint rules: `{name}` takes {arity} arguments, got {}",
                args.len()
            )));
        }
        let args = args.iter().map(|a| self.expr(a)).collect::<Result<_>>()?;
        Ok(Expr::Call(variant, args))
    }

    fn known<'n>(&self, name: &'n str) -> Result<&'n str> {
        if self.names.iter().any(|n| n == name) {
            Ok(name)
        } else {
            Err(Error::new(format!(
                "endpoint rules: `{name}` is neither a parameter nor assigned before"
            )))
        }
    }

    /// A string literal: text with `{Name}` and `{Name#path}` inserts, `{{`/`}}` escapes.
    fn template(&self, text: &str) -> Result<Vec<Part>> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(i) = rest.find(['{', '}']) {
            literal.push_str(&rest[..i]);
            let tail = &rest[i..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                literal.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            let close = match (tail.starts_with('{'), tail.find('}')) {
                (true, Some(close)) => close,
                _ => return Err(Error::new(format!("endpoint rules: bad template {text:?}"))),
            };
            let insert = &tail[1..close];
            let (name, path) = match insert.split_once('#') {
                Some((name, path)) => (name, attr_path(path)?),
                None => (insert, Vec::new()),
            };
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(Part::Ref(self.known(name)?.to_owned(), path));
            rest = &tail[close + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() || parts.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(parts)
    }
}

/// A `getAttr` path: `name`, `name.sub`, `list[0]`, `a.b[1]`.
fn attr_path(path: &str) -> Result<Vec<Step>> {
    let bad = || Error::new(format!("endpoint rules: bad getAttr path {path:?}"));
    let mut steps = Vec::new();
    for segment in path.split('.') {
        let (key, indices) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        for index in indices.split_terminator(']') {
            let index = index.strip_prefix('[').ok_or_else(bad)?;
            steps.push(Step::Index(index.parse().map_err(|_| bad())?));
        }
        if key.is_empty() && indices.is_empty() {
            return Err(bad());
        }
    }
    Ok(steps)
}

fn test_cases(value: &Value, params: &[EndpointParam]) -> Result<Vec<EndpointTest>> {
    let cases = value.get("testCases").unwrap_or(&Value::Null);
    array(cases, "`testCases`")?
        .iter()
        .enumerate()
        .map(|(i, case)| test_case(case, params).map_err(|e| within(e, &format!("[{i}]"))))
        .collect()
}

fn test_case(case: &Value, params: &[EndpointParam]) -> Result<EndpointTest> {
    let mut values = Vec::new();
    if let Some(given) = case.get("params") {
        for (name, value) in object(given, "a test's `params`")? {
            let param = params.iter().find(|p| &p.name == name).ok_or_else(|| {
                Error::new(format!("endpoint tests: `{name}` is not a parameter"))
            })?;
            values.push((name.clone(), param_value(value, param.ty, name)?));
        }
    }
    let expect = field(case, "expect")?;
    let expect = if let Some(error) = expect.get("error") {
        Expectation::Error(text(error, "an expected error")?.to_owned())
    } else {
        let endpoint = field(expect, "endpoint")?;
        let properties = match endpoint.get("properties") {
            Some(p) => object(p, "expected properties")?
                .into_iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            None => Vec::new(),
        };
        let mut headers = Vec::new();
        if let Some(map) = endpoint.get("headers") {
            for (name, values) in object(map, "expected headers")? {
                let values = array(values, "expected header values")?
                    .iter()
                    .map(|v| text(v, "a header value").map(str::to_owned))
                    .collect::<Result<_>>()?;
                headers.push((name.clone(), values));
            }
        }
        Expectation::Endpoint {
            url: text(field(endpoint, "url")?, "an expected url")?.to_owned(),
            properties,
            headers,
        }
    };
    Ok(EndpointTest {
        documentation: case
            .get("documentation")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        params: values,
        expect,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reader() -> Reader {
        Reader {
            names: vec!["Region".to_owned(), "P".to_owned()],
        }
    }

    #[test]
    fn templates_split_into_text_and_inserts() {
        let parts = reader()
            .template("https://x.{Region}.{P#dnsSuffix}{{}}")
            .unwrap();
        let shown: Vec<String> = parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Ref(n, path) => format!("<{n}{path:?}>"),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "https://x.",
                "<Region[]>",
                ".",
                "<P[Key(\"dnsSuffix\")]>",
                "{}"
            ]
        );
        assert!(reader().template("{Nope}").is_err());
        assert!(reader().template("{Region").is_err());
    }

    #[test]
    fn attr_paths() {
        assert_eq!(
            attr_path("a.b[2]").unwrap(),
            [Step::Key("a".into()), Step::Key("b".into()), Step::Index(2)]
        );
        assert_eq!(attr_path("[0]").unwrap(), [Step::Index(0)]);
        assert!(attr_path("a..b").is_err());
        assert!(attr_path("a[x]").is_err());
    }

    #[test]
    fn unknown_functions_and_names_are_refused() {
        let unknown = reader().expr(&json!({"fn": "frobnicate", "argv": []}));
        assert!(unknown.unwrap_err().message.contains("`frobnicate`"));
        let arity = reader().expr(&json!({"fn": "not", "argv": [true, false]}));
        assert!(arity.unwrap_err().message.contains("takes 1"));
        let name = reader().expr(&json!({"ref": "Missing"}));
        assert!(name.unwrap_err().message.contains("`Missing`"));
    }
}
