//! Table `catalog_decision`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_decision")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: String,
    pub issued_on: Date,
    pub issuer_vi: String,
    pub issuer_en: String,
    pub title_vi: String,
    pub title_en: String,
    pub signed_by_title_vi: String,
    pub signed_by_title_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
