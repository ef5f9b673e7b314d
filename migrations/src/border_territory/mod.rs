//! Migrations of `border-territory`.

use sea_orm_migration::MigrationTrait;

mod m20261203_000001_create_border_documents;

pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![Box::new(
        m20261203_000001_create_border_documents::Migration,
    )]
}
