//! The public Rust API of a generated crate, read back from its files with `syn`, and
//! the comparison of two versions of it for `codegen-diff`.
//!
//! Items are keyed by their public path (`types::Tag`, `types::builders::TagBuilder`):
//! modules are followed from `src/lib.rs`, `pub use` re-exports resolved, and an item
//! reachable by several paths is listed under the shortest. Per item the comparison
//! looks at what a caller can depend on: public fields and their types, enum variants,
//! public inherent methods and constants with their signatures, trait methods,
//! implemented traits (derives and impls), and `#[non_exhaustive]`.

use std::collections::{BTreeMap, BTreeSet};

use syn::visit_mut::VisitMut;

use codegen::{Error, Result};

/// Every public item of a crate, by public path.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PublicApi {
    pub items: BTreeMap<String, ApiItem>,
}

/// What a caller sees of one public item. Types are shown with `std`/`core` paths
/// shortened (`Option<String>`), which is also how they are compared.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ApiItem {
    /// `struct`, `enum`, `trait`, `fn`, `const`, `static`, `type` or `union`.
    pub kind: &'static str,
    /// The declaration of a function, constant, static or type alias; empty otherwise.
    pub signature: String,
    pub non_exhaustive: bool,
    /// Public fields: name (or position) -> type.
    pub fields: BTreeMap<String, String>,
    /// Enum variants: name -> their fields (`(T)`, `{ a: T }`, or empty).
    pub variants: BTreeMap<String, String>,
    /// Public inherent methods and constants, or a trait's items: name -> signature.
    pub methods: BTreeMap<String, Method>,
    /// Traits implemented by derive or impl block.
    pub traits: BTreeSet<String>,
}

/// A method's (or associated constant's) signature, and whether a trait gives it a
/// default body (a trait method without one must be written by every implementor).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Method {
    pub signature: String,
    pub has_default: bool,
}

/// One difference between two public APIs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ApiChange {
    /// Whether code that compiled against the old API may no longer compile.
    pub breaking: bool,
    /// The item's public path (with `::method` for a method).
    pub path: String,
    pub description: String,
}

impl PublicApi {
    /// Reads the crate rooted at `src/lib.rs` in `files` (relative path -> text).
    pub fn from_files(files: &BTreeMap<String, String>) -> Result<PublicApi> {
        let root = "src/lib.rs";
        if !files.contains_key(root) {
            return Err(Error::new(format!(
                "no `{root}` among the generated files: the Rust API was not compared"
            )));
        }
        let parsed = parse_rust_files(files)?;
        let tree = ModuleTree::build(&parsed, root);
        Ok(tree.public_api())
    }
}

fn parse_rust_files(files: &BTreeMap<String, String>) -> Result<BTreeMap<&str, syn::File>> {
    files
        .iter()
        .filter(|(path, _)| path.ends_with(".rs"))
        .map(|(path, text)| {
            let file = syn::parse_file(text)
                .map_err(|e| Error::new(format!("generated `{path}` is not valid Rust: {e}")))?;
            Ok((path.as_str(), file))
        })
        .collect()
}

/// Compares two APIs: every change, sorted (breaking first, then by path).
pub fn compare(old: &PublicApi, new: &PublicApi) -> Vec<ApiChange> {
    let mut changes = Vec::new();
    for (path, old_item) in &old.items {
        match new.items.get(path) {
            None => changes.push(change(true, path, format!("{} removed", old_item.kind))),
            Some(new_item) => compare_item(path, old_item, new_item, &mut changes),
        }
    }
    for (path, new_item) in &new.items {
        if !old.items.contains_key(path) {
            changes.push(change(false, path, format!("{} added", new_item.kind)));
        }
    }
    changes.sort_by(|a, b| b.breaking.cmp(&a.breaking).then_with(|| a.cmp(b)));
    changes
}

fn change(breaking: bool, path: &str, description: String) -> ApiChange {
    ApiChange {
        breaking,
        path: path.to_owned(),
        description,
    }
}

