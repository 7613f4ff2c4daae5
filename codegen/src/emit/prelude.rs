//! Standard-library items the Rust prelude names (`Option`, `Some`, `String`, `Clone`),
//! as emitters interpolate them: `quote!(#OPTION<#STRING>)`. They are written by their
//! bare names, as hand-written Rust does, unless a type of the generated crate has one of
//! these names (a model shape called `Option` or `Result`): then every file of that crate
//! gets the full paths (`::std::option::Option`), which no model name can shadow. Bare
//! names also leave `syn` and prettyplease far fewer tokens to read.

use std::cell::Cell;

use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};

/// One prelude item, by its full path.
pub struct PreludeItem(&'static str);

/// Declares each item as a constant and lists them all in `ALL`, which decides what a
/// model name may shadow: one list, so no item can miss the check.
macro_rules! prelude_items {
    ($($(#[$doc:meta])* $name:ident = $path:literal,)*) => {
        $($(#[$doc])* pub const $name: PreludeItem = PreludeItem($path);)*
        const ALL: &[PreludeItem] = &[$($name),*];
    };
}

prelude_items! {
    OPTION = "::std::option::Option",
    SOME = "::std::option::Option::Some",
    NONE = "::std::option::Option::None",
    RESULT = "::std::result::Result",
    OK = "::std::result::Result::Ok",
    ERR = "::std::result::Result::Err",
    STRING = "::std::string::String",
    VEC = "::std::vec::Vec",
    BOX = "::std::boxed::Box",
    CLONE = "::std::clone::Clone",
    COPY = "::std::marker::Copy",
    PARTIAL_EQ = "::std::cmp::PartialEq",
    EQ = "::std::cmp::Eq",
    PARTIAL_ORD = "::std::cmp::PartialOrd",
    ORD = "::std::cmp::Ord",
    DEFAULT = "::std::default::Default",
    INTO = "::std::convert::Into",
    FROM = "::std::convert::From",
    AS_REF = "::std::convert::AsRef",
    /// The `Debug` derive macro (the trait is not in the prelude): in `#[derive]` lists only.
    DERIVE_DEBUG = "::std::fmt::Debug",
    /// The `Hash` derive macro (the trait is not in the prelude): in `#[derive]` lists only.
    DERIVE_HASH = "::std::hash::Hash",
}

impl PreludeItem {
    /// The bare name: the last segment of the path.
    fn name(&self) -> &'static str {
        self.0.rsplit("::").next().unwrap_or(self.0)
    }
}

/// Whether a type named `name` would shadow one of the items emitters write bare.
pub fn shadows_prelude(name: &str) -> bool {
    ALL.iter()
        .any(|item| item.0.ends_with(name) && item.name() == name)
}

thread_local! {
    /// Whether the file being emitted on this thread uses full paths.
    static FULL_PATHS: Cell<bool> = const { Cell::new(false) };
}

/// Runs `emit` with prelude items written as full paths (`full_paths`) or bare names.
pub fn with_full_paths<R>(full_paths: bool, emit: impl FnOnce() -> R) -> R {
    let before = FULL_PATHS.with(|cell| cell.replace(full_paths));
    let result = emit();
    FULL_PATHS.with(|cell| cell.set(before));
    result
}

impl ToTokens for PreludeItem {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if !FULL_PATHS.with(Cell::get) {
            tokens.append(Ident::new(self.name(), Span::call_site()));
            return;
        }
        for segment in self.0.split("::").skip(1) {
            tokens.append(TokenTree::Punct(Punct::new(':', Spacing::Joint)));
            tokens.append(TokenTree::Punct(Punct::new(':', Spacing::Alone)));
            tokens.append(Ident::new(segment, Span::call_site()));
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{shadows_prelude, with_full_paths, OPTION, SOME, STRING};

    #[test]
    fn bare_names_unless_full_paths_are_asked_for() {
        let emit = || quote!(let x: #OPTION<#STRING> = #SOME(s);).to_string();
        assert_eq!(
            with_full_paths(false, emit),
            quote!(let x: Option<String> = Some(s);).to_string()
        );
        assert_eq!(
            with_full_paths(true, emit),
            quote!(let x: ::std::option::Option<::std::string::String> = ::std::option::Option::Some(s);)
                .to_string()
        );
    }

    #[test]
    fn prelude_names_are_known() {
        for name in [
            "Option", "Some", "None", "Result", "Ok", "Err", "String", "Vec", "Box", "Debug",
        ] {
            assert!(shadows_prelude(name), "{name}");
        }
        assert!(!shadows_prelude("Backup"));
    }
}
