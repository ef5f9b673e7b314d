//! Source `news` (all units): daily news from foreign-affairs sources, and what the Ministry's
//! portal and newspaper publish. Roots: `newsItems`, `newsItem(id)`.

use chrono::NaiveDate;
use entities::news::news_item;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A news item: the internal daily bulletin, agency news and mission reports, or an item
    /// published on the portal or the sector newspaper.
    NewsItem(NewsItemConnection, NewsItemEdge) = news_item in News, open;
    query NewsItemQuery {
        /// News: published portal and newspaper items for everyone; bulletins and reports for
        /// staff.
        news_items,
        /// One news item by its id, if the caller may see it.
        news_item,
    }
    filter NewsItemFilter {
        /// `bulletin_a`, `vna`, `mission_report`, `portal`, `newspaper`.
        channel: String => eq(Channel),
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
        /// `bulletin_a`, `vna`, `mission_report` (internal), `portal`, `newspaper` (published).
        channel: String,
        /// Date of the item.
        published_on: NaiveDate,
        /// The title, in Vietnamese.
        title_vi: String,
        /// The title, in English.
        title_en: Option<String>,
        /// Summary, in Vietnamese.
        summary_vi: Option<String>,
        /// Summary, in English.
        summary_en: Option<String>,
        /// The text, in Vietnamese.
        body_vi: Option<String>,
        /// Where the item is published.
        url: Option<String>,
        /// Unit that filed the item.
        unit_code: Option<String>,
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
        /// References of images and clips.
        async fn media_refs(&self) -> Vec<String> {
            crate::record::split_list(self.0.media_refs.as_deref())
        }
        /// The countries concerned, from `country-profiles`.
        async fn countries(&self, ctx: &async_graphql::Context<'_>) -> Result<Vec<Country>, ApiError> {
            crate::record::countries(ctx, self.0.country_codes.as_deref()).await
        }
    }
}
