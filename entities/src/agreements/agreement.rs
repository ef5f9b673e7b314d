//! Table `agreement`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agreement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub number: String,
    pub title_vi: String,
    pub title_en: String,
    /// The Vietnamese party, and its level: `national_assembly_body`, `government_agency`,
    /// `ministry`, `province`, `central_body_of_organisation`.
    pub vn_party: String,
    pub vn_party_level: String,
    pub foreign_party: String,
    /// `state_agency`, `province`, `international_organisation`, `other`.
    pub foreign_party_kind: String,
    pub foreign_country_code: Option<String>,
    pub field: String,
    pub signed_on: Option<Date>,
    pub effective_on: Option<Date>,
    pub expires_on: Option<Date>,
    /// `negotiating`, `signed`, `in_force`, `suspended`, `terminated`, `expired`.
    pub status: String,
    pub full_record: Option<String>,
    pub copies_received: Option<String>,
    pub annual_reports: Option<String>,
    pub source_note: Option<String>,
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
