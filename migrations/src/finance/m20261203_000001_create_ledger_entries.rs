//! An accounting entry of a unit.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{finish_record, index, record_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut ledger_entry = record_table("ledger_entry");
        ledger_entry
            .col(string("unit_code"))
            .col(integer("fiscal_year"))
            .col(date("posted_on"))
            .col(string("account"))
            .col(text("description"))
            .col(big_integer("amount_minor"))
            .col(string("currency"))
            .col(string_null("document_ref"))
            .col(text_null("counterparty"));
        manager.create_table(finish_record(ledger_entry)).await?;
        manager
            .create_index(index("ledger_entry", &["unit_code", "id"]))
            .await?;
        manager
            .create_index(index("ledger_entry", &["fiscal_year", "id"]))
            .await?;
        manager
            .create_index(index("ledger_entry", &["account", "id"]))
            .await?;
        manager
            .create_index(index("ledger_entry", &["posted_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("ledger_entry").take())
            .await?;
        Ok(())
    }
}