fn compare_item(path: &str, old: &ApiItem, new: &ApiItem, changes: &mut Vec<ApiChange>) {
    if old.kind != new.kind {
        let what = format!("changed from {} to {}", old.kind, new.kind);
        changes.push(change(true, path, what));
        return;
    }
    if old.signature != new.signature {
        let what = format!("changed: `{}` -> `{}`", old.signature, new.signature);
        changes.push(change(true, path, what));
    }
    if old.non_exhaustive != new.non_exhaustive {
        let what = if new.non_exhaustive {
            "became `#[non_exhaustive]`"
        } else {
            "no longer `#[non_exhaustive]`"
        };
        changes.push(change(new.non_exhaustive, path, what.to_owned()));
    }
    // A new field or variant breaks struct literals and exhaustive matches, unless the
    // type is `#[non_exhaustive]`.
    let closed = !new.non_exhaustive;
    compare_members(path, "field", &old.fields, &new.fields, closed, changes);
    compare_members(
        path,
        "variant",
        &old.variants,
        &new.variants,
        closed,
        changes,
    );
    compare_methods(path, old, new, changes);
    for gone in old.traits.difference(&new.traits) {
        changes.push(change(true, path, format!("no longer implements `{gone}`")));
    }
    for added in new.traits.difference(&old.traits) {
        changes.push(change(false, path, format!("now implements `{added}`")));
    }
}

/// Fields or variants: removed and changed ones break callers; added ones break them
/// only when `addition_breaks`.
fn compare_members(
    path: &str,
    noun: &str,
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
    addition_breaks: bool,
    changes: &mut Vec<ApiChange>,
) {
    let shown = |shape: &str| {
        if shape.is_empty() {
            "(unit)".to_owned()
        } else {
            format!("`{shape}`")
        }
    };
    for (name, old_shape) in old {
        match new.get(name) {
            None => changes.push(change(true, path, format!("{noun} `{name}` removed"))),
            Some(new_shape) if new_shape != old_shape => {
                let (from, to) = (shown(old_shape), shown(new_shape));
                let what = format!("{noun} `{name}` type changed: {from} -> {to}");
                changes.push(change(true, path, what));
            }
            Some(_) => {}
        }
    }
    for name in new.keys().filter(|name| !old.contains_key(*name)) {
        let what = format!("{noun} `{name}` added");
        changes.push(change(addition_breaks, path, what));
    }
}

fn compare_methods(path: &str, old: &ApiItem, new: &ApiItem, changes: &mut Vec<ApiChange>) {
    let is_trait = new.kind == "trait";
    for (name, old_method) in &old.methods {
        let member = format!("{path}::{name}");
        match new.methods.get(name) {
            None => changes.push(change(true, &member, "removed".to_owned())),
            Some(new_method) if new_method.signature != old_method.signature => {
                let what = signature_change(&old_method.signature, &new_method.signature);
                changes.push(change(true, &member, what));
            }
            Some(new_method) if is_trait && old_method.has_default && !new_method.has_default => {
                let what = "lost its default body: implementors must write it".to_owned();
                changes.push(change(true, &member, what));
            }
            Some(_) => {}
        }
    }
    for (name, method) in &new.methods {
        if !old.methods.contains_key(name) {
            // A trait method without a default must be written by every implementor.
            let breaking = is_trait && !method.has_default;
            let what = format!("added: `{}`", method.signature);
            changes.push(change(breaking, &format!("{path}::{name}"), what));
        }
    }
}

/// Describes a changed signature; one that now returns a `Result` "became fallible"
/// (a builder whose `build()` now checks a required member).
fn signature_change(old: &str, new: &str) -> String {
    let returns_result = |sig: &str| {
        sig.split_once(" -> ")
            .is_some_and(|(_, output)| output.starts_with("Result<"))
    };
    if returns_result(new) && !returns_result(old) {
        format!("became fallible: `{old}` -> `{new}`")
    } else {
        format!("signature changed: `{old}` -> `{new}`")
    }
}

/// One module of the crate: its items (borrowed from the parsed files) and children.
struct Module<'a> {
    parent: Option<usize>,
    children: BTreeMap<String, usize>,
    items: Vec<&'a syn::Item>,
}

/// Where a `use` path leads.
#[derive(Clone, Copy)]
enum Target<'a> {
    Module(usize),
    Item(usize, &'a syn::Item),
}

struct ModuleTree<'a> {
    modules: Vec<Module<'a>>,
}

