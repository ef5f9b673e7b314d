//! Table `treaty_action`: what a participant did about a treaty, and when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "treaty_action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub treaty_id: i64,
    /// The participant: a country's ISO 3166-1 alpha-2 code.
    pub participant_code: String,
    /// `signature`, `ratification`, `approval`, `acceptance`, `accession`, `succession`,
    /// `admission`, `reservation`, `withdrawal`.
    pub action: String,
    pub action_on: Option<Date>,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
