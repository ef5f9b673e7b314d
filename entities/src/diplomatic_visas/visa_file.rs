//! Table `visa_file`: a visa file handled by the Ministry (symbols NG1–NG4 and the other
//! categories it issues).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visa_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// File number.
    pub file_number: String,
    /// The visa symbol: `NG1`, `NG2`, `NG3`, `NG4`, …
    pub category: String,
    /// The applicant.
    #[sea_orm(column_type = "Text")]
    pub applicant_name: String,
    /// ISO code of the applicant's nationality.
    pub nationality_code: String,
    /// Passport number.
    pub passport_number: Option<String>,
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// The mission or agency that invites or hosts.
    #[sea_orm(column_type = "Text")]
    pub inviting_body: Option<String>,
    /// Purpose of the stay.
    #[sea_orm(column_type = "Text")]
    pub purpose: Option<String>,
    /// `in_person` or `online`.
    pub channel: String,
    /// Date submitted.
    pub submitted_on: Date,
    /// Date decided.
    pub decided_on: Option<Date>,
    /// `submitted`, `approved`, `refused`, `issued`.
    pub status: String,
    /// First day of the visa.
    pub valid_from: Option<Date>,
    /// Last day of the visa.
    pub valid_to: Option<Date>,
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
