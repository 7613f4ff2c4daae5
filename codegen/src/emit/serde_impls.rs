//! Emits `src/serde_impls.rs` (feature `serde`): `serde::Serialize` and
//! `serde::Deserialize` of every structure, enum and union, each a one-line call of the
//! runtime's `serde_wire` bridge to the type's wire code (so the serde form is the wire
//! form, and the file stays a few lines per type).

use proc_macro2::TokenStream;
use quote::quote;

use super::prelude::*;
use super::rust_type::path;
use crate::plan::Plan;

/// The generated module's name (private, behind the `serde` feature).
pub const MODULE: &str = "serde_impls";

/// The module: one `Serialize` and one `Deserialize` impl per type.
pub fn emit(plan: &Plan) -> TokenStream {
    let structures = plan.structures.iter().map(|s| s.path());
    let others = plan
        .enums
        .iter()
        .map(|e| &e.name)
        .chain(plan.unions.iter().map(|u| &u.name));
    let impls = structures
        .chain(others.map(|name| format!("crate::types::{name}")))
        .map(|ty| impls(&path(&ty)));
    quote! {
        //! `serde::Serialize` and `serde::Deserialize` of every structure, enum and union,
        //! in the wire form (feature `serde`): see [`crate::serde_wire`].

        use crate::serde_wire::serde::{Deserialize, Deserializer, Serialize, Serializer};
        use crate::serde_wire as wire;

        #(#impls)*
    }
}

/// `Serialize` and `Deserialize` of `ty` through its wire form.
fn impls(ty: &TokenStream) -> TokenStream {
    quote! {
        impl Serialize for #ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> #RESULT<S::Ok, S::Error> {
                wire::serialize(self, serializer)
            }
        }

        impl<'de> Deserialize<'de> for #ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> #RESULT<Self, D::Error> {
                wire::deserialize(deserializer)
            }
        }
    }
}
