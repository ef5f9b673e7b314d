//! Source `overseas-vietnamese` (owned by UBNV): overseas Vietnamese communities and their
//! organisations and associations. Roots: `overseasOrganisations`, `overseasOrganisation(id)`.

use entities::overseas_vietnamese::overseas_organisation;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// An organisation or association of overseas Vietnamese.
    OverseasOrganisation(OverseasOrganisationConnection, OverseasOrganisationEdge) = overseas_organisation in OverseasVietnamese, guarded;
    query OverseasOrganisationQuery {
        /// Organisations and associations of overseas Vietnamese (staff; contacts for UBNV).
        overseas_organisations,
        /// One overseas organisation by its id, if the caller may see it.
        overseas_organisation,
    }
    filter OverseasOrganisationFilter {
        /// ISO code of the country.
        country: String => code(CountryCode),
        /// `association`, `business`, `students`, `professional`, `cultural`, `religious`.
        kind: String => eq(Kind),
        /// Words of the Vietnamese name.
        search: String => contains(NameVi),
    }
    fields {
        /// The name in the country's language.
        name_original: Option<String>,
        /// City.
        city: Option<String>,
        /// Year founded.
        founded_year: Option<i32>,
        /// Members, as estimated.
        members_estimate: Option<i32>,
        /// The leader.
        leader_name: Option<String>,
        /// Contact e-mail.
        contact_email: Option<String>,
        /// Contact telephone.
        contact_phone: Option<String>,
        /// Notes.
        notes: Option<String>,
    }
    guarded {
        /// The name, in Vietnamese.
        name_vi: String,
        /// `association`, `business`, `students`, `professional`, `cultural`, `religious`.
        kind: String,
        /// ISO code of the country.
        country_code: String,
    }
    computed {
        /// The country, from `country-profiles`.
        async fn country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.country_code.as_str())).await
        }
    }
}
