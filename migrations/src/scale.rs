//! The scale seed (`seed --scale N`): deterministic synthetic rows for benchmarks and load
//! tests. N rows in each of the largest tables (treaties, chronicle events, news items,
//! legalisation files, visa files), two parties per treaty, and proportionate numbers of
//! passport files (N/10) and foreign NGOs (N/100). Row `i` of a table is always the same row, so
//! two runs at the same N give the same data; a run adds only the rows a table still lacks, so
//! an interrupted run resumes. Synthetic rows are marked (`SCALE-` numbers, `seed --scale`
//! notes) and invented from end to end: no real person, file or treaty.

use chrono::{Duration, NaiveDate};
use sea_orm_migration::sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, FromQueryResult, TransactionTrait, Value,
    sea_query::{Alias, Expr, Func, InsertStatement, Query, SimpleExpr},
};

use entities::{Source, SourceConnections};

/// The mark of synthetic rows in free-text notes.
pub const MARK: &str = "seed --scale";

/// Rows per transaction: large enough to amortise the commit, small enough to show progress.
const ROWS_PER_TRANSACTION: u64 = 20_000;

/// Country codes the synthetic rows refer to (all in the demo seed's ISO list).
const COUNTRIES: &[&str] = &[
    "CN", "US", "JP", "KR", "IN", "RU", "FR", "DE", "GB", "IT", "AU", "CA", "SG", "TH", "LA", "KH",
    "ID", "MY", "PH", "BN", "MM", "BR", "AR", "MX", "ZA", "EG", "NG", "KE", "AE", "SA", "TR", "IL",
    "NL", "BE", "CH", "SE", "NO", "DK", "FI", "PL", "CZ", "HU", "AT", "ES", "PT", "NZ", "CU", "VE",
];
const UNITS: &[&str] = &[
    "DVDN", "VP", "LPQT", "LS", "LT", "NV", "THKT", "NGVH", "UBBG",
];

/// Progress of one table: rows written so far, and the target.
pub type Progress<'a> = &'a (dyn Fn(&str, u64, u64) + Sync);

/// What the scale seed wrote, one line per table.
pub async fn scale(
    sources: &SourceConnections,
    n: u64,
    progress: Progress<'_>,
) -> Result<Vec<String>, DbErr> {
    let mut lines = Vec::new();
    for table in TABLES {
        let target = (table.share)(n);
        let db = sources.get(table.source);
        let existing = synthetic_rows(db, table).await?;
        let mut written = existing;
        progress(table.name, written, target);
        while written < target {
            let end = (written + ROWS_PER_TRANSACTION).min(target);
            let txn = db.begin().await?;
            let batch = table.batch;
            let mut start = written;
            while start < end {
                let stop = (start + batch).min(end);
                (table.write)(&txn, start..stop).await?;
                start = stop;
            }
            txn.commit().await?;
            written = end;
            progress(table.name, written, target);
        }
        lines.push(format!(
            "{}: {} synthetic {} rows ({} new)",
            table.source,
            target.max(existing),
            table.name,
            target.saturating_sub(existing)
        ));
    }
    Ok(lines)
}

type Writer = for<'a> fn(
    &'a sea_orm_migration::sea_orm::DatabaseTransaction,
    std::ops::Range<u64>,
) -> futures_util::future::BoxFuture<'a, Result<(), DbErr>>;

struct Table {
    name: &'static str,
    source: Source,
    /// Rows at scale `n`.
    share: fn(u64) -> u64,
    /// Rows per `INSERT`, under the backends' bound-parameter limits.
    batch: u64,
    /// How to count the synthetic rows already there.
    marker: (&'static str, &'static str, Marker),
    write: Writer,
}

#[derive(Clone, Copy)]
enum Marker {
    /// The column starts with `SCALE-`.
    Prefix,
    /// The column equals [`MARK`].
    Note,
}

