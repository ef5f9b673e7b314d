//! Migrations of `meta`, the server's own source.

use sea_orm_migration::MigrationTrait;

mod m20261203_000001_create_catalog;
mod m20261203_000002_load_catalog_3021;
mod m20261203_000003_create_partners_and_audit;
mod m20261203_000004_add_grant_quota;

pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![
        Box::new(m20261203_000001_create_catalog::Migration),
        Box::new(m20261203_000002_load_catalog_3021::Migration),
        Box::new(m20261203_000003_create_partners_and_audit::Migration),
        Box::new(m20261203_000004_add_grant_quota::Migration),
    ]
}
