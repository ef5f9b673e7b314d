//! `auditEntries`: the data-access audit log, for staff with the `admin` role.

use async_graphql::{Context, ID, Object};
use entities::{Source, SourceConnections, meta::audit_entry};

use crate::{
    connection::{PageRequest, connection},
    error::ApiError,
    ids::global_id,
    policy::{Principal, project},
};

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Disclosures of non-open data, oldest first.
    #[graphql(complexity = "crate::connection::complexity(first, child_complexity)")]
    async fn audit_entries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<AuditEntryConnection>, ApiError> {
        let page = PageRequest::from_context(ctx, first, after)?;
        let principal = ctx.data_unchecked::<Principal>();
        let db = ctx.data_unchecked::<SourceConnections>().get(Source::Meta);
        let select = project::select::<audit_entry::Entity>(principal, "AuditEntry");
        AuditEntryConnection::fetch(db, select, audit_entry::Column::Id, page)
            .await
            .map(Some)
    }
}

connection!(
    AuditEntryConnection,
    AuditEntryEdge,
    AuditEntry,
    audit_entry::Entity
);

/// One disclosure of non-open data.
#[derive(Clone)]
pub struct AuditEntry(pub audit_entry::Model);

#[Object]
impl AuditEntry {
    async fn id(&self) -> Option<ID> {
        Some(global_id("AuditEntry", &self.0.id.to_string()))
    }
    async fn at(&self) -> Option<&str> {
        Some(&self.0.at)
    }
    async fn request_id(&self) -> Option<&str> {
        Some(&self.0.request_id)
    }
    async fn audience(&self) -> Option<&str> {
        Some(&self.0.audience)
    }
    async fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }
    async fn token_id(&self) -> Option<&str> {
        self.0.token_id.as_deref()
    }
    /// The partner client, or the staff member's unit.
    async fn client_or_unit(&self) -> Option<&str> {
        self.0.client_or_unit.as_deref()
    }
    /// SHA-256 of the operation's document.
    async fn operation_hash(&self) -> Option<&str> {
        Some(&self.0.operation_hash)
    }
    /// `Type.field` disclosed and how many values of each, as a JSON object.
    async fn disclosed(&self) -> Option<&str> {
        Some(&self.0.disclosed)
    }
    async fn hash(&self) -> Option<&str> {
        Some(&self.0.hash)
    }
}
