//! A Party member of the Ministry's Party Committee.

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
        let mut party_member = record_table("party_member");
        party_member
            .col(string_null("member_number"))
            .col(text_null("full_name"))
            .col(string("party_cell"))
            .col(string("unit_code"))
            .col(boolean("abroad").default(false))
            .col(string_null("residence_country_code"))
            .col(string("status"))
            .col(date_null("admitted_on"))
            .col(date_null("official_on"))
            .col(date_null("date_of_birth"))
            .col(string_null("ethnicity"))
            .col(string_null("religion"));
        manager.create_table(finish_record(party_member)).await?;
        manager
            .create_index(index("party_member", &["unit_code", "id"]))
            .await?;
        manager
            .create_index(index("party_member", &["abroad", "id"]))
            .await?;
        manager
            .create_index(index("party_member", &["status", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("party_member").take())
            .await?;
        Ok(())
    }
}
