//! Source `privileges-immunities` (owned by LT): the rules on privileges and immunities and the
//! international organisations in Viet Nam they cover. Roots: `privilegeRules`,
//! `privilegeRule(id)`.

use chrono::NaiveDate;
use entities::privileges_immunities::privilege_rule;

use crate::record::record_api;

record_api! {
    /// A rule on privileges and immunities and the organisation or mission category it covers.
    PrivilegeRule(PrivilegeRuleConnection, PrivilegeRuleEdge) = privilege_rule in PrivilegesImmunities, open;
    query PrivilegeRuleQuery {
        /// Rules on privileges and immunities, and whom they cover.
        privilege_rules,
        /// One privilege rule by its id, if the caller may see it.
        privilege_rule,
    }
    filter PrivilegeRuleFilter {
        /// `diplomatic_mission`, `consular_post`, `international_organisation`, `un_agency`.
        covered_kind: String => eq(CoveredKind),
        /// `in_force`, `superseded`.
        status: String => eq(Status),
        /// Words of the covered organisation's English name.
        search: String => contains(CoveredNameEn),
    }
    fields {
        /// `diplomatic_mission`, `consular_post`, `international_organisation`, `un_agency`.
        covered_kind: String,
        /// Who the rule covers, in Vietnamese.
        covered_name_vi: String,
        /// Who the rule covers, in English.
        covered_name_en: Option<String>,
        /// The covered organisation's acronym.
        covered_acronym: Option<String>,
        /// The instrument that grants the privileges, in Vietnamese.
        legal_basis_vi: String,
        /// The instrument that grants the privileges, in English.
        legal_basis_en: Option<String>,
        /// Date of the instrument.
        instrument_date: Option<NaiveDate>,
        /// What the rule grants, in Vietnamese.
        summary_vi: Option<String>,
        /// What the rule grants, in English.
        summary_en: Option<String>,
        /// `in_force`, `superseded`.
        status: String,
        /// Whether the owning unit has published the record.
        publishable: bool,
        /// Where the facts of this record come from.
        source_note: Option<String>,
        /// `high`, `medium` or `low`: how sure the source is.
        confidence: Option<String>,
    }
    computed {

    }
}
