//! A public asset held by a unit.

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
        let mut public_asset = record_table("public_asset");
        public_asset
            .col(string("unit_code"))
            .col(string("asset_number"))
            .col(string("kind"))
            .col(text("description"))
            .col(date_null("acquired_on"))
            .col(big_integer_null("original_value_minor"))
            .col(string_null("currency"))
            .col(text_null("location"))
            .col(string_null("condition"));
        manager.create_table(finish_record(public_asset)).await?;
        manager
            .create_index(index("public_asset", &["unit_code", "id"]))
            .await?;
        manager
            .create_index(index("public_asset", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("public_asset", &["condition", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("public_asset").take())
            .await?;
        Ok(())
    }
}
