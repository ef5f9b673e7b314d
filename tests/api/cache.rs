//! The public response cache: what it stores, what it never stores, HTTP caching, invalidation
//! across nodes sharing a Redis, and Redis going away and coming back.

use std::time::{Duration, Instant};

use entities::Source;
use reqwest::header::{CACHE_CONTROL, ETAG, IF_NONE_MATCH};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{OwnRedis, TestApp, redis_url, second_node, spawn_app, spawn_app_with};

const QUERY: &str = "{ treaties(first: 3) { edges { node { number titleEn } } } }";

async fn metric(app: &TestApp, name: &str) -> u64 {
    let text = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}

async fn post(app: &TestApp, token: Option<&str>, query: &str) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/graphql"))
        .json(&json!({ "query": query }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

#[tokio::test]
async fn a_cached_answer_equals_the_uncached_one_and_http_caching_works() {
    let app = spawn_app().await;
    let first = post(&app, None, QUERY).await;
    assert_eq!(
        first.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap_or_default()
            .split(',')
            .next(),
        Some("public")
    );
    let etag = first.headers()[ETAG].clone();
    let first: Value = first.json().await.expect("json");
    // The same query written differently is the same entry.
    let second = post(
        &app,
        None,
        "query {\n treaties(first: 3) {edges{node{number titleEn}}}\n}",
    )
    .await;
    assert_eq!(second.headers()[ETAG], etag);
    let second: Value = second.json().await.expect("json");
    assert_eq!(first, second);
    assert_eq!(
        metric(&app, "mofa_cache_lookups_total{outcome=\"local_hit\"}").await,
        1
    );

    let not_modified = app
        .client
        .post(app.url("/graphql"))
        .header(IF_NONE_MATCH, etag.clone())
        .json(&json!({ "query": QUERY }))
        .send()
        .await
        .expect("request");
    assert_eq!(not_modified.status(), 304);
    assert_eq!(not_modified.headers()[ETAG], etag);
    assert!(not_modified.bytes().await.expect("body").is_empty());

    // The uncached execution gives the same data.
    let uncached = spawn_app_with(|s| s.cache_enabled = false).await;
    let fresh: Value = post(&uncached, None, QUERY)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(fresh, first);
}

#[tokio::test]
async fn partner_and_staff_responses_never_enter_the_shared_cache() {
    let app = spawn_app().await;
    let partner = app.partner_token(&["treaty-info"]).await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    for token in [&partner, &staff] {
        for _ in 0..2 {
            let response = post(&app, Some(token), QUERY).await;
            assert_eq!(response.headers()[CACHE_CONTROL], "private, no-store");
            assert!(response.headers().get(ETAG).is_none());
        }
    }
    assert_eq!(metric(&app, "mofa_cache_stores_total").await, 0);
    // A public response with errors is not stored either.
    post(
        &app,
        None,
        "{ treaties(first: 1) { edges { node { negotiationNotes } } } }",
    )
    .await;
    assert_eq!(metric(&app, "mofa_cache_stores_total").await, 0);
    post(&app, None, QUERY).await;
    assert_eq!(metric(&app, "mofa_cache_stores_total").await, 1);
}

async fn first_title(app: &TestApp) -> String {
    let body: Value = post(app, None, QUERY).await.json().await.expect("json");
    body["data"]["treaties"]["edges"][0]["node"]["titleEn"]
        .as_str()
        .expect("title")
        .to_owned()
}

#[tokio::test]
async fn a_write_invalidates_the_cached_responses_that_read_it_on_every_node() {
    if redis_url().is_none() {
        // Two nodes share invalidations through Redis; scripts/test provides one.
        return;
    }
    let a = spawn_app().await;
    let b = second_node(&a).await;
    let before = first_title(&b).await;
    assert_eq!(first_title(&b).await, before);

    // A write on node A: the row changes, then A invalidates its source, as a mutation will.
    a.sources
        .get(Source::Treaties)
        .execute_unprepared(
            "UPDATE treaty SET title_en = 'Renamed for the test' WHERE id = (SELECT id FROM treaty WHERE status = 'in_force' AND publishable ORDER BY id LIMIT 1)",
        )
        .await
        .expect("update");
    a.cache.invalidate(Source::Treaties).await;
    let started = Instant::now();
    loop {
        if first_title(&b).await == "Renamed for the test" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "node B still serves the old answer"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // A catalogue query that read no treaty stays cached.
    post(&b, None, "{ catalog { units { code } } }").await;
    let hits = metric(&b, "mofa_cache_lookups_total{outcome=\"local_hit\"}").await;
    post(&b, None, "{ catalog { units { code } } }").await;
    assert_eq!(
        metric(&b, "mofa_cache_lookups_total{outcome=\"local_hit\"}").await,
        hits + 1
    );
}

#[tokio::test]
async fn redis_going_away_costs_speed_never_answers_and_caching_resumes() {
    if redis_url().is_none() {
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let redis = OwnRedis::start(port, tempfile::tempdir().expect("tempdir"));
    let app = spawn_app_with(|s| {
        s.redis_url = Some(mofa_graph::configuration::Secret::new(format!(
            "redis://127.0.0.1:{port}"
        )));
        // Shared tier only, so that every hit is a Redis hit.
        s.cache_local_capacity_bytes = 0;
    })
    .await;
    let expected = first_title(&app).await;
    assert_eq!(first_title(&app).await, expected);
    assert_eq!(
        metric(&app, "mofa_cache_lookups_total{outcome=\"shared_hit\"}").await,
        1
    );

    let (port, dir) = redis.stop();
    for _ in 0..10 {
        assert_eq!(
            first_title(&app).await,
            expected,
            "answers go on without Redis"
        );
    }
    let ready: Value = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(
        (ready["status"].as_str(), ready["cache"].as_str()),
        (Some("degraded"), Some("down"))
    );

    let redis = OwnRedis::start(port, dir);
    let started = Instant::now();
    let hits_before = metric(&app, "mofa_cache_lookups_total{outcome=\"shared_hit\"}").await;
    loop {
        assert_eq!(first_title(&app).await, expected);
        if metric(&app, "mofa_cache_lookups_total{outcome=\"shared_hit\"}").await > hits_before {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "caching did not resume"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    redis.stop();
}

fn sha256_hex(text: &str) -> String {
    mofa_graph::audit::operation_hash(text)
}

#[tokio::test]
async fn persisted_queries_over_get_are_cacheable_by_a_proxy() {
    let app = spawn_app().await;
    let hash = sha256_hex(QUERY);
    let extensions = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } }).to_string();
    let get = |with_query: bool| {
        let mut params = vec![("extensions", extensions.clone())];
        if with_query {
            params.push(("query", QUERY.to_owned()));
        }
        app.client.get(app.url("/graphql")).query(&params).send()
    };
    // Unknown hash: the client is told to send the query once.
    let body: Value = get(false)
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_NOT_FOUND"
    );
    // Registered with its text, then served by hash alone, as a public cacheable GET.
    let registered: Value = get(true)
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let by_hash = get(false).await.expect("request");
    assert_eq!(by_hash.status(), 200);
    assert!(
        by_hash.headers()[CACHE_CONTROL]
            .to_str()
            .unwrap_or_default()
            .starts_with("public")
    );
    let by_hash: Value = by_hash.json().await.expect("json");
    assert_eq!(by_hash, registered);
    assert!(by_hash["data"]["treaties"]["edges"].is_array());

    // A hash that does not match the text is refused.
    let wrong =
        json!({ "persistedQuery": { "version": 1, "sha256Hash": sha256_hex("{ other }") } });
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("Accept", "application/graphql-response+json")
        .json(&json!({ "query": QUERY, "extensions": wrong }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 400);
}
