//! Source `chronicle` (foreign-affairs units): the chronicle of notable diplomatic events. Roots:
//! `chronicleEvents`, `chronicleEvent(id)`.

use chrono::NaiveDate;
use entities::chronicle::chronicle_event;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A notable diplomatic event of the chronicle.
    ChronicleEvent(ChronicleEventConnection, ChronicleEventEdge) = chronicle_event in Chronicle, guarded;
    query ChronicleEventQuery {
        /// The chronicle of notable diplomatic events (staff).
        chronicle_events,
        /// One chronicle event by its id, if the caller may see it.
        chronicle_event,
    }
    filter ChronicleEventFilter {
        /// ISO code of a country concerned.
        country: String => listed(CountryCodes),
        /// On or after.
        occurred_from: NaiveDate => from(OccurredOn),
        /// On or before.
        occurred_to: NaiveDate => to(OccurredOn),
        /// Unit that recorded it.
        unit: String => code(UnitCode),
        /// Words of the Vietnamese title.
        search: String => contains(TitleVi),
    }
    fields {
        /// The event, in English.
        title_en: Option<String>,
        /// Main content, in Vietnamese.
        content_vi: Option<String>,
        /// The issue it concerns.
        issue: Option<String>,
        /// Where the record of the event comes from.
        source_ref: Option<String>,
        /// Notes.
        notes: Option<String>,
    }
    guarded {
        /// Date of the event.
        occurred_on: NaiveDate,
        /// The event, in Vietnamese.
        title_vi: String,
        /// Unit that recorded the event.
        unit_code: String,
    }
    computed {
        /// ISO codes of the countries concerned.
        async fn country_codes(&self) -> Option<Vec<String>> {
            Some(crate::record::split_list(self.0.country_codes.as_deref()))
        }
        /// The countries concerned, from `country-profiles`.
        async fn countries(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Vec<Country>>, ApiError> {
            crate::record::countries(ctx, self.0.country_codes.as_deref()).await.map(Some)
        }
    }
}
