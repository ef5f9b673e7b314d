//! Who is calling: JWT access tokens (RFC 9068, `typ` `at+jwt`) signed by the server's own keys,
//! checked as RFC 8725 advises (an allowlist of asymmetric algorithms, the key chosen by `kid`,
//! required claims, a small leeway, a maximum lifetime), then turned into a [`Principal`].
//!
//! Tokens of configured external identity providers are checked by [`external`].
//!
//! The signing keys (EdDSA or ES256) live in a key file (`signing_key_file`); on first start one
//! Ed25519 key is generated there, so `mofa-graph token issue` works out of the box. Rotation
//! (`mofa-graph token rotate`) adds a key and makes it active; tokens signed by the others stay
//! valid until they expire.

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

/// The signature algorithms of the server's own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeyAlgorithm {
    EdDSA,
    ES256,
}

impl KeyAlgorithm {
    fn jwt(self) -> Algorithm {
        match self {
            KeyAlgorithm::EdDSA => Algorithm::EdDSA,
            KeyAlgorithm::ES256 => Algorithm::ES256,
        }
    }
}

impl std::str::FromStr for KeyAlgorithm {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "EdDSA" => Ok(KeyAlgorithm::EdDSA),
            "ES256" => Ok(KeyAlgorithm::ES256),
            other => Err(format!("`{other}` is not EdDSA or ES256")),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct StoredKey {
    kid: String,
    alg: KeyAlgorithm,
    /// The private key, base64url: an Ed25519 seed or a P-256 scalar (32 bytes either way).
    private: String,
}

struct OwnKey {
    kid: String,
    alg: Algorithm,
    encoding: EncodingKey,
    decoding: DecodingKey,
    jwk: serde_json::Value,
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

fn own_key(stored: &StoredKey) -> Result<OwnKey, String> {
    let private: [u8; 32] = URL_SAFE_NO_PAD
        .decode(&stored.private)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| {
            format!(
                "key {}: the private key is not 32 bytes of base64url",
                stored.kid
            )
        })?;
    let (encoding, decoding, jwk) = match stored.alg {
        KeyAlgorithm::EdDSA => {
            let public = ed25519_dalek::SigningKey::from_bytes(&private)
                .verifying_key()
                .to_bytes();
            (
                EncodingKey::from_ed_der(&ed25519_pkcs8(&private)),
                DecodingKey::from_ed_der(&public),
                json!({ "kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(public) }),
            )
        }
        KeyAlgorithm::ES256 => {
            use p256::pkcs8::EncodePrivateKey;
            let secret = p256::SecretKey::from_slice(&private)
                .map_err(|_| format!("key {}: not a P-256 scalar", stored.kid))?;
            let der = secret
                .to_pkcs8_der()
                .map_err(|e| format!("key {}: {e}", stored.kid))?;
            // Uncompressed SEC1 point: 0x04 ‖ x ‖ y.
            let point = secret.public_key().to_sec1_bytes();
            if point.len() != 65 {
                return Err(format!("key {}: unexpected public point", stored.kid));
            }
            (
                EncodingKey::from_ec_der(der.as_bytes()),
                DecodingKey::from_ec_der(&point),
                json!({
                    "kty": "EC",
                    "crv": "P-256",
                    "x": URL_SAFE_NO_PAD.encode(&point[1..33]),
                    "y": URL_SAFE_NO_PAD.encode(&point[33..65]),
                }),
            )
        }
    };
    let mut jwk = jwk;
    jwk["kid"] = json!(stored.kid);
    jwk["alg"] = json!(format!("{:?}", stored.alg.jwt()));
    jwk["use"] = json!("sig");
    Ok(OwnKey {
        kid: stored.kid.clone(),
        alg: stored.alg.jwt(),
        encoding,
        decoding,
        jwk,
    })
}

fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness: {e}"))?;
    Ok(bytes)
}

/// A new key of `alg`, with a random `kid`.
fn new_stored_key(alg: KeyAlgorithm) -> Result<StoredKey, String> {
    let private = loop {
        let candidate: [u8; 32] = random_bytes()?;
        // A P-256 scalar must be below the group order; retrying is the standard way.
        if alg == KeyAlgorithm::EdDSA || p256::SecretKey::from_slice(&candidate).is_ok() {
            break candidate;
        }
    };
    Ok(StoredKey {
        kid: URL_SAFE_NO_PAD.encode(random_bytes::<9>()?),
        alg,
        private: URL_SAFE_NO_PAD.encode(private),
    })
}

fn read_key_file(path: &Path) -> Result<KeyFile, KeyFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| KeyFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| KeyFileError::Invalid {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

fn write_key_file(path: &Path, file: &KeyFile, create: bool) -> Result<(), KeyFileError> {
    let io = |source| KeyFileError::Io {
        path: path.to_owned(),
        source,
    };
    let text = serde_json::to_string_pretty(file).map_err(|e| KeyFileError::Invalid {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    if create {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        write_private(path, &text).map_err(io)
    } else {
        // Write beside, then rename: a crash never leaves half a key file.
        let partial = path.with_extension("json.new");
        let _ = std::fs::remove_file(&partial);
        write_private(&partial, &text).map_err(io)?;
        std::fs::rename(&partial, path).map_err(io)
    }
}

impl KeySet {
    /// Loads the key file, creating it with one new Ed25519 key when it does not exist.
    pub fn load_or_create(
        path: &Path,
        issuer: &str,
        max_lifetime_secs: i64,
    ) -> Result<KeySet, KeyFileError> {
        let invalid = |reason: String| KeyFileError::Invalid {
            path: path.to_owned(),
            reason,
        };
        if !path.exists() {
            let key = new_stored_key(KeyAlgorithm::EdDSA).map_err(invalid)?;
            let file = KeyFile {
                active: key.kid.clone(),
                keys: vec![key],
            };
            write_key_file(path, &file, true)?;
            tracing::info!(path = %path.display(), "generated a new signing key");
        }
        let file = read_key_file(path)?;
        let keys = file
            .keys
            .iter()
            .map(own_key)
            .collect::<Result<Vec<_>, _>>()
            .map_err(invalid)?;
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

    /// Rotation: adds a new key of `alg` to the key file and makes it the one that signs. The
    /// older keys stay, so tokens they signed are valid until they expire; remove a key from the
    /// file once its last token has expired. Servers pick the change up at their next start.
    pub fn rotate(path: &Path, alg: KeyAlgorithm) -> Result<String, KeyFileError> {
        let mut file = read_key_file(path)?;
        let key = new_stored_key(alg).map_err(|reason| KeyFileError::Invalid {
            path: path.to_owned(),
            reason,
        })?;
        let kid = key.kid.clone();
        file.active = kid.clone();
        file.keys.push(key);
        write_key_file(path, &file, false)?;
        Ok(kid)
    }

    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The public keys, as `/.well-known/jwks.json` serves them.
    pub fn jwks(&self) -> serde_json::Value {
        json!({ "keys": self.keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>() })
    }

    /// Signs `claims` with the active key.
    pub fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        let key = &self.keys[self.active];
        let mut header = Header::new(key.alg);
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
        if !matches!(header.alg, Algorithm::EdDSA | Algorithm::ES256) {
            return Err(AuthError::Algorithm(header.alg));
        }
        let key = self
            .keys
            .iter()
            .find(|k| Some(&k.kid) == header.kid.as_ref())
            .ok_or_else(|| AuthError::UnknownKey(header.kid.clone()))?;
        // The key decides the algorithm, never the token.
        if key.alg != header.alg {
            return Err(AuthError::Algorithm(header.alg));
        }
        let mut validation = Validation::new(key.alg);
        validation.algorithms = vec![key.alg];
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

#[cfg(test)]
mod tests {
    use super::*;

    fn staff_claims(keys: &KeySet) -> Claims {
        let mut claims = keys.new_claims("someone", 600).expect("claims");
        claims.unit = Some("LPQT".to_owned());
        claims.roles = Some(vec!["viewer".to_owned()]);
        claims
    }

    #[test]
    fn rotation_signs_with_the_new_key_and_keeps_old_tokens_valid() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("keys.json");
        let first = KeySet::load_or_create(&path, "mofa-graph", 3600).expect("create");
        let old_token = first.sign(&staff_claims(&first)).expect("sign");
        assert_eq!(
            jsonwebtoken::decode_header(&old_token).expect("header").alg,
            Algorithm::EdDSA
        );

        let kid = KeySet::rotate(&path, KeyAlgorithm::ES256).expect("rotate");
        let rotated = KeySet::load_or_create(&path, "mofa-graph", 3600).expect("load");
        let new_token = rotated.sign(&staff_claims(&rotated)).expect("sign");
        let header = jsonwebtoken::decode_header(&new_token).expect("header");
        assert_eq!(
            (header.alg, header.kid.as_deref()),
            (Algorithm::ES256, Some(kid.as_str()))
        );

        for token in [&old_token, &new_token] {
            assert_eq!(
                rotated.principal(token).expect("valid").unit,
                Some(Unit::Lpqt)
            );
        }
        let jwks = rotated.jwks();
        let kinds: Vec<&str> = jwks["keys"]
            .as_array()
            .expect("keys")
            .iter()
            .map(|k| k["kty"].as_str().expect("kty"))
            .collect();
        assert_eq!(kinds, ["OKP", "EC"]);
        assert!(jwks.to_string().find("private").is_none());
    }

    #[test]
    fn a_token_claiming_another_algorithm_than_its_key_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("keys.json");
        let keys = KeySet::load_or_create(&path, "mofa-graph", 3600).expect("create");
        let token = keys.sign(&staff_claims(&keys)).expect("sign");
        // Same key id, header saying ES256: refused before any signature check.
        let (_, rest) = token.split_once('.').expect("jwt");
        let header = json!({ "alg": "ES256", "typ": "at+jwt", "kid": keys.keys[0].kid });
        let forged = format!("{}.{rest}", URL_SAFE_NO_PAD.encode(header.to_string()));
        assert!(matches!(
            keys.verify(&forged),
            Err(AuthError::Algorithm(Algorithm::ES256))
        ));
    }
}
