//! Source `awards` (owned by VP): emulation and commendation of the sector, and the State awards
//! conferred on foreigners and overseas Vietnamese on MOFA's proposal. Roots: `awards`,
//! `award(id)`.

use chrono::NaiveDate;
use entities::awards::award;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// An award: a State award conferred on a foreign or overseas-Vietnamese recipient on MOFA's
    /// proposal (`foreign`), or an emulation or commendation title within the sector (`domestic`).
    Award(AwardConnection, AwardEdge) = award in Awards, open;
    query AwardQuery {
        /// Awards: the public sees the published foreign awards; staff every award.
        awards,
        /// One award by its id, if the caller may see it.
        award,
    }
    filter AwardFilter {
        /// `foreign` or `domestic`.
        scope: String => eq(Scope),
        /// ISO code of the recipient's country.
        country: String => code(RecipientCountryCode),
        /// Decided on or after.
        decided_from: NaiveDate => from(DecidedOn),
        /// Decided on or before.
        decided_to: NaiveDate => to(DecidedOn),
    }
    fields {
        /// `foreign` (published as open data) or `domestic` (internal).
        scope: String,
        /// The recipient, as named in the decision.
        recipient_name: String,
        /// `individual` or `collective`.
        recipient_kind: String,
        /// ISO code of the recipient's nationality or seat.
        recipient_country_code: Option<String>,
        /// Whether the recipient is an overseas Vietnamese.
        overseas_vietnamese: bool,
        /// The award, in Vietnamese (Huân chương Hữu nghị, …).
        award_vi: String,
        /// The award, in English.
        award_en: Option<String>,
        /// Number of the conferring decision.
        decision_number: Option<String>,
        /// Date of the decision.
        decided_on: Option<NaiveDate>,
        /// `president`, `prime_minister`, `minister`.
        decided_by: Option<String>,
        /// Unit that proposed the award.
        proposed_by: Option<String>,
        /// The citation, in Vietnamese.
        citation_vi: Option<String>,
        /// Notes of the emulation council.
        internal_notes: Option<String>,
        /// Whether the owning unit has published the record.
        publishable: bool,
        /// Where the facts of this record come from.
        source_note: Option<String>,
        /// `high`, `medium` or `low`: how sure the source is.
        confidence: Option<String>,
    }
    computed {
        /// The recipient's country, from `country-profiles`.
        async fn recipient_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, self.0.recipient_country_code.as_deref()).await
        }
    }
}
