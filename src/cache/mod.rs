//! The public response cache: an in-process tier (moka) in front of a shared tier (Redis).
//!
//! Only responses for the public, made of open data and without errors, are stored; the value is
//! the serialised response, served without parsing or executing again. Each entry remembers the
//! generation of every source it read; a write to a source bumps that source's generation (in
//! Redis, announced to every node by pub/sub), which makes the entries that read it invalid at
//! once. A TTL per source, from its dataset's publication frequency, is the backstop.
//!
//! While Redis is unreachable the in-process tier still serves, but only entries younger than
//! [`DEGRADED_MAX_AGE`], since invalidations from other nodes cannot arrive then.

pub mod key;
mod redis;

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{
        Arc, RwLock,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use entities::Source;
use futures_util::StreamExt;
pub use redis::{CacheHealth, RedisTier as SharedTier};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use self::redis::RedisTier;
use crate::configuration::Secret;

/// How old an in-process entry may be served while Redis is down.
pub const DEGRADED_MAX_AGE: Duration = Duration::from_secs(5);
/// Persisted queries live this long without use, and take at most this many bytes in process.
const PERSISTED_TTL: Duration = Duration::from_secs(7 * 24 * 3600);
const PERSISTED_MAX_BYTES: u64 = 8 * 1024 * 1024;

/// The backstop lifetime of a response that read `source`: the publication frequency of the
/// datasets it feeds (daily → an hour, quarterly → six hours); the catalogue changes only with a
/// new decision.
pub fn backstop_ttl(source: Source) -> Duration {
    match source {
        Source::Meta => Duration::from_secs(24 * 3600),
        Source::Agreements
        | Source::Awards
        | Source::CulturalDiplomacy
        | Source::VietnameseMissions => Duration::from_secs(6 * 3600),
        _ => Duration::from_secs(3600),
    }
}

/// A stored response.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The serialised GraphQL response (always a 200 with data and no errors), shared with
    /// every response that serves it.
    pub bytes: bytes::Bytes,
    pub etag: String,
    /// The generation of each source read, when the response was made.
    generations: Vec<(Source, u64)>,
    /// Unix time, seconds.
    stored_at: u64,
    ttl_secs: u64,
}

/// What Redis keeps of an entry besides the body: one JSON line before it.
#[derive(Serialize, Deserialize)]
struct StoredMeta {
    etag: String,
    generations: Vec<(String, u64)>,
    stored_at: u64,
    ttl_secs: u64,
}

impl Entry {
    pub fn max_age(&self) -> u64 {
        self.ttl_secs
            .saturating_sub(now_secs().saturating_sub(self.stored_at))
    }

    /// The Redis value: the metadata line, `\n`, then the body as is (no escaping to undo).
    fn encode(&self) -> Option<Vec<u8>> {
        let meta = StoredMeta {
            etag: self.etag.clone(),
            generations: self
                .generations
                .iter()
                .map(|(s, g)| (s.code().to_owned(), *g))
                .collect(),
            stored_at: self.stored_at,
            ttl_secs: self.ttl_secs,
        };
        let mut out = serde_json::to_vec(&meta).ok()?;
        out.push(b'\n');
        out.extend_from_slice(&self.bytes);
        Some(out)
    }

    fn decode(value: Vec<u8>) -> Option<Entry> {
        let split = value.iter().position(|b| *b == b'\n')?;
        let meta: StoredMeta = serde_json::from_slice(&value[..split]).ok()?;
        let generations = meta
            .generations
            .iter()
            .map(|(code, g)| code.parse().ok().map(|s| (s, *g)))
            .collect::<Option<Vec<_>>>()?;
        Some(Entry {
            bytes: bytes::Bytes::from(value).slice(split + 1..),
            etag: meta.etag,
            generations,
            stored_at: meta.stored_at,
            ttl_secs: meta.ttl_secs,
        })
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// Counters of the cache, by tier, for `/metrics`.
#[derive(Debug, Default)]
pub struct CacheCounters {
    pub local_hits: AtomicU64,
    pub shared_hits: AtomicU64,
    pub misses: AtomicU64,
    pub stores: AtomicU64,
    pub stale: AtomicU64,
}

impl CacheCounters {
    /// The Prometheus text of the counters.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# HELP mofa_cache_lookups_total Public response cache lookups, by outcome.\n\
             # TYPE mofa_cache_lookups_total counter\n",
        );
        for (outcome, counter) in [
            ("local_hit", &self.local_hits),
            ("shared_hit", &self.shared_hits),
            ("miss", &self.misses),
            ("stale", &self.stale),
        ] {
            out.push_str(&format!(
                "mofa_cache_lookups_total{{outcome=\"{outcome}\"}} {}\n",
                counter.load(Ordering::Relaxed)
            ));
        }
        out.push_str(&format!(
            "# HELP mofa_cache_stores_total Public responses stored.\n\
             # TYPE mofa_cache_stores_total counter\nmofa_cache_stores_total {}\n",
            self.stores.load(Ordering::Relaxed)
        ));
        out
    }
}

