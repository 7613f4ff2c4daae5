//! Endpoint rule sets (the Smithy rules engine, `smithy.rules#endpointRuleSet`): the
//! rules as data, the interpreter that walks them for a set of parameters, and the
//! standard library functions (`isSet`, `not`, `getAttr`, `stringEquals`,
//! `booleanEquals`, `substring`, `isValidHostLabel`, `parseURL`, `uriEncode`, `coalesce`)
//! and the AWS ones (`aws.partition`, `aws.parseArn`, `aws.isVirtualHostableS3Bucket`).
//!
//! A generated crate holds its service's rules as a `static` of these types (written by
//! the generator, checked at generation time) and a parameters struct; this module is
//! the same for every service. Resolution never panics: a rule's `error`, a parameter
//! of the wrong type or rules that match nothing are a [`ResolveError`].

use std::collections::BTreeMap;
use std::fmt;

use crate::endpoint::Endpoint;
use crate::error::SerializeError;

/// A value of the rules language: a parameter's value, a function's result or an
/// endpoint property.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string.
    String(String),
    /// A boolean.
    Bool(bool),
    /// An integer (`substring` indices, array indices).
    Int(i64),
    /// An array (`resourceId` of `aws.parseArn`, a `stringArray` parameter).
    Array(Vec<Value>),
    /// A record (a function's result, an endpoint property such as `authSchemes`).
    Object(BTreeMap<String, Value>),
}

impl Value {
    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A record of `fields`, inserted one by one: `collect`ing into a `BTreeMap` sorts
    /// first, and each caller's iterator type would compile a sort of its own.
    pub(crate) fn record<const N: usize>(fields: [(&str, Value); N]) -> Value {
        let mut record = BTreeMap::new();
        for (name, value) in fields {
            record.insert(name.to_owned(), value);
        }
        Value::Object(record)
    }

    /// The record's field `key`, if this is a record that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.get(key),
            _ => None,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Array(_) => "an array",
            Value::Object(_) => "a record",
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::String(text.to_owned())
    }
}

/// A rule of a rule set: its conditions, and what it gives when they all hold.
#[doc(hidden)]
#[derive(Debug)]
pub struct Rule {
    pub conditions: &'static [Condition],
    pub kind: RuleKind,
}

/// What a rule gives once its conditions hold.
#[doc(hidden)]
#[derive(Debug)]
pub enum RuleKind {
    /// An endpoint: its URL template, properties and headers.
    Endpoint {
        url: Expr,
        properties: &'static [(&'static str, Expr)],
        headers: &'static [(&'static str, &'static [Expr])],
    },
    /// An error with this message.
    Error(Expr),
    /// The first of these rules that matches; none matching is an error.
    Tree(&'static [Rule]),
}

/// A condition: a function call that holds unless its result is unset or `false`,
/// optionally bound to a name for the rest of the rule.
#[doc(hidden)]
#[derive(Debug)]
pub struct Condition {
    pub call: Expr,
    pub assign: Option<&'static str>,
}

