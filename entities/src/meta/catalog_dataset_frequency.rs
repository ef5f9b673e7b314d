//! Table `catalog_dataset_frequency`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_dataset_frequency")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub dataset_code: String,
    /// A code of the EU frequency vocabulary (`DAILY`, `QUARTERLY`, `IRREG`, …).
    #[sea_orm(primary_key, auto_increment = false)]
    pub eu_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
