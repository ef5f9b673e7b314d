//! Visa exemptions.

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
        let mut exemption = record_table("visa_exemption");
        exemption
            .col(string("country_code"))
            .col(string("exemption_type"))
            .col(string("passport_types"))
            .col(string("max_stay"))
            .col(integer_null("max_stay_days"))
            .col(date_null("valid_from"))
            .col(date_null("valid_to"))
            .col(text_null("legal_basis"))
            .col(date_null("legal_basis_date"))
            .col(string("status"))
            .col(text_null("status_note"))
            .col(text_null("source_note"))
            .col(string_null("confidence"))
            .col(boolean("publishable").default(false));
        manager.create_table(finish_record(exemption)).await?;
        manager
            .create_index(index("visa_exemption", &["country_code", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("visa_exemption").take())
            .await
    }
}
