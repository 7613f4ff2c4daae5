//! Emits the service's endpoint resolver (`src/endpoint_resolver.rs`, for a model with
//! `smithy.rules#endpointRuleSet`): the parameters struct, the rules as a `static` of the
//! runtime's `endpoint_rules` types (interpreted there), `resolve`, and one unit test per
//! `smithy.rules#endpointTests` case. Also the client's part: its endpoint parameters,
//! their setters and the per-request resolution.
//!
//! Design: the rules are data, not code. The interpreter, the standard functions and
//! the partitions are written and unit-tested once in the runtime; a service adds only
//! its rule tree, written out as `static` data the compiler checks, and checked at
//! generation time by the plan (functions, arities, names in scope, templates).

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value as Json;

use super::prelude::*;
use super::rust_type::ident;
use crate::plan::context_path::{Leaf, Traversal};
use crate::plan::endpoint_rules::{
    Binding, Condition, EndpointParam, EndpointRules, EndpointTest, Expectation, Expr, ParamType,
    ParamValue, Part, Rule, RuleKind, Step,
};
use crate::plan::{OperationPlan, Plan};

/// `src/endpoint_resolver.rs`.
pub fn resolver_file(rules: &EndpointRules) -> TokenStream {
    let params = params_struct(rules);
    let values = rules.params.iter().map(param_value);
    let required = rules
        .params
        .iter()
        .filter(|p| p.required && p.default.is_none())
        .map(|p| {
            let field = ident(&p.field);
            let message = format!("the endpoint parameter `{}` is required", p.name);
            quote! {
                if params.#field.is_none() {
                    return #ERR(ResolveError::missing(#message));
                }
            }
        });
    let rule_items = rules.rules.iter().map(rule);
    let tests = tests_module(rules);
    quote! {
        //! The service's endpoint rules: the [`Params`] they take and [`resolve`], which
        //! walks them (the rules are data for the runtime's
        //! [`endpoint_rules`](crate::endpoint_rules) interpreter).

        use crate::endpoint_rules::{
            Condition, Expr, Function, Part, ResolveError, ResolvedEndpoint, Rule, RuleKind, Step, Value,
        };

        #params

        /// The endpoint the service's rules give for `params`, or the rules' error
        /// (`Invalid Configuration: Missing Region`, ...).
        pub fn resolve(params: &Params) -> #RESULT<ResolvedEndpoint, ResolveError> {
            #(#required)*
            crate::endpoint_rules::resolve(RULES, #VEC::from([#(#values),*]))
        }

        /// The model's rule set.
        static RULES: &[Rule] = &[#(#rule_items),*];

        #tests
    }
}

