//! Table `direction_item`: a document, rule, direction or assigned task of the direction and
//! administration database.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "direction_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `incoming_document`, `outgoing_document`, `legal_document`, `procedure`, `direction`,
    /// `task`.
    pub kind: String,
    /// Document number.
    pub number: Option<String>,
    /// The title, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub title_vi: String,
    /// The title, in English.
    #[sea_orm(column_type = "Text")]
    pub title_en: Option<String>,
    /// Summary, in Vietnamese.
    #[sea_orm(column_type = "Text")]
    pub summary_vi: Option<String>,
    /// Date of issue.
    pub issued_on: Option<Date>,
    /// Issuing unit or agency.
    pub issuing_unit: Option<String>,
    /// Unit the task is assigned to.
    pub assigned_unit: Option<String>,
    /// Deadline of the task.
    pub due_on: Option<Date>,
    /// `open`, `in_progress`, `done`, `overdue`.
    pub task_status: Option<String>,
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