/// An expression: a literal, a reference to a parameter or an assigned name, or a call.
#[doc(hidden)]
#[derive(Debug)]
pub enum Expr {
    Bool(bool),
    Int(i64),
    /// A string literal, which is a template (`https://svc.{Region}.{P#dnsSuffix}`).
    Template(&'static [Part]),
    Array(&'static [Expr]),
    Object(&'static [(&'static str, Expr)]),
    Ref(&'static str),
    /// `getAttr`: a path into a record or array.
    GetAttr(&'static Expr, &'static [Step]),
    Call(Function, &'static [Expr]),
}

/// A piece of a template: text, or a name (and path) whose string value goes in.
#[doc(hidden)]
#[derive(Debug)]
pub enum Part {
    Text(&'static str),
    Ref(&'static str, &'static [Step]),
}

/// One step of a `getAttr` path: a record field or an array index.
#[doc(hidden)]
#[derive(Debug)]
pub enum Step {
    Key(&'static str),
    Index(usize),
}

/// The functions a rule set may call (`getAttr` is [`Expr::GetAttr`]).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    IsSet,
    Not,
    StringEquals,
    BooleanEquals,
    Substring,
    IsValidHostLabel,
    ParseUrl,
    UriEncode,
    Coalesce,
    AwsPartition,
    AwsParseArn,
    AwsIsVirtualHostableS3Bucket,
}

impl Function {
    /// The function of this name in the rules language (`aws.partition`), if known.
    pub fn named(name: &str) -> Option<Function> {
        Some(match name {
            "isSet" => Function::IsSet,
            "not" => Function::Not,
            "stringEquals" => Function::StringEquals,
            "booleanEquals" => Function::BooleanEquals,
            "substring" => Function::Substring,
            "isValidHostLabel" => Function::IsValidHostLabel,
            "parseURL" => Function::ParseUrl,
            "uriEncode" => Function::UriEncode,
            "coalesce" => Function::Coalesce,
            "aws.partition" => Function::AwsPartition,
            "aws.parseArn" => Function::AwsParseArn,
            "aws.isVirtualHostableS3Bucket" => Function::AwsIsVirtualHostableS3Bucket,
            _ => return None,
        })
    }

    /// How many arguments it takes (`coalesce`: at least two, checked as two).
    pub fn arity(self) -> usize {
        match self {
            Function::IsSet
            | Function::Not
            | Function::ParseUrl
            | Function::UriEncode
            | Function::AwsPartition
            | Function::AwsParseArn => 1,
            Function::StringEquals
            | Function::BooleanEquals
            | Function::IsValidHostLabel
            | Function::Coalesce
            | Function::AwsIsVirtualHostableS3Bucket => 2,
            Function::Substring => 4,
        }
    }
}

/// The endpoint the rules chose: URL, properties (such as `authSchemes`) and headers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedEndpoint {
    url: String,
    properties: BTreeMap<String, Value>,
    headers: Vec<(String, Vec<String>)>,
}

impl ResolvedEndpoint {
    /// The endpoint's URL (such as `https://service.us-east-1.amazonaws.com`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The endpoint's properties by name (empty for most services).
    pub fn properties(&self) -> &BTreeMap<String, Value> {
        &self.properties
    }

    /// The headers every request to this endpoint carries, in the rules' order.
    pub fn headers(&self) -> &[(String, Vec<String>)] {
        &self.headers
    }

    /// The `authSchemes` property's entries (records with `name`, `signingName`,
    /// `signingRegion`, ...), if the rules gave any.
    pub fn auth_schemes(&self) -> &[Value] {
        match self.properties.get("authSchemes") {
            Some(Value::Array(schemes)) => schemes,
            _ => &[],
        }
    }

    /// The URL as an [`Endpoint`] requests can be sent to.
    pub fn endpoint(&self) -> Result<Endpoint, crate::endpoint::EndpointError> {
        Endpoint::parse(&self.url)
    }

    /// Sends `request` to this endpoint: makes its URI absolute and adds the headers.
    pub fn apply<B>(&self, request: &mut http::Request<B>) -> Result<(), SerializeError> {
        self.prepare()?.apply(request)
    }

    /// The endpoint with its URL parsed and its headers checked, ready to apply to any
    /// number of requests.
    pub fn prepare(&self) -> Result<PreparedEndpoint, ResolveError> {
        let endpoint = self
            .endpoint()
            .map_err(|e| ResolveError::new(format!("the rules gave {:?}: {e}", self.url)))?;
        let mut headers = Vec::new();
        for (name, values) in &self.headers {
            let name = http::header::HeaderName::try_from(name.as_str()).map_err(|e| {
                ResolveError::new(format!("the rules gave the header name {name:?}: {e}"))
            })?;
            for value in values {
                let value = http::HeaderValue::try_from(value.as_str()).map_err(|e| {
                    ResolveError::new(format!("the rules gave the header value {value:?}: {e}"))
                })?;
                headers.push((name.clone(), value));
            }
        }
        Ok(PreparedEndpoint { endpoint, headers })
    }
}

/// A [`ResolvedEndpoint`] ready for requests (see [`ResolvedEndpoint::prepare`]): a client
/// whose parameters do not change resolves and prepares once, and each request then
/// costs what a fixed [`Endpoint`] costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedEndpoint {
    endpoint: Endpoint,
    headers: Vec<(http::header::HeaderName, http::HeaderValue)>,
}

impl PreparedEndpoint {
    /// Sends `request` to this endpoint: makes its URI absolute and adds the headers.
    pub fn apply<B>(&self, request: &mut http::Request<B>) -> Result<(), SerializeError> {
        self.endpoint.apply(request)?;
        for (name, value) in &self.headers {
            request.headers_mut().append(name.clone(), value.clone());
        }
        Ok(())
    }
}

/// Why no endpoint came out: the message of the rule set's `error` rule that matched,
/// or what went wrong evaluating the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolveError {
    message: String,
}