const TABLES: &[Table] = &[
    Table {
        name: "treaty",
        source: Source::Treaties,
        share: |n| n,
        batch: 400,
        marker: ("treaty", "number", Marker::Prefix),
        write: |db, rows| Box::pin(write_treaties(db, rows)),
    },
    Table {
        name: "chronicle_event",
        source: Source::Chronicle,
        share: |n| n,
        batch: 1_000,
        marker: ("chronicle_event", "source_ref", Marker::Note),
        write: |db, rows| Box::pin(write_chronicle(db, rows)),
    },
    Table {
        name: "news_item",
        source: Source::News,
        share: |n| n,
        batch: 1_000,
        marker: ("news_item", "source_note", Marker::Note),
        write: |db, rows| Box::pin(write_news(db, rows)),
    },
    Table {
        name: "legalization_file",
        source: Source::Legalization,
        share: |n| n,
        batch: 1_000,
        marker: ("legalization_file", "file_number", Marker::Prefix),
        write: |db, rows| Box::pin(write_legalization(db, rows)),
    },
    Table {
        name: "visa_file",
        source: Source::DiplomaticVisas,
        share: |n| n,
        batch: 1_000,
        marker: ("visa_file", "file_number", Marker::Prefix),
        write: |db, rows| Box::pin(write_visas(db, rows)),
    },
    Table {
        name: "passport_file",
        source: Source::OfficialPassports,
        share: |n| n / 10,
        batch: 1_000,
        marker: ("passport_file", "file_number", Marker::Prefix),
        write: |db, rows| Box::pin(write_passports(db, rows)),
    },
    Table {
        name: "foreign_ngo",
        source: Source::ForeignNgos,
        share: |n| n / 100,
        batch: 1_000,
        marker: ("foreign_ngo", "permit_number", Marker::Prefix),
        write: |db, rows| Box::pin(write_ngos(db, rows)),
    },
];

#[derive(FromQueryResult)]
struct Count {
    rows: i64,
}

async fn synthetic_rows(db: &DatabaseConnection, table: &Table) -> Result<u64, DbErr> {
    use sea_orm_migration::sea_orm::sea_query::ExprTrait;
    let (name, column, marker) = table.marker;
    let condition = match marker {
        Marker::Prefix => Expr::col(Alias::new(column)).like("SCALE-%"),
        Marker::Note => Expr::col(Alias::new(column)).eq(MARK),
    };
    let query = Query::select()
        .expr_as(Func::count(Expr::col(Alias::new("id"))), Alias::new("rows"))
        .from(Alias::new(name))
        .and_where(condition)
        .to_owned();
    let count = Count::find_by_statement(db.get_database_backend().build(&query))
        .one(db)
        .await?;
    Ok(count.map_or(0, |c| u64::try_from(c.rows).unwrap_or_default()))
}

/// A deterministic 64-bit hash of (`table`, `row`, `salt`): splitmix64.
fn hash(table: u64, row: u64, salt: u64) -> u64 {
    let mut z = table
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(row)
        .wrapping_mul(0xBF58_476D_1CE4_E5B9)
        .wrapping_add(salt);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick<'a>(items: &[&'a str], h: u64) -> &'a str {
    items[(h % items.len() as u64) as usize]
}

/// A day between 1 January `from` and roughly the end of 2026.
fn day(from: i32, h: u64) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(from, 1, 1).unwrap_or_default();
    let span = (NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default() - start).num_days();
    start + Duration::days((h % span.max(1) as u64) as i64)
}

fn text(value: impl Into<String>) -> SimpleExpr {
    Value::String(Some(value.into())).into()
}

fn opt_text(value: Option<String>) -> SimpleExpr {
    Value::String(value).into()
}

fn date(value: NaiveDate) -> SimpleExpr {
    Value::ChronoDate(Some(value)).into()
}

fn opt_date(value: Option<NaiveDate>) -> SimpleExpr {
    Value::ChronoDate(value).into()
}

async fn insert(
    db: &impl ConnectionTrait,
    table: &str,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<SimpleExpr>>,
) -> Result<(), DbErr> {
    let mut statement = InsertStatement::new();
    statement
        .into_table(Alias::new(table))
        .columns(columns.iter().map(|c| Alias::new(*c)));
    for row in rows {
        statement
            .values(row)
            .map_err(|e| DbErr::Custom(format!("{table}: {e}")))?;
    }
    db.execute(&statement).await.map(|_| ())
}

const TREATY_STATUSES: &[&str] = &[
    "in_force",
    "in_force",
    "in_force",
    "signed",
    "terminated",
    "negotiating",
];

