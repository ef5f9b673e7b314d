//! Viet Nam's missions abroad (source `vietnamese-missions`): `vietnameseMissions`,
//! `vietnameseMission(id)`.

use async_graphql::{Context, ID, InputObject, Object};
use entities::{Source, vietnamese_missions::vn_mission};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::{
    connection::{by_id, connection, listing},
    countries::Country,
    error::ApiError,
    ids::global_id,
    loaders::Loaders,
};

#[derive(Default)]
pub struct MissionQuery;

/// Filters on missions.
#[derive(InputObject, Default)]
pub struct VietnameseMissionFilter {
    /// ISO 3166-1 alpha-2 of the host country.
    pub host_country: Option<String>,
    /// `embassy`, `consulate_general`, `permanent_mission`, `economic_cultural_office`.
    pub kind: Option<String>,
}

#[Object]
impl MissionQuery {
    /// Viet Nam's representative missions abroad.
    async fn vietnamese_missions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<VietnameseMissionFilter>,
    ) -> Result<VietnameseMissionConnection, ApiError> {
        let (db, select, page) = listing::<vn_mission::Entity>(
            ctx,
            Source::VietnameseMissions,
            "VietnameseMission",
            first,
            after,
        )?;
        let filter = filter.unwrap_or_default();
        let select = select.map(|mut select| {
            if let Some(country) = filter.host_country {
                select = select.filter(
                    vn_mission::Column::HostCountryCode.eq(country.trim().to_ascii_uppercase()),
                );
            }
            if let Some(kind) = filter.kind {
                select = select.filter(vn_mission::Column::Kind.eq(kind));
            }
            select
        });
        VietnameseMissionConnection::fetch(db, select, vn_mission::Column::Id, page).await
    }

    /// One mission by its id, if the caller may see it.
    async fn vietnamese_mission(
        &self,
        ctx: &Context<'_>,
        id: i64,
    ) -> Result<Option<VietnameseMission>, ApiError> {
        by_id::<vn_mission::Entity, _>(
            ctx,
            Source::VietnameseMissions,
            "VietnameseMission",
            vn_mission::Column::Id,
            id,
            VietnameseMission,
        )
        .await
    }
}

connection!(
    VietnameseMissionConnection,
    VietnameseMissionEdge,
    VietnameseMission,
    vn_mission::Entity
);

/// A representative mission of Viet Nam abroad.
#[derive(Clone)]
pub struct VietnameseMission(pub vn_mission::Model);

#[Object]
impl VietnameseMission {
    pub async fn id(&self) -> ID {
        global_id("VietnameseMission", &self.0.id.to_string())
    }
    async fn host_country_code(&self) -> &str {
        &self.0.host_country_code
    }
    /// The host country, from `country-profiles`.
    async fn host_country(&self, ctx: &Context<'_>) -> Result<Option<Country>, ApiError> {
        ctx.data_unchecked::<Loaders>()
            .countries
            .load_one(self.0.host_country_code.clone())
            .await
    }
    async fn city(&self) -> &str {
        &self.0.city
    }
    /// `embassy`, `consulate_general`, `permanent_mission`, `economic_cultural_office`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn name_vi(&self) -> &str {
        &self.0.name_vi
    }
    async fn name_en(&self) -> &str {
        &self.0.name_en
    }
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }
    /// The mission's Wikidata item, when known.
    async fn wikidata_id(&self) -> Option<&str> {
        self.0.wikidata_id.as_deref()
    }
    async fn publishable(&self) -> bool {
        self.0.publishable
    }
    /// Where the record's facts come from, with the remarks of the reference data.
    async fn source_note(&self) -> Option<&str> {
        self.0.source_note.as_deref()
    }
    /// `high`, `medium` or `low`.
    async fn confidence(&self) -> Option<&str> {
        self.0.confidence.as_deref()
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
