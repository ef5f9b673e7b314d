//! The foreign diplomatic missions in Viet Nam.

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
        let mut mission = record_table("foreign_mission");
        mission
            .col(string("sending_country_code"))
            .col(string("kind"))
            .col(string("city"))
            .col(string("name_vi"))
            .col(string("name_en"))
            .col(text_null("address"))
            .col(string_null("website"))
            .col(string_null("wikidata_id"))
            .col(string_null("head_of_mission"))
            .col(date_null("credentials_presented_on"))
            .col(text_null("staff_list"))
            .col(text_null("source_note"))
            .col(string_null("confidence"))
            .col(boolean("publishable").default(false));
        manager.create_table(finish_record(mission)).await?;
        manager
            .create_index(index("foreign_mission", &["sending_country_code", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("foreign_mission").take())
            .await
    }
}
