//! Rate limits per caller, by the generic cell rate algorithm (GCRA): each caller has a
//! theoretical arrival time that every admitted request pushes one emission interval further;
//! a request is refused while that time is more than the burst ahead of now.
//!
//! Each node decides in process, so a request never waits on Redis, and shares what it
//! admitted through Redis: a caller's first request on a node reads the shared arrival time,
//! later ones are reported in batches at most every [`SYNC_EVERY_US`], and each report brings
//! back what the other nodes admitted. A caller spreading requests over nodes gets at most one
//! reporting interval of extra requests per node. Without Redis, or while it is away, each
//! node limits alone.
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
    /// Microseconds between two requests at the steady rate (at least one: a rate above a
    /// million a second is counted as that).
    fn interval_us(self) -> u64 {
        (60_000_000 / u64::from(self.per_minute.max(1))).max(1)
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

/// The shared arrival time in Redis: adds `count` requests admitted over the last `since`
/// microseconds (none to only read it), atomically and on Redis's clock, and returns how far
/// ahead of now it is, in microseconds, so that the nodes' clocks need not agree. The requests
/// count from the start of their window, as if they had been reported one by one.
pub const GCRA_SCRIPT: &str = r"
local interval = tonumber(ARGV[1])
local count = tonumber(ARGV[2])
local since = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then
  if tat < now - since then tat = now - since end
  tat = tat + count * interval
  if tat > now then
    redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.floor((tat - now) / 1000) + 1)
  end
end
if tat < now then return 0 end
return tat - now
";

/// Longest a node keeps what it admitted for a caller before reporting it to Redis.
pub const SYNC_EVERY_US: u64 = 50_000;

/// Addresses of the reverse proxies whose `X-Forwarded-For` is believed (`MOFA_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TryFrom<String> for TrustedProxies {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

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

/// What a node knows of one caller.
#[derive(Debug, Clone, Copy, Default)]
struct CallerState {
    /// The arrival time, in microseconds since the epoch on this node's clock: its own
    /// admissions and what Redis last said of the others'.
    tat: u64,
    /// Admitted here and not yet reported to Redis, since `window_start`.
    unreported: u32,
    window_start: u64,
    /// When it was last reported.
    reported_at: u64,
}

type CallerStates = Arc<Mutex<HashMap<String, CallerState>>>;

/// When a node reports a caller's admissions: one report is pending at a time per caller,
/// carrying every admission up to the moment it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Report {
    Now,
    Later,
}

pub struct RateLimiter {
    limits: Limits,
    proxies: TrustedProxies,
    shared: Option<Arc<SharedTier>>,
    namespace: String,
    callers: CallerStates,
    metrics: Arc<Metrics>,
}

fn now_us() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as u64)
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
            callers: CallerStates::default(),
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
        let (wait_us, report) = match self.decide(&key, rate, Sight::Local) {
            // A caller new to this node: what the other nodes admitted first.
            Decision::NewCaller => {
                let ahead = match &self.shared {
                    Some(shared) => shared.gcra(&key, rate.interval_us(), 0, 0).await,
                    None => None,
                };
                match self.decide(&key, rate, Sight::Shared(ahead)) {
                    Decision::Made { wait_us, report } => (wait_us, report),
                    Decision::NewCaller => (0, None),
                }
            }
            Decision::Made { wait_us, report } => (wait_us, report),
        };
        if let (Some(report), Some(shared)) = (report, &self.shared) {
            let (shared, callers, interval) =
                (shared.clone(), self.callers.clone(), rate.interval_us());
            actix_web::rt::spawn(async move {
                if report == Report::Later {
                    tokio::time::sleep(std::time::Duration::from_micros(SYNC_EVERY_US)).await;
                }
                let now = now_us();
                let (count, since) = match callers.lock() {
                    Ok(mut callers) => callers.get_mut(&key).map_or((0, 0), |state| {
                        state.reported_at = now;
                        let count = std::mem::take(&mut state.unreported);
                        (count, now.saturating_sub(state.window_start))
                    }),
                    Err(_) => (0, 0),
                };
                if count == 0 {
                    return;
                }
                if let Some(ahead) = shared.gcra(&key, interval, count, since).await
                    && let Ok(mut callers) = callers.lock()
                    && let Some(state) = callers.get_mut(&key)
                {
                    state.tat = state.tat.max(now_us() + ahead);
                }
            });
        }
        if wait_us == 0 {
            return Ok(());
        }
        self.metrics.record_rate_limited(principal.audience);
        Err(HttpError::RateLimited {
            retry_after_secs: wait_us.div_ceil(1_000_000).max(1),
        })
    }

    /// The decision on this node: 0 or the microseconds to wait, and whether to start
    /// reporting this caller's admissions to Redis; or, for a caller it has not seen while
    /// Redis is configured, that the shared state is to be read first.
    fn decide(&self, key: &str, rate: Rate, sight: Sight) -> Decision {
        let now = now_us();
        let Ok(mut callers) = self.callers.lock() else {
            return Decision::Made {
                wait_us: 0,
                report: None,
            };
        };
        let state = match (callers.get_mut(key), sight) {
            (Some(state), _) => state,
            (None, Sight::Local) if self.shared.is_some() => return Decision::NewCaller,
            (None, _) => {
                if callers.len() >= LOCAL_SWEEP_AT {
                    callers.retain(|_, state| state.tat > now || state.unreported > 0);
                }
                callers.entry(key.to_owned()).or_insert(CallerState {
                    reported_at: now,
                    ..CallerState::default()
                })
            }
        };
        let shared_read = matches!(sight, Sight::Shared(Some(_)));
        if let Sight::Shared(Some(ahead)) = sight {
            state.tat = state.tat.max(now + ahead);
        }
        let wait_us = match gcra(state.tat, now, rate) {
            Ok(tat) => {
                state.tat = tat;
                if state.unreported == 0 {
                    state.window_start = now;
                }
                state.unreported += 1;
                0
            }
            Err(wait) => wait,
        };
        // The first admission since the last report: report now when it is time (or the
        // caller is new here), else once the interval is over, with whatever came meanwhile.
        let report = (wait_us == 0 && state.unreported == 1).then(|| {
            if shared_read || now.saturating_sub(state.reported_at) >= SYNC_EVERY_US {
                Report::Now
            } else {
                Report::Later
            }
        });
        Decision::Made { wait_us, report }
    }
}

/// What the decision knows of the shared state.
#[derive(Debug, Clone, Copy)]
enum Sight {
    /// Only this node's.
    Local,
    /// Also Redis's, just read (`None`: Redis did not answer).
    Shared(Option<u64>),
}

enum Decision {
    Made {
        wait_us: u64,
        report: Option<Report>,
    },
    NewCaller,
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
