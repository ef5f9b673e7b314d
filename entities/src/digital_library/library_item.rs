//! Table `library_item`: a document, research project, thesis, dissertation, article or journal
//! issue of the digital library.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "library_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `document`, `research_project`, `thesis`, `dissertation`, `article`, `journal`.
    pub kind: String,
    /// The title, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: Option<String>,
    /// The title, in English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// Authors, `;`-separated.
    #[sea_orm(column_type = "Text")]
    pub authors: Option<String>,
    /// Year of publication or defence.
    pub year: Option<i32>,
    /// Subject heading.
    pub subject: Option<String>,
    /// Abstract, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub abstract_vi: Option<String>,
    /// Abstract, in English.
    #[sea_orm(column_type = "Text")]
    pub abstract_en: Option<String>,
    /// `open` or `internal`.
    pub access_level: String,
    /// Where the digitised item is.
    pub url: Option<String>,
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
