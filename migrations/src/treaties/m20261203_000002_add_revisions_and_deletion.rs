//! Stewardship of `treaties`: the revisions of its records (who, unit, when, reason, before and
//! after), and soft deletion.

use sea_orm_migration::{prelude::*, schema::*};

use crate::columns::{revision_table, revision_table_name};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let (table, index) = revision_table("treaties");
        manager.create_table(table).await?;
        manager.create_index(index).await?;
        manager
            .alter_table(
                Table::alter()
                    .table("treaty")
                    .add_column(timestamp_with_time_zone_null("deleted_at"))
                    .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("treaty")
                    .drop_column("deleted_at")
                    .take(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(revision_table_name("treaties")).take())
            .await?;
        Ok(())
    }
}
