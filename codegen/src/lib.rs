//! A generator of Rust bindings from Smithy JSON AST models.
//!
//! The pipeline, one folder per stage:
//!
//! - [`model`]: [`load`](model::load) the JSON AST -> apply [`mixins`](model::mixins) ->
//!   [`validate`](model::validate);
//! - [`plan`]: the [`closure`](plan::closure) of the chosen operations -> the
//!   [`protocol`](plan::protocol) -> the [`planner`](plan::planner) (with
//!   [`names`](plan::names), [`boxing`](plan::boxing), [`docs`](plan::docs),
//!   [`defaults`](plan::defaults)) builds the plan's [`types`](plan::types);
//! - [`emit`]: tokens per file, the runtime embedded or depended on;
//! - [`output`]: [`format`](output::format) -> [`write`](output::write), or
//!   [`inline`](output::inline) for the one-file form.
//!
//! Emit and format run file by file on every core ([`parallel`]).
//!
//! Comparing two generations (`--base <git-rev>`: file diffs, model changes, API breaks)
//! is the separate `codegen-diff` crate, which depends on this one; a build script
//! using [`Config`] does not compile it. [`args`] holds the command-line options the
//! `codegen` and `codegen-diff` binaries share.
//!
//! [`Config`] drives it from a build script, the `codegen` binary or a test. It writes
//! one of two forms.
//!
//! **One file for `include!`** (the default in a build script): `build.rs`
//!
//! ```no_run
//! fn main() -> Result<(), codegen::Error> {
//!     codegen::Config::new()
//!         .model("model") // a file, or a directory of *.json files
//!         .operations(["CopyBackup"])
//!         .generate()?; // writes $OUT_DIR/fsx.rs, tells Cargo to rerun on model changes
//!     Ok(())
//! }
//! ```
//!
//! and at the root of the crate (`[dependencies]` needs what the generated crate's
//! `Cargo.toml` lists: `http`):
//!
//! ```ignore
//! #[forbid(unsafe_code)]
//! pub mod fsx {
//!     include!(concat!(env!("OUT_DIR"), "/fsx.rs"));
//! }
//! ```
//!
//! The file holds every module inline, with the generated code's `crate::` paths
//! pointing at `crate::fsx` (`crate::<crate_name>`); include it elsewhere with
//! [`Config::module_path`]. A bad model fails the build with one line naming the model
//! file, the shape and the problem ([`Error`]'s `Debug` is that line).
//!
//! **A crate folder** (`Cargo.toml`, `src/`) to commit or vendor, with
//! [`Config::out_dir`]; only changed files are written, and [`Config::check`] compares
//! without writing:
//!
//! ```no_run
//! codegen::Config::new()
//!     .model("model")
//!     .operation("CopyBackup")
//!     .out_dir("generated")
//!     .generate()
//!     .unwrap();
//! ```
//!
//! Either form embeds the runtime (the `smithy-json-runtime` crate's modules, from
//! `runtime/src/`: JSON, errors, transport, limits, ...) by default, so the crate
//! depends only on `http`; [`Config::runtime`] with [`Runtime::Depend`] makes it depend
//! on the runtime crate instead, and re-export its modules. [`runtime_files`] lists the
//! embedded files.

pub mod args;
pub mod emit;
pub mod error;
pub mod model;
pub mod output;
pub mod parallel;
pub mod plan;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A faster allocator than the system's for a process that runs the generator: the
/// `codegen` binary uses it, and a build script can too
/// (`#[global_allocator] static A: codegen::Allocator = codegen::Allocator;`).
/// Generation allocates for every token (syn, proc-macro2, prettyplease); with glibc's
/// malloc that was more than a third of its instructions.
#[cfg(feature = "mimalloc")]
pub use mimalloc::MiMalloc as Allocator;

pub use emit::{runtime_files, Runtime, RuntimeSource};
pub use error::{Error, Result};
pub use output::write::{unified_diff, StaleFile, WriteReport};

/// The generated crate as one file for `include!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncludeFile {
    /// `<crate_name>.rs`, with `_` for `-`.
    pub file_name: String,
    pub text: String,
}

/// What rendering produced.
struct Rendered {
    crate_name: String,
    files: BTreeMap<String, String>,
    /// One line per operation left out.
    warnings: Vec<String>,
}

/// Settings of one generation run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    models: Vec<PathBuf>,
    service: Option<String>,
    operations: Vec<String>,
    crate_name: Option<String>,
    out_dir: Option<PathBuf>,
    include_file: Option<PathBuf>,
    module_path: Option<String>,
    runtime: Runtime,
}

