//! Source `party-members` (owned by DUDT): records of the Party members of the Ministry's Party
//! Committee. Political affiliation is sensitive personal data: the identity stays with DUDT.
//! Roots: `partyMembers`, `partyMember(id)`.

use chrono::NaiveDate;
use entities::party_members::party_member;

use crate::{countries::Country, error::ApiError, record::record_api};

record_api! {
    /// A Party member of the Ministry's Party Committee.
    PartyMember(PartyMemberConnection, PartyMemberEdge) = party_member in PartyMembers, guarded;
    query PartyMemberQuery {
        /// Party members of the Ministry's Party Committee (staff; identities for DUDT).
        party_members,
        /// One party member by its id, if the caller may see it.
        party_member,
    }
    filter PartyMemberFilter {
        /// Unit.
        unit: String => code(UnitCode),
        /// Abroad or at home.
        abroad: bool => eq(Abroad),
        /// `active`, `transferred_in`, `transferred_out`.
        status: String => eq(Status),
    }
    fields {
        /// Party card number.
        member_number: Option<String>,
        /// Full name.
        full_name: Option<String>,
        /// ISO code of the country of residence, when abroad.
        residence_country_code: Option<String>,
        /// Date of admission.
        admitted_on: Option<NaiveDate>,
        /// Date of becoming an official member.
        official_on: Option<NaiveDate>,
        /// Date of birth.
        date_of_birth: Option<NaiveDate>,
        /// Ethnicity.
        ethnicity: Option<String>,
        /// Religion.
        religion: Option<String>,
    }
    guarded {
        /// Party cell (chi bộ).
        party_cell: String,
        /// Unit where the member works.
        unit_code: String,
        /// Whether the member's Party activity and residence are abroad.
        abroad: bool,
        /// `active`, `transferred_in`, `transferred_out`.
        status: String,
    }
    computed {
        /// The country of residence, from `country-profiles`.
        async fn residence_country(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Country>, ApiError> {
            crate::record::country(ctx, self.0.residence_country_code.as_deref()).await
        }
    }
}
