//! The output stage: the emitted files formatted ([`format`](mod@format): syn + prettyplease), then
//! written atomically, only what changed ([`write`](mod@write)), or inlined into the one file a
//! build script `include!`s ([`inline`]).

pub mod format;
pub mod inline;
pub mod write;
