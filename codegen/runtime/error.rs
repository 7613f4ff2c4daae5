//! Errors of the generated API itself (not of the service): a builder missing a required
//! member, and a string that names no known enum value.

use std::fmt;

/// A builder was asked to build a value without a member the model requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    field: &'static str,
    details: &'static str,
}

impl BuildError {
    /// Used by fallible builders; a model without required members has none.
    #[allow(dead_code)]
    pub(crate) fn missing_field(field: &'static str, details: &'static str) -> Self {
        BuildError { field, details }
    }

    /// The Rust name of the missing field.
    pub fn field(&self) -> &'static str {
        self.field
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.details)
    }
}

impl std::error::Error for BuildError {}

/// `try_parse` was given a value the enum does not define.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownVariantError {
    value: String,
}

impl UnknownVariantError {
    /// Used by enums' `try_parse`; a model without enums has none.
    #[allow(dead_code)]
    pub(crate) fn new(value: impl Into<String>) -> Self {
        UnknownVariantError {
            value: value.into(),
        }
    }

    /// The value that was not recognized.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownVariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown enum value `{}`", self.value)
    }
}

impl std::error::Error for UnknownVariantError {}
