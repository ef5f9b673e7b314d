//! Partner clients and grants, revoked tokens, and the data-access audit log.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("partner_client")
                    .col(big_integer("id").auto_increment().primary_key())
                    .col(string("client_id").unique_key())
                    .col(string("agency_name"))
                    .col(string("secret_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("disabled_at"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("partner_grant")
                    .col(big_integer("id").auto_increment().primary_key())
                    .col(string("client_id"))
                    .col(string("service_code"))
                    .col(text("legal_basis"))
                    .col(timestamp_with_time_zone("granted_at"))
                    .col(timestamp_with_time_zone_null("expires_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_partner_grant_client")
                            .from("partner_grant", "client_id")
                            .to("partner_client", "client_id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(index("partner_grant", &["client_id", "service_code"]))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("revoked_token")
                    .col(string("jti").primary_key())
                    .col(timestamp_with_time_zone("revoked_at"))
                    .col(text("reason"))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("audit_entry")
                    .col(big_integer("id").auto_increment().primary_key())
                    .col(string("at"))
                    .col(string("request_id"))
                    .col(string("audience"))
                    .col(string_null("subject"))
                    .col(string_null("token_id"))
                    .col(string_null("client_or_unit"))
                    .col(string("operation_hash"))
                    .col(text("disclosed"))
                    .col(string("prev_hash"))
                    .col(string("hash").unique_key())
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "audit_entry",
            "revoked_token",
            "partner_grant",
            "partner_client",
        ] {
            manager
                .drop_table(Table::drop().table(table).take())
                .await?;
        }
        Ok(())
    }
}
