//! A partner grant may carry its own quota: the requests per minute its client may send, in
//! place of the partner audience's default.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("partner_grant")
                    .add_column(integer_null("requests_per_minute"))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("partner_grant")
                    .drop_column("requests_per_minute")
                    .take(),
            )
            .await
    }
}
