//! Emits one enum. A string enum gets known variants plus an `Unknown` fallback that
//! keeps the raw string, infallible `From<&str>` and `FromStr`, `as_str`, `values()`,
//! `try_parse`, `AsRef<str>` and `Display`; an int enum the same around `i32`
//! (`From<i32>`, `value()`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::prelude::*;
use super::rust_type::{deprecated_attr, doc_attrs, doc_or, ident};
use crate::plan::{EnumKind, EnumPlan};

pub fn emit(plan: &EnumPlan, crate_name: &str) -> TokenStream {
    match plan.kind {
        EnumKind::String => string_enum(plan, crate_name),
        EnumKind::Int => int_enum(plan),
    }
}

fn string_enum(plan: &EnumPlan, crate_name: &str) -> TokenStream {
    let name = ident(&plan.name);
    let deprecated = deprecated_attr(plan.deprecated.as_deref());
    let doc = doc_or(plan.doc.as_deref(), &format!("The `{}` enum.", plan.name));
    let guide = doc_attrs(&forward_compatible_match(plan, crate_name));
    let variants = plan.string_variants().map(|(v, value)| {
        let variant = ident(&v.name);
        let fallback = if value.is_empty() {
            "The empty string.".to_owned()
        } else {
            format!("`{}`", value.replace('`', "'"))
        };
        let doc = doc_or(v.doc.as_deref(), &fallback);
        let deprecated = deprecated_attr(v.deprecated.as_deref());
        quote! {
            #doc
            #deprecated
            #variant,
        }
    });
    let from_arms = plan.string_variants().map(|(v, value)| {
        let variant = ident(&v.name);
        quote!(#value => #name::#variant,)
    });
    let as_str_arms = plan.string_variants().map(|(v, value)| {
        let variant = ident(&v.name);
        quote!(#name::#variant => #value,)
    });
    let values = plan.string_variants().map(|(_, value)| value);
    let derives = derives(false);
    quote! {
        #doc
        #[doc = ""]
        #guide
        #deprecated
        #[non_exhaustive]
        #derives
        pub enum #name {
            #(#variants)*
            /// A value this version of the model does not know, kept as received.
            #[deprecated(note = "Don't match on `Unknown` directly: match known variants and handle the rest with a wildcard, reading the value with `as_str()`.")]
            Unknown(crate::primitives::UnknownVariantValue),
        }

        #[allow(deprecated)]
        impl #FROM<&str> for #name {
            fn from(s: &str) -> Self {
                match s {
                    #(#from_arms)*
                    other => #name::Unknown(crate::primitives::UnknownVariantValue::new(other)),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(s: &str) -> #RESULT<Self, Self::Err> {
                #OK(#name::from(s))
            }
        }

        #[allow(deprecated)]
        impl #name {
            /// The value as it is sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    #name::Unknown(value) => value.as_str(),
                }
            }

            /// Every value the model defines, in model order.
            pub const fn values() -> &'static [&'static str] {
                &[#(#values),*]
            }

            /// Parses a known value; an unknown one is an error instead of `Unknown`.
            pub fn try_parse(value: &str) -> #RESULT<Self, crate::error::UnknownVariantError> {
                match #name::from(value) {
                    #name::Unknown(_) => #ERR(crate::error::UnknownVariantError::new(value)),
                    known => #OK(known),
                }
            }
        }

        impl #AS_REF<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// An `intEnum`: its variants stand for integers; other integers land in `Unknown`.
fn int_enum(plan: &EnumPlan) -> TokenStream {
    let name = ident(&plan.name);
    let deprecated = deprecated_attr(plan.deprecated.as_deref());
    let doc = doc_or(
        plan.doc.as_deref(),
        &format!("The `{}` int enum.", plan.name),
    );
    let (int_variants, values): (Vec<_>, Vec<Literal>) = plan
        .int_variants()
        .map(|(v, value)| (v, Literal::i32_unsuffixed(value)))
        .unzip();
    let variants = int_variants.iter().zip(&values).map(|(v, value)| {
        let variant = ident(&v.name);
        let doc = doc_or(v.doc.as_deref(), &format!("`{value}`"));
        let deprecated = deprecated_attr(v.deprecated.as_deref());
        quote! {
            #doc
            #deprecated
            #variant,
        }
    });
    let from_arms = int_variants.iter().zip(&values).map(|(v, value)| {
        let variant = ident(&v.name);
        quote!(#value => #name::#variant,)
    });
    let value_arms = int_variants.iter().zip(&values).map(|(v, value)| {
        let variant = ident(&v.name);
        quote!(#name::#variant => #value,)
    });
    let derives = derives(true);
    quote! {
        #doc
        #deprecated
        #[non_exhaustive]
        #derives
        pub enum #name {
            #(#variants)*
            /// A value this version of the model does not know, kept as received.
            #[deprecated(note = "Don't match on `Unknown` directly: match known variants and handle the rest with a wildcard, reading the value with `value()`.")]
            Unknown(i32),
        }

        #[allow(deprecated)]
        impl #FROM<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #(#from_arms)*
                    other => #name::Unknown(other),
                }
            }
        }

        #[allow(deprecated)]
        impl #name {
            /// The value as it is sent on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    #(#value_arms)*
                    #name::Unknown(value) => *value,
                }
            }

            /// Every value the model defines, in model order.
            pub const fn values() -> &'static [i32] {
                &[#(#values),*]
            }

            /// Parses a known value; an unknown one is an error instead of `Unknown`.
            pub fn try_parse(value: i32) -> #RESULT<Self, crate::error::UnknownVariantError> {
                match #name::from(value) {
                    #name::Unknown(_) => #ERR(crate::error::UnknownVariantError::new(value.to_string())),
                    known => #OK(known),
                }
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }
    }
}

/// The rustdoc section showing how to match the enum so new values do not break callers.
fn forward_compatible_match(plan: &EnumPlan, crate_name: &str) -> String {
    let krate = crate_name.replace('-', "_");
    let name = &plan.name;
    let mut arms = String::new();
    for v in plan.variants.iter().take(3) {
        arms.push_str(&format!("    {name}::{} => {{ /* ... */ }}\n", v.name));
    }
    format!(
        "# Matching\n\nThe service may add values after this code was generated, so match with a \
         wildcard arm; a value not known here arrives as `Unknown` and keeps its text:\n\n\
         {fence}\nuse {krate}::types::{name};\n\nlet value = {name}::from(\"...\");\nmatch value {{\n\
         {arms}    other => println!(\"not known here: {{}}\", other.as_str()),\n}}\n```\n\n\
         To send a value the model does not know yet, use `{name}::from(\"NEW_VALUE\")`.",
        fence = super::doc_examples::FENCE,
    )
}

/// The derives of every enum: string enums hold an unknown value's text, so only int
/// enums are `Copy`.
fn derives(copy: bool) -> TokenStream {
    let copy = copy.then(|| quote!(#COPY,));
    quote! {
        #[derive(
            #CLONE,
            #copy
            #DERIVE_DEBUG,
            #EQ,
            #DERIVE_HASH,
            #ORD,
            #PARTIAL_EQ,
            #PARTIAL_ORD,
        )]
    }
}
