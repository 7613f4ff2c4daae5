//! Emits one structure: the `#[non_exhaustive]` struct with public fields and accessors,
//! `Debug` (derived, or by hand to redact sensitive members), and its builder (setters, getters, `build`).
//!
//! The accessors, setters and `build` are `#[inline]`: a debug build then compiles each
//! only in the crates that call it, not all of them in the generated crate (a clean debug
//! build of the full-FSx crate: about 5% less time). Optimized builds inline them anyway.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::prelude::*;
use super::rust_type::{
    allow_std_trait_name, boxed_if, deprecated_attr, doc_attrs, doc_or, ident, is_copy,
    optional_if, path, tokens, Moved,
};
use crate::plan::names::unraw;
use crate::plan::{DefaultValue, FieldPlan, RustType, StructPlan, StructRole};

/// What `Debug` prints instead of a sensitive value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// The struct, its impls and its builder.
pub fn emit(plan: &StructPlan) -> TokenStream {
    let name = ident(&plan.name);
    let builder_path = path(&format!(
        "crate::{}::builders::{}",
        plan.module.segments().join("::"),
        plan.builder_name()
    ));
    let doc = doc_or(
        plan.doc.as_deref(),
        &format!("The `{}` structure.", plan.name),
    );
    let deprecated = deprecated_attr(plan.deprecated.as_deref());
    let allow_deprecated = allow_deprecated(plan);
    let fields = plan.fields.iter().map(struct_field);
    let accessors = plan.fields.iter().map(accessor);
    let request_id_kept = carries_request_id(plan);
    let derive_debug = derive_debug(plan, request_id_kept);
    let debug = debug_impl(&name, &plan.name, plan, request_id_kept);
    let builder_item = Moved::from(emit_builder(plan));
    let (request_id_field, request_id_impl) = request_id(plan);
    let builder_doc = doc_attrs(&format!(
        "Creates a new builder-style object to manufacture {}.",
        struct_link(&plan.name)
    ));
    quote! {
        #doc
        #deprecated
        #[non_exhaustive]
        #[derive(#CLONE, #PARTIAL_EQ #derive_debug)]
        pub struct #name {
            #(#fields)*
            #request_id_field
        }

        #request_id_impl

        #allow_deprecated
        impl #name {
            #(#accessors)*

            #builder_doc
            #[inline]
            pub fn builder() -> #builder_path {
                #builder_path::default()
            }
        }

        #debug

        #builder_item
    }
}

/// Whether the structure is an operation's output or a modeled error: those carry the
/// response's request id, outside the wire form (as smithy-rs's `_request_id`).
pub(super) fn carries_request_id(plan: &StructPlan) -> bool {
    matches!(plan.role, StructRole::Output | StructRole::Error(_))
}

/// `_request_id: None,` in a struct literal of a structure that has the field.
pub(super) fn request_id_init(plan: &StructPlan) -> TokenStream {
    if carries_request_id(plan) {
        quote!(_request_id: #NONE,)
    } else {
        quote!()
    }
}

/// The hidden request id field and the `RequestId` impl, for outputs and errors.
fn request_id(plan: &StructPlan) -> (TokenStream, TokenStream) {
    if !carries_request_id(plan) {
        return (quote!(), quote!());
    }
    let name = ident(&plan.name);
    (
        quote!(pub(crate) _request_id: #OPTION<#STRING>,),
        quote! {
            impl crate::error::RequestId for #name {
                fn request_id(&self) -> #OPTION<&str> {
                    self._request_id.as_deref()
                }
            }
        },
    )
}

pub(super) fn allow_deprecated(plan: &StructPlan) -> TokenStream {
    if plan.deprecated.is_some() || plan.fields.iter().any(|f| f.deprecated.is_some()) {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    }
}

/// The field's type as stored in the struct.
fn stored_type(field: &FieldPlan) -> TokenStream {
    optional_if(boxed_if(tokens(&field.ty), field.boxed), field.optional)
}

