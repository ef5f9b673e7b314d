//! Table `catalog_dataset_source`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_dataset_source")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub dataset_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub source_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
