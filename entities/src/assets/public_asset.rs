//! Table `public_asset`: a public asset held by a unit.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "public_asset")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Unit or mission holding the asset.
    pub unit_code: String,
    /// Inventory number.
    pub asset_number: String,
    /// `building`, `vehicle`, `equipment`, `it`, `other`.
    pub kind: String,
    /// Description.
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// Date of acquisition.
    pub acquired_on: Option<Date>,
    /// Original value, in the currency's minor unit.
    pub original_value_minor: Option<i64>,
    /// ISO 4217 currency code.
    pub currency: Option<String>,
    /// Where it is.
    #[sea_orm(column_type = "Text")]
    pub location: Option<String>,
    /// `in_use`, `idle`, `to_dispose`, `disposed`.
    pub condition: Option<String>,
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
