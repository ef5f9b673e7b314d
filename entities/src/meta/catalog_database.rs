//! Table `catalog_database`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_database")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// The row number in Appendix 1.
    pub position: i32,
    /// `I` (direction, administration) or `II` (professional work).
    pub group_code: String,
    pub group_name_vi: String,
    pub group_name_en: String,
    pub name_vi: String,
    pub name_en: String,
    pub purpose_vi: String,
    pub purpose_en: String,
    pub content_vi: String,
    pub content_en: String,
    pub collection_vi: String,
    pub collection_en: String,
    pub default_sharing_vi: String,
    pub default_sharing_en: String,
    pub owner_note_vi: String,
    pub owner_note_en: String,
    pub timeline_vi: Option<String>,
    pub timeline_en: Option<String>,
    pub notes_vi: Option<String>,
    pub notes_en: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
