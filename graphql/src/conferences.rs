//! Source `conferences` (owned by NV): international conferences and seminars that the Ministry
//! and its units hosted or co-organised. Roots: `conferences`, `conference(id)`.

use chrono::NaiveDate;
use entities::conferences::conference;

use crate::{countries::Country, error::ApiError, localities::Province, record::record_api};

record_api! {
    /// An international conference or seminar hosted or co-organised by the Ministry.
    Conference(ConferenceConnection, ConferenceEdge) = conference in Conferences, guarded;
    query ConferenceQuery {
        /// International conferences and seminars of the Ministry (staff).
        conferences,
        /// One conference by its id, if the caller may see it.
        conference,
    }
    filter ConferenceFilter {
        /// `conference`, `seminar`, `workshop`, `forum`.
        kind: String => eq(Kind),
        /// `planned`, `held`, `cancelled`.
        status: String => eq(Status),
        /// Province code.
        province: String => eq(ProvinceCode),
        /// Starting on or after.
        starts_from: NaiveDate => from(StartsOn),
        /// Starting on or before.
        starts_to: NaiveDate => to(StartsOn),
    }
    fields {
        /// The title, in English.
        title_en: Option<String>,
        /// City.
        city: Option<String>,
        /// Code of the province (since 2025) where it was held.
        province_code: Option<String>,
        /// Co-organisers.
        co_organisers: Option<String>,
        /// Number of participants.
        participants_count: Option<i32>,
        /// Outcome.
        outcome_summary: Option<String>,
    }
    guarded {
        /// The title, in Vietnamese.
        title_vi: String,
        /// `conference`, `seminar`, `workshop`, `forum`.
        kind: String,
        /// First day.
        starts_on: NaiveDate,
        /// Last day.
        ends_on: NaiveDate,
        /// Host unit.
        host_unit: String,
        /// `planned`, `held`, `cancelled`.
        status: String,
    }
    computed {
        /// ISO codes of the participating countries.
        async fn country_codes(&self) -> Option<Vec<String>> {
            Some(crate::record::split_list(self.0.country_codes.as_deref()))
        }
        /// The province, from `localities`.
        async fn province(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Province>, ApiError> {
            crate::record::province(ctx, self.0.province_code.as_deref()).await
        }
        /// The participating countries, from `country-profiles`.
        async fn countries(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Vec<Country>>, ApiError> {
            crate::record::countries(ctx, self.0.country_codes.as_deref()).await.map(Some)
        }
    }
}