impl ResolveError {
    fn new(message: impl Into<String>) -> Self {
        ResolveError { message: message.into() }
    }

    /// A required parameter without a value.
    #[doc(hidden)]
    pub fn missing(message: &str) -> Self {
        ResolveError::new(message)
    }

    /// The message alone (an `error` rule's text as the model writes it).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "endpoint resolution failed: {}", self.message)
    }
}

impl std::error::Error for ResolveError {}

impl From<ResolveError> for SerializeError {
    fn from(error: ResolveError) -> Self {
        SerializeError::endpoint(error.message)
    }
}

/// Resolves an endpoint: the first rule whose conditions hold decides. `params` are
/// the rule set's parameters by name, unset ones as `None`.
#[doc(hidden)]
pub fn resolve(
    rules: &'static [Rule],
    params: Vec<(&'static str, Option<Value>)>,
) -> Result<ResolvedEndpoint, ResolveError> {
    let mut scope = Scope {
        names: params.into_iter().filter_map(|(name, value)| Some((name, value?))).collect(),
    };
    match first_match(rules, &mut scope)? {
        Some(endpoint) => Ok(endpoint),
        None => Err(ResolveError::new("no rule matched the parameters")),
    }
}

/// The names in scope: the set parameters, then each condition's assignment.
struct Scope {
    names: Vec<(&'static str, Value)>,
}

impl Scope {
    fn get(&self, name: &str) -> Option<&Value> {
        self.names.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// The outcome of the first rule of `rules` that matches, or `None` if none does.
fn first_match(
    rules: &'static [Rule],
    scope: &mut Scope,
) -> Result<Option<ResolvedEndpoint>, ResolveError> {
    for rule in rules {
        let depth = scope.names.len();
        let outcome = if conditions_hold(rule.conditions, scope)? {
            Some(outcome(&rule.kind, scope)?)
        } else {
            None
        };
        scope.names.truncate(depth);
        if let Some(outcome) = outcome {
            return Ok(Some(outcome));
        }
    }
    Ok(None)
}

/// Whether every condition holds, binding their assignments as it goes.
fn conditions_hold(conditions: &[Condition], scope: &mut Scope) -> Result<bool, ResolveError> {
    for condition in conditions {
        match eval(&condition.call, scope)? {
            None | Some(Value::Bool(false)) => return Ok(false),
            Some(value) => {
                if let Some(name) = condition.assign {
                    scope.names.push((name, value));
                }
            }
        }
    }
    Ok(true)
}

/// What a matching rule gives.
fn outcome(kind: &'static RuleKind, scope: &mut Scope) -> Result<ResolvedEndpoint, ResolveError> {
    match kind {
        RuleKind::Error(message) => Err(ResolveError::new(string(message, scope)?)),
        RuleKind::Tree(rules) => first_match(rules, scope)?
            .ok_or_else(|| ResolveError::new("no rule of a matching tree rule matched")),
        RuleKind::Endpoint { url, properties, headers } => {
            let mut resolved = ResolvedEndpoint {
                url: string(url, scope)?,
                properties: BTreeMap::new(),
                headers: Vec::new(),
            };
            for (name, value) in *properties {
                let value = eval(value, scope)?
                    .ok_or_else(|| ResolveError::new(format!("property `{name}` is unset")))?;
                resolved.properties.insert((*name).to_owned(), value);
            }
            for (name, values) in *headers {
                let values = values.iter().map(|v| string(v, scope)).collect::<Result<_, _>>()?;
                resolved.headers.push(((*name).to_owned(), values));
            }
            Ok(resolved)
        }
    }
}

/// An expression that must give a string.
fn string(expr: &Expr, scope: &Scope) -> Result<String, ResolveError> {
    match eval(expr, scope)? {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(ResolveError::new(format!("expected a string, got {}", other.kind()))),
        None => Err(ResolveError::new("expected a string, got an unset value")),
    }
}

/// The expression's value; `None` when it refers to an unset name or a function gave
/// no result.
fn eval(expr: &Expr, scope: &Scope) -> Result<Option<Value>, ResolveError> {
    Ok(match expr {
        Expr::Bool(b) => Some(Value::Bool(*b)),
        Expr::Int(i) => Some(Value::Int(*i)),
        Expr::Template(parts) => Some(Value::String(template(parts, scope)?)),
        Expr::Array(items) => {
            let mut values = Vec::with_capacity(items.len());
            for item in *items {
                values.push(eval(item, scope)?.ok_or_else(|| ResolveError::new("unset array item"))?);
            }
            Some(Value::Array(values))
        }
        Expr::Object(fields) => {
            let mut record = BTreeMap::new();
            for (name, value) in *fields {
                let value = eval(value, scope)?
                    .ok_or_else(|| ResolveError::new(format!("record field `{name}` is unset")))?;
                record.insert((*name).to_owned(), value);
            }
            Some(Value::Object(record))
        }
        Expr::Ref(name) => scope.get(name).cloned(),
        Expr::GetAttr(target, path) => eval(target, scope)?.and_then(|v| get_attr(&v, path).cloned()),
        Expr::Call(function, args) => {
            let mut values = Vec::with_capacity(args.len());
            for arg in *args {
                values.push(eval(arg, scope)?);
            }
            call(*function, values)?
        }
    })
}

/// A template with each `{name}` or `{name#path}` replaced by its string value.
fn template(parts: &[Part], scope: &Scope) -> Result<String, ResolveError> {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Ref(name, path) => {
                let value = scope
                    .get(name)
                    .and_then(|v| get_attr(v, path))
                    .ok_or_else(|| ResolveError::new(format!("template value `{name}` is unset")))?;
                match value {
                    Value::String(s) => out.push_str(s),
                    other => {
                        return Err(ResolveError::new(format!(
                            "template value `{name}` is {}, not a string",
                            other.kind()
                        )))
                    }
                }
            }
        }
    }
    Ok(out)
}

/// `getAttr`: follows `path` into records and arrays.
fn get_attr<'v>(value: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(value, |value, step| match (step, value) {
        (Step::Key(key), Value::Object(fields)) => fields.get(*key),
        (Step::Index(i), Value::Array(items)) => items.get(*i),
        _ => None,
    })
}

