//! Emit: turns the plan into the generated crate's files, each still as tokens (Rust)
//! or text (Cargo.toml), keyed by path. One file per type, one file per module that
//! declares and re-exports them, plus the crate's fixed runtime support files.
//!
//! While [`Emitter::emit_file`] emits a file, two pieces of per-thread state serve every
//! emitter without being passed down: whether prelude items are written as full paths
//! (`prelude`), and the table collecting the file's documentation blocks
//! (`doc_table`).

mod doc_examples;
mod doc_table;
mod endpoint;
mod enumeration;
mod errors;
mod fluent;
mod from_env;
mod operation;
mod prelude;
mod protocol;
mod runtime;
mod rust_type;
mod serde_impls;
mod structure;
mod union;
mod wire;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::plan::{EnumPlan, Module, OperationPlan, Plan, StructPlan, StructRole, UnionPlan};
use rust_type::{ident, inner_doc_attrs};

pub use doc_examples::FENCE as DOC_EXAMPLE_FENCE;
pub use doc_table::DocTable;
pub use runtime::{runtime_files, Runtime, RuntimeFeatures, RuntimeSource, RUNTIME_CRATE};
pub use structure::REDACTED;

/// One output file before formatting.
pub enum FileContent {
    /// Rust source, formatted with prettyplease, and the documentation its placeholders
    /// stand for.
    Rust(TokenStream, DocTable),
    /// A runtime module, formatted when the generator was built: only the header is added.
    Formatted(&'static str),
    /// Any other text, written as is.
    Text(String),
}

/// Output files by path relative to the crate root (`src/types/_backup.rs`).
pub type Files = BTreeMap<String, FileContent>;

/// The crate version written to the generated `Cargo.toml`.
pub const CRATE_VERSION: &str = "0.1.0";

/// One output file of the crate, named before any of it is emitted: the unit of work
/// that [`Emitter::emit_file`] turns into content (files are emitted and formatted in
/// parallel).
pub enum FileSpec<'p> {
    /// A fixed runtime support file.
    Runtime(&'static str),
    CargoToml,
    Lib,
    Structure(&'p StructPlan),
    Enum(&'p EnumPlan),
    Union(&'p UnionPlan),
    /// `src/types.rs`: declares and re-exports the types.
    TypesModule,
    /// `src/types/error.rs`: declares and re-exports the modeled errors.
    ErrorsModule,
    /// `src/operation.rs`: one module per operation.
    OperationsModule,
    /// `src/operation/<op>.rs`: the operation stub and its types.
    OperationModule(&'p OperationPlan),
    /// `src/operation/<op>/_<op>_error.rs`: the operation's error enum.
    OperationError(&'p OperationPlan),
    /// `src/operation/<op>/fluent_builder.rs`: the operation's fluent builder.
    FluentBuilder(&'p OperationPlan),
    /// `src/operation/<op>/paginator.rs`: a paginated operation's paginator.
    Paginator(&'p OperationPlan),
    Client,
    /// `src/endpoint_resolver.rs`: the endpoint rules, for a service that has them.
    EndpointResolver,
    /// `src/serde_impls.rs`: serde impls of every type (feature `serde`).
    SerdeImpls,
}

impl FileSpec<'_> {
    /// A rough measure of the work of emitting and formatting the file (structures
    /// with many members are the largest files), to start the largest first.
    pub fn weight(&self) -> usize {
        match self {
            FileSpec::Runtime(_) | FileSpec::CargoToml => 0,
            FileSpec::Structure(structure) => 4 + 4 * structure.fields.len(),
            FileSpec::Union(union) => 4 + 4 * union.variants.len(),
            FileSpec::Enum(enumeration) => 2 + enumeration.variants.len() / 2,
            FileSpec::OperationModule(_) => 30,
            FileSpec::FluentBuilder(_) => 20,
            FileSpec::Paginator(_) => 12,
            FileSpec::OperationError(operation) => 8 + 2 * operation.errors.len(),
            FileSpec::Lib
            | FileSpec::TypesModule
            | FileSpec::ErrorsModule
            | FileSpec::OperationsModule
            | FileSpec::Client
            | FileSpec::EndpointResolver => 8,
            // Two short impls for every type: among the largest, started first.
            FileSpec::SerdeImpls => usize::MAX,
        }
    }
}

/// Every file of the crate, by path (in path order).
pub fn file_specs<'p>(plan: &'p Plan, runtime: &Runtime) -> Vec<(String, FileSpec<'p>)> {
    let mut specs = BTreeMap::new();
    if *runtime == Runtime::Embed {
        for (path, source) in runtime::embedded_files(RuntimeFeatures::of(plan)) {
            specs.insert(path, FileSpec::Runtime(source));
        }
    }
    specs.insert("Cargo.toml".to_owned(), FileSpec::CargoToml);
    specs.insert("src/lib.rs".to_owned(), FileSpec::Lib);
    for structure in &plan.structures {
        let path = type_file(&structure.module, &structure.file_stem);
        specs.insert(path, FileSpec::Structure(structure));
    }
    for enumeration in &plan.enums {
        let path = type_file(&Module::Types, &enumeration.file_stem);
        specs.insert(path, FileSpec::Enum(enumeration));
    }
    for union in &plan.unions {
        specs.insert(
            type_file(&Module::Types, &union.file_stem),
            FileSpec::Union(union),
        );
    }
    specs.insert("src/types.rs".to_owned(), FileSpec::TypesModule);
    specs.insert("src/types/error.rs".to_owned(), FileSpec::ErrorsModule);
    specs.insert("src/operation.rs".to_owned(), FileSpec::OperationsModule);
    for operation in &plan.operations {
        let module = &operation.module;
        specs.insert(
            format!("src/operation/{module}.rs"),
            FileSpec::OperationModule(operation),
        );
        let error_module = errors::error_module(operation);
        specs.insert(
            format!("src/operation/{module}/{error_module}.rs"),
            FileSpec::OperationError(operation),
        );
        // Type file stems start with `_`: these names are free.
        specs.insert(
            format!("src/operation/{module}/fluent_builder.rs"),
            FileSpec::FluentBuilder(operation),
        );
        if operation.pagination.is_some() {
            specs.insert(
                format!("src/operation/{module}/paginator.rs"),
                FileSpec::Paginator(operation),
            );
        }
    }
    specs.insert("src/client.rs".to_owned(), FileSpec::Client);
    if plan.service.endpoint_rules.is_some() {
        specs.insert(
            "src/endpoint_resolver.rs".to_owned(),
            FileSpec::EndpointResolver,
        );
    }
    if RuntimeFeatures::of(plan).serde {
        let path = format!("src/{}.rs", serde_impls::MODULE);
        specs.insert(path, FileSpec::SerdeImpls);
    }
    specs.into_iter().collect()
}

/// Emits files of one plan.
pub struct Emitter<'p> {
    plan: &'p Plan,
    runtime: Runtime,
    /// Whether prelude items are written as full paths ([`prelude`]).
    full_paths: bool,
}

impl<'p> Emitter<'p> {
    pub fn new(plan: &'p Plan, runtime: &Runtime) -> Self {
        Emitter {
            plan,
            runtime: runtime.clone(),
            full_paths: names_shadow_prelude(plan),
        }
    }

    /// The content of one file.
    pub fn emit_file(&self, spec: &FileSpec<'_>) -> FileContent {
        let (content, docs) = doc_table::collect(|| {
            prelude::with_full_paths(self.full_paths, || {
                emit_content(self.plan, &self.runtime, spec)
            })
        });
        match content {
            FileContent::Rust(tokens, _) => FileContent::Rust(tokens, docs),
            other => other,
        }
    }
}

/// Whether a type the crate defines has a name the emitters write bare (`Option`): then
/// they write full paths in every file ([`prelude`]).
fn names_shadow_prelude(plan: &Plan) -> bool {
    let structures = plan.structures.iter().map(|s| &s.name);
    let enums = plan.enums.iter().map(|e| &e.name);
    let unions = plan.unions.iter().map(|u| &u.name);
    let operations = plan.operations.iter().map(|o| &o.name);
    structures
        .chain(enums)
        .chain(unions)
        .chain(operations)
        .any(|name| prelude::shadows_prelude(name))
}

/// Rust content, its documentation table filled in by [`Emitter::emit_file`].
fn rust(tokens: TokenStream) -> FileContent {
    FileContent::Rust(tokens, DocTable::default())
}

fn emit_content(plan: &Plan, runtime: &Runtime, spec: &FileSpec<'_>) -> FileContent {
    match spec {
        FileSpec::Runtime(formatted) => FileContent::Formatted(formatted),
        FileSpec::CargoToml => FileContent::Text(cargo_toml(plan, runtime)),
        FileSpec::Lib => rust(lib_rs(plan, runtime)),
        FileSpec::Structure(structure) => {
            let mut tokens = structure::emit(structure);
            tokens.extend(wire::structure(structure));
            if let StructRole::Error(_) = structure.role {
                tokens.extend(errors::error_structure(structure));
            }
            rust(tokens)
        }
        FileSpec::Enum(enumeration) => {
            let mut tokens = enumeration::emit(enumeration, &plan.crate_name);
            tokens.extend(wire::enumeration(enumeration));
            rust(tokens)
        }
        FileSpec::Union(union) => {
            let mut tokens = union::emit(union);
            tokens.extend(wire::union(union));
            rust(tokens)
        }
        FileSpec::TypesModule => rust(types_rs(plan)),
        FileSpec::ErrorsModule => rust(errors_rs(plan)),
        FileSpec::OperationsModule => rust(operation_rs(plan)),
        FileSpec::OperationModule(operation) => rust(operation_module_rs(plan, operation)),
        FileSpec::OperationError(operation) => rust(errors::operation_error(plan, operation)),
        FileSpec::FluentBuilder(operation) => rust(fluent::fluent_builder_file(plan, operation)),
        FileSpec::Paginator(operation) => rust(fluent::paginator_file(plan, operation)),
        FileSpec::Client => {
            let mut tokens = operation::client(plan);
            tokens.extend(endpoint::client_impl(plan));
            tokens.extend(from_env::emit(plan));
            rust(tokens)
        }
        FileSpec::EndpointResolver => match &plan.service.endpoint_rules {
            Some(rules) => rust(endpoint::resolver_file(rules)),
            None => rust(TokenStream::new()),
        },
        FileSpec::SerdeImpls => rust(serde_impls::emit(plan)),
    }
}

/// Every file of the crate, emitted one after the other.
pub fn emit(plan: &Plan, runtime: &Runtime) -> Files {
    let emitter = Emitter::new(plan, runtime);
    file_specs(plan, runtime)
        .into_iter()
        .map(|(path, spec)| (path, emitter.emit_file(&spec)))
        .collect()
}

/// `src/<module path>/<stem>.rs`
fn type_file(module: &Module, stem: &str) -> String {
    format!("src/{}/{stem}.rs", module.segments().join("/"))
}

fn structures_in<'p>(plan: &'p Plan, module: &'p Module) -> impl Iterator<Item = &'p StructPlan> {
    plan.structures.iter().filter(move |s| &s.module == module)
}

/// `mod _x; pub use self::_x::X;` lines and a `builders` module re-exporting builders
/// (and `more_builders`).
fn declare_types<'a>(
    items: impl Iterator<Item = (&'a str, &'a str, bool)>,
    more_builders: TokenStream,
) -> TokenStream {
    let mut declarations = Vec::new();
    let mut builders = Vec::new();
    for (stem, name, has_builder) in items {
        let module = ident(stem);
        let ty = ident(name);
        declarations.push(quote! {
            mod #module;
            pub use self::#module::#ty;
        });
        if has_builder {
            let builder = ident(&format!("{name}Builder"));
            builders.push(quote!(pub use super::#module::#builder;));
        }
    }
    quote! {
        #(#declarations)*

        /// Builders for the structures of this module.
        pub mod builders {
            #(#builders)*
            #more_builders
        }
    }
}

fn types_rs(plan: &Plan) -> TokenStream {
    let structures =
        structures_in(plan, &Module::Types).map(|s| (s.file_stem.as_str(), s.name.as_str(), true));
    let enums = plan
        .enums
        .iter()
        .map(|e| (e.file_stem.as_str(), e.name.as_str(), false));
    let unions = plan
        .unions
        .iter()
        .map(|u| (u.file_stem.as_str(), u.name.as_str(), false));
    let mut items: Vec<_> = structures.chain(enums).chain(unions).collect();
    items.sort_by_key(|(stem, _, _)| *stem);
    let declarations = declare_types(items.into_iter(), TokenStream::new());
    quote! {
        //! The data types of the service: structures (with their builders in
        //! [`builders`]), enums, unions, and the modeled errors in [`error`].

        #declarations

        pub mod error;
    }
}

fn errors_rs(plan: &Plan) -> TokenStream {
    let declarations = declare_types(
        structures_in(plan, &Module::Errors).map(|s| (s.file_stem.as_str(), s.name.as_str(), true)),
        TokenStream::new(),
    );
    quote! {
        //! The errors the service models, one structure each.

        #declarations
    }
}

fn operation_rs(plan: &Plan) -> TokenStream {
    // A crate whose every operation was left out has no use for it.
    let protocol =
        (!plan.operations.is_empty()).then(|| protocol::protocol_const(plan.service.protocol));
    // Each module's page says what it is in its own (inner) docs: an outer doc here
    // would come first on the same page.
    let modules = plan.operations.iter().map(|op| {
        let module = ident(&op.module);
        quote!(pub mod #module;)
    });
    quote! {
        //! One module per operation, holding its input and output types.

        #protocol

        #(#modules)*
    }
}

fn operation_module_rs(plan: &Plan, operation: &OperationPlan) -> TokenStream {
    let module = Module::Operation(operation.module.clone());
    let fluent = format_ident!("{}", fluent::fluent_name(operation));
    let declarations = declare_types(
        structures_in(plan, &module).map(|s| (s.file_stem.as_str(), s.name.as_str(), true)),
        quote!(pub use super::fluent_builder::#fluent;),
    );
    let paginator = operation.pagination.is_some().then(|| {
        quote! {
            pub mod paginator;
        }
    });
    let error_module = ident(&errors::error_module(operation));
    let error_enum = format_ident!("{}", errors::enum_name(operation));
    let stub = operation::operation_stub(plan, operation);
    let inner_doc = inner_doc_attrs(&format!(
        "The `{}` operation: its input, output and error types, and its wire form.{}",
        operation.model_name(),
        operation
            .doc
            .as_deref()
            .map(|d| format!("\n\n{d}"))
            .unwrap_or_default()
    ));
    quote! {
        #inner_doc

        #stub

        mod #error_module;
        pub use self::#error_module::#error_enum;

        #declarations

        mod fluent_builder;
        #paginator
    }
}

/// The crate root's `# Features` section: the optional cargo features the crate has.
fn features_doc(features: RuntimeFeatures) -> String {
    let mut lines = Vec::new();
    if features.signing {
        lines.push("- `sigv4` (off by default): `sigv4::SigV4`, a transport wrapper that signs requests (AWS Signature Version 4, with `aws-sigv4`), and `sigv4::AwsConfig` for credentials and region");
    }
    if features.http_client {
        lines.push("- `reqwest` (off by default): `http_client::ReqwestTransport`, a transport over reqwest with rustls; with `sigv4` too, `Client::from_env()`");
    }
    if features.serde {
        lines.push("- `serde` (off by default): `serde::Serialize` and `serde::Deserialize` of every structure, enum and union, in the service's JSON wire form (member names as on the wire, timestamps in their wire format, blobs in base64, unknown enum values kept); see `serde_wire`");
    }
    match lines.is_empty() {
        true => String::new(),
        false => format!("\n\n# Features\n\n{}", lines.join("\n")),
    }
}

fn lib_rs(plan: &Plan, runtime: &Runtime) -> TokenStream {
    let service = &plan.service;
    let title = service
        .title
        .clone()
        .unwrap_or_else(|| service.name.clone());
    let mut text = format!("Rust types for {title}, generated from its Smithy model.");
    if let Some(doc) = &service.doc {
        text.push_str(&format!("\n\n{doc}"));
    }
    let operations: Vec<String> = plan
        .operations
        .iter()
        .map(|op| format!("- [`{}`](crate::operation::{})", op.name, op.module))
        .collect();
    text.push_str(&format!(
        "\n\n# Contents\n\n- [`Client`]: each operation as a fluent call (`client.op().member(..).send().await`; paginated operations also `into_paginator()`), sent through a [`transport::Transport`] you provide ({})\n- [`operation`]: each operation's input, output, error enum and wire form (`request`, `parse_response`, no I/O):\n{}\n- [`types`]: structures and enums, with builders; modeled errors in [`types::error`]\n- [`transport`]: the transport trait, and a canned transport for tests\n- [`endpoint`]: where requests go, when the client resolves it\n- [`idempotency`]: idempotency tokens\n- [`limits`]: the bounds on the size and nesting of response bodies\n- [`primitives`]: timestamps, blobs, documents, big numbers\n- [`json`]: the JSON wire form of every type (`to_vec`, `from_slice`)\n- [`error`]: builder, parse and call errors",
        match service.endpoint_rules {
            Some(_) => "signing and retries are its business; the client resolves the endpoint",
            None => "signing, endpoint and retries are its business",
        },
        operations.iter().map(|o| format!("  {o}")).collect::<Vec<_>>().join("\n")
    ));
    if service.endpoint_rules.is_some() {
        text.push_str("\n- [`endpoint_resolver`]: the service's endpoint rules, which the client resolves each request's endpoint with (`Client::with_region`), and their parameters; [`endpoint_rules`] and [`partition`] run them");
    }
    text.push_str(&features_doc(RuntimeFeatures::of(plan)));
    if let Some(version) = &service.version {
        text.push_str(&format!("\n\nService API version: `{version}`."));
    }
    text.push_str(&doc_examples::root_sections(plan));
    let inner_doc = inner_doc_attrs(&text);
    let features = RuntimeFeatures::of(plan);
    let modules = runtime::root_modules(runtime, features);
    quote! {
        #inner_doc
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]
        // Error enums hold each modeled error by value, as the model shapes them (and as
        // aws-sdk-rust does); a large error structure makes the enum and `Result` large.
        #![allow(clippy::large_enum_variant, clippy::result_large_err)]
        // Deprecated model items keep `#[deprecated]` for the crate's users; the crate's
        // own code (fields, builders, wire code) uses them freely, as smithy-rs's does.
        #![allow(deprecated)]

        // The modules are formatted by the generator (prettyplease); rustfmt leaves them
        // as generated so `cargo fmt` in a workspace that vendors the crate changes nothing.
        #modules

        pub use crate::client::Client;
    }
}

/// The crate's manifest: `http` is the only dependency of most crates (the JSON reader
/// and writer are part of the runtime), with the runtime's optional parts' own
/// (`flate2` for request compression), or the runtime crate in [`Runtime::Depend`] mode.
fn cargo_toml(plan: &Plan, runtime: &Runtime) -> String {
    let title = plan
        .service
        .title
        .clone()
        .unwrap_or_else(|| plan.service.name.clone());
    let description = format!("Rust types for {title}, generated from its Smithy model");
    format!(
        "# @generated by codegen from the Smithy model. Do not edit by hand.\n\
         [package]\n\
         name = \"{name}\"\n\
         version = \"{CRATE_VERSION}\"\n\
         edition = \"2021\"\n\
         rust-version = \"1.80\"\n\
         license = \"Apache-2.0\"\n\
         description = \"{description}\"\n\
         publish = false\n\
         \n\
         [lib]\n\
         path = \"src/lib.rs\"\n\
         \n\
         [dependencies]\n\
         http = \"1.1.0\"\n{runtime}{features}",
        name = plan.crate_name,
        description = description.replace('"', "'"),
        runtime = runtime::dependencies(runtime, RuntimeFeatures::of(plan)),
        features = runtime::features_section(runtime, RuntimeFeatures::of(plan)),
    )
}
