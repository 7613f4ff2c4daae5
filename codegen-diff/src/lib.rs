//! `codegen-diff`: what a change to the model or to the generator does to the generated
//! code, for review (`cargo run -p codegen-diff -- --base <git-rev>`).
//!
//! [`diff`] compares two generations (with [`shape_diff`] for the model's shapes and
//! [`api`] for the public Rust API); [`base_rev`] produces the base side from a git
//! revision by building and running that revision's own `codegen` binary.
//!
//! It is a crate of its own so that a build script depending on `codegen` (for
//! [`codegen::Config`]) does not compile the diff tool. It depends on `codegen`; `codegen`
//! does not depend on it.

pub mod api;
pub mod base_rev;
pub mod diff;
pub mod shape_diff;
