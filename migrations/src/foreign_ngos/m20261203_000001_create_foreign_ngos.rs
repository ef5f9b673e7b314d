//! A foreign non-governmental organisation registered to operate in Viet Nam.

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
        let mut foreign_ngo = record_table("foreign_ngo");
        foreign_ngo
            .col(text("name_en"))
            .col(text_null("name_vi"))
            .col(string_null("acronym"))
            .col(string("origin_country_code"))
            .col(string("registration_kind"))
            .col(string("permit_number"))
            .col(date_null("permit_issued_on"))
            .col(date_null("permit_valid_to"))
            .col(text_null("fields"))
            .col(text_null("province_codes"))
            .col(string_null("website"))
            .col(string("status"))
            .col(text_null("contact_person"))
            .col(string_null("contact_email"))
            .col(string_null("contact_phone"));
        manager.create_table(finish_record(foreign_ngo)).await?;
        manager
            .create_index(index("foreign_ngo", &["origin_country_code", "id"]))
            .await?;
        manager
            .create_index(index("foreign_ngo", &["province_codes", "id"]))
            .await?;
        manager
            .create_index(index("foreign_ngo", &["fields", "id"]))
            .await?;
        manager
            .create_index(index("foreign_ngo", &["registration_kind", "id"]))
            .await?;
        manager
            .create_index(index("foreign_ngo", &["permit_valid_to", "id"]))
            .await?;
        manager
            .create_index(index("foreign_ngo", &["status", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("foreign_ngo").take())
            .await?;
        Ok(())
    }
}
