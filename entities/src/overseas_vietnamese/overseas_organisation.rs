//! Table `overseas_organisation`: an organisation or association of overseas Vietnamese.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "overseas_organisation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The name, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub name_vi: String,
    /// The name in the country's language.
    #[sea_orm(column_type = "Text")]
    pub name_original: Option<String>,
    /// `association`, `business`, `students`, `professional`, `cultural`, `religious`.
    pub kind: String,
    /// ISO code of the country.
    pub country_code: String,
    /// City.
    pub city: Option<String>,
    /// Year founded.
    pub founded_year: Option<i32>,
    /// Members, as estimated.
    pub members_estimate: Option<i32>,
    /// The leader.
    #[sea_orm(column_type = "Text")]
    pub leader_name: Option<String>,
    /// Contact e-mail.
    pub contact_email: Option<String>,
    /// Contact telephone.
    pub contact_phone: Option<String>,
    /// Notes.
    #[sea_orm(column_type = "Text")]
    pub notes: Option<String>,
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
