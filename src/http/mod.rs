//! HTTP routes: GraphQL, the IDE, health and metrics.

mod bench;
mod error;
mod graphiql;
mod graphql;
mod health;
mod media;
mod oauth;
mod open_data;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig, bench_routes: bool) {
    if bench_routes {
        cfg.service(
            web::resource("/bench/static")
                .route(web::get().to(bench::get))
                .route(web::put().to(bench::put)),
        );
    }
    cfg.service(
        web::resource("/graphql")
            .route(web::get().to(graphql::get))
            .route(web::post().to(graphql::post))
            .default_service(web::to(graphql::method_not_allowed)),
    )
    .route("/graphiql", web::get().to(graphiql::page))
    .route(
        "/graphiql/assets/{version}/{name}",
        web::get().to(graphiql::asset),
    )
    .route("/healthz", web::get().to(health::healthz))
    .route("/readyz", web::get().to(health::readyz))
    .route("/metrics", web::get().to(health::metrics))
    .route("/.well-known/jwks.json", web::get().to(health::jwks))
    .route("/oauth/token", web::post().to(oauth::token))
    .route("/open-data/catalog.jsonld", web::get().to(open_data::dcat))
    .route("/open-data/{file}", web::get().to(open_data::file))
    .route(
        "/api/3/action/package_list",
        web::get().to(open_data::package_list),
    )
    .route(
        "/api/3/action/package_show",
        web::get().to(open_data::package_show),
    )
    .route(
        "/api/3/action/package_search",
        web::get().to(open_data::package_search),
    );
}
