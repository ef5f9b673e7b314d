//! Table `award`: an award: a State award conferred on a foreign or overseas-Vietnamese recipient
//! on MOFA's proposal (`foreign`), or an emulation or commendation title within the sector
//! (`domestic`).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "award")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `foreign` (published as open data) or `domestic` (internal).
    pub scope: String,
    /// The recipient, as named in the decision.
    #[sea_orm(column_type = "Text")]
    pub recipient_name: String,
    /// `individual` or `collective`.
    pub recipient_kind: String,
    /// ISO code of the recipient's nationality or seat.
    pub recipient_country_code: Option<String>,
    /// Whether the recipient is an overseas Vietnamese.
    pub overseas_vietnamese: bool,
    /// The award, in Vietnamese (Huân chương Hữu nghị, …).
    #[sea_orm(column_type = "Text")]
    pub award_vi: String,
    /// The award, in English.
    #[sea_orm(column_type = "Text")]
    pub award_en: Option<String>,
    /// Number of the conferring decision.
    pub decision_number: Option<String>,
    /// Date of the decision.
    pub decided_on: Option<Date>,
    /// `president`, `prime_minister`, `minister`.
    pub decided_by: Option<String>,
    /// Unit that proposed the award.
    pub proposed_by: Option<String>,
    /// The citation, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub citation_vi: Option<String>,
    /// Notes of the emulation council.
    #[sea_orm(column_type = "Text")]
    pub internal_notes: Option<String>,
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