struct Local {
    entries: moka::future::Cache<String, (Arc<Entry>, Instant)>,
}

pub struct ResponseCache {
    local: Option<Local>,
    shared: Option<Arc<RedisTier>>,
    generations: Arc<RwLock<BTreeMap<Source, u64>>>,
    schema_version: String,
    /// Prefix of every Redis key and channel.
    namespace: String,
    /// Request text already answered → its canonical key and (with the in-process tier) its
    /// stored response, so a repeated request is served without being parsed.
    raw_hits: moka::future::Cache<String, RawMemo>,
    /// Persisted queries by SHA-256.
    persisted: moka::future::Cache<String, Arc<str>>,
    in_flight: InFlight,
    pub counters: CacheCounters,
}

impl ResponseCache {
    /// `local_capacity_bytes` 0 turns the in-process tier off.
    pub fn new(
        redis_url: Option<&Secret>,
        namespace: &str,
        local_capacity_bytes: u64,
        schema_sdl: &str,
    ) -> Result<ResponseCache, ::redis::RedisError> {
        let shared = redis_url.map(RedisTier::new).transpose()?.map(Arc::new);
        let local = (local_capacity_bytes > 0).then(|| Local {
            entries: moka::future::Cache::builder()
                .max_capacity(local_capacity_bytes)
                .weigher(|key: &String, (entry, _): &(Arc<Entry>, Instant)| {
                    u32::try_from(key.len() + entry.bytes.len()).unwrap_or(u32::MAX)
                })
                .time_to_live(Duration::from_secs(24 * 3600))
                .build(),
        });
        Ok(ResponseCache {
            local,
            shared,
            generations: Arc::new(RwLock::new(BTreeMap::new())),
            schema_version: audit_hex(&Sha256::digest(schema_sdl.as_bytes()))[..16].to_owned(),
            namespace: namespace.to_owned(),
            raw_hits: moka::future::Cache::builder()
                .max_capacity(100_000)
                .time_to_idle(Duration::from_secs(3600))
                .build(),
            persisted: moka::future::Cache::builder()
                .max_capacity(PERSISTED_MAX_BYTES)
                .weigher(|k: &String, v: &Arc<str>| {
                    u32::try_from(k.len() + v.len()).unwrap_or(u32::MAX)
                })
                .time_to_idle(PERSISTED_TTL)
                .build(),
            in_flight: InFlight::default(),
            counters: CacheCounters::default(),
        })
    }

    fn generation_key(&self, source: Source) -> String {
        format!("{}:gen:{}", self.namespace, source.code())
    }

    fn response_key(&self, key: &str) -> String {
        format!("{}:resp:{key}", self.namespace)
    }

    fn channel(&self) -> String {
        format!("{}:invalidate", self.namespace)
    }

    /// The shared tier, for others that keep state in the same Redis (the rate limiter).
    pub fn shared_tier(&self) -> Option<Arc<SharedTier>> {
        self.shared.clone()
    }

    pub fn schema_version(&self) -> &str {
        &self.schema_version
    }

    pub async fn health(&self) -> CacheHealth {
        match &self.shared {
            None => CacheHealth::Disabled,
            Some(redis) => redis.health().await,
        }
    }

    fn generation(&self, source: Source) -> u64 {
        self.generations
            .read()
            .map(|g| g.get(&source).copied().unwrap_or_default())
            .unwrap_or_default()
    }

    fn still_valid(&self, entry: &Entry) -> bool {
        entry.max_age() > 0
            && entry
                .generations
                .iter()
                .all(|(source, generation)| self.generation(*source) == *generation)
    }

    /// The stored response of a request text answered before, if still valid. A miss here is
    /// not counted: the caller goes on to the full lookup.
    pub async fn lookup_raw(&self, raw: &str) -> Option<Arc<Entry>> {
        let memo = self.raw_hits.get(raw).await?;
        if let Some(entry) = &memo.entry {
            let degraded = self.shared.as_ref().is_some_and(|s| s.degraded());
            let young_enough = !degraded
                || now_secs().saturating_sub(entry.stored_at) < DEGRADED_MAX_AGE.as_secs();
            if self.still_valid(entry) && young_enough {
                self.counters.local_hits.fetch_add(1, Ordering::Relaxed);
                return Some(entry.clone());
            }
        }
        let entry = self.find(&memo.key, false).await?;
        if self.local.is_some() {
            // The response was made again, or came from Redis: remember the new one.
            self.remember_raw(raw.to_owned(), &memo.key, entry.clone())
                .await;
        }
        Some(entry)
    }

