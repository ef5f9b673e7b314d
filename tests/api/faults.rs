//! Faults of the databases and of Redis while the server runs: answers stay correct or fail
//! cleanly with their code, service comes back without a restart, and no committed write is
//! lost.

use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};

use crate::helpers::{
    OwnRedis, TestApp, fresh_postgres_database, postgres_admin_url, spawn_app_with, test_settings,
};

/// Makes one PostgreSQL database refuse connections and ends those it has, as a database
/// server going away does to the pools that use it; and lets it back.
struct Outage {
    admin: DatabaseConnection,
    database: String,
}

impl Outage {
    async fn of(url: &str) -> Outage {
        let admin = sea_orm::Database::connect(postgres_admin_url().expect("admin URL"))
            .await
            .expect("admin connection");
        let database = url.rsplit('/').next().expect("a database name").to_owned();
        Outage { admin, database }
    }

    async fn begin(&self) {
        let name = &self.database;
        self.admin
            .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
            .await
            .expect("refuse connections");
        self.admin
            .execute_unprepared(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
            ))
            .await
            .expect("end connections");
    }

    async fn end(&self) {
        self.admin
            .execute_unprepared(&format!(
                "ALTER DATABASE {} ALLOW_CONNECTIONS true",
                self.database
            ))
            .await
            .expect("allow connections");
    }
}

const BOTH: &str = "{ treaties { totalCount } countries { totalCount } }";
const CREATE: &str = "mutation($f: JSON!) { createRecord(type: \"Treaty\", fields: $f) { id } }";

fn treaty_fields(n: usize) -> Value {
    json!({ "number": format!("FAULT-{n}"), "titleVi": "Hiệp định thử", "titleEn": "Test agreement", "kind": "agreement", "bilateral": true, "status": "signed" })
}

/// The treaties source on a database of its own, the rest on another.
async fn app_with_treaties_apart() -> Option<(TestApp, String)> {
    postgres_admin_url()?;
    let treaties = fresh_postgres_database().await.expect("a database");
    let url = treaties.clone();
    let app = spawn_app_with(move |s| {
        s.sources.insert(
            "treaties".to_owned(),
            mofa_graph::configuration::Secret::new(url),
        );
        s.db_acquire_timeout_ms = 500;
    })
    .await;
    Some((app, treaties))
}

/// One source down: its fields fail with `SOURCE_UNAVAILABLE` naming it, the other sources
/// answer in the same response, `/readyz` says which is down; then it comes back by itself.
#[tokio::test]
async fn one_source_down_fails_its_fields_only_and_recovers_without_a_restart() {
    let Some((app, treaties)) = app_with_treaties_apart().await else {
        return;
    };
    let editor = app.staff_token("LPQT", &["editor"]);
    let (_, body) = app.graphql_as(Some(&editor), BOTH, json!({})).await;
    let before = body["data"]["treaties"]["totalCount"]
        .as_u64()
        .expect("count");
    let countries = body["data"]["countries"]["totalCount"].clone();

    let outage = Outage::of(&treaties).await;
    outage.begin().await;
    let started = Instant::now();
    let (status, body) = app.graphql_as(Some(&editor), BOTH, json!({})).await;
    assert!(started.elapsed() < Duration::from_secs(5), "fails fast");
    assert_eq!(status, 200);
    assert_eq!(body["data"]["treaties"], Value::Null, "{body}");
    assert_eq!(body["data"]["countries"]["totalCount"], countries, "{body}");
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "SOURCE_UNAVAILABLE", "{body}");
    assert_eq!(error["extensions"]["source"], "treaties", "{body}");
    assert_eq!(error["path"], json!(["treaties"]));
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        !message.contains("postgres") && !message.contains("connection"),
        "{message}"
    );
    let ready: Value = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("readyz")
        .json()
        .await
        .expect("json");
    assert_eq!(ready["sources"]["treaties"], "down", "{ready}");
    assert_eq!(ready["sources"]["country-profiles"], "up", "{ready}");
    // A write to the source that is down fails cleanly, and is not half done.
    let (_, body) = app
        .graphql_as(Some(&editor), CREATE, json!({ "f": treaty_fields(0) }))
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "SOURCE_UNAVAILABLE",
        "{body}"
    );

    outage.end().await;
    let started = Instant::now();
    loop {
        let (_, body) = app.graphql_as(Some(&editor), BOTH, json!({})).await;
        if body["data"]["treaties"]["totalCount"].as_u64() == Some(before) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "did not recover: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, body) = app
        .graphql_as(Some(&editor), CREATE, json!({ "f": treaty_fields(1) }))
        .await;
    assert!(body["data"]["createRecord"]["id"].is_string(), "{body}");
}

