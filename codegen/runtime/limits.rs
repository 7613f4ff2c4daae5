//! Bounds on what a response may ask of the parser. A body nesting objects deeper than
//! [`max_nesting_depth`] is an error value, not a stack overflow: each level of nesting
//! costs stack, and recursive shapes (AdministrativeActions in FSx) nest without end
//! on paper. The JSON reader separately refuses more than 128 nested arrays or objects.

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

/// The default bound: deeper than any real response and well inside a 2 MiB thread
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

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Held while one structure is read; dropping it leaves the level.
pub(crate) struct NestingGuard(());

impl NestingGuard {
    /// Enters one more level, or fails when that would pass the bound.
    pub(crate) fn enter<E: serde::de::Error>() -> Result<NestingGuard, E> {
        let max = max_nesting_depth();
        DEPTH.with(|depth| {
            let next = depth.get() + 1;
            if next > max {
                return Err(E::custom(format_args!("nested deeper than {max} structures")));
            }
            depth.set(next);
            Ok(NestingGuard(()))
        })
    }
}

impl Drop for NestingGuard {
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}
