//! Table `party_member`: a Party member of the Ministry's Party Committee.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "party_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Party card number.
    pub member_number: Option<String>,
    /// Full name.
    #[sea_orm(column_type = "Text")]
    pub full_name: Option<String>,
    /// Party cell (chi bộ).
    pub party_cell: String,
    /// Unit where the member works.
    pub unit_code: String,
    /// Whether the member's Party activity and residence are abroad.
    pub abroad: bool,
    /// ISO code of the country of residence, when abroad.
    pub residence_country_code: Option<String>,
    /// `active`, `transferred_in`, `transferred_out`.
    pub status: String,
    /// Date of admission.
    pub admitted_on: Option<Date>,
    /// Date of becoming an official member.
    pub official_on: Option<Date>,
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// Ethnicity.
    pub ethnicity: Option<String>,
    /// Religion.
    pub religion: Option<String>,
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
