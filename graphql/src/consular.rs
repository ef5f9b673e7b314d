//! Consular information (source `consular-information`): `visaExemptions`, `visaExemption(id)`.

use chrono::NaiveDate;
use entities::consular_information::visa_exemption;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// An exemption from the Vietnamese visa for the citizens of one country.
    VisaExemption(VisaExemptionConnection, VisaExemptionEdge) = visa_exemption in ConsularInformation, open;
    query ConsularQuery {
        /// Exemptions from the Vietnamese visa, by country and passport type.
        visa_exemptions,
        /// One visa exemption by its id, if the caller may see it.
        visa_exemption,
    }
    filter VisaExemptionFilter {
        /// ISO 3166-1 alpha-2 of the country whose citizens are exempted.
        country: String => code(CountryCode),
        /// `in_force`, `superseded`, `expired`.
        status: String => eq(Status),
        /// `unilateral`, `bilateral_ordinary`, `bilateral_official`, `special_zone`,
        /// `special_category`.
        exemption_type: String => eq(ExemptionType),
    }
    fields {
        country_code: String,
        exemption_type: String,
        /// The passports it covers, as worded.
        passport_types: String,
        /// The longest stay, as worded.
        max_stay: String,
        max_stay_days: Option<i32>,
        valid_from: Option<NaiveDate>,
        valid_to: Option<NaiveDate>,
        legal_basis: Option<String>,
        legal_basis_date: Option<NaiveDate>,
        status: String,
        status_note: Option<String>,
        publishable: bool,
        source_note: Option<String>,
        confidence: Option<String>,
    }
    computed {
        /// The country, from `country-profiles`.
        async fn country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.country_code.as_str())).await
        }
    }
}
