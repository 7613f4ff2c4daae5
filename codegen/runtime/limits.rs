//! Bounds on what a response may ask of the parser, each an error value when passed:
//!
//! - [`max_body_size`]: a body longer than this is refused before anything reads it (16
//!   MiB by default), so a hostile or broken peer cannot make the parser hold and walk
//!   gigabytes, nor an error keep a copy of them.
//! - [`max_nesting_depth`]: a body nesting structures deeper than this is an error, not
//!   a stack overflow: each level of nesting costs stack, and recursive shapes
//!   (AdministrativeActions in FSx) nest without end on paper. The JSON reader separately
//!   refuses values nesting more than 128 arrays or objects; a member this model does
//!   not know is skipped at any depth, without recursion.
//!
//! Both are process-wide and may be changed at any time.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// The default body size bound, 16 MiB: fifty times the largest CopyBackup response seen
/// (a backup whose file system carries two levels of administrative actions, 300 KB),
/// and room for a full page of a list operation.
pub const DEFAULT_MAX_BODY_SIZE: usize = 16 * 1024 * 1024;

static MAX_BODY_SIZE: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_BODY_SIZE);

/// The longest response body, in bytes, that is read.
pub fn max_body_size() -> usize {
    MAX_BODY_SIZE.load(Ordering::Relaxed)
}

/// Sets the body size bound for every thread of the process.
pub fn set_max_body_size(bytes: usize) {
    MAX_BODY_SIZE.store(bytes, Ordering::Relaxed);
}

/// The default nesting bound: deeper than any real response and well inside a 2 MiB thread
/// stack, even in a debug build.
pub const DEFAULT_MAX_NESTING_DEPTH: u32 = 24;

static MAX_NESTING_DEPTH: AtomicU32 = AtomicU32::new(DEFAULT_MAX_NESTING_DEPTH);

/// How many structures may nest inside each other in a response body.
pub fn max_nesting_depth() -> u32 {
    MAX_NESTING_DEPTH.load(Ordering::Relaxed)
}

/// Sets the bound for every thread of the process. Raise it only together with the
/// stack size of the threads that parse responses.
pub fn set_max_nesting_depth(depth: u32) {
    MAX_NESTING_DEPTH.store(depth, Ordering::Relaxed);
}
