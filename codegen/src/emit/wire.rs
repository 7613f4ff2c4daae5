//! Emits the awsJson1_1 wire form of structures and enums as hand-written serde impls
//! (no derive, so the generated crate needs no proc-macro): members by their model name,
//! unset members omitted, unknown members skipped, `null` read as absent, missing
//! required members given their zero value, errors that name the member path.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_type::{boxed_if, ident, is_copy, tokens};
use super::structure::{allow_deprecated, default_expr};
use super::union::payload;
use crate::error::{Error, Result};
use crate::names::unraw;
use crate::plan::{
    EnumKind, EnumPlan, FieldPlan, RustType, StructPlan, TimestampFormat, UnionPlan,
};

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
        let read = read_member(&field.ty, owner, wire);
        quote!(#wire => #local = #read,)
    });
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
    let deserialize = deserialize_object(
        &plan.name,
        quote! {
            #(#locals)*
            #read_members
            ::std::result::Result::Ok(#read)
        },
    );
    let allow = allow_deprecated(plan);
    Ok(quote! {
        #allow
        #serialize

        #allow
        #deserialize

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
            let entry = write_member(&field.ty, wire, &quote!(value));
            quote! {
                if let ::std::option::Option::Some(value) = &self.#member {
                    #entry
                }
            }
        } else {
            write_member(&field.ty, wire, &quote!(&self.#member))
        }
    });
    let binding = if plan.fields.is_empty() {
        quote!(map)
    } else {
        quote!(mut map)
    };
    serialize_object(
        &name,
        quote!(::std::option::Option::None),
        binding,
        quote!(#(#entries)*),
    )
}

/// `impl Serialize` writing a JSON object of `len` entries (an `Option`): `body` writes
/// them into `map`, bound as `binding`.
fn serialize_object(
    name: &proc_macro2::Ident,
    len: TokenStream,
    binding: TokenStream,
    body: TokenStream,
) -> TokenStream {
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                use ::serde::ser::SerializeMap as _;
                let #binding = serializer.serialize_map(#len)?;
                #body
                map.end()
            }
        }
    }
}

/// `impl Deserialize` reading a JSON object, one nesting level deeper: `body` reads the
/// entries from `map` (a `MapAccess`) and returns the value.
fn deserialize_object(name: &str, body: TokenStream) -> TokenStream {
    let ty = ident(name);
    let expecting = format!("a `{name}` object");
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ty {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                struct __Visitor;

                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ty;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(self, mut map: __A) -> ::std::result::Result<#ty, __A::Error> {
                        let _level = crate::limits::NestingGuard::enter()?;
                        #body
                    }
                }

                deserializer.deserialize_map(__Visitor)
            }
        }
    }
}

