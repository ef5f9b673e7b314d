//! Source `economic-diplomacy` (owned by THKT): Party and Government direction on economic
//! diplomacy, socio-economic information, leaders' speeches. Roots: `economicDiplomacyItems`,
//! `economicDiplomacyItem(id)`.

use chrono::NaiveDate;
use entities::economic_diplomacy::economic_item;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// An item of economic-diplomacy information.
    EconomicDiplomacyItem(EconomicDiplomacyItemConnection, EconomicDiplomacyItemEdge) = economic_item in EconomicDiplomacy, open;
    query EconomicDiplomacyItemQuery {
        /// Economic-diplomacy information: published items for everyone, all items for
        /// `economic-diplomacy-info`.
        economic_diplomacy_items,
        /// One economic diplomacy item by its id, if the caller may see it.
        economic_diplomacy_item,
    }
    filter EconomicDiplomacyItemFilter {
        /// `direction`, `socio_economic`, `digital_economy`, `green_economy`, `finance`, `speech`.
        kind: String => eq(Kind),
        /// ISO code of a country concerned.
        country: String => listed(CountryCodes),
        /// Published on or after.
        published_from: NaiveDate => from(PublishedOn),
        /// Published on or before.
        published_to: NaiveDate => to(PublishedOn),
        /// Words of the Vietnamese title.
        search: String => contains(TitleVi),
    }
    fields {
        /// `direction`, `socio_economic`, `digital_economy`, `green_economy`, `finance`, `speech`.
        kind: String,
        /// The title, in Vietnamese.
        title_vi: String,
        /// The title, in English.
        title_en: Option<String>,
        /// Summary, in Vietnamese.
        summary_vi: Option<String>,
        /// Summary, in English.
        summary_en: Option<String>,
        /// Date of issue or publication.
        published_on: Option<NaiveDate>,
        /// Where the item is published.
        url: Option<String>,
        /// Working documents and notes of THKT.
        working_notes: Option<String>,
        /// Whether the owning unit has published the record.
        publishable: bool,
        /// Where the facts of this record come from.
        source_note: Option<String>,
        /// `high`, `medium` or `low`: how sure the source is.
        confidence: Option<String>,
    }
    computed {
        /// ISO codes of the countries concerned.
        async fn country_codes(&self) -> Vec<String> {
            crate::record::split_list(self.0.country_codes.as_deref())
        }
        /// The countries concerned, from `country-profiles`.
        async fn countries(&self, ctx: &async_graphql::Context<'_>) -> Result<Vec<Country>, ApiError> {
            crate::record::countries(ctx, self.0.country_codes.as_deref()).await
        }
    }
}
