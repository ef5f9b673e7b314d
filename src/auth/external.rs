//! Tokens of external identity providers (the Ministry's single sign-on, for staff): each
//! configured issuer's keys come from its JWKS URL, cached, and refetched when a token names an
//! unknown `kid`, at most once per `refetch_min_interval_secs`. RS256, ES256 and EdDSA are accepted;
//! the claims that carry the unit and the roles are configurable per issuer.

use std::{
    collections::{BTreeSet, HashMap},
    time::{Duration, Instant},
};

use graphql::policy::{Audience, Principal, Role, Unit};
use jsonwebtoken::{
    Algorithm, DecodingKey, Validation,
    jwk::{JwkSet, KeyAlgorithm},
};
use serde_json::Value;
use tokio::sync::RwLock;

use super::{AuthError, LEEWAY_SECS, check_typ, now};
use crate::configuration::ExternalIssuer;

/// Keys older than this are refetched on next use.
const JWKS_TTL: Duration = Duration::from_secs(15 * 60);
const ACCEPTED: [Algorithm; 3] = [Algorithm::RS256, Algorithm::ES256, Algorithm::EdDSA];

#[derive(Default)]
struct Cached {
    keys: HashMap<String, (Algorithm, DecodingKey)>,
    fetched_at: Option<Instant>,
    attempted_at: Option<Instant>,
}

pub struct ExternalKeys {
    config: ExternalIssuer,
    http: reqwest::Client,
    cache: RwLock<Cached>,
}

fn algorithm_of(jwk: &jsonwebtoken::jwk::Jwk) -> Option<Algorithm> {
    match jwk.common.key_algorithm? {
        KeyAlgorithm::RS256 => Some(Algorithm::RS256),
        KeyAlgorithm::ES256 => Some(Algorithm::ES256),
        KeyAlgorithm::EdDSA => Some(Algorithm::EdDSA),
        _ => None,
    }
}

impl ExternalKeys {
    pub fn new(config: ExternalIssuer) -> Result<ExternalKeys, reqwest::Error> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .connect_timeout(Duration::from_secs(2))
            .build()?;
        Ok(ExternalKeys {
            config,
            http,
            cache: RwLock::new(Cached::default()),
        })
    }

    pub fn issuer(&self) -> &str {
        &self.config.issuer
    }

    async fn fetch(&self) -> Result<HashMap<String, (Algorithm, DecodingKey)>, String> {
        let set: JwkSet = self
            .http
            .get(&self.config.jwks_url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| e.to_string())?
            .json()
            .await
            .map_err(|e| e.to_string())?;
        Ok(set
            .keys
            .iter()
            .filter_map(|jwk| {
                let kid = jwk.common.key_id.clone()?;
                let alg = algorithm_of(jwk)?;
                let key = DecodingKey::from_jwk(jwk).ok()?;
                Some((kid, (alg, key)))
            })
            .collect())
    }

    /// The key `kid`, refetching the JWKS when stale or when the kid is new (throttled).
    async fn key(&self, kid: &str) -> Option<(Algorithm, DecodingKey)> {
        {
            let cache = self.cache.read().await;
            let fresh = cache.fetched_at.is_some_and(|at| at.elapsed() < JWKS_TTL);
            if fresh && let Some(found) = cache.keys.get(kid) {
                return Some(found.clone());
            }
        }
        let mut cache = self.cache.write().await;
        let throttled = cache.attempted_at.is_some_and(|at| {
            at.elapsed() < Duration::from_secs(self.config.refetch_min_interval_secs)
        });
        if !throttled {
            cache.attempted_at = Some(Instant::now());
            match self.fetch().await {
                Ok(keys) => {
                    tracing::info!(issuer = %self.config.issuer, keys = keys.len(), "JWKS fetched");
                    cache.keys = keys;
                    cache.fetched_at = Some(Instant::now());
                }
                // Keep the keys we had: an unreachable provider must not log everyone out.
                Err(err) => {
                    tracing::warn!(issuer = %self.config.issuer, error = %err, "JWKS fetch failed")
                }
            }
        }
        cache.keys.get(kid).cloned()
    }

    pub async fn principal(
        &self,
        token: &str,
        max_lifetime_secs: i64,
    ) -> Result<Principal, AuthError> {
        let header = jsonwebtoken::decode_header(token)?;
        if self.config.require_at_jwt_typ {
            check_typ(&header)?;
        }
        if !ACCEPTED.contains(&header.alg) {
            return Err(AuthError::Algorithm(header.alg));
        }
        let kid = header.kid.clone().ok_or(AuthError::UnknownKey(None))?;
        let (alg, key) = self
            .key(&kid)
            .await
            .ok_or(AuthError::UnknownKey(Some(kid)))?;
        // The key decides the algorithm, never the token.
        if alg != header.alg {
            return Err(AuthError::Algorithm(header.alg));
        }
        let mut validation = Validation::new(alg);
        validation.algorithms = vec![alg];
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        validation.set_audience(&[&self.config.audience]);
        validation.set_issuer(&[&self.config.issuer]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let claims = jsonwebtoken::decode::<Value>(token, &key, &validation)?.claims;
        let number = |name: &str| claims.get(name).and_then(Value::as_i64);
        let text = |name: &str| claims.get(name).and_then(Value::as_str).map(str::to_owned);
        let (Some(iat), Some(exp)) = (number("iat"), number("exp")) else {
            return Err(AuthError::Claims("iat and exp must be numbers".to_owned()));
        };
        if exp - iat > max_lifetime_secs {
            return Err(AuthError::TooLong(exp - iat));
        }
        if iat > now() + LEEWAY_SECS as i64 {
            return Err(AuthError::IssuedInFuture);
        }
        let jti = text("jti").ok_or_else(|| AuthError::Claims("no jti".to_owned()))?;
        let unit = text(&self.config.unit_claim)
            .ok_or_else(|| AuthError::Claims(format!("no {} claim", self.config.unit_claim)))?
            .parse::<Unit>()
            .map_err(AuthError::Claims)?;
        // Roles this server does not know are someone else's; they grant nothing here.
        let roles: BTreeSet<Role> = claims
            .get(&self.config.roles_claim)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter_map(|r| r.parse().ok())
            .collect();
        Ok(Principal {
            audience: Audience::Staff,
            subject: text("sub"),
            token_id: Some(jti),
            client_id: None,
            unit: Some(unit),
            roles,
            scopes: BTreeSet::new(),
        })
    }
}
