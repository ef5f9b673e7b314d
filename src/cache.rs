//! The shared cache tier (Redis). Redis going away costs speed, never answers: every call has a
//! short timeout and a failure is reported, not raised.

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::configuration::{Secret, redact_url};

/// Health of the shared cache, as `/readyz` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheHealth {
    /// No Redis configured: the in-process tier alone serves.
    Disabled,
    Up,
    /// Configured but not answering: requests go on without it.
    Down,
}

impl CacheHealth {
    pub fn as_str(self) -> &'static str {
        match self {
            CacheHealth::Disabled => "disabled",
            CacheHealth::Up => "up",
            CacheHealth::Down => "down",
        }
    }
}

/// A handle on Redis that connects lazily, so the server starts while Redis is down.
#[derive(Clone)]
pub struct SharedCache {
    redis: Option<ConnectionManager>,
}

/// How long one Redis call may take before the cache counts as down for that call.
const CALL_TIMEOUT: Duration = Duration::from_millis(250);

impl SharedCache {
    pub fn new(url: Option<&Secret>) -> Result<SharedCache, redis::RedisError> {
        let Some(url) = url else {
            return Ok(SharedCache { redis: None });
        };
        let client = redis::Client::open(url.expose())?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_millis(500)))
            .set_response_timeout(Some(CALL_TIMEOUT))
            .set_number_of_retries(1);
        let manager = ConnectionManager::new_lazy_with_config(client, config)?;
        tracing::info!(url = %redact_url(url.expose()), "shared cache configured");
        Ok(SharedCache {
            redis: Some(manager),
        })
    }

    pub async fn health(&self) -> CacheHealth {
        let Some(redis) = &self.redis else {
            return CacheHealth::Disabled;
        };
        let mut conn = redis.clone();
        let ping = redis::cmd("PING");
        match tokio::time::timeout(CALL_TIMEOUT * 2, ping.query_async::<String>(&mut conn)).await {
            Ok(Ok(_)) => CacheHealth::Up,
            Ok(Err(err)) => {
                tracing::warn!(error = %err, "shared cache unreachable");
                CacheHealth::Down
            }
            Err(_) => {
                tracing::warn!("shared cache timed out");
                CacheHealth::Down
            }
        }
    }
}
