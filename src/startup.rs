//! One startup path for `main` and the tests: [`Application::build`] opens and migrates the
//! sources, builds the schema, binds (port 0 picks a free port) and returns the server ready to
//! run; [`Application::run_until_stopped`] serves until SIGTERM or SIGINT, letting requests in
//! flight finish.

use std::{net::TcpListener, sync::Arc, time::Duration};

use actix_cors::Cors;
use actix_web::{App, HttpServer, dev::Server, http::header, middleware, web};

use crate::{
    audit::AuditLog,
    auth::{Authenticator, KeyFileError, KeySet, external::ExternalKeys},
    cache::ResponseCache,
    configuration::Settings,
    http,
    metrics::Metrics,
    rate_limit::RateLimiter,
    sources::{self, SourceError},
    state::AppState,
    telemetry,
};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error("MOFA_REDIS_URL: {0}")]
    Redis(#[from] redis::RedisError),
    #[error(transparent)]
    Keys(#[from] KeyFileError),
    #[error("HTTP client: {0}")]
    Http(String),
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        bind: String,
        source: std::io::Error,
    },
}

pub struct Application {
    port: u16,
    server: Server,
    state: web::Data<AppState>,
}

impl Application {
    pub async fn build(settings: Settings) -> Result<Application, StartupError> {
        let metrics = Arc::new(Metrics::default());
        let sources = sources::connect(&settings, metrics.database.clone()).await?;
        if settings.migrate_on_start {
            sources::migrate_all(&sources).await?;
        }
        let cache = Arc::new(ResponseCache::new(
            settings.redis_url.as_ref(),
            &settings.cache_namespace,
            settings.cache_local_capacity_bytes,
            &graphql::sdl(),
        )?);
        cache.follow_invalidations();
        let keys = KeySet::load_or_create(
            &settings.signing_key_path(),
            &settings.token_issuer,
            settings.max_token_lifetime_secs,
        )?;
        let external = settings
            .external_issuers
            .iter()
            .cloned()
            .map(ExternalKeys::new)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| StartupError::Http(e.to_string()))?;
        let limits = graphql::QueryLimits {
            max_page_size: settings.max_page_size,
            ..Default::default()
        };
        // Owners come from the catalogue, which the `meta` migrations load.
        let owners = graphql::policy::Owners::load(sources.get(entities::Source::Meta))
            .await
            .map_err(|e| StartupError::Http(format!("cannot read the catalogue's owners: {e}")))?;
        let schema = graphql::build_schema(sources.clone(), limits, owners);
        let rate_limiter = RateLimiter::new(
            settings.limits,
            settings.trusted_proxies.clone(),
            cache.shared_tier(),
            &settings.cache_namespace,
            metrics.clone(),
        );
        let state = web::Data::new(AppState {
            settings: Arc::new(settings),
            sources,
            cache,
            schema,
            metrics,
            rate_limiter,
            auth: Authenticator {
                own: keys,
                external,
            },
            audit: AuditLog::default(),
            bench_static: Default::default(),
        });

        let bind = state.settings.bind.clone();
        let listener = TcpListener::bind(&bind).map_err(|source| StartupError::Bind {
            bind: bind.clone(),
            source,
        })?;
        let port = listener
            .local_addr()
            .map_err(|source| StartupError::Bind { bind, source })?
            .port();

        let server = {
            let app_state = state.clone();
            let mut server = HttpServer::new(move || {
                App::new()
                    .app_data(app_state.clone())
                    .wrap(cors(&app_state.settings))
                    .wrap(middleware::Compress::default())
                    .wrap(middleware::from_fn(telemetry::log_requests))
                    .configure(|cfg| http::routes(cfg, app_state.settings.bench_routes))
            })
            .shutdown_timeout(state.settings.shutdown_timeout_secs)
            .client_request_timeout(Duration::from_secs(10));
            if let Some(workers) = state.settings.workers {
                server = server.workers(workers);
            }
            server
                .listen(listener)
                .map_err(|source| StartupError::Bind {
                    bind: state.settings.bind.clone(),
                    source,
                })?
                .run()
        };
        tracing::info!(port, "listening");
        Ok(Application {
            port,
            server,
            state,
        })
    }

    /// The port the server listens on (useful with port 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The response cache, for tests that invalidate as a write would.
    pub fn cache(&self) -> Arc<crate::cache::ResponseCache> {
        Arc::clone(&self.state.cache)
    }

    /// The sources the server opened, for tests that look at the databases directly.
    pub fn sources(&self) -> &entities::SourceConnections {
        &self.state.sources
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// Cross-origin access for browser frontends: only the configured origins, none by default.
fn cors(settings: &Settings) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods(["GET", "POST"])
        .allowed_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
        .expose_headers([header::HeaderName::from_static("x-request-id")])
        .max_age(3600);
    for origin in &settings.cors_allowed_origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}
