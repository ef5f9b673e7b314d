//! A document, rule, direction or assigned task of the direction and administration database.

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
        let mut direction_item = record_table("direction_item");
        direction_item
            .col(string("kind"))
            .col(string_null("number"))
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(text_null("summary_vi"))
            .col(date_null("issued_on"))
            .col(string_null("issuing_unit"))
            .col(string_null("assigned_unit"))
            .col(date_null("due_on"))
            .col(string_null("task_status"));
        manager.create_table(finish_record(direction_item)).await?;
        manager
            .create_index(index("direction_item", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("direction_item", &["assigned_unit", "id"]))
            .await?;
        manager
            .create_index(index("direction_item", &["task_status", "id"]))
            .await?;
        manager
            .create_index(index("direction_item", &["due_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("direction_item").take())
            .await?;
        Ok(())
    }
}