/// The codec of a type whose own serde impls are not its wire form: floats, timestamps
/// in a format other than epoch seconds, lists and maps. `None` for every other type.
pub(super) fn codec(ty: &RustType) -> Option<TokenStream> {
    Some(match ty {
        RustType::F32 | RustType::F64 => {
            let float = tokens(ty);
            quote!(crate::json::Float<#float>)
        }
        RustType::DateTime(TimestampFormat::DateTime) => quote!(crate::json::DateTimeText),
        RustType::DateTime(TimestampFormat::HttpDate) => quote!(crate::json::HttpDate),
        RustType::List { item, sparse } => {
            let item = codec_or_plain(item);
            if *sparse {
                quote!(crate::json::SparseList<#item>)
            } else {
                quote!(crate::json::List<#item>)
            }
        }
        RustType::Map { key, value, sparse } => {
            let key = tokens(key);
            let value = codec_or_plain(value);
            if *sparse {
                quote!(crate::json::SparseMap<#key, #value>)
            } else {
                quote!(crate::json::Map<#key, #value>)
            }
        }
        _ => return None,
    })
}

fn codec_or_plain(ty: &RustType) -> TokenStream {
    codec(ty).unwrap_or_else(|| {
        let ty = tokens(ty);
        quote!(crate::json::Plain<#ty>)
    })
}

/// Reads the current member's value (an `Option`, `null` as `None`) inside `visit_map`.
pub(super) fn read_member(ty: &RustType, owner: &str, wire: &str) -> TokenStream {
    match codec(ty) {
        Some(codec) => quote!(crate::json::member_as::<#codec, _>(&mut map, #owner, #wire)?),
        None => quote!(crate::json::member(&mut map, #owner, #wire)?),
    }
}

/// Writes one member's entry; `value` is a reference to the value.
pub(super) fn write_member(ty: &RustType, wire: &str, value: &TokenStream) -> TokenStream {
    match codec(ty) {
        Some(codec) => {
            quote!(map.serialize_entry(#wire, &crate::json::Encode::<#codec>::new(#value))?;)
        }
        None => quote!(map.serialize_entry(#wire, #value)?;),
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

/// Defaults that cost nothing to build (clippy prefers `unwrap_or` for them): the `Copy`
/// scalars; an int enum's default is a conversion call.
fn is_cheap(ty: &RustType) -> bool {
    is_copy(ty) && !matches!(ty, RustType::IntEnum(_))
}

/// `Serialize` and `Deserialize` of an enum: its wire string (or integer), unknown
/// values kept.
pub fn enumeration(plan: &EnumPlan) -> TokenStream {
    let name = ident(&plan.name);
    if plan.kind == EnumKind::Int {
        return quote! {
            impl ::serde::Serialize for #name {
                fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                    serializer.serialize_i32(self.value())
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
                    let value = <i32 as ::serde::Deserialize<'de>>::deserialize(deserializer)?;
                    ::std::result::Result::Ok(#name::from(value))
                }
            }

            impl crate::json::ZeroValue for #name {
                fn zero_value() -> Self {
                    #name::from(0)
                }
            }
        };
    }
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<__S: ::serde::Serializer>(&self, serializer: __S) -> ::std::result::Result<__S::Ok, __S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(deserializer: __D) -> ::std::result::Result<Self, __D::Error> {
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

/// `Serialize` and `Deserialize` of a union: an object with exactly one member set;
/// `__type` is ignored and a member this model does not know reads as `Unknown`.
pub fn union(plan: &UnionPlan) -> TokenStream {
    let name = ident(&plan.name);
    let owner = &plan.name;
    let write_arms = plan.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.field.member_name;
        match payload(v) {
            Some(_) => {
                let entry = write_member(&v.field.ty, wire, &quote!(value));
                quote!(#name::#variant(value) => { #entry })
            }
            None => {
                quote!(#name::#variant => map.serialize_entry(#wire, &crate::json::EmptyObject)?,)
            }
        }
    });
    let read_arms = plan.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.field.member_name;
        match payload(v) {
            Some(_) => {
                let read = read_member(&v.field.ty, owner, wire);
                quote!(#wire => #read.map(#name::#variant),)
            }
            None => quote! {
                #wire => crate::json::member::<_, ::serde::de::IgnoredAny>(&mut map, #owner, #wire)?.map(|_| #name::#variant),
            },
        }
    });
    let cannot_send = format!("`{owner}`: the `Unknown` member cannot be sent");
    let two_members = format!("`{owner}`: more than one member of the union is set");
    let no_member = format!("`{owner}`: no member of the union is set");
    let serialize = serialize_object(
        &name,
        quote!(::std::option::Option::Some(1)),
        quote!(mut map),
        quote! {
            match self {
                #(#write_arms)*
                #name::Unknown => return ::std::result::Result::Err(<__S::Error as ::serde::ser::Error>::custom(#cannot_send)),
            }
        },
    );
    let deserialize = deserialize_object(
        owner,
        quote! {
            let mut value: ::std::option::Option<#name> = ::std::option::Option::None;
            let mut unknown = false;
            while let ::std::option::Option::Some(key) = map.next_key::<crate::json::Key<'de>>()? {
                let member = match key.as_str() {
                    #(#read_arms)*
                    "__type" => {
                        crate::json::skip(&mut map)?;
                        continue;
                    }
                    _ => {
                        crate::json::skip(&mut map)?;
                        unknown = true;
                        continue;
                    }
                };
                if member.is_some() && value.is_some() {
                    return ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::custom(#two_members));
                }
                value = value.or(member);
            }
            match value {
                ::std::option::Option::Some(value) => ::std::result::Result::Ok(value),
                ::std::option::Option::None if unknown => ::std::result::Result::Ok(#name::Unknown),
                ::std::option::Option::None => ::std::result::Result::Err(<__A::Error as ::serde::de::Error>::custom(#no_member)),
            }
        },
    );
    let allow = super::union::allow_deprecated(plan);
    quote! {
        #allow
        #serialize

        #allow
        #deserialize

        impl crate::json::ZeroValue for #name {
            fn zero_value() -> Self {
                #name::Unknown
            }
        }
    }
}
