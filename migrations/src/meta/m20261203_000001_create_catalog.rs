//! The catalogue of Decision 3021/QĐ-BNG as tables: units, databases (Appendix 1), sharing
//! services (Appendix 2), open datasets (Appendix 3) and the relations between them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables in creation order; dropped in reverse.
const TABLES: [&str; 9] = [
    "catalog_decision",
    "catalog_unit",
    "catalog_database",
    "catalog_database_unit",
    "catalog_sharing_service",
    "catalog_service_source",
    "catalog_open_dataset",
    "catalog_dataset_frequency",
    "catalog_dataset_source",
];

fn bilingual(table: &mut TableCreateStatement, stem: &str) {
    table
        .col(text(format!("{stem}_vi")))
        .col(text(format!("{stem}_en")));
}

fn foreign_key(from: &str, column: &str, to: &str, to_column: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from}_{column}"))
        .from(from.to_owned(), column.to_owned())
        .to(to.to_owned(), to_column.to_owned())
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // SQLite and PostgreSQL both roll DDL back, so a failed step leaves nothing half-made.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut decision = Table::create()
            .table("catalog_decision")
            .col(string("number").primary_key())
            .col(date("issued_on"))
            .take();
        for stem in ["issuer", "title", "signed_by_title"] {
            bilingual(&mut decision, stem);
        }

        let mut unit = Table::create()
            .table("catalog_unit")
            .col(string("code").primary_key())
            .col(integer("position"))
            .take();
        bilingual(&mut unit, "name");

        let mut database = Table::create()
            .table("catalog_database")
            .col(string("code").primary_key())
            .col(integer("position"))
            .col(string("group_code"))
            .take();
        for stem in [
            "group_name",
            "name",
            "purpose",
            "content",
            "collection",
            "default_sharing",
            "owner_note",
        ] {
            bilingual(&mut database, stem);
        }
        for column in ["timeline_vi", "timeline_en", "notes_vi", "notes_en"] {
            database.col(text_null(column));
        }

        let database_unit = Table::create()
            .table("catalog_database_unit")
            .col(string("database_code"))
            .col(string("unit_code"))
            .col(string("role"))
            .primary_key(
                Index::create()
                    .col("database_code")
                    .col("unit_code")
                    .col("role"),
            )
            .foreign_key(&mut foreign_key(
                "catalog_database_unit",
                "database_code",
                "catalog_database",
                "code",
            ))
            .foreign_key(&mut foreign_key(
                "catalog_database_unit",
                "unit_code",
                "catalog_unit",
                "code",
            ))
            .take();

        let mut service = Table::create()
            .table("catalog_sharing_service")
            .col(string("code").primary_key())
            .col(integer("position"))
            .col(string("provider_unit"))
            .col(string_null("api_address"))
            .col(string("mode"))
            .col(string("mode_vi"))
            .col(string_null("connection_model"))
            .col(string("method"))
            .col(string("method_vi"))
            .foreign_key(&mut foreign_key(
                "catalog_sharing_service",
                "provider_unit",
                "catalog_unit",
                "code",
            ))
            .take();
        for stem in ["name", "content", "data_standard", "consumer_requirement"] {
            bilingual(&mut service, stem);
        }

        // A service draws on sources by code, and not only on databases of Appendix 1 (the
        // diplomatic-corps service draws on the `diplomatic-corps` source too), so no key there.
        let service_source = Table::create()
            .table("catalog_service_source")
            .col(string("service_code"))
            .col(string("source_code"))
            .primary_key(Index::create().col("service_code").col("source_code"))
            .foreign_key(&mut foreign_key(
                "catalog_service_source",
                "service_code",
                "catalog_sharing_service",
                "code",
            ))
            .take();

        let mut dataset = Table::create()
            .table("catalog_open_dataset")
            .col(string("code").primary_key())
            .col(integer("position"))
            .col(string("provider_unit"))
            .col(string("first_published_vi"))
            .col(integer("first_published_year"))
            .col(boolean("first_published_planned"))
            .col(string_null("website"))
            .foreign_key(&mut foreign_key(
                "catalog_open_dataset",
                "provider_unit",
                "catalog_unit",
                "code",
            ))
            .take();
        for stem in ["name", "description", "frequency"] {
            bilingual(&mut dataset, stem);
        }

        let dataset_frequency = Table::create()
            .table("catalog_dataset_frequency")
            .col(string("dataset_code"))
            .col(string("eu_code"))
            .primary_key(Index::create().col("dataset_code").col("eu_code"))
            .foreign_key(&mut foreign_key(
                "catalog_dataset_frequency",
                "dataset_code",
                "catalog_open_dataset",
                "code",
            ))
            .take();

        // A dataset draws on sources by code; sources are not rows of this database, so no key.
        let dataset_source = Table::create()
            .table("catalog_dataset_source")
            .col(string("dataset_code"))
            .col(string("source_code"))
            .primary_key(Index::create().col("dataset_code").col("source_code"))
            .foreign_key(&mut foreign_key(
                "catalog_dataset_source",
                "dataset_code",
                "catalog_open_dataset",
                "code",
            ))
            .take();

        for table in [
            decision,
            unit,
            database,
            database_unit,
            service,
            service_source,
            dataset,
            dataset_frequency,
            dataset_source,
        ] {
            manager.create_table(table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(*table).take())
                .await?;
        }
        Ok(())
    }
}
