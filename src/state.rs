//! The one application state every handler sees.

use std::sync::Arc;

use entities::SourceConnections;
use graphql::AppSchema;

use crate::{
    audit::AuditLog, auth::Authenticator, cache::ResponseCache, configuration::Settings,
    metrics::Metrics, rate_limit::RateLimiter,
};

pub struct AppState {
    pub settings: Arc<Settings>,
    pub sources: SourceConnections,
    pub cache: std::sync::Arc<ResponseCache>,
    pub schema: AppSchema,
    pub metrics: Arc<Metrics>,
    pub rate_limiter: RateLimiter,
    /// Every issuer whose tokens are accepted; `auth.own` signs.
    pub auth: Authenticator,
    pub audit: AuditLog,
    /// The bytes `/bench/static` serves (benchmark only).
    pub bench_static: std::sync::RwLock<bytes::Bytes>,
}
