//! The GraphQL schema of mofa-graph: types, resolvers and loaders, composed per domain.
//!
//! This crate knows sources and entities, never HTTP: the server crate decides how a request
//! arrives and which audience it belongs to, then executes it against [`AppSchema`].

pub mod catalog;
mod error;
mod ids;

use async_graphql::{EmptyMutation, EmptySubscription, MergedObject, Schema};
use entities::SourceConnections;

pub use error::{ApiError, ErrorCode};

/// The root query: each domain contributes its own object.
#[derive(MergedObject, Default)]
pub struct Query(catalog::CatalogQuery);

/// The executable schema.
pub type AppSchema = Schema<Query, EmptyMutation, EmptySubscription>;

/// Limits applied to every operation before it runs.
#[derive(Debug, Clone, Copy)]
pub struct QueryLimits {
    /// Deepest selection nesting accepted.
    pub max_depth: usize,
    /// Largest static complexity (one per field) accepted.
    pub max_complexity: usize,
    /// Most directives on one field.
    pub max_directives_per_field: usize,
    /// Deepest recursion of the document's own structure (nested lists, objects, fragments).
    pub max_recursive_depth: usize,
}

impl Default for QueryLimits {
    fn default() -> Self {
        QueryLimits {
            max_depth: 16,
            max_complexity: 2_000,
            max_directives_per_field: 4,
            max_recursive_depth: 32,
        }
    }
}

/// Builds the schema over the given sources.
pub fn build_schema(sources: SourceConnections, limits: QueryLimits) -> AppSchema {
    Schema::build(Query::default(), EmptyMutation, EmptySubscription)
        .data(sources)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_directives(limits.max_directives_per_field)
        .limit_recursive_depth(limits.max_recursive_depth)
        // Suggestions are computed from every field, visible or not, so they would leak names.
        .disable_suggestions()
        .finish()
}

/// The SDL of the schema, as `mofa-graph schema` prints it. Needs no database.
pub fn sdl() -> String {
    Schema::build(Query::default(), EmptyMutation, EmptySubscription)
        .finish()
        .sdl()
}