impl<'a> ModuleTree<'a> {
    /// Follows `mod` declarations (inline, or `name.rs` / `name/mod.rs` files) from the
    /// crate root.
    fn build(files: &'a BTreeMap<&str, syn::File>, root: &str) -> ModuleTree<'a> {
        let mut tree = ModuleTree {
            modules: Vec::new(),
        };
        let dir = root.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned();
        if let Some(file) = files.get(root) {
            tree.add_module(files, None, &dir, &file.items);
        }
        tree
    }

    /// Adds a module whose child modules' files (`mod x;`) are in `dir`.
    fn add_module(
        &mut self,
        files: &'a BTreeMap<&str, syn::File>,
        parent: Option<usize>,
        dir: &str,
        items: &'a [syn::Item],
    ) -> usize {
        let index = self.modules.len();
        self.modules.push(Module {
            parent,
            children: BTreeMap::new(),
            items: items.iter().collect(),
        });
        for item in items {
            let syn::Item::Mod(module) = item else {
                continue;
            };
            let name = module.ident.to_string();
            let child_dir = join(dir, &name);
            let child_items = match &module.content {
                Some((_, inline)) => Some(inline.as_slice()),
                None => [format!("{child_dir}.rs"), format!("{child_dir}/mod.rs")]
                    .iter()
                    .find_map(|file| files.get(file.as_str()))
                    .map(|file| file.items.as_slice()),
            };
            let Some(child_items) = child_items else {
                continue;
            };
            let child = self.add_module(files, Some(index), &child_dir, child_items);
            self.modules[index].children.insert(name, child);
        }
        index
    }

    /// Every item a caller can name, under its shortest public path: modules are
    /// walked breadth first from the root through `pub mod` and `pub use` only (so
    /// every module reached is public), and the first path found to an item is a
    /// shortest one.
    fn public_api(&self) -> PublicApi {
        let mut api = PublicApi::default();
        if self.modules.is_empty() {
            return api;
        }
        let mut seen_items = BTreeSet::new();
        let mut seen_modules = BTreeSet::from([0usize]);
        let mut pending = std::collections::VecDeque::from([(0usize, String::new())]);
        while let Some((module, prefix)) = pending.pop_front() {
            let mut names = self.public_names(module);
            names.sort_by(|a, b| a.0.cmp(&b.0));
            for (name, target) in names {
                let path = join_path(&prefix, &name);
                match target {
                    Target::Module(child) if seen_modules.insert(child) => {
                        pending.push_back((child, path));
                    }
                    Target::Module(_) => {}
                    Target::Item(home, item) => {
                        if !seen_items.insert(item as *const syn::Item) {
                            continue;
                        }
                        if let Some(summary) = self.summarize(home, item) {
                            api.items.insert(path, summary);
                        }
                    }
                }
            }
        }
        api
    }

    /// The names a module exports: its `pub` items and modules, and its `pub use`
    /// re-exports (resolved).
    fn public_names(&self, module: usize) -> Vec<(String, Target<'a>)> {
        let mut names = Vec::new();
        for item in &self.modules[module].items {
            match item {
                syn::Item::Mod(m) if is_pub(&m.vis) => {
                    if let Some(&child) = self.modules[module].children.get(&m.ident.to_string()) {
                        names.push((m.ident.to_string(), Target::Module(child)));
                    }
                }
                syn::Item::Use(u) if is_pub(&u.vis) => {
                    for (alias, segments) in use_paths(&u.tree) {
                        self.reexport(module, alias, &segments, &mut names);
                    }
                }
                _ if item_is_pub(item) => {
                    if let Some(name) = item_name(item) {
                        names.push((name, Target::Item(module, item)));
                    }
                }
                _ => {}
            }
        }
        names
    }

    /// Adds what one `pub use` path exports; a glob exports every public item of its
    /// module (items only, so that module cycles cannot arise).
    fn reexport(
        &self,
        module: usize,
        alias: Option<String>,
        segments: &[String],
        names: &mut Vec<(String, Target<'a>)>,
    ) {
        match alias {
            Some(alias) => {
                if let Some(target) = self.resolve(module, segments, 0) {
                    names.push((alias, target));
                }
            }
            None => {
                let Some(Target::Module(source)) = self.resolve(module, segments, 0) else {
                    return;
                };
                for item in &self.modules[source].items {
                    if let (true, Some(name)) = (item_is_pub(item), item_name(item)) {
                        names.push((name, Target::Item(source, item)));
                    }
                }
            }
        }
    }

    /// Resolves a `use` path from `module`: `crate::`, `self::`, `super::` or a child
    /// module first, then modules, then an item or a module (following private `use`
    /// imports, a few levels deep). External crates resolve to nothing.
    fn resolve(&self, module: usize, segments: &[String], depth: usize) -> Option<Target<'a>> {
        if depth > 8 {
            return None;
        }
        let (first, rest) = segments.split_first()?;
        let mut current = match first.as_str() {
            "crate" => 0,
            "self" => module,
            "super" => self.modules[module].parent?,
            _ => return self.lookup(module, segments, depth),
        };
        for (i, segment) in rest.iter().enumerate() {
            if segment == "super" {
                current = self.modules[current].parent?;
                continue;
            }
            return self.lookup(current, &rest[i..], depth);
        }
        Some(Target::Module(current))
    }

    /// Looks `segments` up inside `module`: a child module, an item, or an import.
    fn lookup(&self, module: usize, segments: &[String], depth: usize) -> Option<Target<'a>> {
        let (name, rest) = segments.split_first()?;
        if let Some(&child) = self.modules[module].children.get(name) {
            return match rest {
                [] => Some(Target::Module(child)),
                _ => self.lookup(child, rest, depth),
            };
        }
        let items = &self.modules[module].items;
        if rest.is_empty() {
            let defined = items.iter().find(|item| {
                !matches!(item, syn::Item::Use(_) | syn::Item::Impl(_))
                    && item_name(item).as_deref() == Some(name)
            });
            if let Some(item) = defined {
                return Some(Target::Item(module, item));
            }
        }
        for item in items {
            let syn::Item::Use(u) = item else {
                continue;
            };
            for (alias, path) in use_paths(&u.tree) {
                if alias.as_deref() == Some(name.as_str()) {
                    let mut full = path;
                    full.extend(rest.iter().cloned());
                    return self.resolve(module, &full, depth + 1);
                }
            }
        }
        None
    }

