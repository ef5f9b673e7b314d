//! `/bench/static` (only with `bench_routes`): the benchmark's baseline, a route on the same
//! server that returns given bytes with no work at all. `PUT` sets the bytes, `GET` serves them.

use actix_web::{HttpResponse, web};

use crate::state::AppState;

pub async fn put(body: web::Bytes, state: web::Data<AppState>) -> HttpResponse {
    if let Ok(mut stored) = state.bench_static.write() {
        *stored = body;
    }
    HttpResponse::NoContent().finish()
}

pub async fn get(state: web::Data<AppState>) -> HttpResponse {
    let body = state
        .bench_static
        .read()
        .map(|b| b.clone())
        .unwrap_or_default();
    HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=60"))
        .body(body)
}
