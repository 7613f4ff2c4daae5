//! Tokens for planned Rust types and for attributes every item shares (docs, deprecation).
//! Other paths are fully qualified (`crate::types::Backup`, `::std::collections::HashMap`);
//! prelude items go through [`prelude`](super::prelude).

use std::cell::{Cell, RefCell};

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, ToTokens};

use super::prelude::*;

use crate::plan::RustType;

/// Emitted tokens that `quote!` takes over instead of copying. `quote!` clones every
/// token of a `TokenStream` it interpolates (`#tokens`, `#(#items)*`), once per level of
/// nesting; the emitters of per-member items and documentation return `Moved`, whose
/// tokens go to the first stream it is interpolated into. Interpolate one once (debug
/// builds panic on a second time); [`Moved::into_tokens`] gives back a stream to reuse.
pub struct Moved {
    tokens: RefCell<TokenStream>,
    taken: Cell<bool>,
}

impl Moved {
    /// The tokens, to interpolate more than once.
    pub fn into_tokens(self) -> TokenStream {
        self.tokens.into_inner()
    }
}

impl From<TokenStream> for Moved {
    fn from(tokens: TokenStream) -> Self {
        Moved {
            tokens: RefCell::new(tokens),
            taken: Cell::new(false),
        }
    }
}

impl ToTokens for Moved {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let taken_before = self.taken.replace(true);
        debug_assert!(!taken_before, "emitter bug: a `Moved` interpolated twice");
        tokens.extend(self.tokens.take());
    }
}

/// An identifier, raw when the name is (`r#type`).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => format_ident!("{}", name),
    }
}

/// A path like `crate::types::Backup` as tokens.
pub fn path(path: &str) -> TokenStream {
    let segments = path.split("::").map(ident);
    quote!(#(#segments)::*)
}

/// The type's tokens.
pub fn tokens(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(#STRING),
        RustType::Bool => quote!(bool),
        RustType::I8 => quote!(i8),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::DateTime(_) => quote!(crate::primitives::DateTime),
        RustType::Blob => quote!(crate::primitives::Blob),
        RustType::BigInteger => quote!(crate::primitives::BigInteger),
        RustType::BigDecimal => quote!(crate::primitives::BigDecimal),
        RustType::Document => quote!(crate::primitives::Document),
        RustType::Unit => quote!(()),
        RustType::Struct(r) | RustType::Enum(r) | RustType::IntEnum(r) | RustType::Union(r) => {
            path(&r.path)
        }
        RustType::List { item, sparse } => {
            let item = optional_if(tokens(item), *sparse);
            quote!(#VEC<#item>)
        }
        RustType::Map { key, value, sparse } => {
            let key = tokens(key);
            let value = optional_if(tokens(value), *sparse);
            quote!(::std::collections::HashMap<#key, #value>)
        }
    }
}

/// `Option<T>` when `optional`, else `T`.
pub fn optional_if(ty: TokenStream, optional: bool) -> TokenStream {
    if optional {
        quote!(#OPTION<#ty>)
    } else {
        ty
    }
}

/// `Box<T>` when `boxed`, else `T`.
pub fn boxed_if(ty: TokenStream, boxed: bool) -> TokenStream {
    if boxed {
        quote!(#BOX<#ty>)
    } else {
        ty
    }
}

/// Whether values of the type are `Copy` (returned by value from accessors).
pub fn is_copy(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
            | RustType::IntEnum(_)
    )
}

/// `#[doc = " line"]` attributes for Markdown text, one per line; while a file is
/// emitted, one placeholder for all of them ([`doc_table`](super::doc_table)).
pub fn doc_attrs(text: &str) -> Moved {
    if text.lines().next().is_none() {
        return TokenStream::new().into();
    }
    if let Some(placeholder) = super::doc_table::placeholder(text) {
        return placeholder.into();
    }
    let lines = doc_lines(text);
    quote!(#(#[doc = #lines])*).into()
}

/// Each line with the space that makes `/// line` read well.
fn doc_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    })
}

/// `#![doc = " line"]` attributes (module or crate documentation), one per line.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#![doc = #lines])*)
}

/// Doc attributes for optional documentation, with a fallback sentence.
pub fn doc_or(doc: Option<&str>, fallback: &str) -> Moved {
    doc_attrs(doc.filter(|d| !d.trim().is_empty()).unwrap_or(fallback))
}

/// `#[deprecated]` when the model deprecates the item.
pub fn deprecated_attr(deprecated: Option<&str>) -> TokenStream {
    match deprecated {
        None => quote!(),
        Some("") => quote!(#[deprecated]),
        Some(note) => quote!(#[deprecated(note = #note)]),
    }
}

/// `#[allow(clippy::should_implement_trait)]` on a generated method named like a std
/// trait's method (`add`, `next`, `from_str`, ...): the name is the member's, as the AWS
/// SDKs give it, not an attempt at the trait.
pub fn allow_std_trait_name(method: &str) -> TokenStream {
    if crate::plan::names::is_std_trait_method(method) {
        quote!(#[allow(clippy::should_implement_trait)])
    } else {
        quote!()
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{doc_attrs, Moved};

    #[test]
    fn moved_tokens_arrive_whole_where_interpolated() {
        let items = [quote!(a: u8,), quote!(b: u16,)].map(Moved::from);
        let doc = doc_attrs("One \"quoted\" line.\n\nAnother with \"# in it.");
        let out = quote!(#doc struct S { #(#items)* });
        let expected = quote! {
            #[doc = " One \"quoted\" line."]
            #[doc = ""]
            #[doc = " Another with \"# in it."]
            struct S { a: u8, b: u16, }
        };
        let formatted = |tokens| syn::parse2(tokens).map(|file| prettyplease::unparse(&file));
        let out = formatted(out).expect("emitted tokens parse");
        assert_eq!(out, formatted(expected).expect("expected tokens parse"));
        assert!(out.contains("/// Another with \"# in it."), "{out}");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "interpolated twice")]
    fn a_second_interpolation_is_an_emitter_bug() {
        let doc = doc_attrs("Once.");
        let _ = quote!(#doc #doc struct S;);
    }
}
