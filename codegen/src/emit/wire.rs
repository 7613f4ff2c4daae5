//! Emits the awsJson1_1 wire form of structures and enums as hand-written serde impls
//! (no derive, so the generated crate needs no proc-macro): members by their model name,
//! unset members omitted, unknown members skipped, `null` read as absent, missing
//! required members given their zero value, errors that name the member path.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::{boxed_if, ident, tokens};
use super::structure::{allow_deprecated, default_expr};
use crate::error::{Error, Result};
use crate::names::unraw;
use crate::plan::{EnumPlan, FieldPlan, RustType, StructPlan};

/// `Serialize`, `Deserialize` and the zero value of a structure.
pub fn structure(plan: &StructPlan) -> Result<TokenStream> {
    let name = ident(&plan.name);
    let serialize = serialize_structure(plan);
    let read = construct(plan, Source::Read)?;
    let zero = construct(plan, Source::Nothing)?;
    let locals = plan.fields.iter().map(|field| {
        let local = local(field);
        let ty = boxed_if(tokens(&field.ty), field.boxed);
        quote!(let mut #local: ::std::option::Option<#ty> = ::std::option::Option::None;)
    });
    let owner = &plan.name;
    let arms = plan.fields.iter().map(|field| {
        let local = local(field);
        let wire = &field.member_name;
        quote!(#wire => #local = crate::json::member(&mut map, #owner, #wire)?,)
    });
    let expecting = format!("a `{}` object", plan.name);
    let read_members = if plan.fields.is_empty() {
        quote! {
            while map.next_key::<::serde::de::IgnoredAny>()?.is_some() {
                crate::json::skip(&mut map)?;
            }
        }
    } else {
        quote! {
            while let ::std::option::Option::Some(key) = map.next_key::<crate::json::Key<'de>>()? {
                match key.as_str() {
                    #(#arms)*
                    _ => crate::json::skip(&mut map)?,
                }
            }
        }
    };
    let allow = allow_deprecated(plan);
    Ok(quote! {
        #allow
        #serialize

        #allow
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct MapVisitor;

                impl<'de> ::serde::de::Visitor<'de> for MapVisitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        let _level = crate::limits::NestingGuard::enter()?;
                        #(#locals)*
                        #read_members
                        ::std::result::Result::Ok(#read)
                    }
                }

                deserializer.deserialize_map(MapVisitor)
            }
        }

        #allow
        impl crate::json::ZeroValue for #name {
            fn zero_value() -> Self {
                #zero
            }
        }
    })
}

/// The local holding a member while an object is read.
fn local(field: &FieldPlan) -> proc_macro2::Ident {
    format_ident!("m_{}", unraw(&field.name))
}

fn serialize_structure(plan: &StructPlan) -> TokenStream {
    let name = ident(&plan.name);
    let entries = plan.fields.iter().map(|field| {
        let member = ident(&field.name);
        let wire = &field.member_name;
        if field.optional {
            quote! {
                if let ::std::option::Option::Some(value) = &self.#member {
                    map.serialize_entry(#wire, value)?;
                }
            }
        } else {
            quote!(map.serialize_entry(#wire, &self.#member)?;)
        }
    });
    let binding = if plan.fields.is_empty() {
        quote!(map)
    } else {
        quote!(mut map)
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let #binding = serializer.serialize_map(::std::option::Option::None)?;
                #(#entries)*
                map.end()
            }
        }
    }
}

/// How a member's final value is made from the `Option` read off the wire.
enum Source {
    /// The local the visitor filled.
    Read,
    /// Nothing was read (the zero value of the whole structure).
    Nothing,
}

/// The struct literal: optional members as read, defaulted ones with their default,
/// required ones with their zero value when absent.
fn construct(plan: &StructPlan, source: Source) -> Result<TokenStream> {
    let name = ident(&plan.name);
    let from_wire = matches!(source, Source::Read);
    let mut values = Vec::new();
    for field in &plan.fields {
        let member = ident(&field.name);
        let read = local(field);
        let default = match &field.default {
            Some(default) if !field.optional => {
                Some(default_expr(&field.ty, default).map_err(|problem| {
                    Error::shape(
                        &plan.shape_id,
                        format!("member `{}`: {problem}", field.member_name),
                    )
                })?)
            }
            _ => None,
        };
        let default = default.map(|d| {
            if field.boxed {
                quote!(::std::boxed::Box::new(#d))
            } else {
                d
            }
        });
        let value = match (from_wire, field.optional, default) {
            (true, true, _) => quote!(#read),
            (false, true, _) => quote!(::std::option::Option::None),
            (true, false, Some(_)) if is_empty_collection(field.default.as_ref()) => {
                quote!(#read.unwrap_or_default())
            }
            (true, false, Some(default)) if is_cheap(&field.ty) && !field.boxed => {
                quote!(#read.unwrap_or(#default))
            }
            (true, false, Some(default)) => quote!(#read.unwrap_or_else(|| #default)),
            (false, false, Some(default)) => default,
            (true, false, None) => quote!(#read.unwrap_or_else(crate::json::ZeroValue::zero_value)),
            (false, false, None) => quote!(crate::json::ZeroValue::zero_value()),
        };
        values.push(quote!(#member: #value,));
    }
    Ok(quote!(#name { #(#values)* }))
}

/// A default of `[]` or `{}`: the collection's `Default`.
fn is_empty_collection(default: Option<&serde_json::Value>) -> bool {
    match default {
        Some(serde_json::Value::Array(items)) => items.is_empty(),
        Some(serde_json::Value::Object(entries)) => entries.is_empty(),
        _ => false,
    }
}

/// Defaults that cost nothing to build (clippy prefers `unwrap_or` for them).
fn is_cheap(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
    )
}

/// `Serialize` and `Deserialize` of an enum: its wire string, unknown values kept.
pub fn enumeration(plan: &EnumPlan) -> TokenStream {
    let name = ident(&plan.name);
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <crate::json::Key<'de> as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                ::std::result::Result::Ok(#name::from(value.as_str()))
            }
        }

        impl crate::json::ZeroValue for #name {
            fn zero_value() -> Self {
                #name::from("")
            }
        }
    }
}
