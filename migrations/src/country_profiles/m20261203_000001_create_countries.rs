//! Countries and their relations with Viet Nam.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{finish_record, record_table};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut country = record_table("country");
        country
            .col(string("code").unique_key())
            .col(string("alpha3").unique_key())
            .col(string("numeric"))
            .col(string("name_en"))
            .col(string_null("official_name_en"))
            .col(string("name_vi"))
            .col(date_null("relations_established_on"))
            .col(string_null("partnership_framework"))
            .col(string_null("partnership_framework_vi"))
            .col(string_null("partnership_since"))
            .col(text_null("profile_assessment"))
            .col(text_null("source_note"));
        manager.create_table(finish_record(country)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("country").take())
            .await
    }
}
