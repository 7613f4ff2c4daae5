//! Emits one union: an enum with a variant per member holding its value (a unit variant
//! for a member targeting `smithy.api#Unit`), an `Unknown` variant for a member this
//! model does not know, `as_<member>()` / `is_<member>()` accessors and a redacting
//! `Debug`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::prelude::*;
use super::rust_type::{allow_std_trait_name, boxed_if, deprecated_attr, doc_or, ident, tokens};
use super::structure::REDACTED;
use crate::plan::names::unraw;
use crate::plan::{RustType, UnionPlan, UnionVariantPlan};

pub fn emit(plan: &UnionPlan) -> TokenStream {
    let name = ident(&plan.name);
    let doc = doc_or(plan.doc.as_deref(), &format!("The `{}` union.", plan.name));
    let deprecated = deprecated_attr(plan.deprecated.as_deref());
    let variants = plan.variants.iter().map(variant);
    let accessors = plan.variants.iter().map(|v| accessors(&name, v));
    let debug_arms = plan.variants.iter().map(|v| debug_arm(&name, v));
    let label = &plan.name;
    let allow = allow_deprecated(plan);
    quote! {
        #doc
        #deprecated
        #[non_exhaustive]
        #[derive(#CLONE, #PARTIAL_EQ)]
        pub enum #name {
            #(#variants)*
            /// A member this version of the model does not know. It cannot be sent.
            Unknown,
        }

        #allow
        impl #name {
            #(#accessors)*

            /// Whether this is a member this version of the model does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, #name::Unknown)
            }
        }

        #allow
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#debug_arms)*
                    #name::Unknown => f.write_str(::std::concat!(#label, "::Unknown")),
                }
            }
        }
    }
}

pub(super) fn allow_deprecated(plan: &UnionPlan) -> TokenStream {
    if plan.deprecated.is_some() || plan.variants.iter().any(|v| v.field.deprecated.is_some()) {
        quote!(#[allow(deprecated)])
    } else {
        quote!()
    }
}

/// The variant's payload type, boxed where recursion needs it; `None` for a unit member.
pub(super) fn payload(variant: &UnionVariantPlan) -> Option<TokenStream> {
    (variant.field.ty != RustType::Unit)
        .then(|| boxed_if(tokens(&variant.field.ty), variant.field.boxed))
}

fn variant(v: &UnionVariantPlan) -> TokenStream {
    let name = ident(&v.name);
    let doc = doc_or(
        v.field.doc.as_deref(),
        &format!("The `{}` member.", v.field.member_name),
    );
    let deprecated = deprecated_attr(v.field.deprecated.as_deref());
    match payload(v) {
        Some(ty) => quote! {
            #doc
            #deprecated
            #name(#ty),
        },
        None => quote! {
            #doc
            #deprecated
            #name,
        },
    }
}

/// `as_x()` (the value, or `Err(self)` for another member) and `is_x()`.
fn accessors(union: &proc_macro2::Ident, v: &UnionVariantPlan) -> TokenStream {
    let variant = ident(&v.name);
    let bare = unraw(&v.field.name);
    let as_fn = format_ident!("as_{}", bare);
    let is_fn = format_ident!("is_{}", bare);
    let as_doc = format!(
        " The `{}` member's value, or `Err(self)` when another member is set.",
        v.field.member_name
    );
    let is_doc = format!(" Whether the `{}` member is set.", v.field.member_name);
    let allow = allow_std_trait_name(&as_fn.to_string());
    // A boxed (recursive) member's value is lent as `&T`, not `&Box<T>`.
    let value = if v.field.boxed {
        quote!(&**value)
    } else {
        quote!(value)
    };
    let as_item = match (v.field.ty != RustType::Unit).then(|| tokens(&v.field.ty)) {
        Some(ty) => quote! {
            #[doc = #as_doc]
            #allow
            pub fn #as_fn(&self) -> #RESULT<&#ty, &Self> {
                if let #union::#variant(value) = self {
                    #OK(#value)
                } else {
                    #ERR(self)
                }
            }
        },
        None => quote! {
            #[doc = #as_doc]
            #allow
            pub fn #as_fn(&self) -> #RESULT<(), &Self> {
                if let #union::#variant = self {
                    #OK(())
                } else {
                    #ERR(self)
                }
            }
        },
    };
    quote! {
        #as_item

        #[doc = #is_doc]
        pub fn #is_fn(&self) -> bool {
            self.#as_fn().is_ok()
        }
    }
}

fn debug_arm(union: &proc_macro2::Ident, v: &UnionVariantPlan) -> TokenStream {
    let variant = ident(&v.name);
    let label = unraw(&v.name);
    match (payload(v).is_some(), v.field.sensitive) {
        (true, false) => {
            quote!(#union::#variant(value) => f.debug_tuple(#label).field(value).finish(),)
        }
        (true, true) => {
            quote!(#union::#variant(_) => f.debug_tuple(#label).field(&#REDACTED).finish(),)
        }
        (false, _) => quote!(#union::#variant => f.write_str(#label),),
    }
}
