//! International agreements (source `agreements`): `agreements`, `agreement(id)`.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use entities::{Source, agreements::agreement};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::{
    connection::{by_id, connection, listing},
    countries::Country,
    error::ApiError,
    ids::global_id,
    loaders::Loaders,
};

#[derive(Default)]
pub struct AgreementQuery;

#[Object]
impl AgreementQuery {
    /// International agreements: the public sees those in force and publishable.
    #[graphql(complexity = "crate::connection::complexity(first, child_complexity)")]
    async fn agreements(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        status: Option<String>,
    ) -> Result<Option<AgreementConnection>, ApiError> {
        let (db, select, page) =
            listing::<agreement::Entity>(ctx, Source::Agreements, "Agreement", first, after)?;
        let select = select.map(|select| match status {
            Some(status) => select.filter(agreement::Column::Status.eq(status)),
            None => select,
        });
        AgreementConnection::fetch(db, select, agreement::Column::Id, page)
            .await
            .map(Some)
    }

    async fn agreement(&self, ctx: &Context<'_>, id: i64) -> Result<Option<Agreement>, ApiError> {
        by_id::<agreement::Entity, _>(
            ctx,
            Source::Agreements,
            "Agreement",
            agreement::Column::Id,
            id,
            Agreement,
        )
        .await
    }
}

connection!(
    AgreementConnection,
    AgreementEdge,
    Agreement,
    agreement::Entity
);

/// An international agreement (thỏa thuận quốc tế).
#[derive(Clone)]
pub struct Agreement(pub agreement::Model);

#[Object]
impl Agreement {
    pub async fn id(&self) -> ID {
        global_id("Agreement", &self.0.id.to_string())
    }
    async fn number(&self) -> &str {
        &self.0.number
    }
    async fn title_vi(&self) -> &str {
        &self.0.title_vi
    }
    async fn title_en(&self) -> &str {
        &self.0.title_en
    }
    /// The Vietnamese party.
    async fn vn_party(&self) -> &str {
        &self.0.vn_party
    }
    /// `national_assembly_body`, `government_agency`, `ministry`, `province`, …
    async fn vn_party_level(&self) -> &str {
        &self.0.vn_party_level
    }
    async fn foreign_party(&self) -> &str {
        &self.0.foreign_party
    }
    /// `state_agency`, `province`, `international_organisation`, `other`.
    async fn foreign_party_kind(&self) -> &str {
        &self.0.foreign_party_kind
    }
    async fn foreign_country_code(&self) -> Option<&str> {
        self.0.foreign_country_code.as_deref()
    }
    async fn foreign_country(&self, ctx: &Context<'_>) -> Result<Option<Country>, ApiError> {
        match &self.0.foreign_country_code {
            Some(code) => Ok(ctx
                .data_unchecked::<Loaders>()
                .countries
                .load_one(code.clone())
                .await?),
            None => Ok(None),
        }
    }
    async fn field(&self) -> &str {
        &self.0.field
    }
    async fn signed_on(&self) -> Option<NaiveDate> {
        self.0.signed_on
    }
    async fn effective_on(&self) -> Option<NaiveDate> {
        self.0.effective_on
    }
    async fn expires_on(&self) -> Option<NaiveDate> {
        self.0.expires_on
    }
    async fn status(&self) -> &str {
        &self.0.status
    }
    async fn publishable(&self) -> bool {
        self.0.publishable
    }
    async fn full_record(&self) -> Option<&str> {
        self.0.full_record.as_deref()
    }
    async fn copies_received(&self) -> Option<&str> {
        self.0.copies_received.as_deref()
    }
    async fn annual_reports(&self) -> Option<&str> {
        self.0.annual_reports.as_deref()
    }
    async fn source_note(&self) -> Option<&str> {
        self.0.source_note.as_deref()
    }
    async fn created_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
        self.0.updated_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}