/// Calls a function on its evaluated arguments.
fn call(function: Function, args: Vec<Option<Value>>) -> Result<Option<Value>, ResolveError> {
    if function == Function::Coalesce {
        return Ok(args.into_iter().flatten().next());
    }
    let mut args = args.into_iter();
    let mut next = || args.next().flatten();
    Ok(match function {
        Function::IsSet => Some(Value::Bool(next().is_some())),
        Function::Coalesce => None,
        Function::Not => Some(Value::Bool(!boolean(next(), function)?)),
        Function::BooleanEquals => {
            let (a, b) = (boolean(next(), function)?, boolean(next(), function)?);
            Some(Value::Bool(a == b))
        }
        Function::StringEquals => {
            // An unset side equals nothing (the rules test `isSet` first).
            let (a, b) = (next(), next());
            let equal = a.is_some() && b.is_some() && text(&a, function)? == text(&b, function)?;
            Some(Value::Bool(equal))
        }
        Function::Substring => {
            let (input, start, stop, reverse) = (next(), next(), next(), next());
            let (start, stop) = (integer(start, function)?, integer(stop, function)?);
            substring(text(&input, function)?, start, stop, boolean(reverse, function)?)
                .map(Value::from)
        }
        Function::IsValidHostLabel => {
            let (input, subdomains) = (next(), next());
            let valid = is_valid_host_label(text(&input, function)?, boolean(subdomains, function)?);
            Some(Value::Bool(valid))
        }
        Function::AwsIsVirtualHostableS3Bucket => {
            let (input, subdomains) = (next(), next());
            let bucket = text(&input, function)?;
            Some(Value::Bool(is_virtual_hostable_s3_bucket(bucket, boolean(subdomains, function)?)))
        }
        Function::ParseUrl => parse_url(text(&next(), function)?),
        Function::UriEncode => Some(Value::String(uri_encode(text(&next(), function)?))),
        Function::AwsPartition => crate::partition::partition(text(&next(), function)?),
        Function::AwsParseArn => parse_arn(text(&next(), function)?),
    })
}

