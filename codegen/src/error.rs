//! The generator's one error type: every failure says where (file, JSON path, shape ID)
//! and what is wrong, in a single line a user can act on.

use std::fmt;
use std::path::{Path, PathBuf};

/// A generation failure. Nothing is written when one is returned.
///
/// `Debug` prints the same line as `Display`, so a build script's
/// `fn main() -> Result<(), codegen::Error>` (or an `unwrap`) shows the readable message.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    /// The model file the problem is in, when known.
    pub file: Option<PathBuf>,
    /// The shape the problem is about, when known.
    pub shape: Option<String>,
    /// The JSON path inside the file, when known.
    pub json_path: Option<String>,
    /// What is wrong.
    pub message: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            file: None,
            shape: None,
            json_path: None,
            message: message.into(),
        }
    }

    /// An error about one shape.
    pub fn shape(shape: impl Into<String>, message: impl Into<String>) -> Self {
        Error::new(message).with_shape(shape)
    }

    pub fn with_shape(mut self, shape: impl Into<String>) -> Self {
        self.shape.get_or_insert_with(|| shape.into());
        self
    }

    pub fn with_file(mut self, file: &Path) -> Self {
        self.file.get_or_insert_with(|| file.to_path_buf());
        self
    }

    pub fn with_json_path(mut self, path: impl Into<String>) -> Self {
        self.json_path.get_or_insert_with(|| path.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        if let Some(shape) = &self.shape {
            write!(f, "shape `{shape}`: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(path) = &self.json_path {
            write!(f, " (at `{path}`)")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}
