//! Viet Nam's missions abroad (source `vietnamese-missions`): `vietnameseMissions`,
//! `vietnameseMission(id)`.

use entities::vietnamese_missions::vn_mission;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A representative mission of Viet Nam abroad.
    VietnameseMission(VietnameseMissionConnection, VietnameseMissionEdge) = vn_mission in VietnameseMissions, open;
    query MissionQuery {
        /// Viet Nam's representative missions abroad.
        vietnamese_missions,
        /// One mission by its id, if the caller may see it.
        vietnamese_mission,
    }
    filter VietnameseMissionFilter {
        /// ISO 3166-1 alpha-2 of the host country.
        host_country: String => code(HostCountryCode),
        /// `embassy`, `consulate_general`, `permanent_mission`, `economic_cultural_office`.
        kind: String => eq(Kind),
    }
    fields {
        host_country_code: String,
        city: String,
        /// `embassy`, `consulate_general`, `permanent_mission`, `economic_cultural_office`.
        kind: String,
        name_vi: String,
        name_en: String,
        website: Option<String>,
        /// The mission's Wikidata item, when known.
        wikidata_id: Option<String>,
        publishable: bool,
        /// Where the record's facts come from, with the remarks of the reference data.
        source_note: Option<String>,
        /// `high`, `medium` or `low`.
        confidence: Option<String>,
    }
    computed {
        /// The host country, from `country-profiles`.
        async fn host_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.host_country_code.as_str())).await
        }
    }
}
