//! An international conference or seminar hosted or co-organised by the Ministry.

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
        let mut conference = record_table("conference");
        conference
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(string("kind"))
            .col(date("starts_on"))
            .col(date("ends_on"))
            .col(string_null("city"))
            .col(string_null("province_code"))
            .col(string("host_unit"))
            .col(text_null("co_organisers"))
            .col(integer_null("participants_count"))
            .col(text_null("country_codes"))
            .col(string("status"))
            .col(text_null("outcome_summary"));
        manager.create_table(finish_record(conference)).await?;
        manager
            .create_index(index("conference", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("conference", &["status", "id"]))
            .await?;
        manager
            .create_index(index("conference", &["province_code", "id"]))
            .await?;
        manager
            .create_index(index("conference", &["starts_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("conference").take())
            .await?;
        Ok(())
    }
}