async fn write_treaties(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let treaty_rows = rows.clone().map(|i| {
        let h = hash(1, i, 0);
        let status = pick(TREATY_STATUSES, h);
        let signed = day(1950, h >> 8);
        vec![
            text(format!("SCALE-{i:08}")),
            text(format!("Điều ước tổng hợp số {i}")),
            text(format!("Synthetic treaty {i}")),
            text(pick(
                &["agreement", "convention", "protocol", "treaty"],
                h >> 3,
            )),
            text(pick(&["state", "government"], h >> 5)),
            Value::Bool(Some(!h.is_multiple_of(3))).into(),
            date(signed),
            opt_date((status == "in_force").then(|| signed + Duration::days(90))),
            text(status),
            text(MARK),
            Value::Bool(Some(status == "in_force" && !h.is_multiple_of(10))).into(),
        ]
    });
    insert(
        db,
        "treaty",
        &[
            "number",
            "title_vi",
            "title_en",
            "kind",
            "level",
            "bilateral",
            "signed_on",
            "entry_into_force",
            "status",
            "source_note",
            "publishable",
        ],
        treaty_rows,
    )
    .await?;
    // Two state parties per treaty, found by the numbers just written.
    use sea_orm_migration::sea_orm::sea_query::ExprTrait;
    #[derive(FromQueryResult)]
    struct Written {
        id: i64,
        number: String,
    }
    let numbers: Vec<Value> = rows
        .clone()
        .map(|i| Value::String(Some(format!("SCALE-{i:08}"))))
        .collect();
    let query = Query::select()
        .columns([Alias::new("id"), Alias::new("number")])
        .from(Alias::new("treaty"))
        .and_where(Expr::col(Alias::new("number")).is_in(numbers))
        .to_owned();
    let written = Written::find_by_statement(db.get_database_backend().build(&query))
        .all(db)
        .await?;
    let parties = written.iter().flat_map(|treaty| {
        let i: u64 = treaty
            .number
            .trim_start_matches("SCALE-")
            .parse()
            .unwrap_or_default();
        (0..2u64).map(move |position| {
            vec![
                Value::BigInt(Some(treaty.id)).into(),
                Value::Int(Some(position as i32)).into(),
                text(pick(COUNTRIES, hash(2, i, position))),
            ]
        })
    });
    insert(
        db,
        "treaty_party",
        &["treaty_id", "position", "country_code"],
        parties,
    )
    .await
}

fn country_list(table: u64, i: u64) -> String {
    let h = hash(table, i, 7);
    (0..1 + h % 3)
        .map(|k| pick(COUNTRIES, hash(table, i, 8 + k)))
        .collect::<Vec<_>>()
        .join(";")
}

async fn write_chronicle(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let values = rows.map(|i| {
        let h = hash(3, i, 0);
        vec![
            date(day(1945, h)),
            text(format!("Sự kiện tổng hợp số {i}")),
            text(format!("Synthetic event {i}")),
            text(pick(
                &["bilateral", "multilateral", "economic", "consular"],
                h >> 4,
            )),
            text(country_list(3, i)),
            text(MARK),
            text(pick(UNITS, h >> 9)),
        ]
    });
    insert(
        db,
        "chronicle_event",
        &[
            "occurred_on",
            "title_vi",
            "title_en",
            "issue",
            "country_codes",
            "source_ref",
            "unit_code",
        ],
        values,
    )
    .await
}

async fn write_news(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let values = rows.map(|i| {
        let h = hash(4, i, 0);
        let channel = pick(
            &[
                "portal",
                "portal",
                "newspaper",
                "bulletin_a",
                "vna",
                "mission_report",
            ],
            h,
        );
        vec![
            text(channel),
            date(day(2010, h >> 6)),
            text(format!("Tin tổng hợp số {i}")),
            text(format!("Synthetic news item {i}")),
            text(country_list(4, i)),
            text(pick(UNITS, h >> 9)),
            Value::Bool(Some(matches!(channel, "portal" | "newspaper"))).into(),
            text(MARK),
        ]
    });
    insert(
        db,
        "news_item",
        &[
            "channel",
            "published_on",
            "title_vi",
            "title_en",
            "country_codes",
            "unit_code",
            "publishable",
            "source_note",
        ],
        values,
    )
    .await
}

