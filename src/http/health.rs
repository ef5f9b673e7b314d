//! `/healthz` (the process is alive) and `/readyz` (every source answers; the cache state).

use std::time::Duration;

use actix_web::{HttpResponse, web};
use futures_util::future::join_all;
use serde_json::{Map, Value, json};

use crate::{cache::CacheHealth, state::AppState};

/// How long a source may take to answer before it counts as down.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(json!({ "status": "ok" }))
}

/// Ready while every source answers a ping. A shared cache that is down leaves the server
/// ready (it only costs speed) and is reported as `degraded`.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    let pings = state.sources.iter().map(|(source, conn)| async move {
        let up = match tokio::time::timeout(PING_TIMEOUT, conn.ping()).await {
            Ok(Ok(())) => true,
            Ok(Err(err)) => {
                tracing::warn!(source = %source, error = %err, "source not ready");
                false
            }
            Err(_) => {
                tracing::warn!(source = %source, "source did not answer in time");
                false
            }
        };
        (source, up)
    });
    let (pings, cache) = futures_util::join!(join_all(pings), state.cache.health());
    let mut sources = Map::new();
    let mut all_up = true;
    for (source, up) in pings {
        all_up &= up;
        sources.insert(
            source.code().to_owned(),
            Value::from(if up { "up" } else { "down" }),
        );
    }
    let status = match (all_up, cache) {
        (false, _) => "unavailable",
        (true, CacheHealth::Down) => "degraded",
        (true, _) => "ready",
    };
    let body = json!({ "status": status, "sources": sources, "cache": cache.as_str() });
    let mut response = if all_up {
        HttpResponse::Ok()
    } else {
        HttpResponse::ServiceUnavailable()
    };
    response
        .insert_header(("Cache-Control", "no-store"))
        .json(body)
}

/// `/metrics`: Prometheus text.
pub async fn metrics(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(state.metrics.render() + &state.cache.counters.render())
}

/// `/.well-known/jwks.json`: the public keys of the server's own issuer.
pub async fn jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(state.auth.own.jwks())
}
