//! Migrations of `diplomatic-corps`.

use sea_orm_migration::MigrationTrait;

mod m20261203_000001_create_foreign_missions;

pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![Box::new(
        m20261203_000001_create_foreign_missions::Migration,
    )]
}
