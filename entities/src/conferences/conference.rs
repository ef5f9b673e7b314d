//! Table `conference`: an international conference or seminar hosted or co-organised by the
//! Ministry.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "conference")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The title, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: String,
    /// The title, in English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// `conference`, `seminar`, `workshop`, `forum`.
    pub kind: String,
    /// First day.
    pub starts_on: Date,
    /// Last day.
    pub ends_on: Date,
    /// City.
    pub city: Option<String>,
    /// Code of the province (since 2025) where it was held.
    pub province_code: Option<String>,
    /// Host unit.
    pub host_unit: String,
    /// Co-organisers.
    #[sea_orm(column_type = "Text")]
    pub co_organisers: Option<String>,
    /// Number of participants.
    pub participants_count: Option<i32>,
    /// ISO codes of the participating countries.
    #[sea_orm(column_type = "Text")]
    pub country_codes: Option<String>,
    /// `planned`, `held`, `cancelled`.
    pub status: String,
    /// Outcome.
    #[sea_orm(column_type = "Text")]
    pub outcome_summary: Option<String>,
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
