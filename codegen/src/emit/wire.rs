//! Emits the awsJson1_1 wire form of structures, enums and unions: impls of the
//! runtime's `json::FromJson` (and `json::ZeroValue`) and `json::ToJson`, reading and
//! writing JSON directly (no serde): members by their model name, unset members omitted,
//! unknown members skipped, `null` read as absent, missing required members given their
//! zero value, errors that name the member path.
//!
//! A type gets the reading half when responses carry it and the writing half when
//! requests do (its plan's [`Directions`]), as smithy-rs generates them; the other half
//! only with the crate's `serde` feature, whose impls go through both. Half the structures
//! of a typical service travel one way only, so this is a good part of the crate's
//! compile time.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::prelude::*;
use super::rust_type::{ident, is_copy, tokens, Moved};
use super::structure::{allow_deprecated, default_expr, is_literal_default};
use super::union::payload;
use crate::plan::{
    DefaultValue, Directions, EnumKind, EnumPlan, FieldPlan, RustType, StructPlan, TimestampFormat,
    UnionPlan,
};

/// The wire form and the zero value of a structure. Reading starts from the zero value
/// and reads each member straight into its field (`read_members`), so a structure nested
/// in another is read in place instead of moved up level by level.
pub fn structure(plan: &StructPlan) -> TokenStream {
    let name = ident(&plan.name);
    let owner = &plan.name;
    let zero = construct_zero(plan);
    let arms = plan
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| read_arm(field, index));
    let names = plan.fields.iter().map(|field| &field.member_name);
    let read_members = Moved::from(if plan.fields.is_empty() {
        quote! {
            while reader.next_key(&mut entries)?.is_some() {
                reader.skip()?;
            }
        }
    } else {
        let lookup = Moved::from(member_index(plan));
        quote! {
            const MEMBERS: &[&str] = &[#(#names),*];
            #lookup
            let mut next = 0;
            while let #SOME(member) =
                reader.next_member(&mut entries, MEMBERS, &mut next, member_index)?
            {
                match member {
                    #(#arms)*
                    _ => reader.skip()?,
                }
            }
        }
    });
    let target = if plan.fields.is_empty() {
        quote!(_target)
    } else {
        quote!(target)
    };
    let read = quote! {
        const IN_PLACE: bool = true;

        fn read(reader: &mut crate::json::Reader<'_>) -> crate::json::ReadResult<Self> {
            crate::json::read_structure(reader)
        }

        #[inline]
        fn blank() -> #OPTION<Self> {
            #SOME(<Self as crate::json::ZeroValue>::zero_value())
        }

        fn read_members(
            reader: &mut crate::json::Reader<'_>,
            #target: &mut Self,
        ) -> crate::json::ReadResult<()> {
            let mut entries = reader.begin_structure(#owner)?;
            #read_members
            reader.end_structure();
            #OK(())
        }
    };
    let entries = plan.fields.iter().map(|field| {
        let member = ident(&field.name);
        let wire = &field.member_name;
        Moved::from(if field.optional {
            let entry = write_member(&field.ty, wire, &quote!(value));
            quote! {
                if let #SOME(value) = &self.#member {
                    #entry
                }
            }
        } else {
            write_member(&field.ty, wire, &quote!(&self.#member))
        })
    });
    let write = quote! {
        writer.begin_object();
        #(#entries)*
        writer.end_object();
        #OK(())
    };
    let zero = quote! {
        #[inline]
        fn zero_value() -> Self {
            #zero
        }
    };
    json_impls(
        &name,
        plan.directions,
        allow_deprecated(plan),
        read,
        zero,
        write,
    )
}

/// `fn member_index`: the index in the structure's `MEMBERS` of the member a key names
/// (`MEMBERS.len()` for any other key), by a match on the key's length and then on its
/// bytes, so that a key costs about the same wherever it stands in the object.
fn member_index(plan: &StructPlan) -> TokenStream {
    let unknown = proc_macro2::Literal::usize_unsuffixed(plan.fields.len());
    let mut fields: Vec<(usize, &FieldPlan)> = plan.fields.iter().enumerate().collect();
    // Grouped by length, for readers of the match; the compiler makes one jump on it.
    fields.sort_by_key(|(_, field)| field.member_name.len());
    let arms = fields.into_iter().map(|(index, field)| {
        let length = proc_macro2::Literal::usize_unsuffixed(field.member_name.len());
        let name = proc_macro2::Literal::byte_string(field.member_name.as_bytes());
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        quote!(#length if key == #name => #index,)
    });
    // A compare with a byte string of known size is loads, not a `memcmp` call (in an
    // optimized build); a debug build compiles one call per member. Inlined into
    // `read_members` (4.5% less time on a shuffled depth2 than a call through the
    // pointer `next_member` takes; the clean debug build of `generated/` unchanged).
    quote! {
        /// The index in `MEMBERS` of the member `key` names.
        #[inline(always)]
        fn member_index(key: &[u8]) -> usize {
            match key.len() {
                #(#arms)*
                _ => #unknown,
            }
        }
    }
}

/// `fn read`, its body reading one value from `reader`.
fn read_method(read: TokenStream) -> TokenStream {
    let read = Moved::from(read);
    quote! {
        fn read(reader: &mut crate::json::Reader<'_>) -> crate::json::ReadResult<Self> {
            #read
        }
    }
}

/// The wire impls of a type: `FromJson` with the reading methods given whole and
/// `ZeroValue` with `zero_value` (the reading half), `ToJson` whose `write` writes `self`
/// to `writer` (the writing half); a half the type's `directions` do not need is compiled
/// only with the `serde` feature. `allow` goes on each impl.
fn json_impls(
    name: &Ident,
    directions: Directions,
    allow: TokenStream,
    read_methods: TokenStream,
    zero_value: TokenStream,
    write: TokenStream,
) -> TokenStream {
    let (read_methods, zero_value, write) = (
        Moved::from(read_methods),
        Moved::from(zero_value),
        Moved::from(write),
    );
    let reading = only_with_serde_unless(directions.received);
    let writing = only_with_serde_unless(directions.sent);
    quote! {
        #allow
        #reading
        impl crate::json::FromJson for #name {
            #read_methods
        }

        #allow
        #reading
        impl crate::json::ZeroValue for #name {
            #zero_value
        }

        #allow
        #writing
        impl crate::json::ToJson for #name {
            fn write(&self, writer: &mut crate::json::Writer) -> crate::json::WriteResult {
                #write
            }
        }
    }
}

