//! Rate limits per caller, by the generic cell rate algorithm (GCRA): each caller has a
//! theoretical arrival time that every admitted request pushes one emission interval further;
//! a request is refused while that time is more than the burst ahead of now. The state is one
//! integer per caller, in Redis so that every node shares it, and in process while Redis is
//! not configured or not answering.
//!
//! Callers are the public by client address (`X-Forwarded-For` counts only from a trusted
//! proxy), partners by client id with their grants' quotas, staff by subject.

use std::{
    collections::HashMap,
    net::IpAddr,
    str::FromStr,
    sync::{Arc, Mutex},
    time::{SystemTime, UNIX_EPOCH},
};

use actix_web::HttpRequest;
use graphql::policy::{Audience, Principal};

use crate::{cache::SharedTier, configuration::Limits, http::HttpError, metrics::Metrics};

/// A rate: `per_minute` requests a minute, up to `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub per_minute: u32,
    pub burst: u32,
}

impl Rate {
    /// Microseconds between two requests at the steady rate.
    fn interval_us(self) -> u64 {
        60_000_000 / u64::from(self.per_minute.max(1))
    }

    /// How far ahead of now the arrival time may run.
    fn tolerance_us(self) -> u64 {
        self.interval_us() * u64::from(self.burst.max(1))
    }
}

/// The GCRA step: from the stored arrival time, the new one if admitted, or the microseconds
/// to wait.
fn gcra(stored_tat: u64, now: u64, rate: Rate) -> Result<u64, u64> {
    let new_tat = stored_tat.max(now) + rate.interval_us();
    let ahead = new_tat - now;
    if ahead > rate.tolerance_us() {
        Err(ahead - rate.tolerance_us())
    } else {
        Ok(new_tat)
    }
}

/// The same step in Redis, atomically, on Redis's clock (the nodes' clocks may differ).
/// Returns 0 when admitted, else the microseconds to wait.
pub const GCRA_SCRIPT: &str = r"
local interval = tonumber(ARGV[1])
local tolerance = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local new_tat = tat + interval
local ahead = new_tat - now
if ahead > tolerance then return ahead - tolerance end
redis.call('SET', KEYS[1], string.format('%.0f', new_tat), 'PX', math.floor(ahead / 1000) + 1)
return 0
";

/// Addresses of the reverse proxies whose `X-Forwarded-For` is believed (`MOFA_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl FromStr for TrustedProxies {
    type Err = String;

    /// Addresses or CIDR ranges, comma-separated: `10.0.0.0/8, 192.0.2.7, ::1`.
    fn from_str(text: &str) -> Result<Self, String> {
        text.split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(|part| {
                let (addr, prefix) = part.split_once('/').unwrap_or((part, ""));
                let addr: IpAddr = addr
                    .parse()
                    .map_err(|_| format!("`{part}` is not an address or CIDR range"))?;
                let max = if addr.is_ipv4() { 32 } else { 128 };
                let prefix = match prefix {
                    "" => max,
                    p => p
                        .parse::<u8>()
                        .ok()
                        .filter(|p| *p <= max)
                        .ok_or_else(|| format!("`{part}`: the prefix must be 0 to {max}"))?,
                };
                Ok((addr, prefix))
            })
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }
}

impl TrustedProxies {
    fn contains(&self, addr: IpAddr) -> bool {
        self.0.iter().any(|(range, prefix)| match (range, addr) {
            (IpAddr::V4(range), IpAddr::V4(addr)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(*prefix)).unwrap_or(0);
                u32::from(*range) & mask == u32::from(addr) & mask
            }
            (IpAddr::V6(range), IpAddr::V6(addr)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(*prefix)).unwrap_or(0);
                u128::from(*range) & mask == u128::from(addr) & mask
            }
            _ => false,
        })
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy; then the last
    /// address of `X-Forwarded-For` that is not a trusted proxy (the ones before it are the
    /// client's to write, so not believed).
    pub fn client_address(&self, req: &HttpRequest) -> Option<IpAddr> {
        let peer = req.peer_addr()?.ip();
        if !self.contains(peer) {
            return Some(peer);
        }
        let forwarded: Vec<IpAddr> = req
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse().ok())
            .collect();
        Some(
            forwarded
                .into_iter()
                .rev()
                .find(|a| !self.contains(*a))
                .unwrap_or(peer),
        )
    }
}

/// Callers seen by the in-process limiter before stale ones are swept.
const LOCAL_SWEEP_AT: usize = 100_000;

