//! Load: read Smithy JSON AST files (one file, or every `*.json` of a directory, in name
//! order), check their `smithy` version, deserialize them into the typed AST and merge
//! their shapes into one [`Model`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::ast::{ModelFile, Shape, SUPPORTED_SMITHY_VERSIONS};

/// Every shape of the loaded files, keyed by absolute shape ID.
#[derive(Debug, Default)]
pub struct Model {
    pub shapes: BTreeMap<String, Shape>,
    /// The file each shape was defined in, for error messages.
    pub sources: BTreeMap<String, PathBuf>,
}

impl Model {
    /// The file that defines `shape_id`, when it came from a file.
    pub fn source_of(&self, shape_id: &str) -> Option<&Path> {
        self.sources.get(shape_id).map(PathBuf::as_path)
    }

    /// Attaches the defining file to an error about `shape_id`.
    pub fn locate(&self, error: Error) -> Error {
        match error.shape.as_deref().and_then(|s| self.source_of(s)) {
            Some(file) => {
                let file = file.to_path_buf();
                error.with_file(&file)
            }
            None => error,
        }
    }
}

/// The model files at `path`: the file itself, or the `*.json` files of a directory in
/// name order.
pub fn model_files(path: &Path) -> Result<Vec<PathBuf>> {
    let not_readable =
        |e: std::io::Error| Error::new(format!("cannot read the model: {e}")).with_file(path);
    if !path.is_dir() {
        std::fs::metadata(path).map_err(not_readable)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(not_readable)? {
        let file = entry.map_err(not_readable)?.path();
        if file.extension().is_some_and(|ext| ext == "json") && file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::new("no `*.json` model files in this directory").with_file(path));
    }
    Ok(files)
}

/// Loads and merges every model file found at each of `paths`.
pub fn load(paths: &[PathBuf]) -> Result<Model> {
    let mut model = Model::default();
    for path in paths {
        for file in model_files(path)? {
            let bytes = std::fs::read(&file)
                .map_err(|e| Error::new(format!("cannot read the model: {e}")).with_file(&file))?;
            let parsed = parse(&bytes).map_err(|e| e.with_file(&file))?;
            merge(&mut model, parsed, &file)?;
        }
    }
    Ok(model)
}

/// Parses one model file's bytes.
pub fn parse(bytes: &[u8]) -> Result<ModelFile> {
    // Most models are well formed: read them in one pass, without tracking the path.
    if let Ok(file) = serde_json::from_slice::<ModelFile>(bytes) {
        if SUPPORTED_SMITHY_VERSIONS.contains(&file.smithy.as_str()) {
            return Ok(file);
        }
    }
    // Otherwise read again, step by step, for the clearest error: the version first,
    // then the model with the JSON path of what is wrong.
    let header: VersionField =
        serde_json::from_slice(bytes).map_err(|e| Error::new(format!("not valid JSON: {e}")))?;
    check_version(header.smithy.as_ref())?;
    // Straight from the bytes (not through `Value`, whose maps sort their keys): member
    // order is part of the model.
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let shape = shape_of_path(e.path());
        let path = abbreviate(e.path().to_string());
        let error = Error::new(e.into_inner().to_string()).with_json_path(path);
        match shape {
            Some(shape) => error.with_shape(shape),
            None => error,
        }
    })
}

/// Only the version, read before anything else so an old model gets a clear message.
#[derive(serde::Deserialize)]
struct VersionField {
    smithy: Option<Value>,
}

fn check_version(version: Option<&Value>) -> Result<()> {
    let version = version.ok_or_else(|| Error::new("missing the `smithy` version field"))?;
    match version.as_str() {
        Some(v) if SUPPORTED_SMITHY_VERSIONS.contains(&v) => Ok(()),
        _ => Err(Error::new(format!(
            "unsupported Smithy version {version}: this generator reads Smithy 2.0 JSON AST (\"smithy\": \"2.0\")"
        ))
        .with_json_path("smithy")),
    }
}

/// A JSON path cut after 100 characters: one into deeply nested JSON would fill the
/// screen with `[0][0][0]...`.
fn abbreviate(path: String) -> String {
    const MAX: usize = 100;
    match path.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}...", &path[..at]),
        None => path,
    }
}

/// The shape ID a deserialization error path points into (`shapes.<id>...`).
fn shape_of_path(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut segments = path.iter();
    match (segments.next(), segments.next()) {
        (Some(Segment::Map { key }), Some(Segment::Map { key: id })) if key == "shapes" => {
            Some(id.clone())
        }
        _ => None,
    }
}

fn merge(model: &mut Model, file: ModelFile, path: &Path) -> Result<()> {
    for (id, shape) in file.shapes.0 {
        if let Some(first) = model.sources.get(&id) {
            return Err(
                Error::shape(id, format!("defined twice: also in {}", first.display()))
                    .with_file(path),
            );
        }
        model.sources.insert(id.clone(), path.to_path_buf());
        model.shapes.insert(id, shape);
    }
    Ok(())
}