    /// Makes `alias` (another text of the same request) remember what `raw` remembers.
    pub async fn alias_raw(&self, raw: &str, alias: String) {
        if let Some(memo) = self.raw_hits.get(raw).await {
            self.raw_hits.insert(alias, memo).await;
        }
    }

    /// Remembers the canonical key of a request text and, with the in-process tier, its response.
    pub async fn remember_raw(&self, raw: String, key: &str, entry: Arc<Entry>) {
        let memo = RawMemo {
            key: Arc::from(key),
            entry: self.local.is_some().then_some(entry),
        };
        self.raw_hits.insert(raw, memo).await;
    }

    /// The stored response for `key`, if any is still valid.
    pub async fn lookup(&self, key: &str) -> Option<Arc<Entry>> {
        self.find(key, true).await
    }

    async fn find(&self, key: &str, count_miss: bool) -> Option<Arc<Entry>> {
        let degraded = self.shared.as_ref().is_some_and(|s| s.degraded());
        if let Some(local) = &self.local
            && let Some((entry, stored)) = local.entries.get(key).await
        {
            let young_enough = !degraded || stored.elapsed() < DEGRADED_MAX_AGE;
            if self.still_valid(&entry) && young_enough {
                self.counters.local_hits.fetch_add(1, Ordering::Relaxed);
                return Some(entry);
            }
            if !self.still_valid(&entry) {
                self.counters.stale.fetch_add(1, Ordering::Relaxed);
                local.entries.invalidate(key).await;
            }
        }
        if let Some(shared) = &self.shared
            && let Some(Some(value)) = shared.get(&self.response_key(key)).await
            && let Some(entry) = Entry::decode(value)
            && self.still_valid(&entry)
        {
            self.counters.shared_hits.fetch_add(1, Ordering::Relaxed);
            let entry = Arc::new(entry);
            if let Some(local) = &self.local {
                local
                    .entries
                    .insert(key.to_owned(), (entry.clone(), Instant::now()))
                    .await;
            }
            return Some(entry);
        }
        if count_miss {
            self.counters.misses.fetch_add(1, Ordering::Relaxed);
        }
        None
    }

    fn generations_now(&self) -> BTreeMap<Source, u64> {
        self.generations
            .read()
            .map(|g| g.clone())
            .unwrap_or_default()
    }

    /// Stores a response that read `sources`, made when the generations were `made_at`: an
    /// invalidation that arrived while it was being made leaves it stale, as it should.
    async fn store(
        &self,
        key: &str,
        body: String,
        sources: &BTreeSet<Source>,
        made_at: &BTreeMap<Source, u64>,
    ) -> Arc<Entry> {
        let ttl = sources
            .iter()
            .map(|s| backstop_ttl(*s))
            .min()
            .unwrap_or(Duration::from_secs(3600));
        let entry = Arc::new(Entry {
            etag: format!("\"{}\"", &audit_hex(&Sha256::digest(body.as_bytes()))[..32]),
            bytes: bytes::Bytes::from(body),
            generations: sources
                .iter()
                .map(|s| (*s, made_at.get(s).copied().unwrap_or_default()))
                .collect(),
            stored_at: now_secs(),
            ttl_secs: ttl.as_secs(),
        });
        self.counters.stores.fetch_add(1, Ordering::Relaxed);
        if let Some(local) = &self.local {
            local
                .entries
                .insert(key.to_owned(), (entry.clone(), Instant::now()))
                .await;
        }
        if let Some(shared) = &self.shared
            && let Some(bytes) = entry.encode()
        {
            shared
                .set(&self.response_key(key), bytes, ttl.as_secs())
                .await;
        }
        entry
    }

    /// The text of the persisted query whose SHA-256 is `hash`.
    pub async fn persisted_query(&self, hash: &str) -> Option<String> {
        if let Some(query) = self.persisted.get(hash).await {
            return Some(query.to_string());
        }
        let shared = self.shared.as_ref()?;
        let bytes = shared
            .get(&format!("{}:apq:{hash}", self.namespace))
            .await??;
        let query = String::from_utf8(bytes).ok()?;
        self.persisted
            .insert(hash.to_owned(), Arc::from(query.as_str()))
            .await;
        Some(query)
    }

