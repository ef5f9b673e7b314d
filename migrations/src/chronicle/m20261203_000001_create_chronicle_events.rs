//! A notable diplomatic event of the chronicle.

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
        let mut chronicle_event = record_table("chronicle_event");
        chronicle_event
            .col(date("occurred_on"))
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(text_null("content_vi"))
            .col(string_null("issue"))
            .col(text_null("country_codes"))
            .col(text_null("source_ref"))
            .col(text_null("notes"))
            .col(string("unit_code"));
        manager.create_table(finish_record(chronicle_event)).await?;
        manager
            .create_index(index("chronicle_event", &["country_codes", "id"]))
            .await?;
        manager
            .create_index(index("chronicle_event", &["occurred_on", "id"]))
            .await?;
        manager
            .create_index(index("chronicle_event", &["unit_code", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("chronicle_event").take())
            .await?;
        Ok(())
    }
}
