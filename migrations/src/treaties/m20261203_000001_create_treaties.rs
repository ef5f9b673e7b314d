//! Treaties, their parties and participants' actions.

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
        let mut treaty = record_table("treaty");
        treaty
            .col(string("number").unique_key())
            .col(text("title_vi"))
            .col(text("title_en"))
            .col(string_null("short_name"))
            .col(string("kind"))
            .col(string_null("level"))
            .col(boolean("bilateral"))
            .col(date_null("signed_on"))
            .col(string_null("signed_at"))
            .col(string_null("signatory"))
            .col(string_null("signatory_capacity"))
            .col(date_null("entry_into_force"))
            .col(date_null("entry_into_force_for_vn"))
            .col(string("status"))
            .col(text_null("status_note"))
            .col(string_null("depositary"))
            .col(string_null("languages"))
            .col(string_null("un_registration_number"))
            .col(text_null("full_text"))
            .col(text_null("implementing_agencies"))
            .col(text_null("implementation_reports"))
            .col(text_null("negotiation_notes"))
            .col(text_null("internal_assessment"))
            .col(text_null("source_note"))
            .col(string_null("confidence"))
            .col(boolean("publishable").default(false));
        manager.create_table(finish_record(treaty)).await?;
        manager
            .create_index(index("treaty", &["status", "id"]))
            .await?;

        let mut party = record_table("treaty_party");
        party
            .col(big_integer("treaty_id"))
            .col(integer("position"))
            .col(string_null("country_code"))
            .col(string_null("organisation"))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_treaty_party_treaty")
                    .from("treaty_party", "treaty_id")
                    .to("treaty", "id")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        manager.create_table(finish_record(party)).await?;
        manager
            .create_index(index("treaty_party", &["treaty_id", "position"]))
            .await?;
        manager
            .create_index(index("treaty_party", &["country_code"]))
            .await?;

        let mut action = record_table("treaty_action");
        action
            .col(big_integer("treaty_id"))
            .col(string("participant_code"))
            .col(string("action"))
            .col(date_null("action_on"))
            .col(text_null("note"))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_treaty_action_treaty")
                    .from("treaty_action", "treaty_id")
                    .to("treaty", "id")
                    .on_delete(ForeignKeyAction::Cascade),
            );
        manager.create_table(finish_record(action)).await?;
        manager
            .create_index(index("treaty_action", &["treaty_id", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["treaty_action", "treaty_party", "treaty"] {
            manager
                .drop_table(Table::drop().table(table).take())
                .await?;
        }
        Ok(())
    }
}
