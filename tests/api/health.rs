use serde_json::Value;

use crate::helpers::{redis_url, spawn_app, spawn_app_with};

async fn readyz(app: &crate::helpers::TestApp) -> (u16, Value) {
    let response = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json"))
}

#[tokio::test]
async fn healthz_answers_ok() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("x-request-id"));
}

#[tokio::test]
async fn readyz_reports_every_source_up() {
    let app = spawn_app().await;
    let (status, body) = readyz(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ready");
    let sources = body["sources"].as_object().expect("sources");
    assert_eq!(sources.len(), 28);
    assert!(sources.values().all(|v| v == "up"), "{body}");
    let expected_cache = if redis_url().is_some() {
        "up"
    } else {
        "disabled"
    };
    assert_eq!(body["cache"], expected_cache);
}

#[tokio::test]
async fn readyz_stays_ready_but_degraded_when_redis_is_unreachable() {
    // Port 9 (discard) on loopback has no Redis.
    let app = spawn_app_with(|s| {
        s.redis_url = Some(mofa_graph::configuration::Secret::new(
            "redis://127.0.0.1:9",
        ));
    })
    .await;
    let (status, body) = readyz(&app).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["cache"], "down");
    let (status, _) = app.graphql("{ __typename }", serde_json::json!({})).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn readyz_is_503_when_a_source_is_unreachable() {
    if crate::helpers::postgres_admin_url().is_none() {
        // An embedded SQLite file cannot go away under a running server; PostgreSQL can.
        return;
    }
    let app = spawn_app().await;
    let url = app.settings.database_url.clone().expect("a PostgreSQL URL");
    let name = url
        .expose()
        .rsplit('/')
        .next()
        .expect("a database name")
        .to_owned();
    let admin = sea_orm::Database::connect(crate::helpers::postgres_admin_url().expect("admin"))
        .await
        .expect("admin connection");
    use sea_orm::ConnectionTrait;
    // Refuse new connections and end the current ones: the source is down.
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .await
        .expect("alter");
    admin
        .execute_unprepared(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        ))
        .await
        .expect("terminate");
    let (status, body) = readyz(&app).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "unavailable");
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .await
        .expect("alter back");
    let (status, body) = readyz(&app).await;
    assert_eq!(status, 200, "recovers without a restart: {body}");
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern() {
    let app = spawn_app().await;
    app.graphql("{ __typename }", serde_json::json!({})).await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    for query in [
        "query Treaties { treaties { totalCount } }",
        "query Treaties { nope }",
    ] {
        app.graphql_as(Some(&staff), query, serde_json::json!({}))
            .await;
    }
    app.client
        .get(app.url("/graphiql/assets/graphiql-3.8.3/nope"))
        .send()
        .await
        .expect("request");
    let text = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    assert!(
        text.contains(r#"mofa_http_requests_total{route="/graphql",method="POST",status="200"} 3"#),
        "{text}"
    );
    assert!(
        text.contains(r#"route="/graphiql/assets/{version}/{name}",method="GET",status="404"} 1"#),
        "{text}"
    );
    // Operations by audience, type, name and outcome, with their latency.
    for line in [
        r#"mofa_graphql_operations_total{audience="public",type="query",operation="anonymous",outcome="ok"} 1"#,
        r#"mofa_graphql_operations_total{audience="staff",type="query",operation="Treaties",outcome="ok"} 1"#,
        r#"mofa_graphql_operations_total{audience="staff",type="query",operation="Treaties",outcome="GRAPHQL_VALIDATION_FAILED"} 1"#,
        r#"mofa_graphql_operation_duration_seconds_count{audience="staff",type="query",operation="Treaties"} 2"#,
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
}
