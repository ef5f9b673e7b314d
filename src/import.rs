//! `mofa-graph import`: bulk digitisation of existing records into one source, through the same
//! rules as the mutations (`graphql::write::parse_record`): every row is parsed first and every
//! bad row reported (row, field, reason); then, unless `--dry-run`, all rows are written in one
//! transaction with their revisions, one audit entry records the import, and the servers'
//! caches forget the source (through Redis, when configured).

use std::{collections::BTreeMap, path::Path, time::Instant};

use entities::{Source, SourceConnections};
use graphql::{
    policy::{Owners, Principal, Role, Unit, registry},
    write::{Author, CodeBook, FieldError, RecordTable, insert_records, parse_record},
};
use sea_orm::{ColumnType, TransactionTrait};
use serde_json::{Map, Value};

use crate::{audit::AuditLog, cache::ResponseCache, configuration::Settings};

/// Rows written per progress step.
const STEP: usize = 1_000;

/// What an import found and did.
#[derive(Debug)]
pub struct ImportReport {
    pub type_name: &'static str,
    pub rows: usize,
    /// `(line, field, reason)` of every bad row.
    pub errors: Vec<(usize, String, String)>,
    pub written: usize,
    pub seconds: f64,
}

pub struct ImportRequest<'a> {
    pub source: Source,
    pub type_name: Option<&'a str>,
    pub file: &'a Path,
    pub dry_run: bool,
    pub unit: Option<Unit>,
    pub subject: &'a str,
}

