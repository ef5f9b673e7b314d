//! SeaORM entities of mofa-graph, one module per source database.
//!
//! Entities are storage: they say how rows look in a table, never who may read them. Access
//! classes live in the policy registry of the `graphql` crate, so a column can change here
//! without changing the public contract.

pub mod agreements;
pub mod consular_information;
pub mod country_profiles;
pub mod cultural_diplomacy;
pub mod diplomatic_corps;
pub mod meta;
pub mod personnel;
mod source;
pub mod treaties;
pub mod vietnamese_missions;

pub use source::{Source, SourceConnections, UnknownSource};