pub struct RateLimiter {
    limits: Limits,
    proxies: TrustedProxies,
    shared: Option<Arc<SharedTier>>,
    namespace: String,
    /// Arrival times, in microseconds since the epoch, while Redis is not there.
    local: Mutex<HashMap<String, u64>>,
    metrics: Arc<Metrics>,
}

impl RateLimiter {
    pub fn new(
        limits: Limits,
        proxies: TrustedProxies,
        shared: Option<Arc<SharedTier>>,
        namespace: &str,
        metrics: Arc<Metrics>,
    ) -> RateLimiter {
        RateLimiter {
            limits,
            proxies,
            shared,
            namespace: namespace.to_owned(),
            local: Mutex::default(),
            metrics,
        }
    }

    /// Admits a request of `principal`, or refuses it with `RATE_LIMITED` and when to retry.
    /// `grant_quota` is the partner's quota from its grants, if they set one.
    pub async fn admit(
        &self,
        req: &HttpRequest,
        principal: &Principal,
        grant_quota: Option<u32>,
    ) -> Result<(), HttpError> {
        let limits = self.limits.of(principal.audience);
        let rate = Rate {
            per_minute: grant_quota.unwrap_or(limits.rate_per_minute),
            burst: limits.rate_burst,
        };
        if rate.per_minute == 0 {
            return Ok(());
        }
        let caller = match principal.audience {
            Audience::Public => self
                .proxies
                .client_address(req)
                .map_or_else(|| "unknown".to_owned(), |a| a.to_string()),
            Audience::Partner => principal.client_id.clone().unwrap_or_default(),
            Audience::Staff => principal.subject.clone().unwrap_or_default(),
        };
        let key = format!(
            "{}:rate:{}:{caller}",
            self.namespace,
            principal.audience.as_str()
        );
        let wait_us = match self.shared_check(&key, rate).await {
            Some(wait) => wait,
            None => self.local_check(key, rate),
        };
        if wait_us == 0 {
            return Ok(());
        }
        self.metrics.record_rate_limited(principal.audience);
        Err(HttpError::RateLimited {
            retry_after_secs: wait_us.div_ceil(1_000_000).max(1),
        })
    }

    async fn shared_check(&self, key: &str, rate: Rate) -> Option<u64> {
        self.shared
            .as_ref()?
            .gcra(key, rate.interval_us(), rate.tolerance_us())
            .await
    }

    fn local_check(&self, key: String, rate: Rate) -> u64 {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_micros() as u64);
        let Ok(mut local) = self.local.lock() else {
            return 0;
        };
        if local.len() >= LOCAL_SWEEP_AT {
            local.retain(|_, tat| *tat > now);
        }
        let tat = local.get(&key).copied().unwrap_or(0);
        match gcra(tat, now, rate) {
            Ok(new_tat) => {
                local.insert(key, new_tat);
                0
            }
            Err(wait) => wait,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gcra_admits_the_burst_then_one_request_per_interval() {
        let rate = Rate {
            per_minute: 60,
            burst: 3,
        };
        let second = 1_000_000;
        let mut tat = 0;
        let now = 100 * second;
        for _ in 0..3 {
            tat = gcra(tat, now, rate).expect("within the burst");
        }
        let wait = gcra(tat, now, rate).expect_err("over the burst");
        assert_eq!(wait, second);
        // One interval later, one more.
        tat = gcra(tat, now + second, rate).expect("a second later");
        assert!(gcra(tat, now + second, rate).is_err());
    }

    #[test]
    fn forwarded_for_counts_only_from_trusted_proxies() {
        let proxies: TrustedProxies = "10.0.0.0/8, ::1".parse().expect("valid");
        assert!(proxies.contains("10.1.2.3".parse().expect("ip")));
        assert!(!proxies.contains("11.0.0.1".parse().expect("ip")));
        assert!(proxies.contains("::1".parse().expect("ip")));
        let request = |peer: &str, forwarded: &str| {
            actix_web::test::TestRequest::default()
                .peer_addr(peer.parse().expect("socket address"))
                .insert_header(("X-Forwarded-For", forwarded))
                .to_http_request()
        };
        // From a proxy: the last untrusted address, not what the client wrote before it.
        let via_proxy = request("10.0.0.5:4000", "6.6.6.6, 203.0.113.9, 10.0.0.7");
        assert_eq!(
            proxies.client_address(&via_proxy),
            Some("203.0.113.9".parse().expect("ip"))
        );
        // Straight from a client: the header is ignored.
        let direct = request("198.51.100.4:4000", "10.9.9.9");
        assert_eq!(
            proxies.client_address(&direct),
            Some("198.51.100.4".parse().expect("ip"))
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
        assert!("not-an-ip".parse::<TrustedProxies>().is_err());
    }
}
