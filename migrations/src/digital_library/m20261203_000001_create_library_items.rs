//! A document, research project, thesis, dissertation, article or journal issue of the digital
//! library.

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
        let mut library_item = record_table("library_item");
        library_item
            .col(string("kind"))
            .col(text_null("title_vi"))
            .col(text_null("title_en"))
            .col(text_null("authors"))
            .col(integer_null("year"))
            .col(string_null("subject"))
            .col(text_null("abstract_vi"))
            .col(text_null("abstract_en"))
            .col(string("access_level"))
            .col(string_null("url"))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(library_item)).await?;
        manager
            .create_index(index("library_item", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("library_item", &["year", "id"]))
            .await?;
        manager
            .create_index(index("library_item", &["subject", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("library_item").take())
            .await?;
        Ok(())
    }
}
