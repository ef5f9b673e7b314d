//! A news item: the internal daily bulletin, agency news and mission reports, or an item published
//! on the portal or the sector newspaper.

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
        let mut news_item = record_table("news_item");
        news_item
            .col(string("channel"))
            .col(date("published_on"))
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(text_null("summary_vi"))
            .col(text_null("summary_en"))
            .col(text_null("body_vi"))
            .col(text_null("country_codes"))
            .col(text_null("media_refs"))
            .col(string_null("url"))
            .col(string_null("unit_code"))
            .col(boolean("publishable").default(false))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(news_item)).await?;
        manager
            .create_index(index("news_item", &["channel", "id"]))
            .await?;
        manager
            .create_index(index("news_item", &["country_codes", "id"]))
            .await?;
        manager
            .create_index(index("news_item", &["published_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("news_item").take())
            .await?;
        Ok(())
    }
}
