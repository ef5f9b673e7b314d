//! Table `border_document`: a policy document, treaty, protocol or border line on Viet Nam's
//! borders and territory.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "border_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `policy`, `treaty`, `protocol`, `legal_instrument`, `border_line`.
    pub kind: String,
    /// The title, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: String,
    /// The title, in English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// ISO 3166-1 alpha-2 of the neighbouring country, for bilateral instruments and border lines.
    pub neighbour_country_code: Option<String>,
    /// Date of signature or issue.
    pub signed_on: Option<Date>,
    /// Date of entry into force or effect.
    pub effective_on: Option<Date>,
    /// Length of a border line, in kilometres.
    pub length_km: Option<f64>,
    /// Summary, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub summary_vi: Option<String>,
    /// Summary, in English.
    #[sea_orm(column_type = "Text")]
    pub summary_en: Option<String>,
    /// Where the full text is published.
    pub url: Option<String>,
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
