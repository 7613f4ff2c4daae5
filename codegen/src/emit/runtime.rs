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
            formatted: include_str!(concat!(env!("OUT_DIR"), "/runtime/", $name, ".rs")),
        }
    };
}

/// The runtime crate's modules (`runtime/src/`): name, whether the generated crate makes
/// it public, and its text as the crate embeds it in [`Runtime::Embed`] mode (formatted
/// by the build script, `build.rs`).
const RUNTIME: &[RuntimeModule] = &[
    runtime_module!("compression", Public, Some(Feature::Gzip)),
    runtime_module!("endpoint", Public),
    runtime_module!("endpoint_rules", Public, Some(Feature::EndpointRules)),
    runtime_module!("error", Public),
    runtime_module!("http_client", Public, Some(Feature::Reqwest)),
    runtime_module!("idempotency", Public),
    runtime_module!("json", Public),
    runtime_module!("json_reader", Private),
    runtime_module!("json_writer", Private),
    runtime_module!("limits", Public),
    runtime_module!("partition", Public, Some(Feature::EndpointRules)),
    runtime_module!("primitives", Public),
    runtime_module!("protocol", Hidden),
    runtime_module!("serde_wire", Public, Some(Feature::Serde)),
    runtime_module!("sigv4", Public, Some(Feature::Sigv4)),
    runtime_module!("transport", Public),
];

/// One module of the runtime crate.
struct RuntimeModule {
    name: &'static str,
    visibility: RuntimeVisibility,
    /// The optional part of the runtime the module belongs to, if any.
    feature: Option<Feature>,
    /// `runtime/src/<name>.rs` without its tests, formatted like the generated files.
    formatted: &'static str,
}

/// The runtime's optional parts (Cargo features of the runtime crate), each with its own
/// dependencies, used only by crates whose model needs them. Those a model needs are
/// always on ([`Feature::Gzip`]); the others are features of the generated crate too,
/// off by default, so that its default build stays on `http` alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Feature {
    /// Request compression (`requestCompression`): `flate2`, with its pure-Rust backend.
    Gzip,
    /// Endpoint rule sets (`smithy.rules#endpointRuleSet`): no dependency.
    EndpointRules,
    /// SigV4 signing (services with `aws.auth#sigv4`): `aws-sigv4` and the types its
    /// signing API takes.
    Sigv4,
    /// A ready transport: `reqwest` with rustls.
    Reqwest,
    /// `serde::Serialize` and `serde::Deserialize` of every type, in the wire form:
    /// `serde`.
    Serde,
}

