//! Table `economic_item`: an item of economic-diplomacy information.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "economic_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `direction`, `socio_economic`, `digital_economy`, `green_economy`, `finance`, `speech`.
    pub kind: String,
    /// The title, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: String,
    /// The title, in English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// Summary, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub summary_vi: Option<String>,
    /// Summary, in English.
    #[sea_orm(column_type = "Text")]
    pub summary_en: Option<String>,
    /// Date of issue or publication.
    pub published_on: Option<Date>,
    /// ISO codes of the countries concerned.
    #[sea_orm(column_type = "Text")]
    pub country_codes: Option<String>,
    /// Where the item is published.
    pub url: Option<String>,
    /// Working documents and notes of THKT.
    #[sea_orm(column_type = "Text")]
    pub working_notes: Option<String>,
    /// Whether the owning unit has published the record.
    pub publishable: bool,
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
