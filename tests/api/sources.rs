//! Sources: per-source connections, per-source migration logs, restarts on migrated databases.

use entities::Source;
use mofa_graph::configuration::Secret;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use serde_json::json;

use crate::helpers::{fresh_postgres_database, start, test_settings};

async fn table_names(url: &str) -> Vec<String> {
    let conn = Database::connect(url).await.expect("connect");
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        _ => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        }
    };
    conn.query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("list tables")
        .iter()
        .map(|row| row.try_get::<String>("", "name").expect("name"))
        .collect()
}

#[tokio::test]
async fn every_source_keeps_its_own_migration_log() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let settings = test_settings(&data_dir).await;
    let url = settings.source_url(Source::Meta).expose().to_owned();
    let _app = start(settings, data_dir).await;
    let tables = table_names(&url).await;
    for source in Source::ALL {
        let log = migrations::migration_table(source);
        assert!(tables.contains(&log), "{log} missing from {tables:?}");
    }
    assert!(tables.contains(&"catalog_database".to_owned()));
}

#[tokio::test]
async fn a_source_with_its_own_url_gets_its_own_database() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let mut settings = test_settings(&data_dir).await;
    let meta_url = match fresh_postgres_database().await {
        Some(url) => url,
        None => format!(
            "sqlite://{}?mode=rwc",
            data_dir.path().join("meta.db").display()
        ),
    };
    settings
        .sources
        .insert("meta".to_owned(), Secret::new(meta_url.clone()));
    let default_url = settings.source_url(Source::Treaties).expose().to_owned();
    let app = start(settings, data_dir).await;

    let meta_tables = table_names(&meta_url).await;
    assert!(meta_tables.contains(&"catalog_database".to_owned()));
    assert!(meta_tables.contains(&"mofa_migrations_meta".to_owned()));
    assert!(!meta_tables.contains(&"mofa_migrations_treaties".to_owned()));

    let default_tables = table_names(&default_url).await;
    assert!(!default_tables.contains(&"catalog_database".to_owned()));
    assert!(default_tables.contains(&"mofa_migrations_treaties".to_owned()));

    let (_, body) = app
        .graphql("{ catalog { databases { code } } }", json!({}))
        .await;
    assert_eq!(
        body["data"]["catalog"]["databases"]
            .as_array()
            .map(Vec::len),
        Some(23)
    );
}

#[tokio::test]
async fn restarting_on_a_migrated_database_applies_nothing_and_serves_the_same_catalogue() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let settings = test_settings(&data_dir).await;
    let first = start(settings.clone(), tempfile::tempdir().expect("tempdir")).await;
    let (_, before) = first
        .graphql("{ catalog { units { code } } }", json!({}))
        .await;

    let conn = Database::connect(settings.source_url(Source::Meta).expose())
        .await
        .expect("connect");
    for source in Source::ALL {
        assert_eq!(
            migrations::pending(source, &conn).await.expect("pending"),
            Vec::<String>::new()
        );
    }
    let second = start(settings, data_dir).await;
    let (_, after) = second
        .graphql("{ catalog { units { code } } }", json!({}))
        .await;
    assert_eq!(before, after);
    assert_eq!(
        after["data"]["catalog"]["units"].as_array().map(Vec::len),
        Some(16)
    );
}
