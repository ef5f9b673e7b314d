//! SeaORM entities of mofa-graph, one module per source database.
//!
//! Entities are storage: they say how rows look in a table, never who may read them. Access
//! classes live in the policy registry of the `graphql` crate, so a column can change here
//! without changing the public contract.

pub mod agreements;
pub mod assets;
pub mod awards;
pub mod border_territory;
pub mod chronicle;
pub mod conferences;
pub mod consular_information;
pub mod country_profiles;
pub mod cultural_diplomacy;
pub mod digital_library;
pub mod diplomatic_corps;
pub mod diplomatic_visas;
pub mod direction;
pub mod economic_diplomacy;
pub mod finance;
pub mod foreign_ngos;
pub mod legalization;
pub mod localities;
pub mod meta;
pub mod news;
pub mod official_passports;
pub mod overseas_vietnamese;
pub mod party_members;
pub mod personnel;
pub mod premises;
pub mod privileges_immunities;
mod source;
pub mod treaties;
pub mod vietnamese_missions;

pub use source::{Source, SourceConnections, UnknownSource};
