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
        let conn = open(&url, settings.db_max_connections, counters.clone())
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

async fn open(
    url: &str,
    max_connections: u32,
    counters: Arc<DatabaseCounters>,
) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug);
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
