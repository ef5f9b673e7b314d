//! A policy document, treaty, protocol or border line on Viet Nam's borders and territory.

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
        let mut border_document = record_table("border_document");
        border_document
            .col(string("kind"))
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(string_null("neighbour_country_code"))
            .col(date_null("signed_on"))
            .col(date_null("effective_on"))
            .col(double_null("length_km"))
            .col(text_null("summary_vi"))
            .col(text_null("summary_en"))
            .col(string_null("url"))
            .col(boolean("publishable").default(false))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(border_document)).await?;
        manager
            .create_index(index("border_document", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("border_document", &["neighbour_country_code", "id"]))
            .await?;
        manager
            .create_index(index("border_document", &["signed_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("border_document").take())
            .await?;
        Ok(())
    }
}
