//! Opening the source databases and migrating them.

use std::{collections::BTreeMap, sync::Arc, time::Duration};

use entities::{Source, SourceConnections};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};

use crate::{
    configuration::{Settings, redact_url},
    metrics::DatabaseCounters,
};

/// A source database that could not be opened or migrated.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot connect to {url} (sources: {sources}): {source}")]
    Connect {
        url: String,
        sources: String,
        source: DbErr,
    },
    #[error("migrating source `{source_code}` failed: {source}")]
    Migrate { source_code: Source, source: DbErr },
}

/// Opens one pool per distinct URL and hands it to every source configured with that URL.
/// Every statement on them is counted in `counters`.
pub async fn connect(
    settings: &Settings,
    counters: Arc<DatabaseCounters>,
) -> Result<SourceConnections, SourceError> {
    let mut by_url: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for source in Source::ALL {
        by_url
            .entry(settings.source_url(source).expose().to_owned())
            .or_default()
            .push(source);
    }

    let mut by_source = BTreeMap::new();
    for (url, sources) in by_url {
        let codes = || {
            sources
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if url == settings.embedded_database_url() {
            std::fs::create_dir_all(&settings.data_dir).map_err(|source| SourceError::DataDir {
                path: settings.data_dir.clone(),
                source,
            })?;
        }
        let conn = open(&url, settings, counters.clone())
            .await
            .map_err(|source| SourceError::Connect {
                url: redact_url(&url),
                sources: codes(),
                source,
            })?;
        tracing::info!(url = %redact_url(&url), sources = %codes(), "source database opened");
        for source in sources {
            by_source.insert(source, conn.clone());
        }
    }
    // `Source::ALL` gave every source a URL above, so none can be missing.
    SourceConnections::new(by_source).map_err(|missing| SourceError::Connect {
        url: String::new(),
        sources: missing.code().to_owned(),
        source: DbErr::Custom("no URL resolved".to_owned()),
    })
}

/// A pool that fails fast when its database is away (a request gets `SOURCE_UNAVAILABLE`
/// within the acquire timeout, not a hang), tests each connection before handing it out (so
/// connections broken by a database restart are replaced, without restarting the server),
/// and bounds every statement (PostgreSQL's `statement_timeout`; SQLite's busy timeout).
async fn open(
    url: &str,
    settings: &Settings,
    counters: Arc<DatabaseCounters>,
) -> Result<DatabaseConnection, DbErr> {
    let statement_timeout = Duration::from_millis(settings.db_statement_timeout_ms);
    let acquire_timeout = Duration::from_millis(settings.db_acquire_timeout_ms);
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(settings.db_max_connections)
        .min_connections(1)
        .connect_timeout(acquire_timeout)
        .acquire_timeout(acquire_timeout)
        .test_before_acquire(true)
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug)
        .map_sqlx_postgres_opts(move |pg| {
            pg.options([(
                "statement_timeout",
                statement_timeout.as_millis().to_string(),
            )])
        })
        .map_sqlx_sqlite_opts(move |sqlite| sqlite.busy_timeout(statement_timeout));
    let mut conn = Database::connect(options).await?;
    conn.set_metric_callback(move |info| counters.record(info.elapsed, info.failed));
    if conn.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers go on while one writer commits; the file keeps the mode.
        conn.execute_unprepared("PRAGMA journal_mode = WAL").await?;
    }
    Ok(conn)
}

/// Applies the pending migrations of every source, in catalogue order.
pub async fn migrate_all(sources: &SourceConnections) -> Result<(), SourceError> {
    for (source, conn) in sources.iter() {
        let pending =
            migrations::pending(source, conn)
                .await
                .map_err(|e| SourceError::Migrate {
                    source_code: source,
                    source: e,
                })?;
        if pending.is_empty() {
            continue;
        }
        migrations::migrate(source, conn)
            .await
            .map_err(|e| SourceError::Migrate {
                source_code: source,
                source: e,
            })?;
        tracing::info!(source = %source, applied = ?pending, "migrations applied");
    }
    Ok(())
}
