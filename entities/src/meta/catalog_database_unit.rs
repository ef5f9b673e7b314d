//! Table `catalog_database_unit`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_database_unit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub database_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_code: String,
    /// `owner` (manages the data) or `operator` (runs the infrastructure).
    #[sea_orm(primary_key, auto_increment = false)]
    pub role: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