    /// Registers a persisted query (its hash already checked).
    pub async fn persist_query(&self, hash: &str, query: &str) {
        if self.persisted.contains_key(hash) {
            return;
        }
        self.persisted
            .insert(hash.to_owned(), Arc::from(query))
            .await;
        if let Some(shared) = &self.shared {
            shared
                .set(
                    &format!("{}:apq:{hash}", self.namespace),
                    query.as_bytes().to_vec(),
                    PERSISTED_TTL.as_secs(),
                )
                .await;
        }
    }

    /// A write to `source` committed: every response that read it is invalid, on every node.
    pub async fn invalidate(&self, source: Source) {
        let shared = match &self.shared {
            Some(shared) => {
                shared
                    .bump(&self.generation_key(source), &self.channel(), source.code())
                    .await
            }
            None => None,
        };
        if let Ok(mut generations) = self.generations.write() {
            let current = generations.entry(source).or_default();
            // Without Redis the local count is the truth; with it, Redis's.
            *current = shared.unwrap_or(*current + 1).max(*current + 1);
        }
    }

    /// Reads every source's generation from Redis.
    async fn sync_generations(&self) -> bool {
        let Some(shared) = &self.shared else {
            return false;
        };
        let keys: Vec<String> = Source::ALL
            .iter()
            .map(|s| self.generation_key(*s))
            .collect();
        match shared.get_counters(&keys).await {
            Some(values) => {
                if let Ok(mut generations) = self.generations.write() {
                    for (source, value) in Source::ALL.iter().zip(values) {
                        let current = generations.entry(*source).or_default();
                        *current = (*current).max(value);
                    }
                }
                true
            }
            None => false,
        }
    }

    /// Follows invalidations announced by other nodes, reconnecting as needed; resynchronises
    /// the generations after every (re)connection, since announcements may have been missed.
    pub fn follow_invalidations(self: &Arc<Self>) {
        let Some(shared) = &self.shared else {
            return;
        };
        let client = shared.client().clone();
        let cache = Arc::clone(self);
        let channel = self.channel();
        tokio::spawn(async move {
            loop {
                match client.get_async_pubsub().await {
                    Ok(mut pubsub) => {
                        if pubsub.subscribe(&channel).await.is_ok() {
                            cache.sync_generations().await;
                            let mut messages = pubsub.on_message();
                            while messages.next().await.is_some() {
                                cache.sync_generations().await;
                            }
                        }
                    }
                    Err(err) => tracing::debug!(error = %err, "invalidation channel unavailable"),
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }
}

#[derive(Clone)]
struct RawMemo {
    key: Arc<str>,
    entry: Option<Arc<Entry>>,
}

/// The outcome of [`ResponseCache::get_or_compute`].
pub enum Flight<T> {
    /// A stored response (found, or just made and stored).
    Entry(Arc<Entry>),
    /// This caller made the response, and it cannot be stored.
    Own(T),
    /// Another caller made the response at the same time and it could not be stored.
    Alone,
}

impl ResponseCache {
    /// The stored response for `key`, or `compute`'s, run once for all concurrent misses on
    /// the same key (stampede protection). `compute` returns the body and the sources read when
    /// the response may be stored.
    pub async fn get_or_compute<T, F, Fut>(&self, key: &str, compute: F) -> Flight<T>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<(String, BTreeSet<Source>), T>>,
    {
        if let Some(entry) = self.lookup(key).await {
            return Flight::Entry(entry);
        }
        let cell = match self.in_flight.lock() {
            Ok(mut flights) => flights.entry(key.to_owned()).or_default().clone(),
            Err(_) => Arc::default(),
        };
        let mut own = None;
        let made = cell
            .get_or_init(|| async {
                let before = self.generations_now();
                match compute().await {
                    Ok((body, sources)) => Some(self.store(key, body, &sources, &before).await),
                    Err(uncacheable) => {
                        own = Some(uncacheable);
                        None
                    }
                }
            })
            .await
            .clone();
        if let Ok(mut flights) = self.in_flight.lock()
            && flights.get(key).is_some_and(|c| Arc::ptr_eq(c, &cell))
        {
            flights.remove(key);
        }
        match (made, own) {
            (Some(entry), _) => Flight::Entry(entry),
            (None, Some(uncacheable)) => Flight::Own(uncacheable),
            (None, None) => Flight::Alone,
        }
    }
}

type InFlight = std::sync::Mutex<
    std::collections::HashMap<String, Arc<tokio::sync::OnceCell<Option<Arc<Entry>>>>>,
>;

fn audit_hex(bytes: &[u8]) -> String {
    crate::audit::hex(bytes)
}
