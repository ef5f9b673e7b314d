//! An issuance or renewal file of a diplomatic or official passport.

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
        let mut passport_file = record_table("passport_file");
        passport_file
            .col(string("file_number"))
            .col(string("passport_kind"))
            .col(string("action"))
            .col(text("holder_name"))
            .col(text_null("holder_agency"))
            .col(text_null("holder_position"))
            .col(date_null("holder_date_of_birth"))
            .col(string_null("passport_number"))
            .col(date("received_on"))
            .col(date_null("issued_on"))
            .col(date_null("expires_on"))
            .col(string_null("decision_ref"))
            .col(string_null("note_ref"))
            .col(string("status"));
        manager.create_table(finish_record(passport_file)).await?;
        manager
            .create_index(index("passport_file", &["passport_kind", "id"]))
            .await?;
        manager
            .create_index(index("passport_file", &["status", "id"]))
            .await?;
        manager
            .create_index(index("passport_file", &["received_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("passport_file").take())
            .await?;
        Ok(())
    }
}
