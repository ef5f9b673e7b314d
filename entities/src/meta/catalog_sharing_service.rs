//! Table `catalog_sharing_service`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_sharing_service")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// The row number in Appendix 2.
    pub position: i32,
    pub name_vi: String,
    pub name_en: String,
    pub provider_unit: String,
    pub api_address: Option<String>,
    pub content_vi: String,
    pub content_en: String,
    /// `default` or `special`.
    pub mode: String,
    pub mode_vi: String,
    pub data_standard_vi: String,
    pub data_standard_en: String,
    pub connection_model: Option<String>,
    /// `online` or `packaged`.
    pub method: String,
    pub method_vi: String,
    pub consumer_requirement_vi: String,
    pub consumer_requirement_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
