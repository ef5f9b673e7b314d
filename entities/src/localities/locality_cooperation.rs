//! Table `locality_cooperation`: a plan, commitment or support task of the Ministry with a
//! province.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "locality_cooperation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Code of the province (since 2025).
    pub province_code: String,
    /// `master_plan`, `commitment`, `support_task`.
    pub kind: String,
    /// The plan, commitment or task, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: String,
    /// In English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// Unit in charge.
    pub mofa_unit: String,
    /// Date of the commitment.
    pub committed_on: Option<Date>,
    /// Deadline.
    pub due_on: Option<Date>,
    /// `open`, `in_progress`, `done`.
    pub status: String,
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
