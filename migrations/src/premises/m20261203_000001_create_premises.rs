//! Land, a building or premises used by a unit or mission.

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
        let mut premise = record_table("premise");
        premise
            .col(string("unit_code"))
            .col(string("country_code"))
            .col(string("city"))
            .col(string("use_kind"))
            .col(string("tenure"))
            .col(double_null("land_area_m2"))
            .col(double_null("floor_area_m2"))
            .col(date_null("lease_expires_on"))
            .col(text_null("address"))
            .col(text_null("title_document"));
        manager.create_table(finish_record(premise)).await?;
        manager
            .create_index(index("premise", &["unit_code", "id"]))
            .await?;
        manager
            .create_index(index("premise", &["country_code", "id"]))
            .await?;
        manager
            .create_index(index("premise", &["tenure", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("premise").take())
            .await?;
        Ok(())
    }
}
