//! Consular information (source `consular-information`): `visaExemptions`, `visaExemption(id)`.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::NaiveDate;
use entities::{Source, consular_information::visa_exemption};
use sea_orm::{ColumnTrait, QueryFilter};

use crate::{
    connection::{by_id, connection, listing},
    countries::Country,
    error::ApiError,
    ids::global_id,
    loaders::Loaders,
};

#[derive(Default)]
pub struct ConsularQuery;

/// Filters on visa exemptions.
#[derive(InputObject, Default)]
pub struct VisaExemptionFilter {
    /// ISO 3166-1 alpha-2 of the country whose citizens are exempted.
    pub country: Option<String>,
    /// `in_force`, `superseded`, `expired`.
    pub status: Option<String>,
    /// `unilateral`, `bilateral_ordinary`, `bilateral_official`, `special_zone`,
    /// `special_category`.
    pub exemption_type: Option<String>,
}

#[Object]
impl ConsularQuery {
    /// Exemptions from the Vietnamese visa, by country and passport type.
    async fn visa_exemptions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        filter: Option<VisaExemptionFilter>,
    ) -> Result<VisaExemptionConnection, ApiError> {
        let (db, select, page) = listing::<visa_exemption::Entity>(
            ctx,
            Source::ConsularInformation,
            "VisaExemption",
            first,
            after,
        )?;
        let filter = filter.unwrap_or_default();
        let select = select.map(|mut select| {
            if let Some(country) = filter.country {
                select = select.filter(
                    visa_exemption::Column::CountryCode.eq(country.trim().to_ascii_uppercase()),
                );
            }
            if let Some(status) = filter.status {
                select = select.filter(visa_exemption::Column::Status.eq(status));
            }
            if let Some(kind) = filter.exemption_type {
                select = select.filter(visa_exemption::Column::ExemptionType.eq(kind));
            }
            select
        });
        VisaExemptionConnection::fetch(db, select, visa_exemption::Column::Id, page).await
    }

    /// One visa exemption by its id, if the caller may see it.
    async fn visa_exemption(
        &self,
        ctx: &Context<'_>,
        id: i64,
    ) -> Result<Option<VisaExemption>, ApiError> {
        by_id::<visa_exemption::Entity, _>(
            ctx,
            Source::ConsularInformation,
            "VisaExemption",
            visa_exemption::Column::Id,
            id,
            VisaExemption,
        )
        .await
    }
}

connection!(
    VisaExemptionConnection,
    VisaExemptionEdge,
    VisaExemption,
    visa_exemption::Entity
);

/// An exemption from the Vietnamese visa for the citizens of one country.
#[derive(Clone)]
pub struct VisaExemption(pub visa_exemption::Model);

#[Object]
impl VisaExemption {
    pub async fn id(&self) -> ID {
        global_id("VisaExemption", &self.0.id.to_string())
    }
    async fn country_code(&self) -> &str {
        &self.0.country_code
    }
    /// The country, from `country-profiles`.
    async fn country(&self, ctx: &Context<'_>) -> Result<Option<Country>, ApiError> {
        ctx.data_unchecked::<Loaders>()
            .countries
            .load_one(self.0.country_code.clone())
            .await
    }
    async fn exemption_type(&self) -> &str {
        &self.0.exemption_type
    }
    /// The passports it covers, as worded.
    async fn passport_types(&self) -> &str {
        &self.0.passport_types
    }
    /// The longest stay, as worded.
    async fn max_stay(&self) -> &str {
        &self.0.max_stay
    }
    async fn max_stay_days(&self) -> Option<i32> {
        self.0.max_stay_days
    }
    async fn valid_from(&self) -> Option<NaiveDate> {
        self.0.valid_from
    }
    async fn valid_to(&self) -> Option<NaiveDate> {
        self.0.valid_to
    }
    async fn legal_basis(&self) -> Option<&str> {
        self.0.legal_basis.as_deref()
    }
    async fn legal_basis_date(&self) -> Option<NaiveDate> {
        self.0.legal_basis_date
    }
    async fn status(&self) -> &str {
        &self.0.status
    }
    async fn status_note(&self) -> Option<&str> {
        self.0.status_note.as_deref()
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
