//! Source `border-territory` (provided by UBBG): policies of the Party and State on borders and
//! territory, the border lines and their legal instruments. Roots: `borderDocuments`,
//! `borderDocument(id)`.

use chrono::NaiveDate;
use entities::border_territory::border_document;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A policy document, treaty, protocol or border line on Viet Nam's borders and territory.
    BorderDocument(BorderDocumentConnection, BorderDocumentEdge) = border_document in BorderTerritory, open;
    query BorderDocumentQuery {
        /// Policies on borders and territory, border lines and their legal instruments.
        border_documents,
        /// One border document by its id, if the caller may see it.
        border_document,
    }
    filter BorderDocumentFilter {
        /// `policy`, `treaty`, `protocol`, `legal_instrument`, `border_line`.
        kind: String => eq(Kind),
        /// ISO code of the neighbouring country.
        neighbour: String => code(NeighbourCountryCode),
        /// Signed on or after.
        signed_from: NaiveDate => from(SignedOn),
        /// Signed on or before.
        signed_to: NaiveDate => to(SignedOn),
        /// Words of the English title.
        search: String => contains(TitleEn),
    }
    fields {
        /// `policy`, `treaty`, `protocol`, `legal_instrument`, `border_line`.
        kind: String,
        /// The title, in Vietnamese.
        title_vi: String,
        /// The title, in English.
        title_en: Option<String>,
        /// ISO 3166-1 alpha-2 of the neighbouring country, for bilateral instruments and border lines.
        neighbour_country_code: Option<String>,
        /// Date of signature or issue.
        signed_on: Option<NaiveDate>,
        /// Date of entry into force or effect.
        effective_on: Option<NaiveDate>,
        /// Length of a border line, in kilometres.
        length_km: Option<f64>,
        /// Summary, in Vietnamese.
        summary_vi: Option<String>,
        /// Summary, in English.
        summary_en: Option<String>,
        /// Where the full text is published.
        url: Option<String>,
        /// Whether the owning unit has published the record.
        publishable: bool,
        /// Where the facts of this record come from.
        source_note: Option<String>,
        /// `high`, `medium` or `low`: how sure the source is.
        confidence: Option<String>,
    }
    computed {
        /// The neighbouring country, from `country-profiles`.
        async fn neighbour_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, self.0.neighbour_country_code.as_deref()).await
        }
    }
}