    /// What a caller sees of `item`, defined in module `home`.
    fn summarize(&self, home: usize, item: &syn::Item) -> Option<ApiItem> {
        let mut summary = match item {
            syn::Item::Struct(s) => ApiItem {
                kind: "struct",
                non_exhaustive: has_attr(&s.attrs, "non_exhaustive"),
                fields: public_fields(&s.fields),
                traits: derived_traits(&s.attrs),
                ..ApiItem::default()
            },
            syn::Item::Enum(e) => ApiItem {
                kind: "enum",
                non_exhaustive: has_attr(&e.attrs, "non_exhaustive"),
                variants: e
                    .variants
                    .iter()
                    .map(|v| (v.ident.to_string(), fields_shape(&v.fields)))
                    .collect(),
                traits: derived_traits(&e.attrs),
                ..ApiItem::default()
            },
            syn::Item::Union(u) => ApiItem {
                kind: "union",
                fields: public_fields(&syn::Fields::Named(u.fields.clone())),
                traits: derived_traits(&u.attrs),
                ..ApiItem::default()
            },
            syn::Item::Trait(t) => ApiItem {
                kind: "trait",
                methods: trait_items(t),
                ..ApiItem::default()
            },
            syn::Item::Fn(f) => declaration("fn", signature(&f.sig)),
            syn::Item::Const(c) => declaration("const", constant(&c.ident, &c.ty)),
            syn::Item::Static(s) => declaration("static", constant(&s.ident, &s.ty)),
            syn::Item::Type(t) => declaration("type", shown_type_alias(t)),
            _ => return None,
        };
        let name = item_name(item)?;
        self.add_impls(home, &name, &mut summary);
        Some(summary)
    }

