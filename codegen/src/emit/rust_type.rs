//! Tokens for planned Rust types and for attributes every item shares (docs, deprecation).
//! Paths are fully qualified (`::std::string::String`) so model names never shadow them.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::plan::RustType;

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
        RustType::String => quote!(::std::string::String),
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
        RustType::Struct(p) | RustType::Enum(p) | RustType::IntEnum(p) | RustType::Union(p) => {
            path(p)
        }
        RustType::List { item, sparse } => {
            let item = optional_if(tokens(item), *sparse);
            quote!(::std::vec::Vec<#item>)
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
        quote!(::std::option::Option<#ty>)
    } else {
        ty
    }
}

/// `Box<T>` when `boxed`, else `T`.
pub fn boxed_if(ty: TokenStream, boxed: bool) -> TokenStream {
    if boxed {
        quote!(::std::boxed::Box<#ty>)
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

/// `#[doc = " line"]` attributes for Markdown text, one per line.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#[doc = #lines])*)
}

/// Each line with the space that makes `/// line` read well, as a string literal.
fn doc_lines(text: &str) -> impl Iterator<Item = Literal> + '_ {
    text.lines().map(|line| {
        if line.is_empty() {
            Literal::string("")
        } else {
            doc_literal(&format!(" {line}"))
        }
    })
}

/// A raw string literal (`r#" text"#`) for one line of documentation, which reaches
/// `/// text` unchanged: documentation is most of the text `syn` and prettyplease read,
/// and a raw literal is read without unescaping it character by character. A line a raw
/// literal cannot hold (a carriage return) is an ordinary escaped literal.
fn doc_literal(line: &str) -> Literal {
    if line.contains('\r') {
        return Literal::string(line);
    }
    let hashes = "#".repeat(longest_quote_hash_run(line) + 1);
    format!("r{hashes}\"{line}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| Literal::string(line))
}

/// The most `#` following a `"` in `text`: a raw literal needs one more to end.
fn longest_quote_hash_run(text: &str) -> usize {
    text.split('"')
        .skip(1)
        .map(|after| after.bytes().take_while(|&b| b == b'#').count())
        .max()
        .unwrap_or(0)
}

/// `#![doc = " line"]` attributes (module or crate documentation), one per line.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#![doc = #lines])*)
}

/// Doc attributes for optional documentation, with a fallback sentence.
pub fn doc_or(doc: Option<&str>, fallback: &str) -> TokenStream {
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
