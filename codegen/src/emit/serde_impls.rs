//! Emits `src/serde_impls.rs` (feature `serde`): `serde::Serialize` and
//! `serde::Deserialize` of every structure, enum and union in its wire form. Members go
//! through the same codecs as the wire code ([`super::wire::codec_or_plain`]), which the
//! runtime's `serde_wire` gives a serde form; a structure is read into its zero value
//! like on the wire, so `null`, missing and unknown members read the same way.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens as _};

use super::prelude::*;
use super::rust_type::{ident, path};
use super::union::payload;
use super::wire::codec_or_plain;
use crate::plan::{EnumKind, EnumPlan, FieldPlan, Plan, StructPlan, UnionPlan, UnionVariantPlan};

/// The generated module's name (private, behind the `serde` feature).
pub const MODULE: &str = "serde_impls";

/// The module: one `Serialize` and one `Deserialize` impl per type.
pub fn emit(plan: &Plan) -> TokenStream {
    let structures = plan.structures.iter().map(structure);
    let enums = plan.enums.iter().map(enumeration);
    let unions = plan.unions.iter().map(union);
    let struct_import = (!plan.structures.is_empty()).then(|| {
        quote!(
            use crate::serde_wire::serde::ser::SerializeStruct as _;
        )
    });
    let map_import = (!plan.unions.is_empty()).then(|| {
        quote!(
            use crate::serde_wire::serde::ser::SerializeMap as _;
        )
    });
    let de_import = (!plan.structures.is_empty() || !plan.unions.is_empty()).then(|| {
        quote!(
            use crate::serde_wire::serde::de;
        )
    });
    quote! {
        //! `serde::Serialize` and `serde::Deserialize` of every structure, enum and union,
        //! in the wire form (feature `serde`): see [`crate::serde_wire`].

        #de_import
        #map_import
        #struct_import
        use crate::serde_wire::serde::{Deserialize, Deserializer, Serialize, Serializer};
        use crate::serde_wire as wire;

        #(#structures)*
        #(#enums)*
        #(#unions)*
    }
}

