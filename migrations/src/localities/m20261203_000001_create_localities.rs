//! The tables of `localities`.

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
        let mut province = record_table("province");
        province
            .col(string("code"))
            .col(text("name_vi"))
            .col(text("name_vi_full"))
            .col(text("name_en"))
            .col(string("kind_vi"))
            .col(string("kind_en"))
            .col(string_null("iso_3166_2"))
            .col(date_null("valid_from"))
            .col(date_null("valid_to"))
            .col(text_null("merged_from_codes"))
            .col(string_null("merged_into_code"))
            .col(integer_null("wards_count"))
            .col(text_null("cooperation_profile"))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(province)).await?;
        manager
            .create_index(index("province", &["valid_to", "id"]))
            .await?;
        manager
            .create_index(index("province", &["code", "id"]))
            .await?;
        let mut locality_cooperation = record_table("locality_cooperation");
        locality_cooperation
            .col(string("province_code"))
            .col(string("kind"))
            .col(text("title_vi"))
            .col(text_null("title_en"))
            .col(string("mofa_unit"))
            .col(date_null("committed_on"))
            .col(date_null("due_on"))
            .col(string("status"))
            .col(text_null("notes"));
        manager
            .create_table(finish_record(locality_cooperation))
            .await?;
        manager
            .create_index(index("locality_cooperation", &["province_code", "id"]))
            .await?;
        manager
            .create_index(index("locality_cooperation", &["kind", "id"]))
            .await?;
        manager
            .create_index(index("locality_cooperation", &["status", "id"]))
            .await?;
        manager
            .create_index(index("locality_cooperation", &["mofa_unit", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("locality_cooperation").take())
            .await?;
        manager
            .drop_table(Table::drop().table("province").take())
            .await?;
        Ok(())
    }
}
