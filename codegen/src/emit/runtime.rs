//! The generated crate's runtime: the `smithy-json-runtime` crate's modules
//! (`runtime/src/`), copied into the crate ([`Runtime::Embed`], the default) or
//! re-exported from the runtime crate it then depends on ([`Runtime::Depend`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_type::ident;
use RuntimeVisibility::{Hidden, Private, Public};

/// The runtime crate's package name, which a generated crate depends on in
/// [`Runtime::Depend`] mode.
pub const RUNTIME_CRATE: &str = "smithy-json-runtime";

/// A [`RuntimeModule`] with the source of `runtime/src/<name>.rs`.
macro_rules! runtime_module {
    ($name:literal, $visibility:ident) => {
        RuntimeModule {
            name: $name,
            visibility: $visibility,
            source: include_str!(concat!("../../../runtime/src/", $name, ".rs")),
        }
    };
}

/// The runtime crate's modules (`runtime/src/`): name, whether the generated crate makes
/// it public, and its source, copied into the crate in [`Runtime::Embed`] mode.
const RUNTIME: &[RuntimeModule] = &[
    runtime_module!("endpoint", Public),
    runtime_module!("error", Public),
    runtime_module!("idempotency", Public),
    runtime_module!("json", Public),
    runtime_module!("json_reader", Private),
    runtime_module!("json_writer", Private),
    runtime_module!("limits", Public),
    runtime_module!("primitives", Public),
    runtime_module!("protocol", Hidden),
    runtime_module!("transport", Public),
];

/// One module of the runtime crate.
struct RuntimeModule {
    name: &'static str,
    visibility: RuntimeVisibility,
    source: &'static str,
}

/// How a runtime module is seen from outside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RuntimeVisibility {
    /// Part of the documented API.
    Public,
    /// Used by the generated code, not by users: private in an embedding crate, a
    /// `#[doc(hidden)]` module of the runtime crate.
    Hidden,
    /// Used only by other runtime modules.
    Private,
}

/// The paths of the runtime files a generated crate holds in [`Runtime::Embed`] mode
/// (`src/json.rs`, ...), in path order.
pub fn runtime_files() -> Vec<String> {
    RUNTIME
        .iter()
        .map(|module| format!("src/{}.rs", module.name))
        .collect()
}

/// Where a generated crate's runtime (JSON, errors, transport, limits, ...) comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Runtime {
    /// Copies of the runtime's modules in the crate's `src/` (the default): the crate
    /// depends only on `http` and is vendored by copying its folder.
    #[default]
    Embed,
    /// A dependency on the runtime crate ([`RUNTIME_CRATE`]), whose modules the crate
    /// re-exports: several generated crates then share one `Transport` implementation
    /// and one `DateTime`.
    Depend(RuntimeSource),
}

/// Where Cargo finds the runtime crate in [`Runtime::Depend`] mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeSource {
    /// A path dependency, as written into the generated `Cargo.toml` (relative to the
    /// generated crate's folder, or absolute).
    Path(String),
    /// A registry dependency with this version requirement (`0.1`).
    Version(String),
}

impl RuntimeSource {
    /// The dependency's value in `Cargo.toml`.
    pub(super) fn manifest_value(&self) -> String {
        match self {
            RuntimeSource::Path(path) => format!("{{ path = {} }}", toml_string(path)),
            RuntimeSource::Version(version) => toml_string(version),
        }
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_owned(),
            '\\' => "\\\\".to_owned(),
            c if c.is_control() => format!("\\u{:04X}", u32::from(c)),
            c => c.to_string(),
        })
        .collect();
    format!("\"{escaped}\"")
}

/// The runtime files a crate embeds: path and source.
pub(super) fn embedded_files() -> impl Iterator<Item = (String, &'static str)> {
    RUNTIME
        .iter()
        .map(|module| (format!("src/{}.rs", module.name), module.source))
}

/// The crate root's modules, in name order: the generated ones, and the runtime's as
/// `mod` items for the embedded files or as re-exports of the runtime crate's modules,
/// so that the generated code's `crate::json::...` paths work in both modes.
pub(super) fn root_modules(runtime: &Runtime) -> TokenStream {
    let generated = ["client", "operation", "types"].map(|name| (name, Public));
    let mut declared: Vec<_> = generated.into_iter().collect();
    if *runtime == Runtime::Embed {
        declared.extend(
            RUNTIME
                .iter()
                .map(|module| (module.name, module.visibility)),
        );
    }
    declared.sort_by_key(|(name, _)| *name);
    let declarations = declared.iter().map(|(name, visibility)| {
        let name = ident(name);
        let vis = match visibility {
            Public => quote!(pub),
            Hidden | Private => quote!(),
        };
        quote! {
            #[rustfmt::skip]
            #vis mod #name;
        }
    });
    let reexports = match runtime {
        Runtime::Embed => quote!(),
        Runtime::Depend(_) => {
            let krate = ident(&RUNTIME_CRATE.replace('-', "_"));
            let names = |visibility| {
                RUNTIME
                    .iter()
                    .filter(move |module| module.visibility == visibility)
                    .map(|module| ident(module.name))
            };
            let (public, hidden) = (names(Public), names(Hidden));
            quote! {
                pub use ::#krate::{#(#public),*};
                use ::#krate::{#(#hidden),*};
            }
        }
    };
    quote! {
        #(#declarations)*
        #reexports
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runtime_dependency_is_written_as_a_toml_value() {
        let path = RuntimeSource::Path("../shared runtime".to_owned());
        assert_eq!(path.manifest_value(), r#"{ path = "../shared runtime" }"#);
        let windows = RuntimeSource::Path(r#"C:\rt "x""#.to_owned());
        assert_eq!(windows.manifest_value(), r#"{ path = "C:\\rt \"x\"" }"#);
        let version = RuntimeSource::Version("0.1".to_owned());
        assert_eq!(version.manifest_value(), r#""0.1""#);
    }

    #[test]
    fn runtime_files_are_the_embedded_modules_in_path_order() {
        let files = runtime_files();
        assert_eq!(files.len(), RUNTIME.len());
        assert!(files.windows(2).all(|pair| pair[0] < pair[1]), "{files:?}");
        assert!(files
            .iter()
            .all(|f| f.starts_with("src/") && f.ends_with(".rs")));
    }

    /// The table above and the runtime crate's `lib.rs` declare the same modules, as
    /// public, `#[doc(hidden)]` public or private.
    #[test]
    fn the_table_matches_the_runtime_crate_root() {
        let root = syn::parse_file(include_str!("../../../runtime/src/lib.rs")).unwrap();
        let declared: Vec<(String, RuntimeVisibility)> = root
            .items
            .iter()
            .filter_map(|item| match item {
                syn::Item::Mod(module) => Some(module),
                _ => None,
            })
            .map(|module| {
                let hidden = module.attrs.iter().any(|a| a.path().is_ident("doc"));
                let visibility = match (&module.vis, hidden) {
                    (syn::Visibility::Public(_), false) => Public,
                    (syn::Visibility::Public(_), true) => Hidden,
                    _ => Private,
                };
                (module.ident.to_string(), visibility)
            })
            .collect();
        let table: Vec<(String, RuntimeVisibility)> = RUNTIME
            .iter()
            .map(|module| (module.name.to_owned(), module.visibility))
            .collect();
        assert!(declared == table, "runtime/src/lib.rs and RUNTIME differ");
    }
}
