//! Table `ledger_entry`: an accounting entry of a unit.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Unit or mission whose books hold the entry.
    pub unit_code: String,
    /// Fiscal year.
    pub fiscal_year: i32,
    /// Date of posting.
    pub posted_on: Date,
    /// Account number of the chart of accounts.
    pub account: String,
    /// What the entry is for.
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// Amount, in the currency's minor unit.
    pub amount_minor: i64,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Reference of the supporting document.
    pub document_ref: Option<String>,
    /// The payee or payer (personal when a person).
    #[sea_orm(column_type = "Text")]
    pub counterparty: Option<String>,
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