/// Writes go on while the database goes away and comes back: each write either commits and
/// says so, or fails with a code; every write that said it committed is there afterwards.
#[tokio::test]
async fn no_committed_write_is_lost_across_an_outage() {
    let Some((app, treaties)) = app_with_treaties_apart().await else {
        return;
    };
    let editor = app.staff_token("LPQT", &["editor"]);
    let outage = Outage::of(&treaties).await;
    let mut committed = Vec::new();
    let mut refused = 0;
    for n in 0..60 {
        if n == 20 {
            outage.begin().await;
        }
        if n == 40 {
            outage.end().await;
        }
        let (status, body) = app
            .graphql_as(Some(&editor), CREATE, json!({ "f": treaty_fields(n) }))
            .await;
        assert_eq!(status, 200, "{body}");
        match body["data"]["createRecord"]["id"].as_str() {
            Some(id) => committed.push(id.to_owned()),
            None => {
                let code = body["errors"][0]["extensions"]["code"].as_str();
                assert_eq!(code, Some("SOURCE_UNAVAILABLE"), "{body}");
                refused += 1;
            }
        }
    }
    assert!(refused > 0, "the outage refused some writes");
    assert!(committed.len() >= 40, "{} committed", committed.len());
    for id in &committed {
        let (_, body) = app
            .graphql_as(
                Some(&editor),
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(body["data"]["node"]["id"], json!(id), "{body}");
    }
}

/// A Redis of this test's own, stopped and started again under the rate limiter: requests go
/// on (limited in process meanwhile), and the shared limiter is used again once Redis is back.
#[tokio::test]
async fn rate_limits_go_on_in_process_while_redis_is_away() {
    if crate::helpers::redis_url().is_none() {
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let redis = OwnRedis::start(port, tempfile::tempdir().expect("tempdir"));
    let data_dir = tempfile::tempdir().expect("tempdir");
    let mut settings = test_settings(&data_dir).await;
    settings.redis_url = Some(mofa_graph::configuration::Secret::new(format!(
        "redis://127.0.0.1:{port}"
    )));
    settings.limits.public.rate_per_minute = 60;
    settings.limits.public.rate_burst = 5;
    let app = crate::helpers::start(settings, data_dir).await;
    let statuses = |n: usize| {
        let app = &app;
        async move {
            let mut statuses = Vec::new();
            for _ in 0..n {
                let (status, _) = app
                    .graphql("{ catalog { units { code } } }", json!({}))
                    .await;
                statuses.push(status);
            }
            statuses
        }
    };
    assert_eq!(statuses(6).await, [200, 200, 200, 200, 200, 429]);
    let (port, dir) = redis.stop();
    // In process, the node goes on from what it knows of the caller; never a 500.
    let away = statuses(8).await;
    assert!(away.iter().all(|s| *s == 200 || *s == 429), "{away:?}");
    assert!(away.contains(&429), "still limited: {away:?}");
    let redis = OwnRedis::start(port, dir);
    let started = Instant::now();
    loop {
        let s = statuses(1).await;
        assert!(s[0] == 200 || s[0] == 429, "{s:?}");
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    redis.stop();
}

/// A statement that cannot finish in `MOFA_DB_STATEMENT_TIMEOUT_MS` is cancelled by the
/// database: here the treaty table is locked by another session, so reading it waits until
/// PostgreSQL gives up. Only that source's fields fail, and at once it is free they answer.
#[tokio::test]
async fn a_statement_over_its_timeout_fails_its_source_only() {
    if postgres_admin_url().is_none() {
        return;
    }
    let app = spawn_app_with(|s| s.db_statement_timeout_ms = 300).await;
    let editor = app.staff_token("LPQT", &["editor"]);
    let url = app.settings.database_url.clone().expect("a PostgreSQL URL");
    let other = sea_orm::Database::connect(url.expose())
        .await
        .expect("another session");
    use sea_orm::TransactionTrait;
    let locker = other.begin().await.expect("begin");
    locker
        .execute_unprepared("LOCK TABLE treaty IN ACCESS EXCLUSIVE MODE")
        .await
        .expect("lock");
    let started = Instant::now();
    let (status, body) = app.graphql_as(Some(&editor), BOTH, json!({})).await;
    let waited = started.elapsed();
    assert_eq!(status, 200);
    assert_eq!(body["data"]["treaties"], Value::Null, "{body}");
    assert!(body["data"]["countries"]["totalCount"].is_u64(), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "SOURCE_UNAVAILABLE",
        "{body}"
    );
    assert_eq!(
        body["errors"][0]["extensions"]["source"], "treaties",
        "{body}"
    );
    assert!(
        waited >= Duration::from_millis(300) && waited < Duration::from_secs(4),
        "cancelled by the statement timeout: {waited:?}"
    );
    locker.rollback().await.expect("unlock");
    let (_, body) = app.graphql_as(Some(&editor), BOTH, json!({})).await;
    assert!(body["data"]["treaties"]["totalCount"].is_u64(), "{body}");
}
