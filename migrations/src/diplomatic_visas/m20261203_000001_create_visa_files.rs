//! A visa file handled by the Ministry (symbols NG1–NG4 and the other categories it issues).

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
        let mut visa_file = record_table("visa_file");
        visa_file
            .col(string("file_number"))
            .col(string("category"))
            .col(text("applicant_name"))
            .col(string("nationality_code"))
            .col(string_null("passport_number"))
            .col(date_null("date_of_birth"))
            .col(text_null("inviting_body"))
            .col(text_null("purpose"))
            .col(string("channel"))
            .col(date("submitted_on"))
            .col(date_null("decided_on"))
            .col(string("status"))
            .col(date_null("valid_from"))
            .col(date_null("valid_to"));
        manager.create_table(finish_record(visa_file)).await?;
        manager
            .create_index(index("visa_file", &["status", "id"]))
            .await?;
        manager
            .create_index(index("visa_file", &["category", "id"]))
            .await?;
        manager
            .create_index(index("visa_file", &["nationality_code", "id"]))
            .await?;
        manager
            .create_index(index("visa_file", &["submitted_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("visa_file").take())
            .await?;
        Ok(())
    }
}
