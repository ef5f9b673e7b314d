//! Table `audit_entry`: the data-access audit log, append-only and hash-chained: each entry's
//! hash covers its content and the previous entry's hash, so an edited or removed entry breaks
//! the chain.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// RFC 3339 time of the disclosure.
    pub at: String,
    pub request_id: String,
    pub audience: String,
    pub subject: Option<String>,
    pub token_id: Option<String>,
    /// The partner client, or the staff member's unit.
    pub client_or_unit: Option<String>,
    /// SHA-256 of the operation's document.
    pub operation_hash: String,
    /// `Type.field` disclosed, with how many values of each: JSON object.
    pub disclosed: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
