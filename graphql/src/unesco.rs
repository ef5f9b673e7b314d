//! Cultural diplomacy (source `cultural-diplomacy`): Viet Nam's UNESCO heritage and titles,
//! `unescoTitles`, `unescoTitle(id)`.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::NaiveDate;
use entities::{Source, cultural_diplomacy::unesco_title};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::{
    connection::{by_id, connection, listing},
    error::ApiError,
    ids::global_id,
};

#[derive(Default)]
pub struct UnescoQuery;

/// Filters on UNESCO titles.
#[derive(InputObject, Default)]
pub struct UnescoTitleFilter {
    /// `world_heritage`, `intangible_heritage`, `documentary_heritage`, `biosphere_reserve`,
    /// `global_geopark`.
    pub category: Option<String>,
    pub year: Option<i32>,
}

#[Object]
impl UnescoQuery {
    /// Viet Nam's UNESCO heritage and titles.
    async fn unesco_titles(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<UnescoTitleFilter>,
    ) -> Result<UnescoTitleConnection, ApiError> {
        let (db, select, page) = listing::<unesco_title::Entity>(
            ctx,
            Source::CulturalDiplomacy,
            "UnescoTitle",
            first,
            after,
        )?;
        let filter = filter.unwrap_or_default();
        let select = select.map(|mut select| {
            if let Some(category) = filter.category {
                select = select.filter(unesco_title::Column::Category.eq(category));
            }
            if let Some(year) = filter.year {
                select = select.filter(unesco_title::Column::Year.eq(year));
            }
            select
        });
        UnescoTitleConnection::fetch(db, select, unesco_title::Column::Id, page).await
    }

    /// One UNESCO title by its id, if the caller may see it.
    async fn unesco_title(
        &self,
        ctx: &Context<'_>,
        id: i64,
    ) -> Result<Option<UnescoTitle>, ApiError> {
        by_id::<unesco_title::Entity, _>(
            ctx,
            Source::CulturalDiplomacy,
            "UnescoTitle",
            unesco_title::Column::Id,
            id,
            UnescoTitle,
        )
        .await
    }
}

connection!(
    UnescoTitleConnection,
    UnescoTitleEdge,
    UnescoTitle,
    unesco_title::Entity
);

/// A UNESCO inscription of Viet Nam.
#[derive(Clone)]
pub struct UnescoTitle(pub unesco_title::Model);

#[Object]
impl UnescoTitle {
    pub async fn id(&self) -> ID {
        global_id("UnescoTitle", &self.0.id.to_string())
    }
    /// The register code (`WH01`, …).
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn category(&self) -> &str {
        &self.0.category
    }
    /// The UNESCO list or register.
    async fn list_or_register(&self) -> &str {
        &self.0.list_or_register
    }
    async fn name_vi(&self) -> &str {
        &self.0.name_vi
    }
    async fn name_en(&self) -> &str {
        &self.0.name_en
    }
    async fn year(&self) -> i32 {
        self.0.year
    }
    async fn inscribed_on(&self) -> Option<NaiveDate> {
        self.0.inscribed_on
    }
    /// `cultural`, `natural`, `mixed` (World Heritage only).
    async fn heritage_type(&self) -> Option<&str> {
        self.0.heritage_type.as_deref()
    }
    /// The provinces (after the 2025 reorganisation), `; `-separated.
    async fn provinces(&self) -> Option<&str> {
        self.0.provinces.as_deref()
    }
    async fn notes(&self) -> Option<&str> {
        self.0.notes.as_deref()
    }
    async fn publishable(&self) -> bool {
        self.0.publishable
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
