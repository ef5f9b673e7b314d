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

pub(crate) use error::HttpError;
pub use graphql::check_body;

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
    .route("/graphql/schema.graphql", web::get().to(graphql::schema))
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
    .service(open("/open-data/catalog.jsonld").route(web::get().to(open_data::dcat)))
    .service(open("/open-data/{file}").route(web::get().to(open_data::file)))
    .service(open("/api/3/action/package_list").route(web::get().to(open_data::package_list)))
    .service(open("/api/3/action/package_show").route(web::get().to(open_data::package_show)))
    .service(open("/api/3/action/package_search").route(web::get().to(open_data::package_search)));
}

/// A route of the open data, which is anonymous: its callers are limited as the public is.
fn open(
    path: &str,
) -> actix_web::Resource<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    web::resource(path).wrap(actix_web::middleware::from_fn(public_rate))
}

async fn public_rate(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<
    actix_web::dev::ServiceResponse<actix_web::body::EitherBody<impl actix_web::body::MessageBody>>,
    actix_web::Error,
> {
    let state = req.app_data::<web::Data<crate::state::AppState>>().cloned();
    if let Some(state) = state {
        let public = ::graphql::policy::Principal::public();
        if let Err(refusal) = state.rate_limiter.admit(req.request(), &public, None).await {
            return Ok(req
                .into_response(refusal.into_response(None))
                .map_into_right_body());
        }
    }
    Ok(next.call(req).await?.map_into_left_body())
}
