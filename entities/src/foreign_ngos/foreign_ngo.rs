//! Table `foreign_ngo`: a foreign non-governmental organisation registered to operate in Viet Nam.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "foreign_ngo")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The name, in English.
    #[sea_orm(column_type = "Text")]
    pub name_en: String,
    /// The name, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub name_vi: Option<String>,
    /// Acronym.
    pub acronym: Option<String>,
    /// ISO code of the country of origin.
    pub origin_country_code: String,
    /// `operation`, `project_office`, `representative_office`.
    pub registration_kind: String,
    /// Number of the registration permit.
    pub permit_number: String,
    /// Date the permit was issued.
    pub permit_issued_on: Option<Date>,
    /// Last day of the permit's validity.
    pub permit_valid_to: Option<Date>,
    /// Fields of activity.
    #[sea_orm(column_type = "Text")]
    pub fields: Option<String>,
    /// Codes of the provinces (since 2025) where it works.
    #[sea_orm(column_type = "Text")]
    pub province_codes: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// `active`, `expired`, `revoked`.
    pub status: String,
    /// Contact person in Viet Nam.
    #[sea_orm(column_type = "Text")]
    pub contact_person: Option<String>,
    /// Contact e-mail.
    pub contact_email: Option<String>,
    /// Contact telephone.
    pub contact_phone: Option<String>,
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
