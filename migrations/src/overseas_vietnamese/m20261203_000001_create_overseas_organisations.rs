//! An organisation or association of overseas Vietnamese.

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
        let mut overseas_organisation = record_table("overseas_organisation");
        overseas_organisation
            .col(text("name_vi"))
            .col(text_null("name_original"))
            .col(string("kind"))
            .col(string("country_code"))
            .col(string_null("city"))
            .col(integer_null("founded_year"))
            .col(integer_null("members_estimate"))
            .col(text_null("leader_name"))
            .col(string_null("contact_email"))
            .col(string_null("contact_phone"))
            .col(text_null("notes"));
        manager
            .create_table(finish_record(overseas_organisation))
            .await?;
        manager
            .create_index(index("overseas_organisation", &["country_code", "id"]))
            .await?;
        manager
            .create_index(index("overseas_organisation", &["kind", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("overseas_organisation").take())
            .await?;
        Ok(())
    }
}
