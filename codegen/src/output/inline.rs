//! Inline: turns the generated crate's files into one file for `include!`, the form a
//! build script writes to `OUT_DIR`. `mod x;` declarations become inline modules with
//! the content of their files, and every `crate::` path (in code, macro bodies and
//! intra-doc links) gets the module path the file is included at, so
//! `pub mod fsx { include!(..); }` at the root of another crate works unchanged.
//!
//! An `include!`d file may not start with inner attributes: the crate root's docs are
//! left out, and its lint attributes (`#![forbid(unsafe_code)]`, ...) move onto each
//! top-level module, which holds all the code.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

use crate::error::{Error, Result};
use crate::output::format::HEADER;

/// The crate root among the generated files.
const ROOT: &str = "src/lib.rs";

/// One file holding the whole module tree of `files` (the formatted crate), with
/// `crate::` paths pointing at `module_path` (`crate::fsx`).
pub fn inline(files: &BTreeMap<String, String>, module_path: &str) -> Result<String> {
    let prefix = module_path_segments(module_path)?;
    let mut root = parse(files, ROOT)?;
    let lints = root_lints(std::mem::take(&mut root.attrs));
    for item in &mut root.items {
        if let syn::Item::Mod(module) = item {
            module.attrs.splice(0..0, lints.iter().cloned());
        }
    }
    let mut used = BTreeSet::from([ROOT.to_owned()]);
    inline_modules(&mut root.items, "src", files, &mut used)?;
    if let Some(unused) = files
        .keys()
        .find(|f| f.ends_with(".rs") && !used.contains(*f))
    {
        return Err(Error::new(format!(
            "internal error: generated `{unused}` is not declared by any module"
        )));
    }
    let tokens = rewrite_crate_paths(root.into_token_stream(), &prefix);
    let file = syn::parse2::<syn::File>(tokens).map_err(|e| {
        Error::new(format!(
            "internal error: inlined crate does not parse ({e})"
        ))
    })?;
    Ok(format!(
        "{HEADER}// For `include!` as the module `{module_path}`.\n\n{}",
        prettyplease::unparse(&file),
    ))
}

/// `crate::a::b` -> `[a, b]`; anything but a `crate`-rooted path of identifiers is an
/// error.
fn module_path_segments(module_path: &str) -> Result<Vec<Ident>> {
    let invalid = || {
        Error::new(format!(
            "module path `{module_path}` must be `crate` followed by module names, like `crate::fsx`"
        ))
    };
    let path = syn::parse_str::<syn::Path>(module_path).map_err(|_| invalid())?;
    let mut segments = path.segments.into_iter();
    let first = segments.next().ok_or_else(invalid)?;
    if first.ident != "crate" || path.leading_colon.is_some() {
        return Err(invalid());
    }
    segments
        .map(|segment| match segment.arguments {
            syn::PathArguments::None if segment.ident != "crate" => Ok(segment.ident),
            _ => Err(invalid()),
        })
        .collect()
}

fn parse(files: &BTreeMap<String, String>, path: &str) -> Result<syn::File> {
    let text = files.get(path).ok_or_else(|| {
        Error::new(format!(
            "internal error: module file `{path}` was not generated"
        ))
    })?;
    syn::parse_file(text).map_err(|e| {
        Error::new(format!(
            "internal error: generated `{path}` does not parse ({e})"
        ))
    })
}

/// The crate root's lint attributes (`forbid`, `deny`, `warn`, `allow`), as outer
/// attributes; its docs and anything else are dropped.
fn root_lints(attrs: Vec<syn::Attribute>) -> Vec<syn::Attribute> {
    attrs
        .into_iter()
        .filter(|attr| {
            ["forbid", "deny", "warn", "allow"]
                .iter()
                .any(|lint| attr.path().is_ident(lint))
        })
        .map(|mut attr| {
            attr.style = syn::AttrStyle::Outer;
            attr
        })
        .collect()
}

