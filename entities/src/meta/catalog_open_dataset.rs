//! Table `catalog_open_dataset`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_open_dataset")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// The row number in Appendix 3.
    pub position: i32,
    pub name_vi: String,
    pub name_en: String,
    pub description_vi: String,
    pub description_en: String,
    pub provider_unit: String,
    pub first_published_vi: String,
    pub first_published_year: i32,
    pub first_published_planned: bool,
    pub frequency_vi: String,
    pub frequency_en: String,
    pub website: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
