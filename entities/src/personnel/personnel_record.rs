//! Table `personnel_record`. Every column but the key is nullable: none is open to everyone.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "personnel_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub staff_number: String,
    pub full_name: Option<String>,
    /// The unit the person works in (a unit code of the catalogue).
    pub unit_code: Option<String>,
    pub position_title: Option<String>,
    /// Civil-service rank (ngạch) and grade (bậc).
    pub civil_service_rank: Option<String>,
    pub salary_grade: Option<i32>,
    pub work_email: Option<String>,
    pub date_of_birth: Option<Date>,
    pub gender: Option<String>,
    pub home_address: Option<String>,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    pub party_member_since: Option<Date>,
    pub health_status: Option<String>,
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
