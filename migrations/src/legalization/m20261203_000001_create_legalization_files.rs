//! A file of consular certification or legalisation.

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
        let mut legalization_file = record_table("legalization_file");
        legalization_file
            .col(string("file_number"))
            .col(string("procedure"))
            .col(text("applicant_name"))
            .col(string("applicant_kind"))
            .col(string_null("applicant_id_number"))
            .col(string("document_kind"))
            .col(string_null("document_country_code"))
            .col(string_null("destination_country_code"))
            .col(integer("copies"))
            .col(date("received_on"))
            .col(date_null("completed_on"))
            .col(string("status"))
            .col(big_integer_null("fee_vnd"));
        manager
            .create_table(finish_record(legalization_file))
            .await?;
        manager
            .create_index(index("legalization_file", &["procedure", "id"]))
            .await?;
        manager
            .create_index(index("legalization_file", &["status", "id"]))
            .await?;
        manager
            .create_index(index(
                "legalization_file",
                &["destination_country_code", "id"],
            ))
            .await?;
        manager
            .create_index(index("legalization_file", &["received_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("legalization_file").take())
            .await?;
        Ok(())
    }
}
