//! Viet Nam's UNESCO heritage and titles.

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
        let mut title = record_table("unesco_title");
        title
            .col(string("code").unique_key())
            .col(string("category"))
            .col(string("list_or_register"))
            .col(text("name_vi"))
            .col(text("name_en"))
            .col(integer("year"))
            .col(date_null("inscribed_on"))
            .col(string_null("heritage_type"))
            .col(text_null("provinces"))
            .col(text_null("notes"))
            .col(text_null("source_note"))
            .col(string_null("confidence"))
            .col(boolean("publishable").default(false));
        manager.create_table(finish_record(title)).await?;
        manager
            .create_index(index("unesco_title", &["category", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("unesco_title").take())
            .await
    }
}
