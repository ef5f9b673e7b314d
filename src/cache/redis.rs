//! The shared tier (Redis). Redis going away costs speed, never answers: every call has a short
//! timeout, and a circuit breaker stops calling Redis after repeated failures, then lets one
//! probe through now and then until it answers again.

use std::{
    sync::{
        Mutex,
        atomic::{AtomicBool, AtomicU32, Ordering},
    },
    time::{Duration, Instant},
};

use redis::{
    AsyncCommands,
    aio::{ConnectionManager, ConnectionManagerConfig},
};

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

/// How long one Redis call may take.
const CALL_TIMEOUT: Duration = Duration::from_millis(250);
/// Consecutive failures that open the breaker, and how long it stays open before a probe.
const FAILURES_TO_OPEN: u32 = 3;
const OPEN_FOR: Duration = Duration::from_secs(2);

#[derive(Default)]
struct Breaker {
    failures: AtomicU32,
    /// Read on every request, so kept apart from the deadline's lock.
    open: AtomicBool,
    open_until: Mutex<Option<Instant>>,
}

impl Breaker {
    fn allows(&self) -> bool {
        if !self.open.load(Ordering::Relaxed) {
            return true;
        }
        match self.open_until.lock() {
            // Open: skip Redis until the deadline; then one call probes (half-open).
            Ok(mut until) => match *until {
                Some(deadline) if Instant::now() < deadline => false,
                Some(_) => {
                    *until = Some(Instant::now() + OPEN_FOR);
                    true
                }
                None => true,
            },
            Err(_) => true,
        }
    }

    fn is_open(&self) -> bool {
        self.open.load(Ordering::Relaxed)
    }

    fn success(&self) {
        self.failures.store(0, Ordering::Relaxed);
        if self.open.swap(false, Ordering::Relaxed)
            && let Ok(mut until) = self.open_until.lock()
        {
            *until = None;
            tracing::info!("shared cache is back");
        }
    }

    fn failure(&self) {
        let failures = self.failures.fetch_add(1, Ordering::Relaxed) + 1;
        if failures >= FAILURES_TO_OPEN
            && let Ok(mut until) = self.open_until.lock()
        {
            if !self.open.swap(true, Ordering::Relaxed) {
                tracing::warn!("shared cache unreachable; going on without it");
            }
            *until = Some(Instant::now() + OPEN_FOR);
        }
    }
}

/// A handle on Redis that connects lazily, so the server starts while Redis is down.
pub struct RedisTier {
    client: redis::Client,
    manager: ConnectionManager,
    breaker: Breaker,
}

impl RedisTier {
    pub fn new(url: &Secret) -> Result<RedisTier, redis::RedisError> {
        let client = redis::Client::open(url.expose())?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(Duration::from_millis(500)))
            .set_response_timeout(Some(CALL_TIMEOUT))
            .set_number_of_retries(1);
        let manager = ConnectionManager::new_lazy_with_config(client.clone(), config)?;
        tracing::info!(url = %redact_url(url.expose()), "shared cache configured");
        Ok(RedisTier {
            client,
            manager,
            breaker: Breaker::default(),
        })
    }

    pub fn client(&self) -> &redis::Client {
        &self.client
    }

    /// Whether the breaker is open (Redis considered down).
    pub fn degraded(&self) -> bool {
        self.breaker.is_open()
    }

    /// Runs one Redis call under the timeout and the breaker; `None` when skipped or failed.
    async fn call<T, F, Fut>(&self, what: &'static str, f: F) -> Option<T>
    where
        F: FnOnce(ConnectionManager) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        if !self.breaker.allows() {
            return None;
        }
        match tokio::time::timeout(CALL_TIMEOUT * 2, f(self.manager.clone())).await {
            Ok(Ok(value)) => {
                self.breaker.success();
                Some(value)
            }
            Ok(Err(err)) => {
                tracing::debug!(error = %err, what, "shared cache call failed");
                self.breaker.failure();
                None
            }
            Err(_) => {
                tracing::debug!(what, "shared cache call timed out");
                self.breaker.failure();
                None
            }
        }
    }

    pub async fn get(&self, key: &str) -> Option<Option<Vec<u8>>> {
        self.call("GET", |mut c| async move {
            c.get::<_, Option<Vec<u8>>>(key).await
        })
        .await
    }

    pub async fn set(&self, key: &str, value: Vec<u8>, ttl_secs: u64) -> bool {
        self.call("SET", |mut c| async move {
            c.set_ex::<_, _, ()>(key, value, ttl_secs.max(1)).await
        })
        .await
        .is_some()
    }

    /// Current values of integer keys (missing → 0).
    pub async fn get_counters(&self, keys: &[String]) -> Option<Vec<u64>> {
        if keys.is_empty() {
            return Some(Vec::new());
        }
        self.call("MGET", |mut c| async move {
            let values: Vec<Option<u64>> = c.mget(keys).await?;
            Ok(values.into_iter().map(Option::unwrap_or_default).collect())
        })
        .await
    }

    /// Increments a counter and announces it on `channel`; returns the new value.
    pub async fn bump(&self, key: &str, channel: &str, message: &str) -> Option<u64> {
        self.call("INCR", |mut c| async move {
            let value: u64 = c.incr(key, 1).await?;
            let _: () = c.publish(channel, message).await?;
            Ok(value)
        })
        .await
    }

    /// Adds `count` requests admitted over the last `since_us` to the rate limiter's shared
    /// arrival time of `key` and returns how far ahead of now it is, in microseconds; `None`
    /// when Redis did not answer (the node then limits alone).
    pub async fn gcra(
        &self,
        key: &str,
        interval_us: u64,
        count: u32,
        since_us: u64,
    ) -> Option<u64> {
        // EVAL with the text: Redis keeps the compiled script under its digest, so this costs a
        // hash of some 400 bytes, not a compilation.
        self.call("GCRA", |mut c| async move {
            redis::cmd("EVAL")
                .arg(crate::rate_limit::GCRA_SCRIPT)
                .arg(1)
                .arg(key)
                .arg(interval_us)
                .arg(count)
                .arg(since_us)
                .query_async::<u64>(&mut c)
                .await
        })
        .await
    }

    pub async fn health(&self) -> CacheHealth {
        // Health is probed directly, whatever the breaker says.
        let mut conn = self.manager.clone();
        let ping = redis::cmd("PING");
        match tokio::time::timeout(CALL_TIMEOUT * 2, ping.query_async::<String>(&mut conn)).await {
            Ok(Ok(_)) => CacheHealth::Up,
            _ => CacheHealth::Down,
        }
    }
}