/// Replaces every `mod x;` in `items` (a module whose child files live in `dir`) by
/// `mod x { .. }` holding `dir/x.rs` (or `dir/x/mod.rs`), recursively; the files taken
/// go into `used`.
fn inline_modules(
    items: &mut [syn::Item],
    dir: &str,
    files: &BTreeMap<String, String>,
    used: &mut BTreeSet<String>,
) -> Result<()> {
    for item in items {
        let syn::Item::Mod(module) = item else {
            continue;
        };
        let name = module.ident.to_string();
        let child_dir = format!("{dir}/{}", name.trim_start_matches("r#"));
        if module.content.is_none() {
            let flat = format!("{child_dir}.rs");
            let nested = format!("{child_dir}/mod.rs");
            let path = if files.contains_key(&flat) {
                flat
            } else {
                nested
            };
            let file = parse(files, &path)?;
            used.insert(path);
            // The file's inner attributes (`//!` docs) stay inner: their intra-doc links
            // resolve inside the module, as they did in the file (outer docs on a module
            // resolve in its parent). Clippy's style lint objects when one kind (docs,
            // `allow`) then appears both outside and inside.
            if shares_an_attribute_kind(&module.attrs, &file.attrs) {
                module
                    .attrs
                    .push(syn::parse_quote!(#[allow(clippy::mixed_attributes_style)]));
            }
            module.attrs.extend(file.attrs);
            module.content = Some((syn::token::Brace::default(), file.items));
            module.semi = None;
        }
        if let Some((_, children)) = &mut module.content {
            inline_modules(children, &child_dir, files, used)?;
        }
    }
    Ok(())
}

fn shares_an_attribute_kind(outer: &[syn::Attribute], inner: &[syn::Attribute]) -> bool {
    let kind = |attr: &syn::Attribute| attr.path().to_token_stream().to_string();
    outer
        .iter()
        .any(|o| inner.iter().any(|i| kind(i) == kind(o)))
}

/// Puts `prefix` after every `crate::` in `tokens`, groups and doc strings included
/// (`$crate` and `pub(crate)` stay as they are).
fn rewrite_crate_paths(tokens: TokenStream, prefix: &[Ident]) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(group) => {
                let stream = match doc_literal(group) {
                    Some(text) => doc_with_rewritten_links(group, &text, prefix),
                    None => rewrite_crate_paths(group.stream(), prefix),
                };
                let mut rewritten = Group::new(group.delimiter(), stream);
                rewritten.set_span(group.span());
                out.push(TokenTree::Group(rewritten));
            }
            TokenTree::Ident(ident) if starts_crate_path(&trees, i, ident) => {
                out.push(tree.clone());
                for segment in prefix {
                    out.push(Punct::new(':', Spacing::Joint).into());
                    out.push(Punct::new(':', Spacing::Alone).into());
                    out.push(segment.clone().into());
                }
            }
            _ => out.push(tree.clone()),
        }
    }
    out.into_iter().collect()
}

/// `crate` followed by `::`, not preceded by `$`.
fn starts_crate_path(trees: &[TokenTree], i: usize, ident: &Ident) -> bool {
    let is_punct = |tree: Option<&TokenTree>, c: char| matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == c);
    ident == "crate"
        && !(i > 0 && is_punct(trees.get(i - 1), '$'))
        && is_punct(trees.get(i + 1), ':')
        && is_punct(trees.get(i + 2), ':')
}

/// The text of a `[doc = "..."]` attribute body.
fn doc_literal(group: &Group) -> Option<String> {
    if group.delimiter() != Delimiter::Bracket {
        return None;
    }
    let trees: Vec<TokenTree> = group.stream().into_iter().collect();
    match trees.as_slice() {
        [TokenTree::Ident(name), TokenTree::Punct(eq), TokenTree::Literal(literal)]
            if name == "doc" && eq.as_char() == '=' =>
        {
            syn::parse2::<syn::LitStr>(TokenTree::Literal(literal.clone()).into())
                .ok()
                .map(|lit| lit.value())
        }
        _ => None,
    }
}

