//! Personnel records.

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
        let mut record = record_table("personnel_record");
        record
            .col(string("staff_number").unique_key())
            .col(string_null("full_name"))
            .col(string_null("unit_code"))
            .col(string_null("position_title"))
            .col(string_null("civil_service_rank"))
            .col(integer_null("salary_grade"))
            .col(string_null("work_email"))
            .col(date_null("date_of_birth"))
            .col(string_null("gender"))
            .col(text_null("home_address"))
            .col(string_null("ethnicity"))
            .col(string_null("religion"))
            .col(date_null("party_member_since"))
            .col(text_null("health_status"));
        manager.create_table(finish_record(record)).await?;
        manager
            .create_index(index("personnel_record", &["unit_code", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("personnel_record").take())
            .await
    }
}
