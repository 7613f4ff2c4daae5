//! The generated crate's runtime: the `smithy-json-runtime` crate's modules
//! (`runtime/src/`), copied into the crate ([`Runtime::Embed`], the default) or
//! re-exported from the runtime crate it then depends on ([`Runtime::Depend`]).

use proc_macro2::TokenStream;
use quote::quote;

use super::rust_type::ident;
use crate::plan::Plan;
use RuntimeVisibility::{Hidden, Private, Public};

/// The runtime crate's package name, which a generated crate depends on in
/// [`Runtime::Depend`] mode.
pub const RUNTIME_CRATE: &str = "smithy-json-runtime";

/// A [`RuntimeModule`] with the source of `runtime/src/<name>.rs`; with a feature, the
/// module is the runtime crate's optional part of that name.
macro_rules! runtime_module {
    ($name:literal, $visibility:ident) => {
        runtime_module!($name, $visibility, None)
    };
    ($name:literal, $visibility:ident, $feature:expr) => {
        RuntimeModule {
            name: $name,
            visibility: $visibility,
            feature: $feature,
            source: include_str!(concat!("../../../runtime/src/", $name, ".rs")),
        }
    };
}

/// The runtime crate's modules (`runtime/src/`): name, whether the generated crate makes
/// it public, and its source, copied into the crate in [`Runtime::Embed`] mode.
const RUNTIME: &[RuntimeModule] = &[
    runtime_module!("compression", Public, Some(Feature::Gzip)),
    runtime_module!("endpoint", Public),
    runtime_module!("endpoint_rules", Public, Some(Feature::EndpointRules)),
    runtime_module!("error", Public),
    runtime_module!("idempotency", Public),
    runtime_module!("json", Public),
    runtime_module!("json_reader", Private),
    runtime_module!("json_writer", Private),
    runtime_module!("limits", Public),
    runtime_module!("partition", Public, Some(Feature::EndpointRules)),
    runtime_module!("primitives", Public),
    runtime_module!("protocol", Hidden),
    runtime_module!("transport", Public),
];

/// One module of the runtime crate.
struct RuntimeModule {
    name: &'static str,
    visibility: RuntimeVisibility,
    /// The optional part of the runtime the module belongs to, if any.
    feature: Option<Feature>,
    source: &'static str,
}

/// The runtime's optional parts (Cargo features of the runtime crate), each with its own
/// dependency, used only by crates whose model needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Feature {
    /// Request compression (`requestCompression`): `flate2`, with its pure-Rust backend.
    Gzip,
    /// Endpoint rule sets (`smithy.rules#endpointRuleSet`): no dependency.
    EndpointRules,
}

impl Feature {
    /// The runtime crate's feature name.
    fn name(self) -> &'static str {
        match self {
            Feature::Gzip => "gzip",
            Feature::EndpointRules => "endpoint-rules",
        }
    }

    /// The dependency an embedding crate lists for it.
    fn dependency(self) -> &'static str {
        match self {
            Feature::Gzip => {
                "flate2 = { version = \"1.0.28\", default-features = false, features = [\"rust_backend\"] }\n"
            }
            Feature::EndpointRules => "",
        }
    }
}

/// Which optional parts of the runtime a generated crate uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuntimeFeatures {
    /// Some operation compresses its requests.
    pub compression: bool,
    /// The service has endpoint rules.
    pub endpoint_rules: bool,
}

impl RuntimeFeatures {
    /// What the plan's operations need.
    pub fn of(plan: &Plan) -> Self {
        RuntimeFeatures {
            compression: plan.operations.iter().any(|op| op.compression.is_some()),
            endpoint_rules: plan.service.endpoint_rules.is_some(),
        }
    }

    fn includes(self, module: &RuntimeModule) -> bool {
        match module.feature {
            None => true,
            Some(Feature::Gzip) => self.compression,
            Some(Feature::EndpointRules) => self.endpoint_rules,
        }
    }

    fn used(self) -> impl Iterator<Item = Feature> {
        let gzip = self.compression.then_some(Feature::Gzip);
        let rules = self.endpoint_rules.then_some(Feature::EndpointRules);
        gzip.into_iter().chain(rules)
    }
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

/// The paths of the runtime files a generated crate may hold in [`Runtime::Embed`] mode
/// (`src/json.rs`, ..., optional parts included), in path order.
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
    /// The dependency's value in `Cargo.toml`, with the runtime crate's `features`.
    pub(super) fn manifest_value(&self, features: &[&str]) -> String {
        let source = match self {
            RuntimeSource::Path(path) => format!("path = {}", toml_string(path)),
            RuntimeSource::Version(version) => format!("version = {}", toml_string(version)),
        };
        if features.is_empty() {
            return format!("{{ {source} }}");
        }
        let features: Vec<String> = features.iter().map(|f| toml_string(f)).collect();
        format!("{{ {source}, features = [{}] }}", features.join(", "))
    }
}

/// The `[dependencies]` lines the runtime adds to `http`: the optional parts' own
/// dependencies when embedded, else the runtime crate with those parts as features.
pub(super) fn dependencies(runtime: &Runtime, features: RuntimeFeatures) -> String {
    match runtime {
        Runtime::Embed => features.used().map(Feature::dependency).collect(),
        Runtime::Depend(source) => {
            let names: Vec<&str> = features.used().map(Feature::name).collect();
            format!("{RUNTIME_CRATE} = {}\n", source.manifest_value(&names))
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
pub(super) fn embedded_files(
    features: RuntimeFeatures,
) -> impl Iterator<Item = (String, &'static str)> {
    RUNTIME
        .iter()
        .filter(move |module| features.includes(module))
        .map(|module| (format!("src/{}.rs", module.name), module.source))
}

/// The crate root's modules, in name order: the generated ones, and the runtime's as
/// `mod` items for the embedded files or as re-exports of the runtime crate's modules,
/// so that the generated code's `crate::json::...` paths work in both modes.
pub(super) fn root_modules(runtime: &Runtime, features: RuntimeFeatures) -> TokenStream {
    let generated = ["client", "operation", "types"].map(|name| (name, Public));
    let mut declared: Vec<_> = generated.into_iter().collect();
    if features.endpoint_rules {
        declared.push(("endpoint_resolver", Public));
    }
    if *runtime == Runtime::Embed {
        declared.extend(
            RUNTIME
                .iter()
                .filter(|module| features.includes(module))
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
                    .filter(move |module| features.includes(module))
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
        assert_eq!(
            path.manifest_value(&[]),
            r#"{ path = "../shared runtime" }"#
        );
        let windows = RuntimeSource::Path(r#"C:\rt "x""#.to_owned());
        assert_eq!(windows.manifest_value(&[]), r#"{ path = "C:\\rt \"x\"" }"#);
        let version = RuntimeSource::Version("0.1".to_owned());
        assert_eq!(version.manifest_value(&[]), r#"{ version = "0.1" }"#);
        assert_eq!(
            version.manifest_value(&["gzip"]),
            r#"{ version = "0.1", features = ["gzip"] }"#
        );
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
