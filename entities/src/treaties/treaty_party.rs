//! Table `treaty_party`: a party to a treaty, a country (by ISO 3166-1 alpha-2 code, resolved
//! in `country-profiles`) or an international organisation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "treaty_party")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub treaty_id: i64,
    pub position: i32,
    /// The country, when the party is a state.
    pub country_code: Option<String>,
    /// The organisation's name, when the party is one (or a group such as "EU member states").
    pub organisation: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
