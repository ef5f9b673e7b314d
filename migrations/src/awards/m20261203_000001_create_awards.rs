//! An award: a State award conferred on a foreign or overseas-Vietnamese recipient on MOFA's
//! proposal (`foreign`), or an emulation or commendation title within the sector (`domestic`).

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
        let mut award = record_table("award");
        award
            .col(string("scope"))
            .col(text("recipient_name"))
            .col(string("recipient_kind"))
            .col(string_null("recipient_country_code"))
            .col(boolean("overseas_vietnamese").default(false))
            .col(text("award_vi"))
            .col(text_null("award_en"))
            .col(string_null("decision_number"))
            .col(date_null("decided_on"))
            .col(string_null("decided_by"))
            .col(string_null("proposed_by"))
            .col(text_null("citation_vi"))
            .col(text_null("internal_notes"))
            .col(boolean("publishable").default(false))
            .col(text_null("source_note"))
            .col(string_null("confidence"));
        manager.create_table(finish_record(award)).await?;
        manager
            .create_index(index("award", &["scope", "id"]))
            .await?;
        manager
            .create_index(index("award", &["recipient_country_code", "id"]))
            .await?;
        manager
            .create_index(index("award", &["decided_on", "id"]))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("award").take())
            .await?;
        Ok(())
    }
}