impl Feature {
    /// The runtime crate's feature name, also the generated crate's for an optional one.
    fn name(self) -> &'static str {
        match self {
            Feature::Gzip => "gzip",
            Feature::EndpointRules => "endpoint-rules",
            Feature::Sigv4 => "sigv4",
            Feature::Reqwest => "reqwest",
            Feature::Serde => "serde",
        }
    }

    /// Whether the generated crate has it as a feature of its own, off by default.
    fn optional(self) -> bool {
        matches!(self, Feature::Sigv4 | Feature::Reqwest | Feature::Serde)
    }

    /// The dependencies an embedding crate lists for it: name and the inside of its
    /// inline table (the versions runtime/Cargo.toml asks for).
    fn dependencies(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Feature::Gzip => &[(
                "flate2",
                r#"version = "1.0.28", default-features = false, features = ["rust_backend"]"#,
            )],
            Feature::EndpointRules => &[],
            Feature::Sigv4 => &[
                (
                    "aws-sigv4",
                    r#"version = "1.6.0", default-features = false, features = ["sign-http", "http1"]"#,
                ),
                ("aws-credential-types", r#"version = "1.3.0""#),
                (
                    "aws-smithy-runtime-api",
                    r#"version = "1.22.0", default-features = false, features = ["client", "http-auth"]"#,
                ),
            ],
            Feature::Reqwest => &[(
                "reqwest",
                r#"version = "0.12.0", default-features = false, features = ["rustls-tls"]"#,
            )],
            Feature::Serde => &[("serde", r#"version = "1.0.200""#)],
        }
    }

    /// The `[dependencies]` lines of an embedding crate.
    fn dependency_lines(self) -> String {
        let optional = if self.optional() {
            ", optional = true"
        } else {
            ""
        };
        self.dependencies()
            .iter()
            .map(|(name, table)| format!("{name} = {{ {table}{optional} }}\n"))
            .collect()
    }

    /// The generated crate's `[features]` line for an optional part: its dependencies
    /// when embedded, the runtime crate's feature otherwise.
    fn feature_line(self, runtime: &Runtime) -> String {
        let enables: Vec<String> = match runtime {
            Runtime::Embed => self
                .dependencies()
                .iter()
                .map(|(name, _)| format!("\"dep:{name}\""))
                .collect(),
            Runtime::Depend(_) => vec![format!("\"{RUNTIME_CRATE}/{}\"", self.name())],
        };
        format!("{} = [{}]\n", self.name(), enables.join(", "))
    }
}

/// Which optional parts of the runtime a generated crate uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuntimeFeatures {
    /// Some operation compresses its requests.
    pub compression: bool,
    /// The service has endpoint rules.
    pub endpoint_rules: bool,
    /// The service signs its requests with SigV4 (`aws.auth#sigv4`): the crate has the
    /// optional `sigv4` feature.
    pub signing: bool,
    /// The crate has operations to send: it has the optional `reqwest` feature.
    pub http_client: bool,
    /// The crate has types: it has the optional `serde` feature.
    pub serde: bool,
}

impl RuntimeFeatures {
    /// What the plan's operations and service need.
    pub fn of(plan: &Plan) -> Self {
        RuntimeFeatures {
            compression: plan.operations.iter().any(|op| op.compression.is_some()),
            endpoint_rules: plan.service.endpoint_rules.is_some(),
            signing: plan.service.signing_name.is_some() && !plan.operations.is_empty(),
            http_client: !plan.operations.is_empty(),
            serde: !(plan.structures.is_empty() && plan.enums.is_empty() && plan.unions.is_empty()),
        }
    }

    fn includes(self, module: &RuntimeModule) -> bool {
        module.feature.map_or(true, |feature| self.uses(feature))
    }

    fn uses(self, feature: Feature) -> bool {
        match feature {
            Feature::Gzip => self.compression,
            Feature::EndpointRules => self.endpoint_rules,
            Feature::Sigv4 => self.signing,
            Feature::Reqwest => self.http_client,
            Feature::Serde => self.serde,
        }
    }

    fn used(self) -> impl Iterator<Item = Feature> {
        [
            Feature::Gzip,
            Feature::EndpointRules,
            Feature::Sigv4,
            Feature::Reqwest,
            Feature::Serde,
        ]
        .into_iter()
        .filter(move |feature| self.uses(*feature))
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
        Runtime::Embed => features.used().map(Feature::dependency_lines).collect(),
        Runtime::Depend(source) => {
            let names: Vec<&str> = features
                .used()
                .filter(|feature| !feature.optional())
                .map(Feature::name)
                .collect();
            format!("{RUNTIME_CRATE} = {}\n", source.manifest_value(&names))
        }
    }
}

/// The `[features]` section of the generated crate's manifest: one feature per optional
/// part of the runtime the crate offers (none on by default); empty without any.
pub(super) fn features_section(runtime: &Runtime, features: RuntimeFeatures) -> String {
    let lines: String = features
        .used()
        .filter(|feature| feature.optional())
        .map(|feature| feature.feature_line(runtime))
        .collect();
    if lines.is_empty() {
        return lines;
    }
    format!("\n[features]\n{lines}")
}

