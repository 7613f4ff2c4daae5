//! The model stage: the Smithy JSON AST read into typed values ([`ast`], [`load`]),
//! mixins applied ([`mixins`]) and checked ([`validate`]) before anything plans from it.

pub mod ast;
pub mod load;
pub mod mixins;
pub mod validate;
