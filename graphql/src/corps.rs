//! The diplomatic corps in Viet Nam (source `diplomatic-corps`): `foreignMissions`,
//! `foreignMission(id)`.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::NaiveDate;
use entities::{Source, diplomatic_corps::foreign_mission};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::{
    connection::{by_id, connection, listing},
    countries::Country,
    error::ApiError,
    ids::global_id,
    loaders::Loaders,
};

#[derive(Default)]
pub struct CorpsQuery;

/// Filters on foreign missions.
#[derive(InputObject, Default)]
pub struct ForeignMissionFilter {
    /// ISO 3166-1 alpha-2 of the sending state.
    pub sending_country: Option<String>,
    /// `embassy`, `consulate_general`, `economic_cultural_office`.
    pub kind: Option<String>,
    pub city: Option<String>,
}

#[Object]
impl CorpsQuery {
    /// The foreign diplomatic missions in Viet Nam.
    async fn foreign_missions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<ForeignMissionFilter>,
    ) -> Result<ForeignMissionConnection, ApiError> {
        let (db, select, page) = listing::<foreign_mission::Entity>(
            ctx,
            Source::DiplomaticCorps,
            "ForeignMission",
            first,
            after,
        )?;
        let filter = filter.unwrap_or_default();
        let select = select.map(|mut select| {
            if let Some(country) = filter.sending_country {
                select = select.filter(
                    foreign_mission::Column::SendingCountryCode
                        .eq(country.trim().to_ascii_uppercase()),
                );
            }
            if let Some(kind) = filter.kind {
                select = select.filter(foreign_mission::Column::Kind.eq(kind));
            }
            if let Some(city) = filter.city {
                select = select.filter(foreign_mission::Column::City.eq(city));
            }
            select
        });
        ForeignMissionConnection::fetch(db, select, foreign_mission::Column::Id, page).await
    }

    /// One foreign mission by its id, if the caller may see it.
    async fn foreign_mission(
        &self,
        ctx: &Context<'_>,
        id: i64,
    ) -> Result<Option<ForeignMission>, ApiError> {
        by_id::<foreign_mission::Entity, _>(
            ctx,
            Source::DiplomaticCorps,
            "ForeignMission",
            foreign_mission::Column::Id,
            id,
            ForeignMission,
        )
        .await
    }
}

connection!(
    ForeignMissionConnection,
    ForeignMissionEdge,
    ForeignMission,
    foreign_mission::Entity
);

/// A foreign diplomatic mission in Viet Nam.
#[derive(Clone)]
pub struct ForeignMission(pub foreign_mission::Model);

#[Object]
impl ForeignMission {
    pub async fn id(&self) -> ID {
        global_id("ForeignMission", &self.0.id.to_string())
    }
    async fn sending_country_code(&self) -> &str {
        &self.0.sending_country_code
    }
    /// The sending state, from `country-profiles`.
    async fn sending_country(&self, ctx: &Context<'_>) -> Result<Option<Country>, ApiError> {
        ctx.data_unchecked::<Loaders>()
            .countries
            .load_one(self.0.sending_country_code.clone())
            .await
    }
    /// `embassy`, `consulate_general`, `economic_cultural_office`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn city(&self) -> &str {
        &self.0.city
    }
    async fn name_vi(&self) -> &str {
        &self.0.name_vi
    }
    async fn name_en(&self) -> &str {
        &self.0.name_en
    }
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }
    async fn website(&self) -> Option<&str> {
        self.0.website.as_deref()
    }
    async fn wikidata_id(&self) -> Option<&str> {
        self.0.wikidata_id.as_deref()
    }
    async fn head_of_mission(&self) -> Option<&str> {
        self.0.head_of_mission.as_deref()
    }
    /// When the head of mission presented credentials.
    async fn credentials_presented_on(&self) -> Option<NaiveDate> {
        self.0.credentials_presented_on
    }
    async fn publishable(&self) -> bool {
        self.0.publishable
    }
    /// The staff list as notified to the State Protocol Department.
    async fn staff_list(&self) -> Option<&str> {
        self.0.staff_list.as_deref()
    }
    async fn source_note(&self) -> Option<&str> {
        self.0.source_note.as_deref()
    }
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
