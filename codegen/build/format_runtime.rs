//! The runtime's modules (`runtime/src/*.rs`) as generated crates embed them: without
//! their `#[cfg(test)]` items, printed by prettyplease like every generated file.
//! The build script runs this once per change of the runtime, not every generation.

/// `source` without its test-only items, formatted.
pub fn format_runtime(source: &str) -> syn::Result<String> {
    let mut file = syn::parse_file(source)?;
    file.items.retain(|item| !is_test_only(item));
    Ok(prettyplease::unparse(&file))
}

/// A `#[cfg(test)]` item: the runtime's unit tests stay in the runtime crate, out of the
/// generated crates (and their dev-dependencies).
fn is_test_only(item: &syn::Item) -> bool {
    let attrs = match item {
        syn::Item::Mod(item) => &item.attrs,
        syn::Item::Fn(item) => &item.attrs,
        syn::Item::Use(item) => &item.attrs,
        _ => return false,
    };
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|arg| arg == "test")
    })
}