/// `doc = "..."` with `prefix` after every `crate::` that starts a path in the text, and
/// the generated crate's runnable examples marked `ignore`.
fn doc_with_rewritten_links(group: &Group, text: &str, prefix: &[Ident]) -> TokenStream {
    let insert: String = prefix.iter().map(|s| format!("{s}::")).collect();
    let mut rewritten = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at]
            .chars()
            .next_back()
            .or(rewritten.chars().next_back());
        let starts_path = !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        rewritten.push_str(&rest[..at + "crate::".len()]);
        if starts_path {
            rewritten.push_str(&insert);
        }
        rest = &rest[at + "crate::".len()..];
    }
    rewritten.push_str(rest);
    // The examples name the generated crate, which is a module of another crate here.
    let fence = crate::emit::DOC_EXAMPLE_FENCE;
    let rewritten = rewritten.replace(fence, &format!("{fence},ignore"));
    let mut literal = Literal::string(&rewritten);
    literal.set_span(group.span());
    let mut tokens = TokenStream::new();
    tokens.extend([
        TokenTree::Ident(Ident::new("doc", Span::call_site())),
        TokenTree::Punct(Punct::new('=', Spacing::Alone)),
        TokenTree::Literal(literal),
    ]);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
            .collect()
    }

    fn crate_tree() -> BTreeMap<String, String> {
        files(&[
            (
                "src/lib.rs",
                "//! Root docs.\n#![forbid(unsafe_code)]\n/// Declared here.\npub mod types;\nmod json;\npub use crate::types::Thing;\n",
            ),
            (
                "src/types.rs",
                "//! The types; see [`Thing`](crate::types::Thing).\nmod _thing;\npub use self::_thing::Thing;\npub mod builders { pub use super::_thing::ThingBuilder; }\n",
            ),
            (
                "src/types/_thing.rs",
                "/// Made by [`crate::types::builders::ThingBuilder`], not my_crate::x.\npub struct Thing(pub(crate) crate::json::Raw);\npub struct ThingBuilder;\nmacro_rules! m { () => { $crate::json::Raw }; }\nfn f() -> bool { matches!(crate::json::Raw, crate::json::Raw) }\n",
            ),
            ("src/json.rs", "pub(crate) struct Raw;\n"),
            ("Cargo.toml", "[package]\n"),
        ])
    }

    #[test]
    fn module_files_become_inline_modules_keeping_their_inner_docs() {
        let text = inline(&crate_tree(), "crate::fsx").unwrap();
        let file = syn::parse_file(&text).unwrap();
        let names: Vec<String> = file
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Mod(m) => Some(m.ident.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["types", "json"]);
        // Inner docs stay inner (their links resolve inside the module); clippy's
        // style lint is allowed where the declaration has outer docs too.
        assert!(
            text.contains(
                "/// Declared here.\n#[allow(clippy::mixed_attributes_style)]\npub mod types {\n    //! The types; see [`Thing`](crate::fsx::types::Thing).\n"
            ),
            "{text}"
        );
        assert!(text.contains("mod _thing {"), "{text}");
        assert!(!text.contains("mod _thing;"), "{text}");
        assert!(text.starts_with(HEADER), "{text}");
    }

    #[test]
    fn root_docs_are_dropped_and_root_lints_move_onto_each_module() {
        let text = inline(&crate_tree(), "crate::fsx").unwrap();
        assert!(!text.contains("Root docs"), "{text}");
        let file = syn::parse_file(&text).unwrap();
        assert!(file.attrs.is_empty(), "{text}");
        assert!(
            text.contains("#[forbid(unsafe_code)]\n/// Declared here."),
            "{text}"
        );
        assert!(
            text.contains("#[forbid(unsafe_code)]\nmod json {"),
            "{text}"
        );
    }

    #[test]
    fn crate_paths_in_code_macros_and_doc_links_get_the_module_path() {
        let text = inline(&crate_tree(), "crate::outer::fsx")
            .unwrap()
            .replace(" ::", "::"); // prettyplease's spacing in macro bodies
        for expected in [
            "pub use crate::outer::fsx::types::Thing;",
            "pub struct Thing(pub(crate) crate::outer::fsx::json::Raw);",
            "matches!(crate::outer::fsx::json::Raw, crate::outer::fsx::json::Raw)",
            "$crate::json::Raw",
            "[`Thing`](crate::outer::fsx::types::Thing)",
            "[`crate::outer::fsx::types::builders::ThingBuilder`], not my_crate::x.",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from:\n{text}"
            );
        }
    }

    #[test]
    fn including_at_the_crate_root_leaves_paths_alone() {
        let text = inline(&crate_tree(), "crate").unwrap();
        assert!(text.contains("pub use crate::types::Thing;"), "{text}");
        // prettyplease spaces paths in macro bodies as `crate ::x`.
        assert!(
            text.replace(" ::", "::")
                .contains("matches!(crate::json::Raw"),
            "{text}"
        );
    }

    #[test]
    fn a_file_no_module_declares_is_an_internal_error() {
        let mut files = crate_tree();
        files.insert(
            "src/orphan.rs".to_owned(),
            "pub struct Orphan;\n".to_owned(),
        );
        let error = inline(&files, "crate::fsx").unwrap_err();
        assert!(
            error.message.contains("`src/orphan.rs` is not declared"),
            "{error}"
        );
    }

    #[test]
    fn a_module_path_outside_the_crate_is_rejected() {
        for bad in [
            "fsx",
            "::crate::fsx",
            "crate::fsx<T>",
            "crate::crate",
            "crate::",
        ] {
            let error = inline(&crate_tree(), bad).unwrap_err();
            assert!(error.message.contains("must be `crate`"), "{bad}: {error}");
        }
    }
}
