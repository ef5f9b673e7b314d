//! Table `chronicle_event`: a notable diplomatic event of the chronicle.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "chronicle_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Date of the event.
    pub occurred_on: Date,
    /// The event, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: String,
    /// The event, in English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// Main content, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub content_vi: Option<String>,
    /// The issue it concerns.
    pub issue: Option<String>,
    /// ISO codes of the countries concerned.
    #[sea_orm(column_type = "Text")]
    pub country_codes: Option<String>,
    /// Where the record of the event comes from.
    #[sea_orm(column_type = "Text")]
    pub source_ref: Option<String>,
    /// Notes.
    #[sea_orm(column_type = "Text")]
    pub notes: Option<String>,
    /// Unit that recorded the event.
    pub unit_code: String,
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
