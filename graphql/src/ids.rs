//! Global object ids (`id: ID!` on every record): the type name and the record's key, so an id
//! names one record across the whole graph.

use async_graphql::ID;

/// The global id of the record of `type_name` whose key is `key`.
pub fn global_id(type_name: &str, key: &str) -> ID {
    ID(format!("{type_name}:{key}"))
}