impl Config {
    pub fn new() -> Self {
        Config::default()
    }

    /// Adds a model file, or a directory whose `*.json` files are all read.
    pub fn model(mut self, path: impl Into<PathBuf>) -> Self {
        self.models.push(path.into());
        self
    }

    /// Generates the service with this shape name or absolute ID; needed only when the
    /// model defines more than one.
    pub fn service(mut self, name: impl Into<String>) -> Self {
        self.service = Some(name.into());
        self
    }

    /// Restricts generation to this operation (shape name or absolute ID); may be
    /// repeated. Without any, every operation of the service is generated.
    pub fn operation(mut self, name: impl Into<String>) -> Self {
        self.operations.push(name.into());
        self
    }

    /// Like [`Config::operation`] for several operations.
    pub fn operations<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.operations.extend(names.into_iter().map(Into::into));
        self
    }

    /// The generated crate's package name; by default the service's SDK ID in
    /// kebab-case (`fsx`).
    pub fn crate_name(mut self, name: impl Into<String>) -> Self {
        self.crate_name = Some(name.into());
        self
    }

    /// Writes a crate folder (`Cargo.toml`, `src/`) here, to commit or vendor, instead
    /// of one file for `include!`.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Writes the one file for `include!` here instead of `$OUT_DIR/<crate_name>.rs`.
    pub fn include_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.include_file = Some(path.into());
        self
    }

    /// Where the file for `include!` is included, as a path from the crate root
    /// (`crate::api::fsx`); `crate::<crate_name>` by default. The generated code's
    /// `crate::` paths are rewritten to it.
    pub fn module_path(mut self, path: impl Into<String>) -> Self {
        self.module_path = Some(path.into());
        self
    }

    /// Where the generated crate's runtime comes from: [`Runtime::Embed`] (the default)
    /// copies its modules into the crate, [`Runtime::Depend`] makes the crate depend on
    /// the runtime crate and re-export them.
    pub fn runtime(mut self, runtime: Runtime) -> Self {
        self.runtime = runtime;
        self
    }

    /// Runs the pipeline up to formatting: the generated crate's files by relative path.
    /// Nothing is written.
    pub fn render(&self) -> Result<BTreeMap<String, String>> {
        Ok(self.render_crate()?.files)
    }

    /// Runs the pipeline and inlines the crate into the one file for `include!`.
    /// Nothing is written.
    pub fn render_include(&self) -> Result<IncludeFile> {
        let Rendered {
            crate_name, files, ..
        } = self.render_crate()?;
        self.render_include_of(crate_name, &files)
    }

    fn render_include_of(
        &self,
        crate_name: String,
        files: &BTreeMap<String, String>,
    ) -> Result<IncludeFile> {
        let module_name = crate_name.replace('-', "_");
        let module_path = self
            .module_path
            .clone()
            .unwrap_or_else(|| format!("crate::{module_name}"));
        Ok(IncludeFile {
            text: output::inline::inline(files, &module_path)?,
            file_name: format!("{module_name}.rs"),
        })
    }

    /// The crate name, the formatted files and the warnings.
    fn render_crate(&self) -> Result<Rendered> {
        let (crate_name, files, warnings) = self.render_each(|_, text| Ok(text))?;
        Ok(Rendered {
            crate_name,
            files: files.into_iter().collect(),
            warnings,
        })
    }

    /// The crate name, `then` applied to every file's path and formatted text (on the
    /// worker thread that formatted it, so that writing overlaps formatting) in path
    /// order, and the warnings.
    #[allow(clippy::type_complexity)]
    fn render_each<R: Send>(
        &self,
        then: impl Fn(&str, String) -> Result<R> + Sync,
    ) -> Result<(String, Vec<(String, R)>, Vec<String>)> {
        if self.models.is_empty() {
            return Err(Error::new("no model given"));
        }
        let model = model::validate::validate(model::load::load(&self.models)?)?;
        let closure = plan::closure::closure_of(&model, self.service.as_deref(), &self.operations)
            .map_err(|e| model.locate(e))?;
        let crate_name = match &self.crate_name {
            Some(name) => name.clone(),
            None => default_crate_name(&model, &closure.service),
        };
        let plan = plan::plan(&model, &closure, &crate_name)?;
        let specs = emit::file_specs(&plan, &self.runtime);
        let emitter = emit::Emitter::new(&plan, &self.runtime);
        let results = parallel::map_heaviest_first(
            &specs,
            |(_, spec)| spec.weight(),
            |(path, spec)| {
                let content = emitter.emit_file(spec);
                then(path, output::format::format_file(path, content)?)
            },
        );
        // The first failing file in path order: the same error whatever the scheduling.
        let files = specs
            .iter()
            .zip(results)
            .map(|((path, _), result)| Ok((path.clone(), result?)))
            .collect::<Result<_>>()?;
        let warnings = closure.skipped.iter().map(|s| s.warning()).collect();
        Ok((crate_name, files, warnings))
    }

    /// Renders, then writes what changed (unchanged files keep their modification time):
    ///
    /// - with [`Config::out_dir`], the crate folder (generated files no longer produced
    ///   are removed); each file is staged as soon as it is formatted and renamed into
    ///   place once all are, so an error (emitted code that does not parse) leaves the
    ///   folder as it was;
    /// - otherwise the one file for `include!`, at [`Config::include_file`] or, in a
    ///   build script, at `$OUT_DIR/<crate_name>.rs`. In the `OUT_DIR` case it also
    ///   prints `cargo:rerun-if-changed` for each model path, so Cargo reruns the build
    ///   script when the model changes (and only then).
    ///
    /// The report's `warnings` name the operations left out (see [`closure`](plan::closure)); in a build
    /// script (the `OUT_DIR` case) each is also printed as `cargo:warning=`.
    pub fn generate(&self) -> Result<WriteReport> {
        if let Some(out_dir) = &self.out_dir {
            let rendered =
                self.render_each(|path, text| output::write::write_one(out_dir, path, &text));
            let (_, files, warnings) = rendered.inspect_err(|_| {
                output::write::discard_staged(out_dir);
            })?;
            let (paths, outcomes): (Vec<_>, Vec<_>) = files.into_iter().unzip();
            let mut report = output::write::finish(out_dir, &paths, outcomes)?;
            report.warnings = warnings;
            return Ok(report);
        }
        let rendered = self.render_crate()?;
        let include = self.render_include_of(rendered.crate_name, &rendered.files)?;
        let mut report = match &self.include_file {
            Some(path) => output::write::write_file(path, &include.text)?,
            None => {
                let path = self.build_script_out_dir()?.join(&include.file_name);
                for warning in &rendered.warnings {
                    println!("cargo:warning={warning}");
                }
                output::write::write_file(&path, &include.text)?
            }
        };
        report.warnings = rendered.warnings;
        Ok(report)
    }

    /// `$OUT_DIR`, after telling Cargo to rerun the build script when a model changes.
    fn build_script_out_dir(&self) -> Result<PathBuf> {
        let out_dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
            Error::new(
                "no output given: call `out_dir` (a crate folder) or `include_file`, \
                 or run in a build script, where the file goes to `OUT_DIR`",
            )
        })?;
        for model in &self.models {
            println!("cargo:rerun-if-changed={}", model.display());
        }
        Ok(PathBuf::from(out_dir))
    }

    /// Renders and compares with the output directory, writing nothing: the files that
    /// `generate` would write or remove. Empty when the committed output is fresh.
    pub fn check(&self) -> Result<Vec<StaleFile>> {
        let out_dir = self
            .out_dir
            .as_deref()
            .ok_or_else(|| Error::new("no output directory given"))?;
        let files = self.render()?;
        Ok(output::write::compare(out_dir, &files))
    }

    pub fn out_dir_path(&self) -> Option<&Path> {
        self.out_dir.as_deref()
    }

    /// The model paths given (files or directories), in order.
    pub fn model_paths(&self) -> &[PathBuf] {
        &self.models
    }

    /// The operations given; empty for every operation of the service.
    pub fn operation_names(&self) -> &[String] {
        &self.operations
    }
}

/// The service's `sdkId` (or shape name) as AWS SDKs derive package names from it:
/// lowercase, words joined by `-` (`FSx` -> `fsx`, `Elastic Beanstalk` -> `elastic-beanstalk`).
fn default_crate_name(model: &model::load::Model, service: &str) -> String {
    let sdk_id = model
        .shapes
        .get(service)
        .and_then(|s| s.traits().get(model::ast::trait_id::AWS_API_SERVICE))
        .and_then(|v| v.get("sdkId"))
        .and_then(|v| v.as_str());
    let name = sdk_id.unwrap_or_else(|| plan::closure::shape_name(service));
    let kebab = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-");
    if kebab.is_empty() {
        "generated".to_owned()
    } else {
        kebab
    }
}
