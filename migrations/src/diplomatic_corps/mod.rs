//! Migrations of `diplomatic-corps`.

use sea_orm_migration::MigrationTrait;

mod m20261203_000001_create_foreign_missions;
mod m20261203_000002_add_revisions_and_deletion;

pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![
        Box::new(m20261203_000001_create_foreign_missions::Migration),
        Box::new(m20261203_000002_add_revisions_and_deletion::Migration),
    ]
}
