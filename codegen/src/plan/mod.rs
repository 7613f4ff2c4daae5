//! The plan stage: from a validated model to the typed form the emitter reads.
//!
//! [`closure`] picks the service and the operations to generate and the shapes they
//! reach; [`protocol`] reads the service's wire protocol; [`planner`] builds the
//! [`Plan`] with [`names`] (Rust names), [`boxing`] (where recursion needs a `Box`),
//! [`docs`] (rustdoc from the model's HTML) and [`defaults`] (typed `@default` values).
//! [`endpoint_rules`] reads the service's endpoint rule set and its tests.
//! [`types`] holds the plan's types themselves: the contract the emitter reads.

pub mod boxing;
pub mod closure;
pub mod context_path;
pub mod defaults;
pub mod docs;
pub mod endpoint_rules;
pub mod names;
pub mod pagination;
pub mod planner;
pub mod protocol;
pub mod types;

pub use planner::plan;
pub use types::*;
