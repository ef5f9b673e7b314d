//! Source `localities` (owned by NV): the provinces and centrally-run cities, and the Ministry's
//! cooperation with them. Roots: `provinces`, `province(id)`, `localityCooperations`,
//! `localityCooperation(id)`.

use chrono::NaiveDate;
use entities::localities::{locality_cooperation, province};

use crate::{error::ApiError, record::record_api};

record_api! {
    /// A province or centrally-run city: the 34 since the reorganisation of 1 July 2025, and the
    /// 63 before it, each with its validity.
    Province(ProvinceConnection, ProvinceEdge) = province in Localities, open;
    query ProvinceQuery {
        /// Provinces and centrally-run cities: the current 34 by default, the 63 earlier ones with
        /// `current: false`.
        provinces,
        /// One province by its id, if the caller may see it.
        province,
    }
    filter ProvinceFilter {
        /// `true`: only the current provinces; `false`: only the earlier ones; both when absent.
        current: bool => current(ValidTo),
        /// Province code.
        code: String => eq(Code),
        /// Words of the name without diacritics.
        search: String => contains(NameEn),
    }
    fields {
        /// The province code (two digits).
        code: String,
        /// The name, in Vietnamese.
        name_vi: String,
        /// The full name, in Vietnamese (Tỉnh …, Thành phố …).
        name_vi_full: String,
        /// The name, without diacritics.
        name_en: String,
        /// `tỉnh` or `thành phố trực thuộc trung ương`.
        kind_vi: String,
        /// `province` or `centrally-run city`.
        kind_en: String,
        /// ISO 3166-2 code (the 63 earlier provinces).
        iso_3166_2: Option<String>,
        /// First day of validity.
        valid_from: Option<NaiveDate>,
        /// Last day of validity; none while current.
        valid_to: Option<NaiveDate>,
        /// Code of the province it was merged into in 2025.
        merged_into_code: Option<String>,
        /// Communes and wards (2025).
        wards_count: Option<i32>,
        /// Potential, strengths and needs, as MOFA assesses them.
        cooperation_profile: Option<String>,
        /// Where the facts of this record come from.
        source_note: Option<String>,
        /// `high`, `medium` or `low`: how sure the source is.
        confidence: Option<String>,
    }
    computed {
        /// Codes of the earlier provinces it was formed from.
        async fn merged_from_codes(&self) -> Vec<String> {
            crate::record::split_list(self.0.merged_from_codes.as_deref())
        }
    }
}

record_api! {
    /// A plan, commitment or support task of the Ministry with a province.
    LocalityCooperation(LocalityCooperationConnection, LocalityCooperationEdge) = locality_cooperation in Localities, guarded;
    query LocalityCooperationQuery {
        /// The Ministry's cooperation with provinces: plans, commitments and support tasks
        /// (staff).
        locality_cooperations,
        /// One locality cooperation by its id, if the caller may see it.
        locality_cooperation,
    }
    filter LocalityCooperationFilter {
        /// Province code.
        province: String => eq(ProvinceCode),
        /// `master_plan`, `commitment`, `support_task`.
        kind: String => eq(Kind),
        /// `open`, `in_progress`, `done`.
        status: String => eq(Status),
        /// Unit in charge.
        unit: String => code(MofaUnit),
    }
    fields {
        /// In English.
        title_en: Option<String>,
        /// Date of the commitment.
        committed_on: Option<NaiveDate>,
        /// Deadline.
        due_on: Option<NaiveDate>,
        /// Notes.
        notes: Option<String>,
    }
    guarded {
        /// Code of the province (since 2025).
        province_code: String,
        /// `master_plan`, `commitment`, `support_task`.
        kind: String,
        /// The plan, commitment or task, in Vietnamese.
        title_vi: String,
        /// Unit in charge.
        mofa_unit: String,
        /// `open`, `in_progress`, `done`.
        status: String,
    }
    computed {
        /// The province, from `localities`.
        async fn province(&self, ctx: &async_graphql::Context<'_>) -> Result<Option<Province>, ApiError> {
            crate::record::province(ctx, Some(self.0.province_code.as_str())).await
        }
    }
}
