//! Migrations of `direction`.

use sea_orm_migration::MigrationTrait;

mod m20261203_000001_create_direction_items;
mod m20261203_000002_add_revisions_and_deletion;

pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![
        Box::new(m20261203_000001_create_direction_items::Migration),
        Box::new(m20261203_000002_add_revisions_and_deletion::Migration),
    ]
}
