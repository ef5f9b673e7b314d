//! Table `privilege_rule`: a rule on privileges and immunities and the organisation or mission
//! category it covers.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "privilege_rule")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `diplomatic_mission`, `consular_post`, `international_organisation`, `un_agency`.
    pub covered_kind: String,
    /// Who the rule covers, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub covered_name_vi: String,
    /// Who the rule covers, in English.
    #[sea_orm(column_type = "Text")]
    pub covered_name_en: Option<String>,
    /// The covered organisation's acronym.
    pub covered_acronym: Option<String>,
    /// The instrument that grants the privileges, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub legal_basis_vi: String,
    /// The instrument that grants the privileges, in English.
    #[sea_orm(column_type = "Text")]
    pub legal_basis_en: Option<String>,
    /// Date of the instrument.
    pub instrument_date: Option<Date>,
    /// What the rule grants, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub summary_vi: Option<String>,
    /// What the rule grants, in English.
    #[sea_orm(column_type = "Text")]
    pub summary_en: Option<String>,
    /// `in_force`, `superseded`.
    pub status: String,
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
