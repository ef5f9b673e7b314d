//! Who is calling: JWT access tokens (RFC 9068, `typ` `at+jwt`) signed by the server's own keys,
//! checked as RFC 8725 advises (an allowlist of asymmetric algorithms, the key chosen by `kid`,
//! required claims, a small leeway, a maximum lifetime), then turned into a [`Principal`].
//!
//! Tokens of configured external identity providers are checked by [`external`].
//!
//! The signing keys live in a key file (`signing_key_file`); on first start one Ed25519 key is
//! generated there, so `mofa-graph token issue` works out of the box. Rotation: add a key to the
//! file and make it active; tokens signed by the others stay valid until they expire.

pub mod external;

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    time::{SystemTime, UNIX_EPOCH},
};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use graphql::policy::{Audience, Principal, Role, Service, Unit};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The audience every token must name (`aud`).
pub const TOKEN_AUDIENCE: &str = "mofa-graph";
/// Clock skew tolerated on `exp`, `nbf` and `iat`, in seconds.
const LEEWAY_SECS: u64 = 30;

/// RFC 9068: an access token says so in its `typ`.
fn check_typ(header: &Header) -> Result<(), AuthError> {
    let ok = header.typ.as_deref().is_some_and(|t| {
        t.eq_ignore_ascii_case("at+jwt") || t.eq_ignore_ascii_case("application/at+jwt")
    });
    if ok {
        Ok(())
    } else {
        Err(AuthError::WrongType(header.typ.clone()))
    }
}

/// Why a token was refused. Logged; the client only learns that the token is invalid.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the Authorization header is not `Bearer <token>`")]
    Malformed,
    #[error("typ is {0:?}, not at+jwt")]
    WrongType(Option<String>),
    #[error("algorithm {0:?} is not accepted")]
    Algorithm(Algorithm),
    #[error("no key with kid {0:?}")]
    UnknownKey(Option<String>),
    #[error("token rejected: {0}")]
    Invalid(#[from] jsonwebtoken::errors::Error),
    #[error("lifetime of {0} s exceeds the maximum")]
    TooLong(i64),
    #[error("issued in the future")]
    IssuedInFuture,
    #[error("claims: {0}")]
    Claims(String),
    #[error("issuer {0:?} is not accepted")]
    UnknownIssuer(Option<String>),
}

/// A key file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error("signing key file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("signing key file {path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    /// A string or an array of strings.
    pub aud: serde_json::Value,
    pub sub: String,
    pub exp: i64,
    pub iat: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    pub jti: String,
    /// Partner tokens: space-separated sharing-service codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Staff tokens: the unit code and the roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    /// The `kid` of the key that signs new tokens.
    active: String,
    keys: Vec<StoredKey>,
}

#[derive(Serialize, Deserialize)]
struct StoredKey {
    kid: String,
    /// The Ed25519 seed, base64url.
    ed25519_seed: String,
}

struct OwnKey {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    public: [u8; 32],
}

/// The server's own keys, and the rules a token must meet.
pub struct KeySet {
    issuer: String,
    max_lifetime_secs: i64,
    active: usize,
    keys: Vec<OwnKey>,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// PKCS #8 wrapping of an Ed25519 seed (RFC 8410), as the signer expects it.
fn ed25519_pkcs8(seed: &[u8; 32]) -> Vec<u8> {
    const PREFIX: [u8; 16] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    let mut der = PREFIX.to_vec();
    der.extend_from_slice(seed);
    der
}

fn own_key(kid: &str, seed: [u8; 32]) -> OwnKey {
    let public = ed25519_dalek::SigningKey::from_bytes(&seed)
        .verifying_key()
        .to_bytes();
    OwnKey {
        kid: kid.to_owned(),
        encoding: EncodingKey::from_ed_der(&ed25519_pkcs8(&seed)),
        decoding: DecodingKey::from_ed_der(&public),
        public,
    }
}

fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness: {e}"))?;
    Ok(bytes)
}

