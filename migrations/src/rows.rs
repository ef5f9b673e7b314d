//! Rows from text: a CSV whose header names the columns of one entity becomes active models of
//! that entity, each cell parsed by its column's declared type. The demo seed's record files go
//! through here; every error names the row and the column.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm_migration::sea_orm::{
    ActiveModelTrait, ColumnTrait, ColumnType, DbErr, EntityTrait, IdenStatic, Iterable, Value,
};

/// Columns a file never sets: the store gives them.
const STORE_COLUMNS: &[&str] = &["id", "created_at", "updated_at", "version"];

/// The rows of `text` (CSV, header first) as active models of `E`. Unknown columns, cells that
/// do not parse as their column's type and empty cells of required columns are errors.
pub fn from_csv<E: EntityTrait>(name: &str, text: &str) -> Result<Vec<E::ActiveModel>, DbErr> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| DbErr::Custom(format!("{name}: {e}")))?
        .clone();
    let columns = headers
        .iter()
        .map(|header| {
            E::Column::iter()
                .find(|c| c.as_str() == header && !STORE_COLUMNS.contains(&header))
                .ok_or_else(|| DbErr::Custom(format!("{name}: no settable column `{header}`")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut models = Vec::new();
    for (index, record) in reader.records().enumerate() {
        // Line 1 is the header.
        let line = index + 2;
        let record = record.map_err(|e| DbErr::Custom(format!("{name}:{line}: {e}")))?;
        let mut model = <E::ActiveModel as ActiveModelTrait>::default();
        for (column, cell) in columns.iter().zip(record.iter()) {
            let value = cell_value(column, cell).map_err(|why| {
                DbErr::Custom(format!("{name}:{line}: `{}` {why}", column.as_str()))
            })?;
            model.set(*column, value);
        }
        models.push(model);
    }
    Ok(models)
}

/// One cell as a value of `column`'s type; empty is NULL where the column allows it.
fn cell_value(column: &impl ColumnTrait, cell: &str) -> Result<Value, String> {
    let def = column.def();
    let cell = cell.trim();
    let null = cell.is_empty();
    if null && !def.is_null() {
        return Err("is required".to_owned());
    }
    let value = match def.get_column_type() {
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => {
            Value::String((!null).then(|| cell.to_owned()))
        }
        ColumnType::Integer => Value::Int(parsed(null, cell, "an integer")?),
        ColumnType::BigInteger => Value::BigInt(parsed(null, cell, "an integer")?),
        ColumnType::Double | ColumnType::Float => Value::Double(parsed(null, cell, "a number")?),
        ColumnType::Boolean => Value::Bool(if null {
            None
        } else {
            Some(match cell {
                "true" => true,
                "false" => false,
                other => return Err(format!("must be true or false, not {other:?}")),
            })
        }),
        ColumnType::Date => Value::ChronoDate(if null {
            None
        } else {
            Some(
                NaiveDate::parse_from_str(cell, "%Y-%m-%d")
                    .map_err(|_| format!("must be a date YYYY-MM-DD, not {cell:?}"))?,
            )
        }),
        ColumnType::TimestampWithTimeZone => Value::ChronoDateTimeUtc(if null {
            None
        } else {
            Some(
                DateTime::parse_from_rfc3339(cell)
                    .map_err(|_| format!("must be an RFC 3339 timestamp, not {cell:?}"))?
                    .with_timezone(&Utc),
            )
        }),
        other => return Err(format!("has a type files cannot set ({other:?})")),
    };
    Ok(value)
}

fn parsed<T: std::str::FromStr>(null: bool, cell: &str, what: &str) -> Result<Option<T>, String> {
    if null {
        return Ok(None);
    }
    cell.parse()
        .map(Some)
        .map_err(|_| format!("must be {what}, not {cell:?}"))
}