/// Runs an import; an error is a refusal of the whole import (nothing written).
pub async fn import(
    settings: &Settings,
    sources: &SourceConnections,
    request: ImportRequest<'_>,
) -> Result<ImportReport, String> {
    let started = Instant::now();
    let table = record_table_of(request.source, request.type_name)?;
    let owners = Owners::load(sources.get(Source::Meta))
        .await
        .map_err(|e| format!("cannot read the catalogue's owners: {e}"))?;
    let unit = match request.unit {
        Some(unit) => unit,
        None => owners
            .of(request.source)
            .find(|u| *u != Unit::All)
            .ok_or_else(|| format!("`{}`: give the writing unit with --unit", request.source))?,
    };
    let principal = Principal::staff(request.subject, unit, [Role::Editor]);
    if !owners.may(&principal, request.source, Role::Editor) {
        let units: Vec<&str> = owners.of(request.source).map(|u| u.code()).collect();
        return Err(format!(
            "{unit} does not own `{}` (owners: {})",
            request.source,
            units.join(", ")
        ));
    }
    let codes = CodeBook::load(sources)
        .await
        .map_err(|e| format!("cannot read the country and province codes: {e}"))?;

    let records = read_file(request.file, &table)?;
    let mut errors = Vec::new();
    let mut rows = Vec::with_capacity(records.len());
    let empty = BTreeMap::new();
    for (line, fields) in &records {
        match parse_record(&table, &principal, fields, true, &codes, &empty) {
            Ok(values) => rows.push(values),
            Err(field_errors) => errors.extend(
                field_errors
                    .into_iter()
                    .map(|FieldError { field, reason, .. }| (*line, field, reason)),
            ),
        }
    }
    let mut report = ImportReport {
        type_name: table.type_name,
        rows: records.len(),
        errors,
        written: 0,
        seconds: 0.0,
    };
    if !report.errors.is_empty() || request.dry_run {
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }

    let author = Author {
        unit: Some(unit.code().to_owned()),
        subject: request.subject.to_owned(),
        request_id: None,
    };
    let reason = format!("import of {}", request.file.display());
    let bar = indicatif::ProgressBar::new(rows.len() as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} rows  {per_sec}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(table.type_name);
    let db = sources.get(request.source);
    let txn = db.begin().await.map_err(|e| e.to_string())?;
    for chunk in rows.chunks(STEP) {
        insert_records(&txn, &table, &author, "import", Some(reason.clone()), chunk)
            .await
            .map_err(|e| format!("nothing imported: {e}"))?;
        bar.inc(chunk.len() as u64);
    }
    txn.commit()
        .await
        .map_err(|e| format!("nothing imported: {e}"))?;
    bar.finish();
    report.written = rows.len();

    let disclosed = BTreeMap::from([(
        format!("import {} from {}", table.type_name, request.file.display()),
        rows.len() as u64,
    )]);
    AuditLog::default()
        .append(
            sources.get(Source::Meta),
            &principal,
            "import",
            crate::audit::operation_hash(&reason),
            &disclosed,
        )
        .await
        .map_err(|e| format!("imported, but the audit entry failed: {e}"))?;
    if let Ok(cache) = ResponseCache::new(
        settings.redis_url.as_ref(),
        &settings.cache_namespace,
        0,
        "",
    ) {
        cache.invalidate(request.source).await;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// The record type an import of `source` writes.
fn record_table_of(source: Source, type_name: Option<&str>) -> Result<RecordTable, String> {
    let types: Vec<&str> = registry::TYPES
        .iter()
        .filter(|t| t.source == Some(source) && t.list.is_some())
        .map(|t| t.name)
        .collect();
    let chosen = match (type_name, types.as_slice()) {
        (Some(name), _) if types.contains(&name) => name,
        (Some(name), _) => {
            return Err(format!(
                "`{source}` has no record type {name} (it has {})",
                types.join(", ")
            ));
        }
        (None, [only]) => only,
        (None, _) => {
            return Err(format!(
                "`{source}` has several record types; choose one with --type ({})",
                types.join(", ")
            ));
        }
    };
    graphql::write::record_table(chosen).ok_or_else(|| format!("{chosen} is not writable"))
}

/// One record of a file and the line it is on.
type NumberedRecord = (usize, Map<String, Value>);

/// The records of a `.csv` (header: the schema's field names) or `.jsonl` (one object per
/// line) file, each with its line number.
fn read_file(path: &Path, table: &RecordTable) -> Result<Vec<NumberedRecord>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    match path.extension().and_then(|e| e.to_str()) {
        Some("csv") => {
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let headers = reader
                .headers()
                .map_err(|e| format!("{}: {e}", path.display()))?
                .clone();
            let mut records = Vec::new();
            for (index, record) in reader.records().enumerate() {
                let line = index + 2;
                let record = record.map_err(|e| format!("{}:{line}: {e}", path.display()))?;
                let fields = headers
                    .iter()
                    .zip(record.iter())
                    .map(|(field, cell)| (field.to_owned(), cell_json(table, field, cell)))
                    .collect();
                records.push((line, fields));
            }
            Ok(records)
        }
        Some("jsonl") => text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(index, line)| match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(fields)) => Ok((index + 1, fields)),
                Ok(_) => Err(format!(
                    "{}:{}: not a JSON object",
                    path.display(),
                    index + 1
                )),
                Err(e) => Err(format!("{}:{}: {e}", path.display(), index + 1)),
            })
            .collect(),
        _ => Err(format!("{}: give a .csv or .jsonl file", path.display())),
    }
}

/// A CSV cell as the JSON the field's column expects; what does not parse stays a string, for
/// the rules to name.
fn cell_json(table: &RecordTable, field: &str, cell: &str) -> Value {
    let cell = cell.trim();
    if cell.is_empty() {
        return Value::Null;
    }
    let column_type = registry::type_policy(table.type_name)
        .and_then(|t| t.fields.iter().find(|f| f.name == field))
        .and_then(|f| f.columns.first())
        .and_then(|column| table.columns.iter().find(|(c, _)| c == column))
        .map(|(_, def)| def.get_column_type().clone());
    let parsed = match column_type {
        Some(ColumnType::Integer | ColumnType::BigInteger) => {
            cell.parse::<i64>().ok().map(Value::from)
        }
        Some(ColumnType::Double | ColumnType::Float) => cell.parse::<f64>().ok().map(Value::from),
        Some(ColumnType::Boolean) => cell.parse::<bool>().ok().map(Value::Bool),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(cell.to_owned()))
}
