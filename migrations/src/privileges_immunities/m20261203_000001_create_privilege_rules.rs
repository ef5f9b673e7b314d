//! A rule on privileges and immunities and the organisation or mission category it covers.

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
        let mut privilege_rule = record_table("privilege_rule");
        privilege_rule
            .col(string("covered_kind"))
            .col(text("covered_name_vi"))
            .col(text_null("covered_name_en"))
            .col(string_null("covered_acronym"))
            .col(text("legal_basis_vi"))
            .col(text_null("legal_basis_en"))
            .col(date_null("instrument_date"))
            .col(text_null("summary_vi"))
            .col(text_null("summary_en"))
            .col(string("status"))
            .col(boolean("publishable").default(false))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(privilege_rule)).await?;
        manager
            .create_index(index("privilege_rule", &["covered_kind", "id"]))
            .await?;
        manager
            .create_index(index("privilege_rule", &["status", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("privilege_rule").take())
            .await?;
        Ok(())
    }
}