/// The Rust type of a parameter's field: optional unless it has a default.
fn field_type(param: &EndpointParam) -> TokenStream {
    let ty = match param.ty {
        ParamType::String => quote!(#STRING),
        ParamType::Boolean => quote!(bool),
        ParamType::StringArray => quote!(#VEC<#STRING>),
    };
    if param.default.is_some() {
        ty
    } else {
        quote!(#OPTION<#ty>)
    }
}

fn params_struct(rules: &EndpointRules) -> TokenStream {
    let fields = rules.params.iter().map(|p| {
        let field = ident(&p.field);
        let ty = field_type(p);
        let mut doc = p
            .doc
            .clone()
            .unwrap_or_else(|| format!("The `{}` parameter.", p.name));
        doc.push_str(&format!("\n\nThe rules' `{}`", p.name));
        if let Some(built_in) = &p.built_in {
            doc.push_str(&format!(" (built-in `{built_in}`)"));
        }
        if let Some(default) = &p.default {
            doc.push_str(&format!("; default `{}`", shown(default)));
        }
        doc.push('.');
        let doc = doc.lines().map(|line| format!(" {line}"));
        quote! {
            #(#[doc = #doc])*
            pub #field: #ty,
        }
    });
    let all_type_defaults = rules.params.iter().all(|p| match &p.default {
        None | Some(ParamValue::Boolean(false)) => true,
        Some(ParamValue::String(s)) => s.is_empty(),
        Some(ParamValue::StringArray(items)) => items.is_empty(),
        Some(ParamValue::Boolean(true)) => false,
    });
    let (derive_default, default_impl) = if all_type_defaults {
        (quote!(, #DEFAULT), quote!())
    } else {
        let inits = rules.params.iter().map(|p| {
            let field = ident(&p.field);
            let value = match &p.default {
                Some(value) => rust_value(value),
                None => quote!(#NONE),
            };
            quote!(#field: #value,)
        });
        let default_impl = quote! {
            impl #DEFAULT for Params {
                fn default() -> Self {
                    Params { #(#inits)* }
                }
            }
        };
        (quote!(), default_impl)
    };
    quote! {
        /// The parameters of the service's endpoint rules, each at its default until set.
        #[derive(#CLONE, #DERIVE_DEBUG, #PARTIAL_EQ, #EQ #derive_default)]
        #[non_exhaustive]
        pub struct Params {
            #(#fields)*
        }

        #default_impl
    }
}

fn shown(value: &ParamValue) -> String {
    match value {
        ParamValue::String(s) => format!("{s:?}"),
        ParamValue::Boolean(b) => b.to_string(),
        ParamValue::StringArray(items) => format!("{items:?}"),
    }
}

/// A parameter value as the field's Rust value (not wrapped in `Some`).
fn rust_value(value: &ParamValue) -> TokenStream {
    match value {
        ParamValue::String(s) => quote!(#STRING::from(#s)),
        ParamValue::Boolean(b) => quote!(#b),
        ParamValue::StringArray(items) => strings(items),
    }
}

/// `Vec::from([String::from("a"), ...])`
fn strings(items: &[String]) -> TokenStream {
    let items = items.iter().map(|item| quote!(#STRING::from(#item)));
    quote!(#VEC::from([#(#items),*]))
}

/// `("Region", params.region.clone().map(Value::String))`
fn param_value(param: &EndpointParam) -> TokenStream {
    let name = &param.name;
    let field = ident(&param.field);
    let optional = param.default.is_none();
    let value = match (param.ty, optional) {
        (ParamType::String, true) => quote!(params.#field.clone().map(Value::String)),
        (ParamType::String, false) => quote!(#SOME(Value::String(params.#field.clone()))),
        (ParamType::Boolean, true) => quote!(params.#field.map(Value::Bool)),
        (ParamType::Boolean, false) => quote!(#SOME(Value::Bool(params.#field))),
        (ParamType::StringArray, true) => quote! {
            params.#field.as_ref().map(|items| Value::Array(items.iter().map(|s| Value::String(s.clone())).collect()))
        },
        (ParamType::StringArray, false) => quote! {
            #SOME(Value::Array(params.#field.iter().map(|s| Value::String(s.clone())).collect()))
        },
    };
    quote!((#name, #value))
}

fn rule(rule: &Rule) -> TokenStream {
    let conditions = rule.conditions.iter().map(condition);
    let kind = match &rule.kind {
        RuleKind::Endpoint {
            url,
            properties,
            headers,
        } => {
            let url = expr(url);
            let properties = properties.iter().map(|(name, value)| {
                let value = expr(value);
                quote!((#name, #value))
            });
            let headers = headers.iter().map(|(name, values)| {
                let values = values.iter().map(expr);
                quote!((#name, &[#(#values),*]))
            });
            quote! {
                RuleKind::Endpoint {
                    url: #url,
                    properties: &[#(#properties),*],
                    headers: &[#(#headers),*],
                }
            }
        }
        RuleKind::Error(message) => {
            let message = expr(message);
            quote!(RuleKind::Error(#message))
        }
        RuleKind::Tree(rules) => {
            let rules = rules.iter().map(self::rule);
            quote!(RuleKind::Tree(&[#(#rules),*]))
        }
    };
    quote! {
        Rule {
            conditions: &[#(#conditions),*],
            kind: #kind,
        }
    }
}

fn condition(condition: &Condition) -> TokenStream {
    let call = expr(&condition.call);
    let assign = match &condition.assign {
        Some(name) => quote!(#SOME(#name)),
        None => quote!(#NONE),
    };
    quote!(Condition { call: #call, assign: #assign })
}

fn expr(expr: &Expr) -> TokenStream {
    match expr {
        Expr::Bool(b) => quote!(Expr::Bool(#b)),
        Expr::Int(i) => quote!(Expr::Int(#i)),
        Expr::Template(parts) => {
            let parts = parts.iter().map(part);
            quote!(Expr::Template(&[#(#parts),*]))
        }
        Expr::Array(items) => {
            let items = items.iter().map(self::expr);
            quote!(Expr::Array(&[#(#items),*]))
        }
        Expr::Object(fields) => {
            let fields = fields.iter().map(|(name, value)| {
                let value = self::expr(value);
                quote!((#name, #value))
            });
            quote!(Expr::Object(&[#(#fields),*]))
        }
        Expr::Ref(name) => quote!(Expr::Ref(#name)),
        Expr::GetAttr(target, path) => {
            let target = self::expr(target);
            let steps = steps(path);
            quote!(Expr::GetAttr(&#target, #steps))
        }
        Expr::Call(function, args) => {
            let function = format_ident!("{}", function);
            let args = args.iter().map(self::expr);
            quote!(Expr::Call(Function::#function, &[#(#args),*]))
        }
    }
}

fn part(part: &Part) -> TokenStream {
    match part {
        Part::Text(text) => quote!(Part::Text(#text)),
        Part::Ref(name, path) => {
            let steps = steps(path);
            quote!(Part::Ref(#name, #steps))
        }
    }
}

fn steps(path: &[Step]) -> TokenStream {
    let steps = path.iter().map(|step| match step {
        Step::Key(key) => quote!(Step::Key(#key)),
        Step::Index(i) => quote!(Step::Index(#i)),
    });
    quote!(&[#(#steps),*])
}

/// One `#[test]` per `endpointTests` case.
fn tests_module(rules: &EndpointRules) -> TokenStream {
    if rules.tests.is_empty() {
        return quote!();
    }
    let tests = rules
        .tests
        .iter()
        .enumerate()
        .map(|(i, case)| test(rules, i, case));
    quote! {
        /// The model's `smithy.rules#endpointTests`, one test per case.
        #[cfg(test)]
        mod tests {
            use super::*;

            #(#tests)*
        }
    }
}

fn test(rules: &EndpointRules, index: usize, case: &EndpointTest) -> TokenStream {
    let name = format_ident!("case_{index}");
    let doc = format!(" {}", case.documentation);
    let sets: Vec<TokenStream> = case
        .params
        .iter()
        .filter_map(|(name, value)| {
            let param = rules.params.iter().find(|p| &p.name == name)?;
            let field = ident(&param.field);
            let value = rust_value(value);
            Some(if param.default.is_some() {
                quote!(params.#field = #value;)
            } else {
                quote!(params.#field = #SOME(#value);)
            })
        })
        .collect();
    let binding = if sets.is_empty() {
        quote!(params)
    } else {
        quote!(mut params)
    };
    let check = match &case.expect {
        Expectation::Error(message) => quote! {
            let error = resolve(&params).expect_err("the rules give an error");
            assert_eq!(error.message(), #message);
        },
        Expectation::Endpoint {
            url,
            properties,
            headers,
        } => {
            let properties = properties.iter().map(|(name, value)| {
                let value = json_value(value);
                quote!((#STRING::from(#name), #value))
            });
            let headers = headers.iter().map(|(name, values)| {
                let values = strings(values);
                quote!((#STRING::from(#name), #values))
            });
            quote! {
                let endpoint = resolve(&params).expect("the rules give an endpoint");
                assert_eq!(endpoint.url(), #url);
                let properties: ::std::collections::BTreeMap<#STRING, Value> =
                    ::std::collections::BTreeMap::from([#(#properties),*]);
                assert_eq!(endpoint.properties(), &properties);
                let headers: #VEC<(#STRING, #VEC<#STRING>)> = #VEC::from([#(#headers),*]);
                assert_eq!(endpoint.headers(), headers.as_slice());
            }
        }
    };
    quote! {
        #[doc = #doc]
        #[test]
        #[allow(clippy::field_reassign_with_default)]
        fn #name() {
            let #binding = Params::default();
            #(#sets)*
            #check
        }
    }
}

/// An expected property value (JSON) as a runtime `Value`.
fn json_value(value: &Json) -> TokenStream {
    match value {
        Json::String(s) => quote!(Value::String(#STRING::from(#s))),
        Json::Bool(b) => quote!(Value::Bool(#b)),
        Json::Number(n) => {
            let n = n.as_i64().unwrap_or_default();
            quote!(Value::Int(#n))
        }
        Json::Array(items) => {
            let items = items.iter().map(json_value);
            quote!(Value::Array(#VEC::from([#(#items),*])))
        }
        Json::Object(fields) => {
            // Sorted: the text must not follow the model's key order.
            let mut fields: Vec<_> = fields.iter().collect();
            fields.sort_by(|a, b| a.0.cmp(b.0));
            let fields = fields.into_iter().map(|(k, v)| {
                let v = json_value(v);
                quote!((#STRING::from(#k), #v))
            });
            quote!(Value::Object(::std::collections::BTreeMap::from([#(#fields),*])))
        }
        Json::Null => quote!(Value::Array(#VEC::new())),
    }
}

/// The client's endpoint parameters field, if the service has rules.
pub fn client_field(plan: &Plan) -> TokenStream {
    match plan.service.endpoint_rules {
        Some(_) => quote! {
            endpoint_params: crate::endpoint_resolver::Params,
            /// The endpoint `endpoint_params` resolve to, once resolved and prepared
            /// (shared by clones, replaced by every setter of the parameters).
            resolved_endpoint: ::std::sync::Arc<::std::sync::OnceLock<#RESULT<
                crate::endpoint_rules::PreparedEndpoint,
                crate::endpoint_rules::ResolveError,
            >>>,
        },
        None => quote!(),
    }
}

/// Its initial value in `Client::new`.
pub fn client_field_init(plan: &Plan) -> TokenStream {
    match plan.service.endpoint_rules {
        Some(_) => {
            quote!(endpoint_params: #DEFAULT::default(), resolved_endpoint: #DEFAULT::default(),)
        }
        None => quote!(),
    }
}

/// Its copy in `Client`'s `Clone`.
pub fn client_field_clone(plan: &Plan) -> TokenStream {
    match plan.service.endpoint_rules {
        Some(_) => quote! {
            endpoint_params: #CLONE::clone(&self.endpoint_params),
            resolved_endpoint: ::std::sync::Arc::clone(&self.resolved_endpoint),
        },
        None => quote!(),
    }
}

/// What an operation method does before building its request (with bindings: its
/// endpoint parameters, the client's with the operation's values) and after (make the
/// request absolute: apply the endpoint the user set; with rules, resolve one when none
/// is set).
pub fn client_apply(plan: &Plan, operation: &OperationPlan) -> (TokenStream, TokenStream) {
    let Some(rules) = &plan.service.endpoint_rules else {
        let apply = quote! {
            if let #SOME(endpoint) = &self.endpoint {
                endpoint.apply(&mut request).map_err(crate::error::SdkError::Construction)?;
            }
        };
        return (quote!(), apply);
    };
    if operation.endpoint_bindings.is_empty() {
        let apply = quote! {
            self.apply_client_endpoint(&mut request).map_err(crate::error::SdkError::Construction)?;
        };
        return (quote!(), apply);
    }
    let sets = operation.endpoint_bindings.iter().filter_map(|binding| {
        let param = rules.params.iter().find(|p| p.name == binding.param())?;
        Some(binding_statement(param, binding))
    });
    let bind = quote! {
        let mut endpoint_params = self.endpoint_params.clone();
        #(#sets)*
    };
    let apply = quote! {
        self.apply_endpoint(&mut request, &endpoint_params).map_err(crate::error::SdkError::Construction)?;
    };
    (bind, apply)
}

/// `endpoint_params.stream_arn = input.stream_arn.clone();` and the like.
fn binding_statement(param: &EndpointParam, binding: &Binding) -> TokenStream {
    let target = ident(&param.field);
    let param_optional = param.default.is_none();
    match binding {
        Binding::Static { value, .. } => {
            let value = rust_value(value);
            if param_optional {
                quote!(endpoint_params.#target = #SOME(#value);)
            } else {
                quote!(endpoint_params.#target = #value;)
            }
        }
        Binding::Member {
            field, optional, ..
        } => {
            let field = ident(field);
            match (optional, param_optional) {
                (true, true) => quote! {
                    if input.#field.is_some() {
                        endpoint_params.#target = input.#field.clone();
                    }
                },
                (true, false) => quote! {
                    if let #SOME(value) = &input.#field {
                        endpoint_params.#target = value.clone();
                    }
                },
                (false, true) => quote!(endpoint_params.#target = #SOME(input.#field.clone());),
                (false, false) => quote!(endpoint_params.#target = input.#field.clone();),
            }
        }
        Binding::Path { traversal, .. } => path_statement(&target, param_optional, traversal),
    }
}

/// An `operationContextParams` binding: walks the input (nested `if let` and `for`)
/// and sets the parameter to what the path reaches, when it reaches anything. A list
/// parameter collects every string in order; a single value is set where it is found.
fn path_statement(target: &Ident, param_optional: bool, traversal: &Traversal) -> TokenStream {
    let wrap = |value: TokenStream| match param_optional {
        true => quote!(#SOME(#value)),
        false => value,
    };
    if !traversal.reaches_many() {
        let set = wrap(quote!(value));
        let walk = walk(
            traversal,
            quote!(input),
            0,
            &|value| quote!(let value = #value; endpoint_params.#target = #set;),
        );
        return walk;
    }
    let set = wrap(quote!(values));
    let walk = walk(
        traversal,
        quote!(input),
        0,
        &|value| quote!(values.push(#value);),
    );
    quote! {
        let mut values: #VEC<#STRING> = #VEC::new();
        #walk
        if !values.is_empty() {
            endpoint_params.#target = #set;
        }
    }
}

/// The code that walks `traversal` from `value` (a reference), handing every value it
/// reaches (an owned `String` or `bool` expression) to `sink`.
fn walk(
    traversal: &Traversal,
    value: TokenStream,
    depth: usize,
    sink: &dyn Fn(TokenStream) -> TokenStream,
) -> TokenStream {
    let next = format_ident!("v{}", depth);
    match traversal {
        Traversal::Field {
            field,
            optional,
            boxed,
            then,
        } => {
            let field = ident(field);
            let inner = walk(then, quote!(#next), depth + 1, sink);
            match (optional, boxed) {
                (true, true) => quote!(if let #SOME(#next) = #value.#field.as_deref() { #inner }),
                (true, false) => quote!(if let #SOME(#next) = &#value.#field { #inner }),
                (false, true) => quote!({ let #next = &*#value.#field; #inner }),
                (false, false) => quote!({ let #next = &#value.#field; #inner }),
            }
        }
        Traversal::Each { sparse, then } => {
            let inner = walk(then, quote!(#next), depth + 1, sink);
            match sparse {
                true => quote!(for #next in #value.iter().flatten() { #inner }),
                false => quote!(for #next in #value.iter() { #inner }),
            }
        }
        Traversal::Keys => {
            let push = sink(quote!(key.clone()));
            quote! {
                let mut keys: #VEC<&#STRING> = #value.keys().collect();
                keys.sort();
                for key in keys { #push }
            }
        }
        Traversal::Branches(branches) => {
            let branches = branches.iter().map(|b| walk(b, value.clone(), depth, sink));
            quote!(#(#branches)*)
        }
        Traversal::Leaf(leaf) => sink(leaf_value(*leaf, &value)),
        Traversal::LeafList { item, sparse } => {
            let push = sink(leaf_value(*item, &quote!(#next)));
            match sparse {
                true => quote!(for #next in #value.iter().flatten() { #push }),
                false => quote!(for #next in #value.iter() { #push }),
            }
        }
    }
}

/// The owned value of a leaf reached as a reference.
fn leaf_value(leaf: Leaf, value: &TokenStream) -> TokenStream {
    match leaf {
        Leaf::String => quote!(#STRING::clone(#value)),
        Leaf::Enum => quote!(#value.as_str().to_owned()),
        Leaf::Bool => quote!(*#value),
    }
}

/// The documentation of `Client::with_endpoint`.
pub fn with_endpoint_doc(plan: &Plan) -> TokenStream {
    match plan.service.endpoint_rules {
        Some(_) => quote! {
            /// Sends every request to `endpoint` (absolute URIs) instead of the one the
            /// service's endpoint rules resolve from the client's endpoint parameters.
        },
        None => quote! {
            /// Sends every request to `endpoint` (absolute URIs); without one, requests
            /// keep the relative URI `/` and the transport decides where they go.
        },
    }
}

/// The client's setters of the rules' parameters (one per AWS built-in the rules take,
/// and the whole set) and the per-request resolution.
pub fn client_impl(plan: &Plan) -> TokenStream {
    let Some(rules) = &plan.service.endpoint_rules else {
        return quote!();
    };
    let setters = rules
        .params
        .iter()
        .filter_map(|p| built_in_setter(p).or_else(|| client_setting_setter(p)));
    let appliers = endpoint_appliers(plan);
    quote! {
        impl<T> Client<T> {
            #(#setters)*

            /// Replaces every endpoint parameter (the service's own ones included).
            pub fn with_endpoint_params(mut self, params: crate::endpoint_resolver::Params) -> Self {
                self.endpoint_params = params;
                self.resolved_endpoint = #DEFAULT::default();
                self
            }

            /// The parameters the endpoint rules resolve each request's endpoint from.
            pub fn endpoint_params(&self) -> &crate::endpoint_resolver::Params {
                &self.endpoint_params
            }

            #appliers
        }
    }
}

/// How operations give their requests the endpoint: those without bindings use the
/// client's parameters, resolved once; those with bindings resolve their own each call.
/// Each method only where some operation calls it.
fn endpoint_appliers(plan: &Plan) -> TokenStream {
    let some = |bound: bool| {
        plan.operations
            .iter()
            .any(|op| op.endpoint_bindings.is_empty() != bound)
    };
    let per_call = some(true).then(|| {
        quote! {
            /// The endpoint set with `with_endpoint`, else the one the rules resolve from
            /// `params` (the client's, with the operation's own values).
            fn apply_endpoint<B>(
                &self,
                request: &mut ::http::Request<B>,
                params: &crate::endpoint_resolver::Params,
            ) -> #RESULT<(), crate::error::SerializeError> {
                match &self.endpoint {
                    #SOME(endpoint) => endpoint.apply(request),
                    #NONE => crate::endpoint_resolver::resolve(params)?.apply(request),
                }
            }
        }
    });
    let cached = some(false).then(|| {
        quote! {
            /// The endpoint set with `with_endpoint`, else the one the client's own
            /// parameters resolve to, resolved once (the rules are a function of their parameters).
            fn apply_client_endpoint<B>(
                &self,
                request: &mut ::http::Request<B>,
            ) -> #RESULT<(), crate::error::SerializeError> {
                if let #SOME(endpoint) = &self.endpoint {
                    return endpoint.apply(request);
                }
                let resolved = self
                    .resolved_endpoint
                    .get_or_init(|| crate::endpoint_resolver::resolve(&self.endpoint_params)?.prepare());
                match resolved {
                    #OK(endpoint) => endpoint.apply(request),
                    #ERR(error) => #ERR(error.clone().into()),
                }
            }
        }
    });
    quote!(#per_call #cached)
}

/// `with_region`, `with_fips`, `with_dual_stack` for the AWS built-ins.
fn built_in_setter(param: &EndpointParam) -> Option<TokenStream> {
    let (method, doc) = built_in_method(param.built_in.as_deref()?)?;
    Some(setter(param, method, doc))
}

/// The client's method for an AWS built-in parameter, and its documentation.
fn built_in_method(built_in: &str) -> Option<(&'static str, &'static str)> {
    Some(match built_in {
        "AWS::Region" => (
            "with_region",
            " The region requests go to (`us-east-1`): required by most rules.",
        ),
        "AWS::UseFIPS" => ("with_fips", " Whether requests go to the FIPS endpoint."),
        "AWS::UseDualStack" => (
            "with_dual_stack",
            " Whether requests go to the dual-stack (IPv4 and IPv6) endpoint.",
        ),
        _ => return None,
    })
}

/// `with_<parameter>` for a parameter the service's `clientContextParams` makes a client
/// setting (one a built-in does not already set).
fn client_setting_setter(param: &EndpointParam) -> Option<TokenStream> {
    let built_in = param.built_in.as_deref().and_then(built_in_method);
    if !param.client_setting || built_in.is_some() {
        return None;
    }
    let method = format!("with_{}", param.field.trim_start_matches("r#"));
    if built_in_method_names().any(|name| name == method) {
        return None;
    }
    let doc = match &param.doc {
        Some(doc) => format!(" {doc} The endpoint rules' `{}`.", param.name),
        None => format!(" The endpoint rules' `{}`.", param.name),
    };
    Some(setter(param, &method, &doc))
}

fn built_in_method_names() -> impl Iterator<Item = &'static str> {
    ["AWS::Region", "AWS::UseFIPS", "AWS::UseDualStack"]
        .into_iter()
        .filter_map(built_in_method)
        .map(|(method, _)| method)
}

/// A client method setting `param` to its argument.
fn setter(param: &EndpointParam, method: &str, doc: &str) -> TokenStream {
    let method = ident(method);
    let field = ident(&param.field);
    let (argument, value) = match param.ty {
        ParamType::String => (quote!(impl #INTO<#STRING>), quote!(value.into())),
        ParamType::Boolean => (quote!(bool), quote!(value)),
        ParamType::StringArray => (quote!(#VEC<#STRING>), quote!(value)),
    };
    let value = match param.default.is_none() {
        true => quote!(#SOME(#value)),
        false => value,
    };
    quote! {
        #[doc = #doc]
        pub fn #method(mut self, value: #argument) -> Self {
            self.endpoint_params.#field = #value;
            self.resolved_endpoint = #DEFAULT::default();
            self
        }
    }
}
