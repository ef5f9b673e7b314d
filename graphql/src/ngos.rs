//! Source `foreign-ngos` (owned by NV): foreign non-governmental organisations registered to
//! operate in Viet Nam. Roots: `foreignNgos`, `foreignNgo(id)`.

use chrono::NaiveDate;
use entities::foreign_ngos::foreign_ngo;

use crate::{countries::Country, error::ApiError, localities::Province, record::record_api};

record_api! {
    /// A foreign non-governmental organisation registered to operate in Viet Nam.
    ForeignNgo(ForeignNgoConnection, ForeignNgoEdge) = foreign_ngo in ForeignNgos, guarded;
    query ForeignNgoQuery {
        /// Foreign NGOs registered in Viet Nam (`ngo-info` and staff; contacts for NV).
        foreign_ngos,
        /// One foreign NGO by its id, if the caller may see it.
        foreign_ngo,
    }
    filter ForeignNgoFilter {
        /// ISO code of the country of origin.
        country: String => code(OriginCountryCode),
        /// Code of a province where it works.
        province: String => listed(ProvinceCodes),
        /// A field of activity.
        field: String => listed(Fields),
        /// `operation`, `project_office`, `representative_office`.
        registration_kind: String => eq(RegistrationKind),
        /// Permit still valid on this date.
        permit_valid_on: NaiveDate => from(PermitValidTo),
        /// `active`, `expired`, `revoked`.
        status: String => eq(Status),
    }
    fields {
        /// The name, in Vietnamese.
        name_vi: Option<String>,
        /// Acronym.
        acronym: Option<String>,
        /// Date the permit was issued.
        permit_issued_on: Option<NaiveDate>,
        /// Last day of the permit's validity.
        permit_valid_to: Option<NaiveDate>,
        /// Website.
        website: Option<String>,
        /// Contact person in Viet Nam.
        contact_person: Option<String>,
        /// Contact e-mail.
        contact_email: Option<String>,
        /// Contact telephone.
        contact_phone: Option<String>,
    }
    guarded {
        /// The name, in English.
        name_en: String,
        /// ISO code of the country of origin.
        origin_country_code: String,
        /// `operation`, `project_office`, `representative_office`.
        registration_kind: String,
        /// Number of the registration permit.
        permit_number: String,
        /// `active`, `expired`, `revoked`.
        status: String,
    }
    computed {
        /// Fields of activity.
        async fn fields(&self) -> Option<Vec<String>> {
            Some(crate::record::split_list(self.0.fields.as_deref()))
        }
        /// Codes of the provinces (since 2025) where it works.
        async fn province_codes(&self) -> Option<Vec<String>> {
            Some(crate::record::split_list(self.0.province_codes.as_deref()))
        }
        /// The country of origin, from `country-profiles`.
        async fn origin_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.origin_country_code.as_str())).await
        }
        /// The provinces where it works, from `localities`.
        async fn provinces(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Vec<Province>>, ApiError> {
            crate::record::provinces(ctx, self.0.province_codes.as_deref()).await.map(Some)
        }
    }
}
