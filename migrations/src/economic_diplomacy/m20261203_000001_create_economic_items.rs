//! An item of economic-diplomacy information.

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
        let mut economic_item = record_table("economic_item");
        economic_item
            .col(string("kind"))
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(text_null("summary_vi"))
            .col(text_null("summary_en"))
            .col(date_null("published_on"))
            .col(text_null("country_codes"))
            .col(string_null("url"))
            .col(text_null("working_notes"))
            .col(boolean("publishable").default(false))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(economic_item)).await?;
        manager
            .create_index(index("economic_item", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("economic_item", &["country_codes", "id"]))
            .await?;
        manager
            .create_index(index("economic_item", &["published_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("economic_item").take())
            .await?;
        Ok(())
    }
}
