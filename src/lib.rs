//! mofa-graph: one GraphQL API over the shared databases, data-sharing services and open data
//! of the Ministry of Foreign Affairs of Viet Nam (Decision 3021/QĐ-BNG).
//!
//! This crate is the server: configuration, startup, HTTP routes, the cache and the CLI. The
//! schema is in the `graphql` crate, storage in `entities` and `migrations`.

pub mod audit;
pub mod auth;
pub mod cache;
pub mod cli;
pub mod configuration;
mod http;
pub mod import;
mod metrics;
pub mod partners;
pub mod rate_limit;
pub mod sources;
pub mod startup;
mod state;
pub mod telemetry;

/// Entry points for the fuzz targets (`fuzz/`): not an API.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::http::check_body;
}