fn boolean(value: Option<Value>, function: Function) -> Result<bool, ResolveError> {
    match value {
        Some(Value::Bool(b)) => Ok(b),
        None => Ok(false),
        Some(other) => Err(wrong_argument(function, "a boolean", &other)),
    }
}

fn integer(value: Option<Value>, function: Function) -> Result<i64, ResolveError> {
    match value {
        Some(Value::Int(i)) => Ok(i),
        Some(other) => Err(wrong_argument(function, "an integer", &other)),
        None => Err(ResolveError::new(format!("{function:?}: an integer argument is unset"))),
    }
}

/// A string argument; an unset one reads as empty (the functions then find nothing).
fn text(value: &Option<Value>, function: Function) -> Result<&str, ResolveError> {
    match value {
        Some(Value::String(s)) => Ok(s),
        None => Ok(""),
        Some(other) => Err(wrong_argument(function, "a string", other)),
    }
}

fn wrong_argument(function: Function, expected: &str, got: &Value) -> ResolveError {
    ResolveError::new(format!("{function:?} expects {expected}, got {}", got.kind()))
}

/// `substring(input, start, stop, reverse)`: the ASCII characters `start..stop`, counted
/// from the end when `reverse`; `None` for non-ASCII input or a range out of bounds.
pub fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<&str> {
    if !input.is_ascii() || start < 0 || start >= stop {
        return None;
    }
    let (start, stop) = (usize::try_from(start).ok()?, usize::try_from(stop).ok()?);
    let len = input.len();
    if stop > len {
        return None;
    }
    let (start, stop) = if reverse { (len - stop, len - start) } else { (start, stop) };
    input.get(start..stop)
}

/// `isValidHostLabel`: 1 to 63 letters, digits or `-`, not starting with `-`; with
/// `allow_subdomains`, dot-separated labels of that form.
pub fn is_valid_host_label(input: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains {
        return input.split('.').all(|label| is_valid_host_label(label, false));
    }
    let bytes = input.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0] != b'-'
        && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// `aws.isVirtualHostableS3Bucket`: a bucket name usable as a host label: 3 to 63
/// lowercase letters, digits, `-` (and `.` between labels with `allow_subdomains`), not
/// ending in `-`, and not an IP address.
pub fn is_virtual_hostable_s3_bucket(bucket: &str, allow_subdomains: bool) -> bool {
    let lowercase = |label: &str| !label.bytes().any(|b| b.is_ascii_uppercase());
    if allow_subdomains {
        return (3..=63).contains(&bucket.len())
            && !is_ipv4(bucket)
            && bucket.split('.').all(|label| {
                is_valid_host_label(label, false) && lowercase(label) && !label.ends_with('-')
            });
    }
    (3..=63).contains(&bucket.len())
        && is_valid_host_label(bucket, false)
        && lowercase(bucket)
        && !bucket.ends_with('-')
}