    /// Adds the public inherent methods and constants, and the implemented traits, of
    /// the impl blocks in `home` whose self type is `name`.
    fn add_impls(&self, home: usize, name: &str, summary: &mut ApiItem) {
        for item in &self.modules[home].items {
            let syn::Item::Impl(block) = item else {
                continue;
            };
            if self_type_name(&block.self_ty).as_deref() != Some(name) {
                continue;
            }
            if let Some((trait_path, _)) = &block.trait_ {
                summary.traits.insert(shown_path(trait_path));
                continue;
            }
            for impl_item in &block.items {
                if let Some((name, method)) = inherent_member(impl_item) {
                    summary.methods.insert(name, method);
                }
            }
        }
    }
}

fn declaration(kind: &'static str, signature: String) -> ApiItem {
    ApiItem {
        kind,
        signature,
        ..ApiItem::default()
    }
}

fn inherent_member(item: &syn::ImplItem) -> Option<(String, Method)> {
    let (name, signature) = match item {
        syn::ImplItem::Fn(f) if is_pub(&f.vis) => (f.sig.ident.to_string(), signature(&f.sig)),
        syn::ImplItem::Const(c) if is_pub(&c.vis) => {
            (c.ident.to_string(), constant(&c.ident, &c.ty))
        }
        _ => return None,
    };
    let method = Method {
        signature,
        has_default: true,
    };
    Some((name, method))
}

fn trait_items(item: &syn::ItemTrait) -> BTreeMap<String, Method> {
    let mut methods = BTreeMap::new();
    for trait_item in &item.items {
        let (name, signature, has_default) = match trait_item {
            syn::TraitItem::Fn(f) => (
                f.sig.ident.to_string(),
                signature(&f.sig),
                f.default.is_some(),
            ),
            syn::TraitItem::Const(c) => (
                c.ident.to_string(),
                constant(&c.ident, &c.ty),
                c.default.is_some(),
            ),
            syn::TraitItem::Type(t) => (
                t.ident.to_string(),
                format!("type {}", t.ident),
                t.default.is_some(),
            ),
            _ => continue,
        };
        methods.insert(
            name,
            Method {
                signature,
                has_default,
            },
        );
    }
    methods
}

fn public_fields(fields: &syn::Fields) -> BTreeMap<String, String> {
    fields
        .iter()
        .enumerate()
        .filter(|(_, field)| is_pub(&field.vis))
        .map(|(position, field)| {
            let name = field
                .ident
                .as_ref()
                .map_or_else(|| position.to_string(), ToString::to_string);
            (name, shown_type(&field.ty))
        })
        .collect()
}

/// A variant's fields as written: `(T, U)`, `{ a: T }`, or empty for a unit variant.
fn fields_shape(fields: &syn::Fields) -> String {
    let types = |fields: &syn::Fields| -> Vec<String> {
        fields
            .iter()
            .map(|field| match &field.ident {
                Some(name) => format!("{name}: {}", shown_type(&field.ty)),
                None => shown_type(&field.ty),
            })
            .collect()
    };
    match fields {
        syn::Fields::Unit => String::new(),
        syn::Fields::Unnamed(_) => format!("({})", types(fields).join(", ")),
        syn::Fields::Named(_) => format!("{{ {} }}", types(fields).join(", ")),
    }
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn item_is_pub(item: &syn::Item) -> bool {
    match item {
        syn::Item::Struct(i) => is_pub(&i.vis),
        syn::Item::Enum(i) => is_pub(&i.vis),
        syn::Item::Union(i) => is_pub(&i.vis),
        syn::Item::Trait(i) => is_pub(&i.vis),
        syn::Item::Fn(i) => is_pub(&i.vis),
        syn::Item::Const(i) => is_pub(&i.vis),
        syn::Item::Static(i) => is_pub(&i.vis),
        syn::Item::Type(i) => is_pub(&i.vis),
        _ => false,
    }
}

fn item_name(item: &syn::Item) -> Option<String> {
    let ident = match item {
        syn::Item::Struct(i) => &i.ident,
        syn::Item::Enum(i) => &i.ident,
        syn::Item::Union(i) => &i.ident,
        syn::Item::Trait(i) => &i.ident,
        syn::Item::Fn(i) => &i.sig.ident,
        syn::Item::Const(i) => &i.ident,
        syn::Item::Static(i) => &i.ident,
        syn::Item::Type(i) => &i.ident,
        syn::Item::Mod(i) => &i.ident,
        _ => return None,
    };
    Some(ident.to_string())
}

/// `(alias, path)` for every leaf of a use tree: `use a::{b, c as d, e::*}` gives
/// `(Some(b), [a, b])`, `(Some(d), [a, c])`, `(None, [a, e])`.
fn use_paths(tree: &syn::UseTree) -> Vec<(Option<String>, Vec<String>)> {
    let mut leaves = Vec::new();
    collect_use_paths(tree, &mut Vec::new(), &mut leaves);
    leaves
}

fn collect_use_paths(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    leaves: &mut Vec<(Option<String>, Vec<String>)>,
) {
    let with = |prefix: &[String], last: &syn::Ident| {
        let mut path = prefix.to_vec();
        path.push(last.to_string());
        path
    };
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            collect_use_paths(&p.tree, prefix, leaves);
            prefix.pop();
        }
        syn::UseTree::Name(n) if n.ident == "self" => {
            let alias = prefix.last().cloned();
            leaves.push((alias, prefix.clone()));
        }
        syn::UseTree::Name(n) => leaves.push((Some(n.ident.to_string()), with(prefix, &n.ident))),
        syn::UseTree::Rename(r) => {
            leaves.push((Some(r.rename.to_string()), with(prefix, &r.ident)))
        }
        syn::UseTree::Glob(_) => leaves.push((None, prefix.clone())),
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                collect_use_paths(tree, prefix, leaves);
            }
        }
    }
}

fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident(name))
}

/// The traits named in `#[derive(..)]` attributes, shown like impl block traits.
fn derived_traits(attrs: &[syn::Attribute]) -> BTreeSet<String> {
    let mut traits = BTreeSet::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("derive")) {
        let _ = attr.parse_nested_meta(|meta| {
            traits.insert(shown_path(&meta.path));
            Ok(())
        });
    }
    traits
}

fn self_type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

fn join_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}::{name}")
    }
}

/// Shortens paths for display and comparison: `::std::option::Option` -> `Option`
/// (also `core`, `alloc`), and drops the leading `::` of other crates' paths.
struct ShortPaths;

impl VisitMut for ShortPaths {
    fn visit_path_mut(&mut self, path: &mut syn::Path) {
        let from_std = path.leading_colon.is_some()
            && path
                .segments
                .first()
                .is_some_and(|s| s.ident == "std" || s.ident == "core" || s.ident == "alloc");
        if from_std {
            if let Some(last) = path.segments.pop() {
                path.segments.clear();
                path.segments.push(last);
            }
        }
        path.leading_colon = None;
        syn::visit_mut::visit_path_mut(self, path);
    }
}

/// One line of Rust as prettyplease prints it, whitespace collapsed.
fn one_line(item: syn::Item) -> String {
    let file: syn::File = syn::parse_quote!(#item);
    let text = prettyplease::unparse(&file);
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(", )", ")")
        .replace("< ", "<")
        .replace(", >", ">")
}

fn shown_type(ty: &syn::Type) -> String {
    let mut ty = ty.clone();
    ShortPaths.visit_type_mut(&mut ty);
    let text = one_line(syn::parse_quote!(type T = #ty;));
    text.trim_start_matches("type T = ")
        .trim_end_matches(';')
        .to_owned()
}

fn shown_path(path: &syn::Path) -> String {
    let mut path = path.clone();
    ShortPaths.visit_path_mut(&mut path);
    let ty: syn::Type = syn::parse_quote!(#path);
    shown_type(&ty)
}

fn signature(sig: &syn::Signature) -> String {
    let mut sig = sig.clone();
    ShortPaths.visit_signature_mut(&mut sig);
    let text = one_line(syn::parse_quote!(#sig {}));
    text.trim_end_matches(" {}").to_owned()
}

fn constant(ident: &syn::Ident, ty: &syn::Type) -> String {
    format!("const {ident}: {}", shown_type(ty))
}

fn shown_type_alias(alias: &syn::ItemType) -> String {
    let mut alias = alias.clone();
    alias.attrs.clear();
    alias.vis = syn::Visibility::Inherited;
    ShortPaths.visit_item_type_mut(&mut alias);
    one_line(syn::Item::Type(alias))
}
