//! A generator of Rust bindings from Smithy JSON AST models.
//!
//! The pipeline, one module per stage:
//! [`load`] -> [`validate`] -> [`closure`] -> [`plan`] (with [`names`], [`boxing`],
//! [`docs`]) -> [`emit`] -> [`format`] -> [`write`].
//!
//! [`diff`] compares two generations (with [`shape_diff`], [`api`] and [`base_rev`])
//! for `codegen diff --base <rev>`.
//!
//! [`Config`] drives it from a build script, the `codegen` binary or a test:
//!
//! ```no_run
//! codegen::Config::new()
//!     .model("model")
//!     .operation("CopyBackup")
//!     .out_dir("generated")
//!     .generate()
//!     .unwrap();
//! ```

pub mod api;
pub mod ast;
pub mod base_rev;
pub mod boxing;
pub mod closure;
pub mod diff;
pub mod docs;
pub mod emit;
pub mod error;
pub mod format;
pub mod load;
pub mod names;
pub mod plan;
pub mod shape_diff;
pub mod validate;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use error::{Error, Result};
pub use write::{unified_diff, StaleFile, WriteReport};

/// Settings of one generation run.
#[derive(Debug, Clone, Default)]
pub struct Config {
    models: Vec<PathBuf>,
    operations: Vec<String>,
    crate_name: Option<String>,
    out_dir: Option<PathBuf>,
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

    /// Where [`Config::generate`] writes the crate.
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Runs the pipeline up to formatting: the generated files by relative path.
    /// Nothing is written.
    pub fn render(&self) -> Result<BTreeMap<String, String>> {
        if self.models.is_empty() {
            return Err(Error::new("no model given"));
        }
        let model = validate::validate(load::load(&self.models)?)?;
        let closure = closure::closure(&model, &self.operations).map_err(|e| model.locate(e))?;
        let crate_name = match &self.crate_name {
            Some(name) => name.clone(),
            None => default_crate_name(&model, &closure.service),
        };
        let plan = plan::plan(&model, &closure, &crate_name)?;
        format::format(emit::emit(&plan).map_err(|e| model.locate(e))?)
    }

    /// Renders, then writes the files that changed into the output directory.
    pub fn generate(&self) -> Result<WriteReport> {
        let out_dir = self
            .out_dir
            .as_deref()
            .ok_or_else(|| Error::new("no output directory given"))?;
        let files = self.render()?;
        write::write(out_dir, &files)
    }

    /// Renders and compares with the output directory, writing nothing: the files that
    /// `generate` would write or remove. Empty when the committed output is fresh.
    pub fn check(&self) -> Result<Vec<StaleFile>> {
        let out_dir = self
            .out_dir
            .as_deref()
            .ok_or_else(|| Error::new("no output directory given"))?;
        let files = self.render()?;
        Ok(write::compare(out_dir, &files))
    }

    pub fn out_dir_path(&self) -> Option<&Path> {
        self.out_dir.as_deref()
    }
}

/// The service's `sdkId` (or shape name) as AWS SDKs derive package names from it:
/// lowercase, words joined by `-` (`FSx` -> `fsx`, `Elastic Beanstalk` -> `elastic-beanstalk`).
fn default_crate_name(model: &load::Model, service: &str) -> String {
    let sdk_id = model
        .shapes
        .get(service)
        .and_then(|s| s.traits().get(ast::trait_id::AWS_API_SERVICE))
        .and_then(|v| v.get("sdkId"))
        .and_then(|v| v.as_str());
    let name = sdk_id.unwrap_or_else(|| closure::shape_name(service));
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
