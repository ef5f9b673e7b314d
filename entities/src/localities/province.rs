//! Table `province`: a province or centrally-run city: the 34 since the reorganisation of 1 July
//! 2025, and the 63 before it, each with its validity.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "province")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The province code (two digits).
    pub code: String,
    /// The name, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub name_vi: String,
    /// The full name, in Vietnamese (Tỉnh …, Thành phố …).
    #[sea_orm(column_type = "Text")]
    pub name_vi_full: String,
    /// The name, without diacritics.
    #[sea_orm(column_type = "Text")]
    pub name_en: String,
    /// `tỉnh` or `thành phố trực thuộc trung ương`.
    pub kind_vi: String,
    /// `province` or `centrally-run city`.
    pub kind_en: String,
    /// ISO 3166-2 code (the 63 earlier provinces).
    pub iso_3166_2: Option<String>,
    /// First day of validity.
    pub valid_from: Option<Date>,
    /// Last day of validity; none while current.
    pub valid_to: Option<Date>,
    /// Codes of the earlier provinces it was formed from.
    #[sea_orm(column_type = "Text")]
    pub merged_from_codes: Option<String>,
    /// Code of the province it was merged into in 2025.
    pub merged_into_code: Option<String>,
    /// Communes and wards (2025).
    pub wards_count: Option<i32>,
    /// Potential, strengths and needs, as MOFA assesses them.
    #[sea_orm(column_type = "Text")]
    pub cooperation_profile: Option<String>,
    /// Where the facts of this record come from.
    #[sea_orm(column_type = "Text")]
    pub source_note: Option<String>,
    /// `high`, `medium` or `low`: how sure the source is.
    pub confidence: Option<String>,
    /// Always empty: a check constraint refuses any secrecy mark.
    pub secrecy_level: Option<String>,
    /// When the record was deleted (soft); deleted records are invisible to reads.
    pub deleted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