/// A rustdoc link to the structure: `struct@` keeps a name the prelude also uses for a
/// derive macro (`Debug`, `Default`) from being ambiguous.
fn struct_link(name: &str) -> String {
    format!("[`{name}`](struct@{name})")
}

fn struct_field(field: &FieldPlan) -> Moved {
    let name = ident(&field.name);
    let ty = stored_type(field);
    let doc = field_doc(field);
    let deprecated = deprecated_attr(field.deprecated.as_deref());
    quote! {
        #doc
        #deprecated
        pub #name: #ty,
    }
    .into()
}

/// The member's documentation, as the field, its accessor and the builder's getter and
/// setters show it.
pub(super) fn field_doc(field: &FieldPlan) -> Moved {
    doc_attrs(&member_text(field))
}

pub(super) fn member_text(field: &FieldPlan) -> String {
    field
        .doc
        .clone()
        .filter(|d| !d.trim().is_empty())
        .unwrap_or_else(|| format!("The `{}` member.", field.member_name))
}

/// Said once per required member, on the builder's setter.
const REQUIRED_NOTE: &str = "\n\nRequired: `build()` returns an error when it is not set.";

/// The builder's value setter's documentation: the member's, and, once per member,
/// that `build()` fails without it.
pub(super) fn setter_doc(field: &FieldPlan) -> Moved {
    let mut text = member_text(field);
    if field.must_be_set() {
        text.push_str(REQUIRED_NOTE);
    }
    doc_attrs(&text)
}

/// A borrowing accessor, in the shape aws-sdk-fsx gives them.
fn accessor(field: &FieldPlan) -> Moved {
    let name = ident(&field.name);
    let doc = field_doc(field);
    let deprecated = deprecated_attr(field.deprecated.as_deref());
    let (ret, body) = accessor_signature(field);
    let allow = allow_std_trait_name(&field.name);
    quote! {
        #doc
        #deprecated
        #allow
        #[inline]
        pub fn #name(&self) -> #ret {
            #body
        }
    }
    .into()
}

