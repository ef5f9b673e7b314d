//! Loads the catalogue of Decision 3021/QĐ-BNG. A later decision that amends the catalogue is a
//! new migration, so the history of the catalogue stays in the migration log.

use sea_orm_migration::{prelude::*, sea_orm::Value};

use crate::catalog::Catalogue;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One table's rows, written as one multi-row insert.
struct Rows {
    table: &'static str,
    columns: &'static [&'static str],
    rows: Vec<Vec<Value>>,
}

impl Rows {
    fn new(table: &'static str, columns: &'static [&'static str]) -> Rows {
        Rows {
            table,
            columns,
            rows: Vec::new(),
        }
    }

    fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len(), "{}", self.table);
        self.rows.push(row);
    }

    async fn insert(self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut insert = Query::insert();
        insert
            .into_table(self.table)
            .columns(self.columns.iter().copied());
        for row in self.rows {
            insert
                .values(row.into_iter().map(Expr::val))
                .map_err(|e| DbErr::Custom(format!("{}: {e}", self.table)))?;
        }
        manager.exec_stmt(insert).await
    }
}

fn text(value: &str) -> Value {
    value.into()
}

fn optional(value: &Option<String>) -> Value {
    value.clone().into()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    // SQLite and PostgreSQL both roll DDL back, so a failed step leaves nothing half-made.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let catalogue = Catalogue::decision_3021()
            .map_err(|e| DbErr::Custom(format!("catalog-3021.json: {e}")))?;
        let d = &catalogue.decision;

        let mut decision = Rows::new(
            "catalog_decision",
            &[
                "number",
                "issued_on",
                "issuer_vi",
                "issuer_en",
                "title_vi",
                "title_en",
                "signed_by_title_vi",
                "signed_by_title_en",
            ],
        );
        decision.push(vec![
            text(&d.number),
            d.date.into(),
            text(&d.issuer_vi),
            text(&d.issuer_en),
            text(&d.title_vi),
            text(&d.title_en),
            text(&d.signed_by_title_vi),
            text(&d.signed_by_title_en),
        ]);

        let mut units = Rows::new("catalog_unit", &["code", "position", "name_vi", "name_en"]);
        for (position, u) in (1..).zip(&catalogue.units) {
            units.push(vec![
                text(&u.code),
                Value::from(position),
                text(&u.name_vi),
                text(&u.name_en),
            ]);
        }

        let mut databases = Rows::new(
            "catalog_database",
            &[
                "code",
                "position",
                "group_code",
                "group_name_vi",
                "group_name_en",
                "name_vi",
                "name_en",
                "purpose_vi",
                "purpose_en",
                "content_vi",
                "content_en",
                "collection_vi",
                "collection_en",
                "default_sharing_vi",
                "default_sharing_en",
                "owner_note_vi",
                "owner_note_en",
                "timeline_vi",
                "timeline_en",
                "notes_vi",
                "notes_en",
            ],
        );
        let mut database_units = Rows::new(
            "catalog_database_unit",
            &["database_code", "unit_code", "role"],
        );
        for db in &catalogue.databases {
            databases.push(vec![
                text(&db.code),
                db.no.into(),
                text(&db.group),
                text(&db.group_name_vi),
                text(&db.group_name_en),
                text(&db.name_vi),
                text(&db.name_en),
                text(&db.purpose_vi),
                text(&db.purpose_en),
                text(&db.content_vi),
                text(&db.content_en),
                text(&db.collection_vi),
                text(&db.collection_en),
                text(&db.default_sharing_vi),
                text(&db.default_sharing_en),
                text(&db.owner_note_vi),
                text(&db.owner_note_en),
                optional(&db.timeline_vi),
                optional(&db.timeline_en),
                optional(&db.notes_vi),
                optional(&db.notes_en),
            ]);
            for (role, units) in [("owner", &db.owner_units), ("operator", &db.operator_units)] {
                for unit in units {
                    database_units.push(vec![text(&db.code), text(unit), text(role)]);
                }
            }
        }

        let mut services = Rows::new(
            "catalog_sharing_service",
            &[
                "code",
                "position",
                "provider_unit",
                "api_address",
                "mode",
                "mode_vi",
                "connection_model",
                "method",
                "method_vi",
                "name_vi",
                "name_en",
                "content_vi",
                "content_en",
                "data_standard_vi",
                "data_standard_en",
                "consumer_requirement_vi",
                "consumer_requirement_en",
            ],
        );
        let mut service_sources =
            Rows::new("catalog_service_source", &["service_code", "source_code"]);
        for s in &catalogue.sharing_services {
            services.push(vec![
                text(&s.code),
                s.no.into(),
                text(&s.provider_unit),
                optional(&s.api_address),
                text(&s.mode),
                text(&s.mode_vi),
                optional(&s.connection_model),
                text(&s.method),
                text(&s.method_vi),
                text(&s.name_vi),
                text(&s.name_en),
                text(&s.content_vi),
                text(&s.content_en),
                text(&s.data_standard_vi),
                text(&s.data_standard_en),
                text(&s.consumer_requirement_vi),
                text(&s.consumer_requirement_en),
            ]);
            for source in &s.draws_on_databases {
                service_sources.push(vec![text(&s.code), text(source)]);
            }
        }

        let mut datasets = Rows::new(
            "catalog_open_dataset",
            &[
                "code",
                "position",
                "provider_unit",
                "first_published_vi",
                "first_published_year",
                "first_published_planned",
                "website",
                "name_vi",
                "name_en",
                "description_vi",
                "description_en",
                "frequency_vi",
                "frequency_en",
            ],
        );
        let mut frequencies = Rows::new("catalog_dataset_frequency", &["dataset_code", "eu_code"]);
        let mut sources = Rows::new("catalog_dataset_source", &["dataset_code", "source_code"]);
        for ds in &catalogue.open_datasets {
            datasets.push(vec![
                text(&ds.code),
                ds.no.into(),
                text(&ds.provider_unit),
                text(&ds.first_published_vi),
                ds.first_published_year.into(),
                ds.first_published_planned.into(),
                optional(&ds.website),
                text(&ds.name_vi),
                text(&ds.name_en),
                text(&ds.description_vi),
                text(&ds.description_en),
                text(&ds.frequency_vi),
                text(&ds.frequency_en),
            ]);
            for code in &ds.frequency_eu {
                frequencies.push(vec![text(&ds.code), text(code)]);
            }
            for code in &ds.draws_on_sources {
                sources.push(vec![text(&ds.code), text(code)]);
            }
        }

        // Parents before children, so that foreign keys hold at every step.
        for rows in [
            decision,
            units,
            databases,
            database_units,
            services,
            service_sources,
            datasets,
            frequencies,
            sources,
        ] {
            rows.insert(manager).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "catalog_dataset_source",
            "catalog_dataset_frequency",
            "catalog_open_dataset",
            "catalog_service_source",
            "catalog_sharing_service",
            "catalog_database_unit",
            "catalog_database",
            "catalog_unit",
            "catalog_decision",
        ] {
            manager
                .exec_stmt(Query::delete().from_table(table).take())
                .await?;
        }
        Ok(())
    }
}
