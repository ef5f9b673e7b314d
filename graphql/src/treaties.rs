//! Treaties (source `treaties`): `treaties`, `treaty(id)`, with parties and participant actions.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::NaiveDate;
use entities::{
    Source,
    treaties::{treaty, treaty_action, treaty_party},
};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::{
    connection::{by_id, connection, listing},
    countries::Country,
    error::ApiError,
    ids::global_id,
    loaders::Loaders,
};

#[derive(Default)]
pub struct TreatyQuery;

/// Filters on treaties.
#[derive(InputObject, Default)]
pub struct TreatyFilter {
    /// `negotiating`, `signed`, `in_force`, `suspended`, `terminated`, `expired`.
    pub status: Option<String>,
    /// `convention`, `agreement`, `protocol`, …
    pub kind: Option<String>,
    pub bilateral: Option<bool>,
}

#[Object]
impl TreatyQuery {
    /// Treaties to which Viet Nam is a party: the public sees those in force and publishable.
    #[graphql(complexity = "crate::connection::complexity(first, child_complexity)")]
    async fn treaties(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<TreatyFilter>,
    ) -> Result<Option<TreatyConnection>, ApiError> {
        let (db, select, page) =
            listing::<treaty::Entity>(ctx, Source::Treaties, "Treaty", first, after)?;
        let filter = filter.unwrap_or_default();
        let select = select.map(|mut select| {
            if let Some(status) = filter.status {
                select = select.filter(treaty::Column::Status.eq(status));
            }
            if let Some(kind) = filter.kind {
                select = select.filter(treaty::Column::Kind.eq(kind));
            }
            if let Some(bilateral) = filter.bilateral {
                select = select.filter(treaty::Column::Bilateral.eq(bilateral));
            }
            select
        });
        TreatyConnection::fetch(db, select, treaty::Column::Id, page)
            .await
            .map(Some)
    }

    /// One treaty by its id, if the caller may see it.
    async fn treaty(&self, ctx: &Context<'_>, id: i64) -> Result<Option<Treaty>, ApiError> {
        by_id::<treaty::Entity, _>(
            ctx,
            Source::Treaties,
            "Treaty",
            treaty::Column::Id,
            id,
            Treaty,
        )
        .await
    }
}

connection!(TreatyConnection, TreatyEdge, Treaty, treaty::Entity);

/// A treaty to which Viet Nam is a party.
#[derive(Clone)]
pub struct Treaty(pub treaty::Model);