async fn write_legalization(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let values = rows.map(|i| {
        let h = hash(5, i, 0);
        let received = day(2013, h >> 4);
        let status = pick(
            &[
                "received",
                "processing",
                "completed",
                "completed",
                "refused",
            ],
            h,
        );
        vec![
            text(format!("SCALE-HP-{i:08}")),
            text(pick(&["certification", "legalisation"], h >> 2)),
            text(format!("Người nộp tổng hợp {i}")),
            text(pick(&["individual", "individual", "organisation"], h >> 3)),
            text(format!("SCALE-ID-{:09}", h % 1_000_000_000)),
            text(pick(
                &[
                    "diploma",
                    "birth_certificate",
                    "commercial_invoice",
                    "power_of_attorney",
                ],
                h >> 5,
            )),
            text(pick(COUNTRIES, h >> 7)),
            text(pick(COUNTRIES, h >> 11)),
            Value::Int(Some(1 + (h % 5) as i32)).into(),
            date(received),
            opt_date((status == "completed").then(|| received + Duration::days(3))),
            text(status),
        ]
    });
    insert(
        db,
        "legalization_file",
        &[
            "file_number",
            "procedure",
            "applicant_name",
            "applicant_kind",
            "applicant_id_number",
            "document_kind",
            "document_country_code",
            "destination_country_code",
            "copies",
            "received_on",
            "completed_on",
            "status",
        ],
        values,
    )
    .await
}

async fn write_visas(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let values = rows.map(|i| {
        let h = hash(6, i, 0);
        let submitted = day(2015, h >> 4);
        let status = pick(&["submitted", "approved", "issued", "issued", "refused"], h);
        vec![
            text(format!("SCALE-TT-{i:08}")),
            text(pick(&["NG1", "NG2", "NG3", "NG3", "NG4"], h >> 2)),
            text(format!("Synthetic applicant {i}")),
            text(pick(COUNTRIES, h >> 6)),
            text(format!("SCALE-P-{:08}", h % 100_000_000)),
            date(day(1950, h >> 10)),
            text(pick(&["in_person", "online"], h >> 3)),
            date(submitted),
            opt_date((status != "submitted").then(|| submitted + Duration::days(4))),
            text(status),
        ]
    });
    insert(
        db,
        "visa_file",
        &[
            "file_number",
            "category",
            "applicant_name",
            "nationality_code",
            "passport_number",
            "date_of_birth",
            "channel",
            "submitted_on",
            "decided_on",
            "status",
        ],
        values,
    )
    .await
}

async fn write_passports(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let values = rows.map(|i| {
        let h = hash(7, i, 0);
        vec![
            text(format!("SCALE-HC-{i:08}")),
            text(pick(&["diplomatic", "official", "official"], h)),
            text(pick(&["issue", "renew", "extend"], h >> 2)),
            text(format!("Người mang hộ chiếu tổng hợp {i}")),
            date(day(2006, h >> 4)),
            text(pick(&["received", "approved", "issued", "issued"], h >> 8)),
        ]
    });
    insert(
        db,
        "passport_file",
        &[
            "file_number",
            "passport_kind",
            "action",
            "holder_name",
            "received_on",
            "status",
        ],
        values,
    )
    .await
}

async fn write_ngos(
    db: &sea_orm_migration::sea_orm::DatabaseTransaction,
    rows: std::ops::Range<u64>,
) -> Result<(), DbErr> {
    let values = rows.map(|i| {
        let h = hash(8, i, 0);
        let issued = day(2005, h >> 4);
        vec![
            text(format!("Synthetic organisation {i}")),
            text(pick(COUNTRIES, h)),
            text(pick(
                &["operation", "project_office", "representative_office"],
                h >> 2,
            )),
            text(format!("SCALE-GP-{i:08}")),
            date(issued),
            date(issued + Duration::days(5 * 365)),
            text(pick(
                &[
                    "health",
                    "education",
                    "environment;water",
                    "health;education",
                ],
                h >> 6,
            )),
            opt_text(Some(
                pick(&["01", "48", "79", "31", "08"], h >> 9).to_owned(),
            )),
            text(pick(&["active", "active", "expired"], h >> 12)),
        ]
    });
    insert(
        db,
        "foreign_ngo",
        &[
            "name_en",
            "origin_country_code",
            "registration_kind",
            "permit_number",
            "permit_issued_on",
            "permit_valid_to",
            "fields",
            "province_codes",
            "status",
        ],
        values,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_the_same_on_every_run() {
        assert_eq!(hash(1, 42, 0), hash(1, 42, 0));
        assert_ne!(hash(1, 42, 0), hash(1, 43, 0));
        assert_ne!(hash(1, 42, 0), hash(2, 42, 0));
        assert_eq!(country_list(3, 7), country_list(3, 7));
        let d = day(2000, 12345);
        assert!(d >= NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default());
    }
}
