//! Table `catalog_service_source`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_service_source")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub service_code: String,
    #[sea_orm(primary_key, auto_increment = false)]
    /// A source code: a database of Appendix 1, or a source of its own (`diplomatic-corps`).
    pub source_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
