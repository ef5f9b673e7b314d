//! Table `premise`: land, a building or premises used by a unit or mission.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "premise")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Unit or mission using it.
    pub unit_code: String,
    /// ISO code of the country where it is.
    pub country_code: String,
    /// City.
    pub city: String,
    /// `chancery`, `residence`, `office`, `staff_housing`, `land`.
    pub use_kind: String,
    /// `owned`, `leased`, `allocated`.
    pub tenure: String,
    /// Land area, in square metres.
    pub land_area_m2: Option<f64>,
    /// Floor area, in square metres.
    pub floor_area_m2: Option<f64>,
    /// End of the lease.
    pub lease_expires_on: Option<Date>,
    /// Street address (kept to QTTV for the security of missions).
    #[sea_orm(column_type = "Text")]
    pub address: Option<String>,
    /// Title deed or lease reference.
    #[sea_orm(column_type = "Text")]
    pub title_document: Option<String>,
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