#[Object]
impl Treaty {
    pub async fn id(&self) -> ID {
        global_id("Treaty", &self.0.id.to_string())
    }
    /// The register number.
    async fn number(&self) -> &str {
        &self.0.number
    }
    async fn title_vi(&self) -> &str {
        &self.0.title_vi
    }
    async fn title_en(&self) -> &str {
        &self.0.title_en
    }
    async fn short_name(&self) -> Option<&str> {
        self.0.short_name.as_deref()
    }
    /// `convention`, `agreement`, `treaty`, `protocol`, `charter`, `covenant`, …
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    /// `state` or `government`, when known.
    async fn level(&self) -> Option<&str> {
        self.0.level.as_deref()
    }
    async fn bilateral(&self) -> bool {
        self.0.bilateral
    }
    /// The parties, when the register lists them (bilateral and closed treaties).
    async fn parties(&self, ctx: &Context<'_>) -> Result<Vec<TreatyParty>, ApiError> {
        let loaders = ctx.data_unchecked::<Loaders>();
        Ok(loaders
            .parties
            .load_one(self.0.id)
            .await?
            .unwrap_or_default())
    }
    /// What each participant did (signature, ratification, accession, …), and when.
    async fn actions(&self, ctx: &Context<'_>) -> Result<Vec<TreatyAction>, ApiError> {
        let loaders = ctx.data_unchecked::<Loaders>();
        Ok(loaders
            .actions
            .load_one(self.0.id)
            .await?
            .unwrap_or_default())
    }
    async fn signed_on(&self) -> Option<NaiveDate> {
        self.0.signed_on
    }
    async fn signed_at(&self) -> Option<&str> {
        self.0.signed_at.as_deref()
    }
    async fn signatory(&self) -> Option<&str> {
        self.0.signatory.as_deref()
    }
    async fn signatory_capacity(&self) -> Option<&str> {
        self.0.signatory_capacity.as_deref()
    }
    /// Entry into force in general.
    async fn entry_into_force(&self) -> Option<NaiveDate> {
        self.0.entry_into_force
    }
    async fn entry_into_force_for_vn(&self) -> Option<NaiveDate> {
        self.0.entry_into_force_for_vn
    }
    /// `negotiating`, `signed`, `in_force`, `suspended`, `terminated`, `expired`.
    async fn status(&self) -> &str {
        &self.0.status
    }
    /// The status as the register words it, when it says more than the code.
    async fn status_note(&self) -> Option<&str> {
        self.0.status_note.as_deref()
    }
    async fn depositary(&self) -> Option<&str> {
        self.0.depositary.as_deref()
    }
    async fn languages(&self) -> Option<&str> {
        self.0.languages.as_deref()
    }
    async fn un_registration_number(&self) -> Option<&str> {
        self.0.un_registration_number.as_deref()
    }
    async fn full_text(&self) -> Option<&str> {
        self.0.full_text.as_deref()
    }
    async fn publishable(&self) -> bool {
        self.0.publishable
    }
    async fn implementing_agencies(&self) -> Option<&str> {
        self.0.implementing_agencies.as_deref()
    }
    async fn implementation_reports(&self) -> Option<&str> {
        self.0.implementation_reports.as_deref()
    }
    async fn negotiation_notes(&self) -> Option<&str> {
        self.0.negotiation_notes.as_deref()
    }
    async fn internal_assessment(&self) -> Option<&str> {
        self.0.internal_assessment.as_deref()
    }
    /// Where the record's facts come from.
    async fn source_note(&self) -> Option<&str> {
        self.0.source_note.as_deref()
    }
    /// How sure those facts are: `high`, `medium` or `low`.
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

/// A party to a treaty: a country or an organisation.
#[derive(Clone)]
pub struct TreatyParty(pub treaty_party::Model);

#[Object]
impl TreatyParty {
    pub async fn id(&self) -> ID {
        global_id("TreatyParty", &self.0.id.to_string())
    }
    /// ISO 3166-1 alpha-2 code, when the party is a state.
    async fn country_code(&self) -> Option<&str> {
        self.0.country_code.as_deref()
    }
    /// The country, from `country-profiles`.
    async fn country(&self, ctx: &Context<'_>) -> Result<Option<Country>, ApiError> {
        match &self.0.country_code {
            Some(code) => Ok(ctx
                .data_unchecked::<Loaders>()
                .countries
                .load_one(code.clone())
                .await?),
            None => Ok(None),
        }
    }
    /// The organisation or group, when the party is not a single state.
    async fn organisation(&self) -> Option<&str> {
        self.0.organisation.as_deref()
    }
}

/// A participant's action on a treaty.
#[derive(Clone)]
pub struct TreatyAction(pub treaty_action::Model);

#[Object]
impl TreatyAction {
    pub async fn id(&self) -> ID {
        global_id("TreatyAction", &self.0.id.to_string())
    }
    async fn participant_code(&self) -> &str {
        &self.0.participant_code
    }
    async fn participant(&self, ctx: &Context<'_>) -> Result<Option<Country>, ApiError> {
        ctx.data_unchecked::<Loaders>()
            .countries
            .load_one(self.0.participant_code.clone())
            .await
    }
    /// `signature`, `ratification`, `approval`, `acceptance`, `accession`, `succession`,
    /// `admission`, `reservation`, `withdrawal`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn action_on(&self) -> Option<NaiveDate> {
        self.0.action_on
    }
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
}
