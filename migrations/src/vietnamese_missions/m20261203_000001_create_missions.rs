//! Viet Nam's missions abroad.

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
        let mut mission = record_table("vn_mission");
        mission
            .col(string("host_country_code"))
            .col(string("city"))
            .col(string("kind"))
            .col(string("name_vi"))
            .col(string("name_en"))
            .col(string_null("website"))
            .col(string_null("wikidata_id"))
            .col(text_null("source_note"))
            .col(string_null("confidence"))
            .col(boolean("publishable").default(false));
        manager.create_table(finish_record(mission)).await?;
        manager
            .create_index(index("vn_mission", &["host_country_code", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("vn_mission").take())
            .await
    }
}