/// `#[cfg(feature = "...")]` for a module of an optional part of the generated crate.
fn feature_cfg(feature: Option<Feature>) -> TokenStream {
    match feature.filter(|feature| feature.optional()) {
        Some(feature) => {
            let name = feature.name();
            quote!(#[cfg(feature = #name)])
        }
        None => quote!(),
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

/// The runtime files a crate embeds: path and formatted text (without the header).
pub(super) fn embedded_files(
    features: RuntimeFeatures,
) -> impl Iterator<Item = (String, &'static str)> {
    RUNTIME
        .iter()
        .filter(move |module| features.includes(module))
        .map(|module| (format!("src/{}.rs", module.name), module.formatted))
}

/// The crate root's modules, in name order: the generated ones, and the runtime's as
/// `mod` items for the embedded files or as re-exports of the runtime crate's modules,
/// so that the generated code's `crate::json::...` paths work in both modes.
pub(super) fn root_modules(runtime: &Runtime, features: RuntimeFeatures) -> TokenStream {
    let generated = ["client", "operation", "types"].map(|name| (name, Public, None));
    let mut declared: Vec<_> = generated.into_iter().collect();
    if features.endpoint_rules {
        declared.push(("endpoint_resolver", Public, None));
    }
    if features.serde {
        declared.push((super::serde_impls::MODULE, Private, Some(Feature::Serde)));
    }
    if *runtime == Runtime::Embed {
        declared.extend(
            RUNTIME
                .iter()
                .filter(|module| features.includes(module))
                .map(|module| (module.name, module.visibility, module.feature)),
        );
    }
    declared.sort_by_key(|(name, _, _)| *name);
    let declarations = declared.iter().map(|(name, visibility, feature)| {
        let cfg = feature_cfg(*feature);
        let name = ident(name);
        let vis = match visibility {
            Public => quote!(pub),
            Hidden | Private => quote!(),
        };
        quote! {
            #cfg
            #[rustfmt::skip]
            #vis mod #name;
        }
    });
    let reexports = match runtime {
        Runtime::Embed => quote!(),
        Runtime::Depend(_) => {
            let krate = ident(&RUNTIME_CRATE.replace('-', "_"));
            let modules = |visibility| {
                RUNTIME
                    .iter()
                    .filter(move |module| module.visibility == visibility)
                    .filter(move |module| features.includes(module))
            };
            let always = |visibility| {
                modules(visibility)
                    .filter(|module| feature_cfg(module.feature).is_empty())
                    .map(|module| ident(module.name))
            };
            let (public, hidden) = (always(Public), always(Hidden));
            let optional = modules(Public)
                .filter(|module| !feature_cfg(module.feature).is_empty())
                .map(|module| {
                    let cfg = feature_cfg(module.feature);
                    let name = ident(module.name);
                    quote! {
                        #cfg
                        pub use ::#krate::#name;
                    }
                });
            quote! {
                pub use ::#krate::{#(#public),*};
                use ::#krate::{#(#hidden),*};
                #(#optional)*
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

    /// `serde`, off by default: serde itself when embedded, the runtime crate's feature
    /// (whose `serde_wire` re-exports serde to the generated impls) otherwise.
    #[test]
    fn the_serde_feature_enables_serde_or_the_runtime_crates_feature() {
        let features = RuntimeFeatures {
            serde: true,
            ..RuntimeFeatures::default()
        };
        assert_eq!(
            dependencies(&Runtime::Embed, features),
            "serde = { version = \"1.0.200\", optional = true }\n"
        );
        assert_eq!(
            features_section(&Runtime::Embed, features),
            "\n[features]\nserde = [\"dep:serde\"]\n"
        );
        let depend = Runtime::Depend(RuntimeSource::Version("0.1".to_owned()));
        assert_eq!(
            dependencies(&depend, features),
            "smithy-json-runtime = { version = \"0.1\" }\n"
        );
        assert_eq!(
            features_section(&depend, features),
            "\n[features]\nserde = [\"smithy-json-runtime/serde\"]\n"
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
