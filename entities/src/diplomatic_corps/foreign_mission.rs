//! Table `foreign_mission`: an embassy, consulate general or office of a foreign state in
//! Viet Nam.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "foreign_mission")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// ISO 3166-1 alpha-2 of the sending state (resolved in `country-profiles`).
    pub sending_country_code: String,
    /// `embassy`, `consulate_general`, `economic_cultural_office`.
    pub kind: String,
    pub city: String,
    pub name_vi: String,
    pub name_en: String,
    pub address: Option<String>,
    pub website: Option<String>,
    pub wikidata_id: Option<String>,
    pub head_of_mission: Option<String>,
    pub credentials_presented_on: Option<Date>,
    /// The mission's staff list as notified to the State Protocol Department.
    pub staff_list: Option<String>,
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
