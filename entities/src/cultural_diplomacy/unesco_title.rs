//! Table `unesco_title`: a UNESCO inscription of Viet Nam (World Heritage, intangible and
//! documentary heritage, biosphere reserves, global geoparks).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unesco_title")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The register code (`WH01`, …).
    #[sea_orm(unique)]
    pub code: String,
    /// `world_heritage`, `intangible_heritage`, `documentary_heritage`, `biosphere_reserve`,
    /// `global_geopark`.
    pub category: String,
    /// The UNESCO list or register, as named by UNESCO.
    pub list_or_register: String,
    pub name_vi: String,
    pub name_en: String,
    pub year: i32,
    pub inscribed_on: Option<Date>,
    /// `cultural`, `natural`, `mixed` (World Heritage only).
    pub heritage_type: Option<String>,
    /// The provinces after the 2025 reorganisation, `; `-separated.
    pub provinces: Option<String>,
    pub notes: Option<String>,
    pub source_note: Option<String>,
    pub confidence: Option<String>,
    pub publishable: bool,
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