impl KeySet {
    /// Loads the key file, creating it with one new key when it does not exist.
    pub fn load_or_create(
        path: &Path,
        issuer: &str,
        max_lifetime_secs: i64,
    ) -> Result<KeySet, KeyFileError> {
        let invalid = |reason: String| KeyFileError::Invalid {
            path: path.to_owned(),
            reason,
        };
        let io = |source| KeyFileError::Io {
            path: path.to_owned(),
            source,
        };
        if !path.exists() {
            let seed: [u8; 32] = random_bytes().map_err(invalid)?;
            let kid = URL_SAFE_NO_PAD.encode(random_bytes::<9>().map_err(invalid)?);
            let file = KeyFile {
                active: kid.clone(),
                keys: vec![StoredKey {
                    kid,
                    ed25519_seed: URL_SAFE_NO_PAD.encode(seed),
                }],
            };
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            let text = serde_json::to_string_pretty(&file).map_err(|e| invalid(e.to_string()))?;
            write_private(path, &text).map_err(io)?;
            tracing::info!(path = %path.display(), "generated a new signing key");
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        let file: KeyFile = serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        let mut keys = Vec::new();
        for stored in &file.keys {
            let seed: [u8; 32] = URL_SAFE_NO_PAD
                .decode(&stored.ed25519_seed)
                .ok()
                .and_then(|bytes| bytes.try_into().ok())
                .ok_or_else(|| {
                    invalid(format!("key {}: not a 32-byte Ed25519 seed", stored.kid))
                })?;
            keys.push(own_key(&stored.kid, seed));
        }
        let active = keys
            .iter()
            .position(|k| k.kid == file.active)
            .ok_or_else(|| invalid(format!("the active key {} is not in the file", file.active)))?;
        Ok(KeySet {
            issuer: issuer.to_owned(),
            max_lifetime_secs,
            active,
            keys,
        })
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The public keys, as `/.well-known/jwks.json` serves them.
    pub fn jwks(&self) -> serde_json::Value {
        let keys: Vec<_> = self
            .keys
            .iter()
            .map(|k| {
                json!({
                    "kty": "OKP",
                    "crv": "Ed25519",
                    "alg": "EdDSA",
                    "use": "sig",
                    "kid": k.kid,
                    "x": URL_SAFE_NO_PAD.encode(k.public),
                })
            })
            .collect();
        json!({ "keys": keys })
    }

    /// Signs `claims` with the active key.
    pub fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        let key = &self.keys[self.active];
        let mut header = Header::new(Algorithm::EdDSA);
        header.typ = Some("at+jwt".to_owned());
        header.kid = Some(key.kid.clone());
        jsonwebtoken::encode(&header, claims, &key.encoding)
    }

    /// Claims for a new token of `ttl_secs`, with a fresh `jti`.
    pub fn new_claims(&self, subject: &str, ttl_secs: i64) -> Result<Claims, String> {
        let issued = now();
        Ok(Claims {
            iss: self.issuer.clone(),
            aud: json!(TOKEN_AUDIENCE),
            sub: subject.to_owned(),
            exp: issued + ttl_secs,
            iat: issued,
            nbf: Some(issued),
            jti: URL_SAFE_NO_PAD.encode(random_bytes::<16>()?),
            scope: None,
            client_id: None,
            unit: None,
            roles: None,
        })
    }

    /// Checks a token and returns its claims.
    pub fn verify(&self, token: &str) -> Result<Claims, AuthError> {
        let header = jsonwebtoken::decode_header(token)?;
        check_typ(&header)?;
        if header.alg != Algorithm::EdDSA {
            return Err(AuthError::Algorithm(header.alg));
        }
        let key = self
            .keys
            .iter()
            .find(|k| Some(&k.kid) == header.kid.as_ref())
            .ok_or_else(|| AuthError::UnknownKey(header.kid.clone()))?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.algorithms = vec![Algorithm::EdDSA];
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        validation.set_audience(&[TOKEN_AUDIENCE]);
        validation.set_issuer(&[&self.issuer]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let claims = jsonwebtoken::decode::<Claims>(token, &key.decoding, &validation)?.claims;
        if claims.exp - claims.iat > self.max_lifetime_secs {
            return Err(AuthError::TooLong(claims.exp - claims.iat));
        }
        if claims.iat > now() + LEEWAY_SECS as i64 {
            return Err(AuthError::IssuedInFuture);
        }
        if claims.jti.is_empty() {
            return Err(AuthError::Claims("empty jti".to_owned()));
        }
        Ok(claims)
    }

    /// The caller a token stands for.
    pub fn principal(&self, token: &str) -> Result<Principal, AuthError> {
        let claims = self.verify(token)?;
        let mut principal = Principal::public();
        principal.subject = Some(claims.sub.clone());
        principal.token_id = Some(claims.jti.clone());
        match (&claims.unit, &claims.scope) {
            (Some(unit), _) => {
                principal.audience = Audience::Staff;
                principal.unit = Some(unit.parse::<Unit>().map_err(AuthError::Claims)?);
                principal.roles = claims
                    .roles
                    .iter()
                    .flatten()
                    .map(|r| r.parse::<Role>().map_err(AuthError::Claims))
                    .collect::<Result<BTreeSet<_>, _>>()?;
            }
            (None, Some(scope)) => {
                principal.audience = Audience::Partner;
                principal.client_id = Some(claims.client_id.unwrap_or(claims.sub));
                principal.scopes = scope
                    .split_whitespace()
                    .map(|s| s.parse::<Service>().map_err(AuthError::Claims))
                    .collect::<Result<BTreeSet<_>, _>>()?;
            }
            (None, None) => {
                return Err(AuthError::Claims(
                    "neither a staff unit nor a partner scope".to_owned(),
                ));
            }
        }
        Ok(principal)
    }
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::{io::Write, os::unix::fs::OpenOptionsExt};
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)?;
        file.write_all(text.as_bytes())
    }
    #[cfg(not(unix))]
    {
        std::fs::write(path, text)
    }
}

/// The `iss` a token claims, read before any check, only to choose the keys that check it.
fn claimed_issuer(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    claims.get("iss")?.as_str().map(str::to_owned)
}

/// Every issuer this server accepts: its own, and the configured external ones.
pub struct Authenticator {
    pub own: KeySet,
    pub external: Vec<external::ExternalKeys>,
}

impl Authenticator {
    /// The caller a token stands for, checked by the keys of the issuer it names.
    pub async fn principal(&self, token: &str) -> Result<Principal, AuthError> {
        let issuer = claimed_issuer(token);
        if issuer.as_deref() == Some(self.own.issuer()) {
            return self.own.principal(token);
        }
        match self
            .external
            .iter()
            .find(|e| Some(e.issuer()) == issuer.as_deref())
        {
            Some(external) => external.principal(token, self.own.max_lifetime_secs).await,
            None => Err(AuthError::UnknownIssuer(issuer)),
        }
    }
}

/// The token of an `Authorization: Bearer …` header, if any.
pub fn bearer(header: Option<&str>) -> Result<Option<&str>, AuthError> {
    match header {
        None => Ok(None),
        Some(value) => {
            let (scheme, token) = value.trim().split_once(' ').ok_or(AuthError::Malformed)?;
            if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
                return Err(AuthError::Malformed);
            }
            Ok(Some(token.trim()))
        }
    }
}
