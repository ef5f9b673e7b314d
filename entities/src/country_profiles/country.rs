//! Table `country`: ISO 3166-1 countries and territories.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "country")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// ISO 3166-1 alpha-2.
    #[sea_orm(unique)]
    pub code: String,
    pub alpha3: String,
    pub numeric: String,
    pub name_en: String,
    pub official_name_en: Option<String>,
    pub name_vi: String,
    /// Date of diplomatic relations with Viet Nam, when a source states it reliably.
    pub relations_established_on: Option<Date>,
    /// The partnership framework (`CSP` comprehensive strategic, `SP` strategic, `CP`
    /// comprehensive), its Vietnamese name, and since when (`YYYY` or `YYYY-MM`).
    pub partnership_framework: Option<String>,
    pub partnership_framework_vi: Option<String>,
    pub partnership_since: Option<String>,
    pub profile_assessment: Option<String>,
    pub source_note: Option<String>,
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
