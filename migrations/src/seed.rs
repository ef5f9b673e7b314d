//! Seeds. The catalogue is not a seed: it is the decision itself, loaded by the `meta`
//! migrations, so every deployment has it. The demo seed fills the shared databases with
//! illustrative data as their tables arrive; today it checks and reports the catalogue.

use entities::{
    Source, SourceConnections,
    meta::{catalog_database, catalog_open_dataset, catalog_sharing_service, catalog_unit},
};
use sea_orm_migration::sea_orm::{DbErr, EntityTrait, PaginatorTrait};

/// What a seed found or wrote, one line per table.
#[derive(Debug, Default)]
pub struct SeedReport {
    pub lines: Vec<String>,
}

/// Loads the demo data into every source. Sources must be migrated first.
pub async fn demo(sources: &SourceConnections) -> Result<SeedReport, DbErr> {
    let meta = sources.get(Source::Meta);
    let mut report = SeedReport::default();
    report.lines.push(format!(
        "catalogue: {} units, {} databases, {} sharing services, {} open datasets",
        catalog_unit::Entity::find().count(meta).await?,
        catalog_database::Entity::find().count(meta).await?,
        catalog_sharing_service::Entity::find().count(meta).await?,
        catalog_open_dataset::Entity::find().count(meta).await?,
    ));
    Ok(report)
}
