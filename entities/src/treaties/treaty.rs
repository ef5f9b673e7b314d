//! Table `treaty`. Columns that are not open to everyone are nullable, so that a query made for
//! a caller who may not read them selects `NULL` in their place and never the column itself.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "treaty")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The register number (`T001`, …).
    #[sea_orm(unique)]
    pub number: String,
    pub title_vi: String,
    pub title_en: String,
    pub short_name: Option<String>,
    /// `charter`, `convention`, `agreement`, `treaty`, `protocol`, `covenant`, `amendment`,
    /// `memorandum`, `exchange_of_notes`, `other`.
    pub kind: String,
    /// `state` or `government`, when known.
    pub level: Option<String>,
    pub bilateral: bool,
    pub signed_on: Option<Date>,
    pub signed_at: Option<String>,
    pub signatory: Option<String>,
    pub signatory_capacity: Option<String>,
    /// Entry into force in general.
    pub entry_into_force: Option<Date>,
    pub entry_into_force_for_vn: Option<Date>,
    /// `negotiating`, `signed`, `in_force`, `suspended`, `terminated`, `expired`.
    pub status: String,
    pub status_note: Option<String>,
    pub depositary: Option<String>,
    pub languages: Option<String>,
    pub un_registration_number: Option<String>,
    pub full_text: Option<String>,
    pub implementing_agencies: Option<String>,
    pub implementation_reports: Option<String>,
    pub negotiation_notes: Option<String>,
    pub internal_assessment: Option<String>,
    /// Where the record's facts come from, and how sure they are (`high`, `medium`, `low`).
    pub source_note: Option<String>,
    pub confidence: Option<String>,
    pub publishable: bool,
    /// A state-secret level (Mật, Tối mật, Tuyệt mật). Stored rows never carry one (a check
    /// constraint refuses it); row rules still test it.
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
