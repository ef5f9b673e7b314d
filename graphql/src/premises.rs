//! Source `premises` (owned by QTTV): land, buildings and premises of the units at home and
//! abroad. Roots: `premises`, `premise(id)`.

use chrono::NaiveDate;
use entities::premises::premise;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// Land, a building or premises used by a unit or mission.
    Premise(PremiseConnection, PremiseEdge) = premise in Premises, guarded;
    query PremiseQuery {
        /// Land, buildings and premises of the units at home and abroad (staff).
        premises,
        /// One premise by its id, if the caller may see it.
        premise,
    }
    filter PremiseFilter {
        /// Unit using it.
        unit: String => code(UnitCode),
        /// ISO code of the country.
        country: String => code(CountryCode),
        /// `owned`, `leased`, `allocated`.
        tenure: String => eq(Tenure),
    }
    fields {
        /// Land area, in square metres.
        land_area_m2: Option<f64>,
        /// Floor area, in square metres.
        floor_area_m2: Option<f64>,
        /// End of the lease.
        lease_expires_on: Option<NaiveDate>,
        /// Street address (kept to QTTV for the security of missions).
        address: Option<String>,
        /// Title deed or lease reference.
        title_document: Option<String>,
    }
    guarded {
        /// Unit or mission using it.
        unit_code: String,
        /// ISO code of the country where it is.
        country_code: String,
        /// City.
        city: String,
        /// `chancery`, `residence`, `office`, `staff_housing`, `land`.
        use_kind: String,
        /// `owned`, `leased`, `allocated`.
        tenure: String,
    }
    computed {
        /// The country, from `country-profiles`.
        async fn country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.country_code.as_str())).await
        }
    }
}
