//! Migrations of `overseas-vietnamese`.

use sea_orm_migration::MigrationTrait;

mod m20261203_000001_create_overseas_organisations;

pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![Box::new(
        m20261203_000001_create_overseas_organisations::Migration,
    )]
}
