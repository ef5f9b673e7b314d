//! Countries (source `country-profiles`): `countries`, `country(code)`.

use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;
use entities::{Source, country_profiles::country};

use crate::{
    connection::{connection, listing},
    error::ApiError,
    ids::global_id,
    loaders::Loaders,
};

#[derive(Default)]
pub struct CountryQuery;

#[Object]
impl CountryQuery {
    /// ISO 3166-1 countries and territories, with their relations with Viet Nam.
    #[graphql(complexity = "crate::connection::complexity(first, child_complexity)")]
    async fn countries(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Option<CountryConnection>, ApiError> {
        let (db, select, page) =
            listing::<country::Entity>(ctx, Source::CountryProfiles, "Country", first, after)?;
        CountryConnection::fetch(db, select, country::Column::Id, page)
            .await
            .map(Some)
    }

    /// One country by its ISO 3166-1 alpha-2 code.
    async fn country(&self, ctx: &Context<'_>, code: String) -> Result<Option<Country>, ApiError> {
        let code = code.trim().to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ApiError::BadUserInput(format!(
                "`code` must be an ISO 3166-1 alpha-2 code, not {code:?}"
            )));
        }
        ctx.data_unchecked::<Loaders>()
            .countries
            .load_one(code)
            .await
    }
}

connection!(CountryConnection, CountryEdge, Country, country::Entity);

/// A country or territory (ISO 3166-1).
#[derive(Clone)]
pub struct Country(pub country::Model);

#[Object]
impl Country {
    pub async fn id(&self) -> ID {
        global_id("Country", &self.0.code)
    }
    /// Viet Nam's missions in the country, from `vietnamese-missions`.
    async fn vietnamese_missions(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<crate::missions::VietnameseMission>, ApiError> {
        let loaders = ctx.data_unchecked::<Loaders>();
        Ok(loaders
            .missions_in
            .load_one(self.0.code.clone())
            .await?
            .unwrap_or_default())
    }
    /// The country's missions in Viet Nam, from `diplomatic-corps`.
    async fn foreign_missions(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<crate::corps::ForeignMission>, ApiError> {
        let loaders = ctx.data_unchecked::<Loaders>();
        Ok(loaders
            .missions_of
            .load_one(self.0.code.clone())
            .await?
            .unwrap_or_default())
    }
    /// ISO 3166-1 alpha-2.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn alpha3(&self) -> &str {
        &self.0.alpha3
    }
    async fn numeric(&self) -> &str {
        &self.0.numeric
    }
    async fn name_en(&self) -> &str {
        &self.0.name_en
    }
    async fn official_name_en(&self) -> Option<&str> {
        self.0.official_name_en.as_deref()
    }
    async fn name_vi(&self) -> &str {
        &self.0.name_vi
    }
    /// Date of diplomatic relations with Viet Nam, where a source states it reliably.
    async fn relations_established_on(&self) -> Option<NaiveDate> {
        self.0.relations_established_on
    }
    /// `CSP` (comprehensive strategic partnership), `SP` (strategic), `CP` (comprehensive).
    async fn partnership_framework(&self) -> Option<&str> {
        self.0.partnership_framework.as_deref()
    }
    async fn partnership_framework_vi(&self) -> Option<&str> {
        self.0.partnership_framework_vi.as_deref()
    }
    /// Since when (`YYYY` or `YYYY-MM`).
    async fn partnership_since(&self) -> Option<&str> {
        self.0.partnership_since.as_deref()
    }
    async fn profile_assessment(&self) -> Option<&str> {
        self.0.profile_assessment.as_deref()
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