/// Nothing when `needed`, else `#[cfg(feature = "serde")]`.
fn only_with_serde_unless(needed: bool) -> TokenStream {
    if needed {
        TokenStream::new()
    } else {
        quote!(#[cfg(feature = "serde")])
    }
}

/// The match arm reading one member (`index` in the structure's `MEMBERS`) into its
/// field of `target`: an optional member through `member_into` (in place), a required
/// one replaced whole, its default or zero value when the wire says `null`.
fn read_arm(field: &FieldPlan, index: usize) -> Moved {
    let member = ident(&field.name);
    let wire = &field.member_name;
    let index = proc_macro2::Literal::usize_unsuffixed(index);
    Moved::from(if field.optional {
        let read = match codec(&field.ty) {
            Some(codec) => {
                quote!(crate::json::member_into_as::<#codec>(reader, #wire, &mut target.#member)?)
            }
            None => quote!(crate::json::member_into(reader, #wire, &mut target.#member)?),
        };
        quote!(#index => #read,)
    } else {
        let value = required_value(field, read_member(&field.ty, wire));
        quote!(#index => target.#member = #value,)
    })
}

/// The codec of a type whose own `FromJson` and `ToJson` impls are not its wire form:
/// floats, timestamps in a format other than epoch seconds, lists and maps. `None` for
/// every other type.
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

pub(super) fn codec_or_plain(ty: &RustType) -> TokenStream {
    codec(ty).unwrap_or_else(|| {
        let ty = tokens(ty);
        quote!(crate::json::Plain<#ty>)
    })
}

/// Reads the current member's value (an `Option`, `null` as `None`).
pub(super) fn read_member(ty: &RustType, wire: &str) -> TokenStream {
    match codec(ty) {
        Some(codec) => quote!(crate::json::member_as::<#codec>(reader, #wire)?),
        None => quote!(crate::json::member(reader, #wire)?),
    }
}

/// Writes one member's entry; `value` is a reference to the value.
pub(super) fn write_member(ty: &RustType, wire: &str, value: &TokenStream) -> TokenStream {
    match codec(ty) {
        Some(codec) => quote!(crate::json::write_member_as::<#codec>(writer, #wire, #value)?;),
        None => quote!(crate::json::write_member(writer, #wire, #value)?;),
    }
}

/// The zero value of a structure: optional members unset, defaulted ones their default,
/// the others their own zero value.
fn construct_zero(plan: &StructPlan) -> TokenStream {
    let name = ident(&plan.name);
    let mut values = Vec::new();
    for field in &plan.fields {
        let member = ident(&field.name);
        let value = if field.optional {
            quote!(#NONE)
        } else {
            match default_of(field) {
                Some(default) => default,
                None => quote!(crate::json::ZeroValue::zero_value()),
            }
        };
        values.push(quote!(#member: #value,));
    }
    values.push(super::structure::request_id_init(plan));
    quote!(#name { #(#values)* })
}

/// A required member's value from the `Option` that `read` gives (`None` for `null`):
/// its default, else its zero value, when it is `None`.
fn required_value(field: &FieldPlan, read: TokenStream) -> TokenStream {
    match default_of(field) {
        Some(_) if is_empty_collection(field.default.as_ref()) => quote!(#read.unwrap_or_default()),
        Some(default) if is_cheap(field) => quote!(#read.unwrap_or(#default)),
        Some(default) => quote!(#read.unwrap_or_else(|| #default)),
        None => quote!(#read.unwrap_or_else(crate::json::ZeroValue::zero_value)),
    }
}

/// The default of a required member, as an expression of its type (boxed when it is).
fn default_of(field: &FieldPlan) -> Option<TokenStream> {
    let value = default_expr(&field.ty, field.default.as_ref()?);
    Some(if field.boxed {
        quote!(#BOX::new(#value))
    } else {
        value
    })
}

/// A default of `[]` or `{}`: the collection's `Default`.
fn is_empty_collection(default: Option<&DefaultValue>) -> bool {
    matches!(
        default,
        Some(DefaultValue::EmptyList | DefaultValue::EmptyMap)
    )
}

/// Defaults that cost nothing to build (clippy prefers `unwrap_or` for them): those of
/// literals only, of `Copy` scalars (an int enum's default is a conversion call), unboxed.
fn is_cheap(field: &FieldPlan) -> bool {
    let literal = field.default.as_ref().is_some_and(is_literal_default);
    let copy = is_copy(&field.ty) && !matches!(field.ty, RustType::IntEnum(_));
    (literal || copy) && !field.boxed
}

/// The wire form of an enum: its string (or integer), unknown values kept.
pub fn enumeration(plan: &EnumPlan) -> TokenStream {
    let name = ident(&plan.name);
    let (read, write, zero) = match plan.kind {
        EnumKind::Int => (
            quote! {
                match reader.integer::<i32>() {
                    #OK(value) => #OK(#name::from(value)),
                    #ERR(e) => #ERR(e),
                }
            },
            quote!(writer.i64(i64::from(self.value()));),
            quote!(#name::from(0)),
        ),
        EnumKind::String => (
            // A `match`, not `map` and a closure: one generic instantiation less per enum.
            quote! {
                match reader.str() {
                    #OK(value) => #OK(#name::from(&*value)),
                    #ERR(e) => #ERR(e),
                }
            },
            quote!(writer.string(self.as_str());),
            quote!(#name::from("")),
        ),
    };
    json_impls(
        &name,
        plan.directions,
        TokenStream::new(),
        read_method(read),
        quote! {
            fn zero_value() -> Self {
                #zero
            }
        },
        quote! {
            #write
            #OK(())
        },
    )
}

/// The wire form of a union: an object with exactly one member set; `__type` is ignored
/// and a member this model does not know reads as `Unknown`.
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
            None => quote! {
                #name::#variant => {
                    writer.key(#wire);
                    writer.begin_object();
                    writer.end_object();
                }
            },
        }
    });
    let read_arms = plan.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.field.member_name;
        match payload(v) {
            Some(_) => {
                let read = read_member(&v.field.ty, wire);
                quote!(#wire => #read.map(#name::#variant),)
            }
            None => quote! {
                #wire => crate::json::unit_member(reader, #wire)?.map(|()| #name::#variant),
            },
        }
    });
    let cannot_send = format!("`{owner}`: the `Unknown` member cannot be sent");
    let read = quote! {
        let mut entries = reader.begin_structure(#owner)?;
        let mut value: #OPTION<#name> = #NONE;
        let mut unknown = false;
        while let #SOME(key) = reader.next_key(&mut entries)? {
            let member = match &*key {
                #(#read_arms)*
                "__type" => {
                    reader.skip()?;
                    continue;
                }
                _ => {
                    reader.skip()?;
                    unknown = true;
                    continue;
                }
            };
            if member.is_some() && value.is_some() {
                return #ERR(reader.error_here("more than one member of the union is set"));
            }
            value = value.or(member);
        }
        reader.end_structure();
        match value {
            #SOME(value) => #OK(value),
            #NONE if unknown => #OK(#name::Unknown),
            #NONE => #ERR(reader.error_here("no member of the union is set")),
        }
    };
    let write = quote! {
        writer.begin_object();
        match self {
            #(#write_arms)*
            #name::Unknown => return #ERR(crate::json::WriteError::new(#cannot_send)),
        }
        writer.end_object();
        #OK(())
    };
    json_impls(
        &name,
        plan.directions,
        super::union::allow_deprecated(plan),
        read_method(read),
        quote! {
            fn zero_value() -> Self {
                #name::Unknown
            }
        },
        write,
    )
}