/// Four dot-separated decimal numbers from 0 to 255.
fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// `parseURL`: an `http`/`https` URL without query as a record of `scheme`,
/// `authority`, `path`, `normalizedPath` (with a trailing `/`) and `isIp`.
pub fn parse_url(url: &str) -> Option<Value> {
    let uri: http::Uri = url.parse().ok()?;
    let scheme = uri.scheme_str()?;
    if scheme != "http" && scheme != "https" || uri.query().is_some() || url.contains('#') {
        return None;
    }
    let authority = uri.authority()?.as_str();
    // `http::Uri` gives `/` for no path; the rules keep the URL's own (empty) path.
    let after_authority = &url[url.find(authority)? + authority.len()..];
    let path = if after_authority.is_empty() { "" } else { uri.path() };
    let normalized = match path {
        "" => "/".to_owned(),
        p if p.ends_with('/') => p.to_owned(),
        p => format!("{p}/"),
    };
    let host = uri.host().unwrap_or("");
    let is_ip = is_ipv4(host) || host.starts_with('[');
    let fields = [
        ("scheme", Value::from(scheme)),
        ("authority", Value::from(authority)),
        ("path", Value::from(path)),
        ("normalizedPath", Value::String(normalized)),
        ("isIp", Value::Bool(is_ip)),
    ];
    Some(Value::record(fields))
}

