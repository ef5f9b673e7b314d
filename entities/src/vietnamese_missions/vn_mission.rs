//! Table `vn_mission`: an embassy, consulate general, permanent mission or office of Viet Nam.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "vn_mission")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// ISO 3166-1 alpha-2 of the host country (resolved in `country-profiles`).
    pub host_country_code: String,
    pub city: String,
    /// `embassy`, `consulate_general`, `permanent_mission`, `economic_cultural_office`.
    pub kind: String,
    pub name_vi: String,
    pub name_en: String,
    pub website: Option<String>,
    pub wikidata_id: Option<String>,
    pub source_note: Option<String>,
    pub confidence: Option<String>,
    pub publishable: bool,
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
