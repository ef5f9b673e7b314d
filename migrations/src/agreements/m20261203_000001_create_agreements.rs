//! International agreements (thỏa thuận quốc tế).

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
        let mut agreement = record_table("agreement");
        agreement
            .col(string("number").unique_key())
            .col(text("title_vi"))
            .col(text("title_en"))
            .col(string("vn_party"))
            .col(string("vn_party_level"))
            .col(string("foreign_party"))
            .col(string("foreign_party_kind"))
            .col(string_null("foreign_country_code"))
            .col(string("field"))
            .col(date_null("signed_on"))
            .col(date_null("effective_on"))
            .col(date_null("expires_on"))
            .col(string("status"))
            .col(text_null("full_record"))
            .col(text_null("copies_received"))
            .col(text_null("annual_reports"))
            .col(text_null("source_note"))
            .col(boolean("publishable").default(false));
        manager.create_table(finish_record(agreement)).await?;
        manager
            .create_index(index("agreement", &["status", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("agreement").take())
            .await
    }
}