fn accessor_signature(field: &FieldPlan) -> (TokenStream, TokenStream) {
    let name = ident(&field.name);
    let ty = tokens(&field.ty);
    match (&field.ty, field.optional) {
        (RustType::String, true) => (quote!(#OPTION<&str>), quote!(self.#name.as_deref())),
        (RustType::String, false) => (quote!(&str), quote!(&self.#name)),
        (RustType::List { item, sparse }, optional) => {
            let item = optional_if(tokens(item), *sparse);
            let body = if optional {
                quote!(self.#name.as_deref().unwrap_or_default())
            } else {
                quote!(&self.#name)
            };
            (quote!(&[#item]), body)
        }
        (ty_plan, true) if is_copy(ty_plan) => (quote!(#OPTION<#ty>), quote!(self.#name)),
        (ty_plan, false) if is_copy(ty_plan) => (ty, quote!(self.#name)),
        (_, true) if field.boxed => (quote!(#OPTION<&#ty>), quote!(self.#name.as_deref())),
        (_, true) => (quote!(#OPTION<&#ty>), quote!(self.#name.as_ref())),
        (_, false) => (quote!(&#ty), quote!(&self.#name)),
    }
}

/// Whether `Debug` is written by hand: to redact a sensitive field, or to show the
/// request id only when there is one (and under its accessor's name); otherwise it is
/// derived, and prints the same.
fn hand_debug(plan: &StructPlan, request_id: bool) -> bool {
    request_id || plan.fields.iter().any(|field| field.sensitive)
}

/// `, Debug` for the derive list when [`debug_impl`] writes nothing.
fn derive_debug(plan: &StructPlan, request_id: bool) -> TokenStream {
    if hand_debug(plan, request_id) {
        quote!()
    } else {
        quote!(, #DERIVE_DEBUG)
    }
}

/// `Debug` by hand (see [`hand_debug`]): every field printed, sensitive ones redacted,
/// then the request id when `request_id` and there is one. Nothing when
/// [`derive_debug`] derives it.
fn debug_impl(
    name: &proc_macro2::Ident,
    display_name: &str,
    plan: &StructPlan,
    request_id: bool,
) -> TokenStream {
    if !hand_debug(plan, request_id) {
        return quote!();
    }
    let request_id_entry = request_id.then(|| {
        quote! {
            if let #SOME(request_id) = &self._request_id {
                formatter.field("request_id", request_id);
            }
        }
    });
    let allow_deprecated = allow_deprecated(plan);
    let entries = plan.fields.iter().map(|field| {
        let label = unraw(&field.name);
        let member = ident(&field.name);
        if field.sensitive {
            quote!(formatter.field(#label, &#REDACTED);)
        } else {
            quote!(formatter.field(#label, &self.#member);)
        }
    });
    quote! {
        #allow_deprecated
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                let mut formatter = f.debug_struct(#display_name);
                #(#entries)*
                #request_id_entry
                formatter.finish()
            }
        }
    }
}

fn emit_builder(plan: &StructPlan) -> TokenStream {
    let builder = format_ident!("{}", plan.builder_name());
    let doc = doc_attrs(&format!("A builder for {}.", struct_link(&plan.name)));
    let fields = plan.fields.iter().map(|field| {
        let name = ident(&field.name);
        let ty = boxed_if(tokens(&field.ty), field.boxed);
        quote!(pub(crate) #name: #OPTION<#ty>,)
    });
    let methods = plan.fields.iter().map(builder_methods);
    let build = build_fn(plan);
    let derive_debug = derive_debug(plan, false);
    let debug = debug_impl(&builder, &plan.builder_name(), plan, false);
    let allow_deprecated = allow_deprecated(plan);
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(#CLONE, #PARTIAL_EQ, #DEFAULT #derive_debug)]
        pub struct #builder {
            #(#fields)*
        }

        #allow_deprecated
        impl #builder {
            #(#methods)*
            #build
        }

        #debug
    }
}

/// `x(value)`, `set_x(Option)`, `get_x()` for one field; lists append and maps insert.
fn builder_methods(field: &FieldPlan) -> Moved {
    let name = ident(&field.name);
    let bare = unraw(&field.name);
    let setter = format_ident!("set_{}", bare);
    let getter = format_ident!("get_{}", bare);
    let stored = boxed_if(tokens(&field.ty), field.boxed);
    let member_doc = field_doc(field).into_tokens();
    let setter_doc = setter_doc(field).into_tokens();
    let required = if field.must_be_set() {
        REQUIRED_NOTE
    } else {
        ""
    };
    let deprecated = deprecated_attr(field.deprecated.as_deref());
    let allow = allow_std_trait_name(&field.name);
    let fluent = match &field.ty {
        RustType::List { item, sparse } => {
            let (item, value) = if *sparse {
                (optional_if(tokens(item), true), quote!(input))
            } else {
                parameter(item)
            };
            let doc = doc_attrs(&format!(
                "Appends an item to `{bare}`; use [`Self::{setter}`] to replace the whole list.{required}"
            ));
            quote! {
                #doc
                #deprecated
                #allow
                #[inline]
                pub fn #name(mut self, input: #item) -> Self {
                    let mut v = self.#name.unwrap_or_default();
                    v.push(#value);
                    self.#name = #SOME(v);
                    self
                }
            }
        }
        RustType::Map { key, value, sparse } => {
            let key = tokens(key);
            let (value, converted) = if *sparse {
                (optional_if(tokens(value), true), quote!(input))
            } else {
                parameter(value)
            };
            let doc = doc_attrs(&format!(
                "Inserts an entry into `{bare}`; use [`Self::{setter}`] to replace the whole map.{required}"
            ));
            quote! {
                #doc
                #deprecated
                #allow
                #[inline]
                pub fn #name(mut self, k: impl #INTO<#key>, input: #value) -> Self {
                    let mut hash_map = self.#name.unwrap_or_default();
                    hash_map.insert(k.into(), #converted);
                    self.#name = #SOME(hash_map);
                    self
                }
            }
        }
        ty => {
            let (param, value) = parameter(ty);
            let value = if field.boxed {
                quote!(#BOX::new(#value))
            } else {
                value
            };
            quote! {
                #setter_doc
                #deprecated
                #allow
                #[inline]
                pub fn #name(mut self, input: #param) -> Self {
                    self.#name = #SOME(#value);
                    self
                }
            }
        }
    };
    quote! {
        #fluent
        #member_doc
        #deprecated
        #[inline]
        pub fn #setter(mut self, input: #OPTION<#stored>) -> Self {
            self.#name = input;
            self
        }
        #member_doc
        #deprecated
        #[inline]
        pub fn #getter(&self) -> &#OPTION<#stored> {
            &self.#name
        }
    }
    .into()
}

/// A setter's parameter type and the expression that turns `input` into the value:
/// strings take anything `Into<String>`, everything else its own type.
pub(super) fn parameter(ty: &RustType) -> (TokenStream, TokenStream) {
    let ty_tokens = tokens(ty);
    match ty {
        RustType::String => (quote!(impl #INTO<#ty_tokens>), quote!(input.into())),
        _ => (ty_tokens, quote!(input)),
    }
}

fn build_fn(plan: &StructPlan) -> TokenStream {
    let name = ident(&plan.name);
    let mut checks = Vec::new();
    let mut values = Vec::new();
    for field in &plan.fields {
        let member = ident(&field.name);
        let missing = missing_field_error(plan, field);
        let value = match (field.optional, &field.default) {
            (true, _) => quote!(self.#member),
            (false, Some(default)) => {
                let literal = is_literal_default(default);
                let default = default_expr(&field.ty, default);
                match &field.ty {
                    RustType::List { .. } | RustType::Map { .. } => {
                        quote!(self.#member.unwrap_or_default())
                    }
                    ty if is_copy(ty) || literal => quote!(self.#member.unwrap_or(#default)),
                    _ => quote!(self.#member.unwrap_or_else(|| #default)),
                }
            }
            (false, None) => {
                checks.push(quote!(let #member = self.#member.ok_or_else(|| #missing)?;));
                values.push(quote!(#member,));
                continue;
            }
        };
        if field.optional && field.must_be_set() {
            checks.push(quote! {
                if self.#member.is_none() {
                    return #ERR(#missing);
                }
            });
        }
        values.push(quote!(#member: #value,));
    }
    values.push(request_id_init(plan));
    let doc = format!(
        "Consumes the builder and constructs a {}.",
        struct_link(&plan.name)
    );
    if plan.build_is_fallible() {
        let errors = plan
            .fields
            .iter()
            .filter(|f| f.must_be_set())
            .map(|f| format!("`{}`", unraw(&f.name)))
            .collect::<Vec<_>>()
            .join(", ");
        let doc = doc_attrs(&format!(
            "{doc}\n\nReturns an error naming the first missing required member of: {errors}."
        ));
        quote! {
            #doc
            #[inline]
            pub fn build(self) -> #RESULT<#name, crate::error::BuildError> {
                #(#checks)*
                #OK(#name {
                    #(#values)*
                })
            }
        }
    } else {
        let doc = doc_attrs(&doc);
        quote! {
            #doc
            #[inline]
            pub fn build(self) -> #name {
                #name {
                    #(#values)*
                }
            }
        }
    }
}

fn missing_field_error(plan: &StructPlan, field: &FieldPlan) -> TokenStream {
    let field_name = unraw(&field.name);
    let message = format!(
        "`{field_name}` was not specified but it is required when building `{}`",
        plan.name
    );
    quote!(crate::error::BuildError::missing_field(#field_name, #message))
}

/// The Rust expression for a member's typed default; `ty` gives the paths of enums.
pub(super) fn default_expr(ty: &RustType, value: &DefaultValue) -> TokenStream {
    match (value, ty) {
        (DefaultValue::Bool(b), _) => quote!(#b),
        (DefaultValue::String(s), _) => quote!(#STRING::from(#s)),
        (DefaultValue::Enum(s), RustType::Enum(p)) => {
            let p = path(&p.path);
            quote!(#p::from(#s))
        }
        (DefaultValue::IntEnum(n), RustType::IntEnum(p)) => {
            let p = path(&p.path);
            quote!(#p::from(#n))
        }
        (DefaultValue::Integer(n), _) => {
            // The plan checked that the value fits the type.
            let literal = match ty {
                RustType::I8 => Literal::i8_suffixed(*n as i8),
                RustType::I16 => Literal::i16_suffixed(*n as i16),
                RustType::I32 => Literal::i32_suffixed(*n as i32),
                _ => Literal::i64_suffixed(*n),
            };
            quote!(#literal)
        }
        (DefaultValue::Float(v), RustType::F32) => {
            let literal = Literal::f32_suffixed(*v as f32);
            quote!(#literal)
        }
        (DefaultValue::Float(v), _) => {
            let literal = Literal::f64_suffixed(*v);
            quote!(#literal)
        }
        (DefaultValue::Timestamp(secs), _) => {
            let literal = Literal::f64_suffixed(*secs);
            quote!(crate::primitives::DateTime::from_secs_f64(#literal))
        }
        (DefaultValue::Blob(bytes), _) if bytes.is_empty() => {
            quote!(crate::primitives::Blob::new(#VEC::new()))
        }
        (DefaultValue::Blob(bytes), _) => {
            let bytes = Literal::byte_string(bytes);
            quote!(crate::primitives::Blob::new(#bytes.to_vec()))
        }
        (DefaultValue::BigNumber(text), _) => {
            let ty = tokens(ty);
            // The plan checked that the text is a number of the type.
            quote!(<#ty as ::std::str::FromStr>::from_str(#text).unwrap_or_default())
        }
        (DefaultValue::Document(value), _) => document_expr(value),
        (DefaultValue::EmptyList | DefaultValue::EmptyMap, _)
        | (DefaultValue::Enum(_) | DefaultValue::IntEnum(_), _) => quote!(#DEFAULT::default()),
    }
}

/// Whether a default's expression is made of literals only (a number, a bool, a document
/// `null`, bool or number): clippy wants those passed to `unwrap_or`, not built lazily.
pub(super) fn is_literal_default(value: &DefaultValue) -> bool {
    match value {
        DefaultValue::Bool(_) | DefaultValue::Integer(_) | DefaultValue::Float(_) => true,
        DefaultValue::Document(document) => {
            matches!(document, Value::Null | Value::Bool(_) | Value::Number(_))
        }
        _ => false,
    }
}

/// A `Document` expression for a JSON value.
fn document_expr(value: &Value) -> TokenStream {
    let document = quote!(crate::primitives::Document);
    match value {
        Value::Null => quote!(#document::Null),
        Value::Bool(b) => quote!(#document::Bool(#b)),
        Value::String(s) => quote!(#document::String(#STRING::from(#s))),
        Value::Number(n) => {
            let number = quote!(crate::primitives::Number);
            if let Some(n) = n.as_u64() {
                quote!(#document::Number(#number::PosInt(#n)))
            } else if let Some(n) = n.as_i64() {
                quote!(#document::Number(#number::NegInt(#n)))
            } else {
                let literal = Literal::f64_suffixed(n.as_f64().unwrap_or_default());
                quote!(#document::Number(#number::Float(#literal)))
            }
        }
        Value::Array(items) => {
            let items = items.iter().map(document_expr);
            quote!(#document::Array(#VEC::from([#(#items),*])))
        }
        Value::Object(entries) => {
            let entries = entries.iter().map(|(key, value)| {
                let value = document_expr(value);
                quote!((#STRING::from(#key), #value))
            });
            quote!(#document::Object(::std::collections::HashMap::from([#(#entries),*])))
        }
    }
}