/// `uriEncode`: every byte but the unreserved `A-Z a-z 0-9 - _ . ~` percent-encoded.
pub fn uri_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `aws.parseArn`: `arn:partition:service:region:account-id:resource` as a record of
/// `partition`, `service`, `region`, `accountId` and `resourceId` (the resource split
/// at `:` and `/`); `None` for anything else.
pub fn parse_arn(arn: &str) -> Option<Value> {
    let mut parts = arn.splitn(6, ':');
    let (prefix, partition, service) = (parts.next()?, parts.next()?, parts.next()?);
    let (region, account, resource) = (parts.next()?, parts.next()?, parts.next()?);
    if prefix != "arn" || partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let resource_id = resource.split([':', '/']).map(Value::from).collect();
    let fields = [
        ("partition", Value::from(partition)),
        ("service", Value::from(service)),
        ("region", Value::from(region)),
        ("accountId", Value::from(account)),
        ("resourceId", Value::Array(resource_id)),
    ];
    Some(Value::record(fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_counts_from_either_end() {
        assert_eq!(substring("abcdef", 0, 4, false), Some("abcd"));
        assert_eq!(substring("abcdef", 0, 4, true), Some("cdef"));
        assert_eq!(substring("abcdef", 2, 2, false), None);
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("ab\u{e9}cd", 0, 2, false), None);
    }

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(is_valid_host_label("a", false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-a", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(!is_valid_host_label("not a region!", false));
    }

    #[test]
    fn s3_buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("My-Bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket("a.b.c", false));
        assert!(is_virtual_hostable_s3_bucket("a.b.c", true));
        assert!(!is_virtual_hostable_s3_bucket("192.168.1.1", true));
        assert!(!is_virtual_hostable_s3_bucket("bucket-", false));
    }

    #[test]
    fn urls() {
        let url = parse_url("https://example.com:8443/a/b").unwrap();
        assert_eq!(url.get("authority"), Some(&Value::from("example.com:8443")));
        assert_eq!(url.get("path"), Some(&Value::from("/a/b")));
        assert_eq!(url.get("normalizedPath"), Some(&Value::from("/a/b/")));
        assert_eq!(url.get("isIp"), Some(&Value::Bool(false)));
        let bare = parse_url("http://10.0.0.1").unwrap();
        assert_eq!(bare.get("path"), Some(&Value::from("")));
        assert_eq!(bare.get("normalizedPath"), Some(&Value::from("/")));
        assert_eq!(bare.get("isIp"), Some(&Value::Bool(true)));
        assert!(parse_url("https://example.com/?q=1").is_none());
        assert!(parse_url("ftp://example.com").is_none());
        assert!(parse_url("not a url").is_none());
    }

    #[test]
    fn coalesce_and_string_equals_with_unset_values() {
        let some = |s: &str| Some(Value::from(s));
        let first = call(Function::Coalesce, vec![None, None, some("c"), some("d")]).unwrap();
        assert_eq!(first, some("c"));
        assert_eq!(call(Function::Coalesce, vec![None, None]).unwrap(), None);
        let equal = call(Function::StringEquals, vec![None, some("")]).unwrap();
        assert_eq!(equal, Some(Value::Bool(false)));
        let equal = call(Function::StringEquals, vec![some("a"), some("a")]).unwrap();
        assert_eq!(equal, Some(Value::Bool(true)));
        let wrong = call(Function::StringEquals, vec![Some(Value::Bool(true)), some("a")]);
        assert!(wrong.is_err(), "a type error is an error value");
    }

    #[test]
    fn uri_encoding() {
        assert_eq!(uri_encode("a b/c~d"), "a%20b%2Fc~d");
        assert_eq!(uri_encode("\u{e9}"), "%C3%A9");
    }

    #[test]
    fn arns() {
        let arn = parse_arn("arn:aws:kinesis:us-east-1:123:stream/name").unwrap();
        assert_eq!(arn.get("service"), Some(&Value::from("kinesis")));
        assert_eq!(
            arn.get("resourceId"),
            Some(&Value::Array(vec![Value::from("stream"), Value::from("name")]))
        );
        assert!(parse_arn("arn:aws:kinesis").is_none());
        assert!(parse_arn("urn:aws:kinesis:r:a:x").is_none());
        assert!(parse_arn("arn::kinesis:r:a:x").is_none());
    }

    static RULES: &[Rule] = &[
        Rule {
            conditions: &[Condition {
                call: Expr::Call(Function::IsSet, &[Expr::Ref("Region")]),
                assign: None,
            }],
            kind: RuleKind::Tree(&[Rule {
                conditions: &[Condition {
                    call: Expr::Call(Function::AwsPartition, &[Expr::Ref("Region")]),
                    assign: Some("P"),
                }],
                kind: RuleKind::Endpoint {
                    url: Expr::Template(&[
                        Part::Text("https://svc."),
                        Part::Ref("Region", &[]),
                        Part::Text("."),
                        Part::Ref("P", &[Step::Key("dnsSuffix")]),
                    ]),
                    properties: &[],
                    headers: &[("x-a", &[Expr::Template(&[Part::Text("1")])])],
                },
            }]),
        },
        Rule {
            conditions: &[],
            kind: RuleKind::Error(Expr::Template(&[Part::Text("Missing Region")])),
        },
    ];

    #[test]
    fn rules_resolve_or_give_their_error() {
        let ok = resolve(RULES, vec![("Region", Some(Value::from("cn-north-1")))]).unwrap();
        assert_eq!(ok.url(), "https://svc.cn-north-1.amazonaws.com.cn");
        assert_eq!(ok.headers(), &[("x-a".to_owned(), vec!["1".to_owned()])]);
        let err = resolve(RULES, vec![("Region", None)]).unwrap_err();
        assert_eq!(err.message(), "Missing Region");
    }

    #[test]
    fn a_resolved_endpoint_is_applied_to_requests() {
        let ok = resolve(RULES, vec![("Region", Some(Value::from("us-west-2")))]).unwrap();
        let mut request = http::Request::builder().uri("/").body(()).unwrap();
        ok.apply(&mut request).unwrap();
        assert_eq!(request.uri().to_string(), "https://svc.us-west-2.amazonaws.com/");
        assert_eq!(request.headers()["x-a"], "1");
        let bad = resolve(RULES, vec![("Region", Some(Value::from("not a region")))]).unwrap();
        assert!(bad.apply(&mut request).is_err());
    }
}