/// `wire::ser::<Codec>(value)`: `value` (a reference, to a box when `boxed`) serialized
/// through its type's codec.
fn ser(field: &FieldPlan, value: TokenStream) -> TokenStream {
    let codec = codec_or_plain(&field.ty);
    let value = if field.boxed {
        quote!(&**#value)
    } else {
        value
    };
    quote!(&wire::ser::<#codec>(#value))
}

/// `wire::next_value::<Codec, A>(&mut map)?`: the next map value through the field's
/// codec, `None` for `null`, boxed when the field is.
fn next_value(field: &FieldPlan) -> TokenStream {
    let codec = codec_or_plain(&field.ty);
    let read = quote!(wire::next_value::<#codec, A>(&mut map)?);
    if field.boxed {
        quote!(#read.map(#BOX::new))
    } else {
        read
    }
}

/// The `Deserialize` impl of `ty` through a visitor whose `visit_map` is `visit_map`;
/// `deserialize` is the call on `deserializer` that takes the visitor.
fn deserialize_impl(
    ty: &TokenStream,
    expecting: &str,
    visit_map: TokenStream,
    deserialize: TokenStream,
) -> TokenStream {
    quote! {
        impl<'de> Deserialize<'de> for #ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> #RESULT<Self, D::Error> {
                struct Members;

                impl<'de> de::Visitor<'de> for Members {
                    type Value = #ty;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> #RESULT<#ty, A::Error> {
                        #visit_map
                    }
                }

                #deserialize
            }
        }
    }
}

fn structure(plan: &StructPlan) -> TokenStream {
    let ty = path(&plan.path());
    let owner = &plan.name;
    let required = plan.fields.iter().filter(|f| !f.optional).count();
    let mut len = vec![proc_macro2::Literal::usize_unsuffixed(required).into_token_stream()];
    len.extend(plan.fields.iter().filter(|f| f.optional).map(|f| {
        let member = ident(&f.name);
        quote!(usize::from(self.#member.is_some()))
    }));
    if required == 0 && len.len() > 1 {
        len.remove(0);
    }
    let entries = plan.fields.iter().map(|field| {
        let member = ident(&field.name);
        let wire = &field.member_name;
        if field.optional {
            let value = ser(field, quote!(value));
            quote! {
                if let #SOME(value) = &self.#member {
                    state.serialize_field(#wire, #value)?;
                } else {
                    state.skip_field(#wire)?;
                }
            }
        } else {
            let value = ser(field, quote!(&self.#member));
            quote!(state.serialize_field(#wire, #value)?;)
        }
    });
    let state = if plan.fields.is_empty() {
        quote!(let state)
    } else {
        quote!(let mut state)
    };
    let names = plan.fields.iter().map(|f| &f.member_name);
    let deserialize = quote!(deserializer.deserialize_struct(#owner, &[#(#names),*], Members));
    let visit_map = visit_structure_members(plan, &ty);
    let deserialize = deserialize_impl(
        &ty,
        &format!("the `{owner}` structure"),
        visit_map,
        deserialize,
    );
    quote! {
        impl Serialize for #ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> #RESULT<S::Ok, S::Error> {
                #state = serializer.serialize_struct(#owner, #(#len)+*)?;
                #(#entries)*
                state.end()
            }
        }

        #deserialize
    }
}

/// Reads members into the structure's zero value: an optional member replaced whole
/// (`null` unsets it), a required one only when not `null` (else it keeps its default
/// or zero value), unknown members skipped.
fn visit_structure_members(plan: &StructPlan, ty: &TokenStream) -> TokenStream {
    let zero = quote!(<#ty as crate::json::ZeroValue>::zero_value());
    if plan.fields.is_empty() {
        return quote! {
            while map.next_key::<de::IgnoredAny>()?.is_some() {
                wire::skip(&mut map)?;
            }
            #OK(#zero)
        };
    }
    let arms = plan.fields.iter().map(|field| {
        let member = ident(&field.name);
        let wire = &field.member_name;
        let read = next_value(field);
        if field.optional {
            quote!(#wire => target.#member = #read,)
        } else {
            quote! {
                #wire => {
                    if let #SOME(value) = #read {
                        target.#member = value;
                    }
                }
            }
        }
    });
    quote! {
        let mut target = #zero;
        while let #SOME(key) = map.next_key::<wire::Key<'de>>()? {
            match key.as_str() {
                #(#arms)*
                _ => wire::skip(&mut map)?,
            }
        }
        #OK(target)
    }
}

fn enumeration(plan: &EnumPlan) -> TokenStream {
    let ty = path(&format!("crate::types::{}", plan.name));
    let (serialize, deserialize) = match plan.kind {
        EnumKind::String => (
            quote!(serializer.serialize_str(self.as_str())),
            quote!(wire::string_enum(deserializer)),
        ),
        EnumKind::Int => (
            quote!(serializer.serialize_i32(self.value())),
            quote!(wire::int_enum(deserializer)),
        ),
    };
    quote! {
        impl Serialize for #ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> #RESULT<S::Ok, S::Error> {
                #serialize
            }
        }

        impl<'de> Deserialize<'de> for #ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> #RESULT<Self, D::Error> {
                #deserialize
            }
        }
    }
}

fn union(plan: &UnionPlan) -> TokenStream {
    let ty = path(&format!("crate::types::{}", plan.name));
    let owner = &plan.name;
    let arms = plan.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.field.member_name;
        match payload(v) {
            Some(_) => {
                let value = ser(&v.field, quote!(value));
                quote!(#ty::#variant(value) => map.serialize_entry(#wire, #value)?,)
            }
            None => quote!(#ty::#variant => map.serialize_entry(#wire, &wire::EmptyObject)?,),
        }
    });
    let cannot_send = format!("`{owner}`: the `Unknown` member cannot be sent");
    let names = plan.variants.iter().map(|v| &v.field.member_name);
    let deserialize = deserialize_impl(
        &ty,
        &format!("the `{owner}` union"),
        visit_union_members(plan, &ty),
        quote!(deserializer.deserialize_struct(#owner, &[#(#names),*], Members)),
    );
    quote! {
        impl Serialize for #ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> #RESULT<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(#SOME(1))?;
                match self {
                    #(#arms)*
                    #ty::Unknown => return #ERR(wire::ser_error(#cannot_send)),
                }
                map.end()
            }
        }

        #deserialize
    }
}

/// Reads a union as the wire code does: exactly one known member set (`null` is unset),
/// `__type` ignored, only unknown members read as `Unknown`.
fn visit_union_members(plan: &UnionPlan, ty: &TokenStream) -> TokenStream {
    let arms = plan.variants.iter().map(|v| union_read_arm(ty, v));
    let value = if plan.variants.is_empty() {
        quote! {
            let value: #OPTION<#ty> = #NONE;
            while map.next_key::<de::IgnoredAny>()?.is_some() {
                wire::skip(&mut map)?;
                unknown = true;
            }
        }
    } else {
        quote! {
            let mut value: #OPTION<#ty> = #NONE;
            while let #SOME(key) = map.next_key::<wire::Key<'de>>()? {
                let member = match key.as_str() {
                    #(#arms)*
                    "__type" => {
                        wire::skip(&mut map)?;
                        continue;
                    }
                    _ => {
                        wire::skip(&mut map)?;
                        unknown = true;
                        continue;
                    }
                };
                if member.is_some() && value.is_some() {
                    return #ERR(wire::de_error("more than one member of the union is set"));
                }
                value = value.or(member);
            }
        }
    };
    quote! {
        let mut unknown = false;
        #value
        match value {
            #SOME(value) => #OK(value),
            #NONE if unknown => #OK(#ty::Unknown),
            #NONE => #ERR(wire::de_error("no member of the union is set")),
        }
    }
}

fn union_read_arm(ty: &TokenStream, v: &UnionVariantPlan) -> TokenStream {
    let variant = ident(&v.name);
    let wire = &v.field.member_name;
    match payload(v) {
        Some(_) => {
            let read = next_value(&v.field);
            quote!(#wire => #read.map(#ty::#variant),)
        }
        None => quote!(#wire => wire::next_unit(&mut map)?.map(|()| #ty::#variant),),
    }
}
