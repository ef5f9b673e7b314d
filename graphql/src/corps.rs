//! The diplomatic corps in Viet Nam (source `diplomatic-corps`): `foreignMissions`,
//! `foreignMission(id)`.

use chrono::NaiveDate;
use entities::diplomatic_corps::foreign_mission;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A foreign diplomatic mission in Viet Nam.
    ForeignMission(ForeignMissionConnection, ForeignMissionEdge) = foreign_mission in DiplomaticCorps, open;
    query CorpsQuery {
        /// The foreign diplomatic missions in Viet Nam.
        foreign_missions,
        /// One foreign mission by its id, if the caller may see it.
        foreign_mission,
    }
    filter ForeignMissionFilter {
        /// ISO 3166-1 alpha-2 of the sending state.
        sending_country: String => code(SendingCountryCode),
        /// `embassy`, `consulate_general`, `economic_cultural_office`.
        kind: String => eq(Kind),
        city: String => eq(City),
    }
    fields {
        sending_country_code: String,
        /// `embassy`, `consulate_general`, `economic_cultural_office`.
        kind: String,
        city: String,
        name_vi: String,
        name_en: String,
        address: Option<String>,
        website: Option<String>,
        wikidata_id: Option<String>,
        head_of_mission: Option<String>,
        /// When the head of mission presented credentials.
        credentials_presented_on: Option<NaiveDate>,
        publishable: bool,
        /// The staff list as notified to the State Protocol Department.
        staff_list: Option<String>,
        source_note: Option<String>,
        confidence: Option<String>,
    }
    computed {
        /// The sending state, from `country-profiles`.
        async fn sending_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, Some(self.0.sending_country_code.as_str())).await
        }
    }
}
