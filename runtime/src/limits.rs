//! Bounds on what a response may ask of the parser, each an error when passed. A
//! [`Limits`] value is a setting of the client (`Client::with_limits`) or of one parse
//! call (`parse_response_with`); [`Limits::default`] is what every other call uses.
//!
//! - [`Limits::max_body_size`]: a body longer than this is refused before anything reads
//!   it, so a hostile or broken peer cannot make the parser hold and walk gigabytes, nor
//!   an error keep a copy of them.
//! - [`Limits::max_nesting_depth`]: a body nesting structures deeper than this is an
//!   error, not a stack overflow: each level of nesting costs stack, and recursive shapes
//!   nest without end on paper. The JSON reader separately refuses values nesting more
//!   than 128 arrays or objects; a member the model does not know is skipped at any
//!   depth, without recursion.

/// The default body size bound, 16 MiB: far above a typical awsJson response, with room
/// for a full page of a list operation.
pub const DEFAULT_MAX_BODY_SIZE: usize = 16 * 1024 * 1024;

/// The default nesting bound: deeper than real responses nest and well inside a 2 MiB
/// thread stack, even in a debug build.
pub const DEFAULT_MAX_NESTING_DEPTH: u32 = 24;

/// The bounds one parse applies to a response body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    max_body_size: usize,
    max_nesting_depth: u32,
}

impl Default for Limits {
    /// [`DEFAULT_MAX_BODY_SIZE`] and [`DEFAULT_MAX_NESTING_DEPTH`].
    fn default() -> Self {
        Limits::DEFAULT
    }
}

impl Limits {
    /// [`DEFAULT_MAX_BODY_SIZE`] and [`DEFAULT_MAX_NESTING_DEPTH`].
    pub const DEFAULT: Limits = Limits {
        max_body_size: DEFAULT_MAX_BODY_SIZE,
        max_nesting_depth: DEFAULT_MAX_NESTING_DEPTH,
    };

    /// The longest response body, in bytes, that is read.
    pub const fn max_body_size(&self) -> usize {
        self.max_body_size
    }

    /// How many structures may nest inside each other in a response body.
    pub const fn max_nesting_depth(&self) -> u32 {
        self.max_nesting_depth
    }

    /// These limits with another body size bound.
    pub const fn with_max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// These limits with another nesting bound. Raise it only together with the stack
    /// size of the threads that parse responses.
    pub const fn with_max_nesting_depth(mut self, depth: u32) -> Self {
        self.max_nesting_depth = depth;
        self
    }

    /// The body an error keeps: none when it is over the size bound.
    #[doc(hidden)]
    pub fn kept<'b>(&self, body: &'b [u8]) -> &'b [u8] {
        if body.len() > self.max_body_size {
            &[]
        } else {
            body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_documented_values() {
        let limits = Limits::default();
        assert_eq!(limits.max_body_size(), 16 * 1024 * 1024);
        assert_eq!(limits.max_nesting_depth(), 24);
    }

    #[test]
    fn each_bound_changes_alone() {
        let limits = Limits::default().with_max_body_size(10).with_max_nesting_depth(3);
        assert_eq!((limits.max_body_size(), limits.max_nesting_depth()), (10, 3));
        assert_eq!(limits.kept(b"0123456789"), b"0123456789");
        assert!(limits.kept(b"0123456789a").is_empty());
    }

    #[test]
    fn a_parse_applies_the_limits_it_is_given() {
        use crate::json::{from_slice, from_slice_with, Reader};
        use crate::primitives::Document;

        let body = br#"{"a":[1,2]}"#;
        let small = Limits::default().with_max_body_size(body.len() - 1);
        let error = from_slice_with::<Document>(body, &small).unwrap_err();
        assert_eq!(
            error.detail(),
            "the body is 11 bytes, over the limit of 10 bytes (Limits::max_body_size)"
        );
        assert!(from_slice::<Document>(body).is_ok(), "the default limits");

        let mut reader = Reader::with_max_nesting_depth(r#"{"a":{}}"#, 1);
        let mut entries = reader.begin_structure("Outer").unwrap();
        assert_eq!(reader.next_key(&mut entries).unwrap().as_deref(), Some("a"));
        match reader.begin_structure("Inner") {
            Err(error) => assert_eq!(error.detail(), "nested deeper than 1 structures"),
            Ok(_) => panic!("a second structure within a bound of one"),
        }
    }
}
