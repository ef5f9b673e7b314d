//! Columns every record table has. Landed migrations use these, so they are never changed:
//! a different shape is a new helper.

use sea_orm_migration::{prelude::*, schema::*};

/// A record table: a 64-bit surrogate key, then the caller's columns.
pub fn record_table(name: &str) -> TableCreateStatement {
    Table::create()
        .table(name.to_owned())
        .col(big_integer("id").auto_increment().primary_key())
        .take()
}

/// The closing columns of a record table: timestamps, the optimistic version, and a secrecy
/// mark that a check constraint keeps empty (shared databases hold no state secrets).
pub fn finish_record(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(string_null("secrecy_level"))
        .col(timestamp_with_time_zone("created_at").default(Expr::current_timestamp()))
        .col(timestamp_with_time_zone("updated_at").default(Expr::current_timestamp()))
        .col(integer("version").default(1))
        .check(Expr::col("secrecy_level").is_null());
    table
}

/// An index named after its table and columns.
pub fn index(table: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create()
        .name(format!("ix_{table}_{}", columns.join("_")))
        .table(table.to_owned())
        .take();
    for column in columns {
        index.col(String::from(*column));
    }
    index
}

/// The revision table of source `code` (`revisions_<code>`; sources may share one database).
pub fn revision_table_name(code: &str) -> String {
    format!("revisions_{}", code.replace('-', "_"))
}

/// The revision log of one source's records, and its index by record: one row per write, with
/// who wrote it, for which unit, why, and the changed fields before and after (JSON).
pub fn revision_table(code: &str) -> (TableCreateStatement, IndexCreateStatement) {
    let name = revision_table_name(code);
    let table = Table::create()
        .table(name.clone())
        .col(big_integer("id").auto_increment().primary_key())
        .col(string("record_type"))
        .col(big_integer("record_id"))
        .col(integer("version"))
        .col(string("action"))
        .col(string_null("unit_code"))
        .col(string("subject"))
        .col(text_null("reason"))
        .col(text_null("before"))
        .col(text_null("after"))
        .col(string_null("request_id"))
        .col(timestamp_with_time_zone("at").default(Expr::current_timestamp()))
        .take();
    (table, index(&name, &["record_type", "record_id", "id"]))
}
