//! Table `visa_exemption`: an exemption from the Vietnamese visa for citizens of one country.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "visa_exemption")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// ISO 3166-1 alpha-2 of the country whose citizens are exempted.
    pub country_code: String,
    /// `unilateral`, `bilateral_ordinary`, `bilateral_official`, `special_zone`, `special_category`.
    pub exemption_type: String,
    /// The passports it covers, as worded (`all`, `diplomatic;official`, …).
    pub passport_types: String,
    /// The longest stay, as worded (`45 days`, `no limit specified`).
    pub max_stay: String,
    pub max_stay_days: Option<i32>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub legal_basis: Option<String>,
    pub legal_basis_date: Option<Date>,
    /// `in_force`, `superseded`, `expired`.
    pub status: String,
    pub status_note: Option<String>,
    pub source_note: Option<String>,
    pub confidence: Option<String>,
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
