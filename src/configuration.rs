//! Settings, read once at start: defaults in code, then an optional TOML file (`--config`),
//! then `MOFA_*` environment variables. Nothing else in the server reads the environment.

use std::{collections::BTreeMap, fmt, path::PathBuf, str::FromStr};

use entities::Source;
use serde::Deserialize;

mod limits;
pub use limits::{AudienceLimits, Limits};

/// Every setting of the server.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address and port to listen on (`MOFA_BIND`). Port 0 picks a free port.
    pub bind: String,
    /// Database of every source without an override (`MOFA_DATABASE_URL`). Unset: the embedded
    /// SQLite file `mofa-graph.db` under `data_dir`.
    pub database_url: Option<Secret>,
    /// Per-source database URLs, keyed by source code (`MOFA_SOURCE_<CODE>_URL`; in TOML, a
    /// `[sources]` table). Sources with the same URL share one connection pool.
    pub sources: BTreeMap<String, Secret>,
    /// Redis of the shared cache (`MOFA_REDIS_URL`). Unset: in-process cache only.
    pub redis_url: Option<Secret>,
    /// Log filter in `tracing` syntax (`MOFA_LOG`), e.g. `info` or `info,sqlx=debug`.
    pub log: String,
    /// Log line format (`MOFA_LOG_FORMAT`): `text` or `json`.
    pub log_format: LogFormat,
    /// Directory of the embedded database and generated keys (`MOFA_DATA_DIR`).
    pub data_dir: PathBuf,
    /// Apply pending migrations when `serve` starts (`MOFA_MIGRATE_ON_START`). Turn off when
    /// several nodes share one database and a separate `mofa-graph migrate` runs first.
    pub migrate_on_start: bool,
    /// Origins allowed to call the API from a browser (`MOFA_CORS_ALLOWED_ORIGINS`,
    /// comma-separated). Empty: no cross-origin access.
    pub cors_allowed_origins: Vec<String>,
    /// Largest request body accepted, in bytes (`MOFA_MAX_BODY_BYTES`).
    pub max_body_bytes: usize,
    /// Seconds to let requests in flight finish after SIGTERM (`MOFA_SHUTDOWN_TIMEOUT_SECS`).
    pub shutdown_timeout_secs: u64,
    /// HTTP worker threads (`MOFA_WORKERS`). Unset: one per core.
    pub workers: Option<usize>,
    /// Connections per database pool (`MOFA_DB_MAX_CONNECTIONS`).
    pub db_max_connections: u32,
    /// Longest a statement may run, in milliseconds, before the database cancels it
    /// (`MOFA_DB_STATEMENT_TIMEOUT_MS`; SQLite: how long to wait for a lock).
    pub db_statement_timeout_ms: u64,
    /// Longest a request waits for a database connection, in milliseconds, before its source
    /// counts as unavailable (`MOFA_DB_ACQUIRE_TIMEOUT_MS`).
    pub db_acquire_timeout_ms: u64,
    /// Largest `first` a connection accepts (`MOFA_MAX_PAGE_SIZE`).
    pub max_page_size: u64,
    /// Open-data downloads of more rows than this are streamed page by page, not held whole
    /// in memory and the cache (`MOFA_OPEN_DATA_STREAM_ROWS`).
    pub open_data_stream_rows: u64,
    /// What one request may ask, per audience (`MOFA_LIMITS_<AUDIENCE>_<LIMIT>`, e.g.
    /// `MOFA_LIMITS_PUBLIC_TIMEOUT_MS`; in TOML, `[limits.public]`).
    pub limits: Limits,
    /// Reverse proxies whose `X-Forwarded-For` names the client, for the public's rate limit
    /// (`MOFA_TRUSTED_PROXIES`: addresses or CIDR ranges, comma-separated). Empty: the peer
    /// address is the client's.
    pub trusted_proxies: crate::rate_limit::TrustedProxies,
    /// `iss` of the tokens this server issues and accepts (`MOFA_TOKEN_ISSUER`).
    pub token_issuer: String,
    /// The key file of the server's own signing keys (`MOFA_SIGNING_KEY_FILE`). Unset:
    /// `signing-keys.json` under `data_dir`, generated on first start.
    pub signing_key_file: Option<PathBuf>,
    /// Longest token lifetime accepted, `exp - iat`, in seconds (`MOFA_MAX_TOKEN_LIFETIME_SECS`).
    pub max_token_lifetime_secs: i64,
    /// Lifetime of the partner tokens `/oauth/token` mints, in seconds
    /// (`MOFA_PARTNER_TOKEN_TTL_SECS`).
    pub partner_token_ttl_secs: i64,
    /// Bytes the in-process response cache may hold (`MOFA_CACHE_LOCAL_BYTES`); 0 turns the
    /// in-process tier off (Redis alone, if configured).
    pub cache_local_capacity_bytes: u64,
    /// Cache public responses at all (`MOFA_CACHE_ENABLED`).
    pub cache_enabled: bool,
    /// Prefix of every Redis key and channel (`MOFA_CACHE_NAMESPACE`): deployments sharing a
    /// Redis keep apart by it; the nodes of one deployment share it.
    pub cache_namespace: String,
    /// Serve `/bench/static` for the benchmark's baseline (`MOFA_BENCH_ROUTES`); never in
    /// production.
    pub bench_routes: bool,
    /// External identity providers whose staff tokens are accepted (TOML only:
    /// `[[external_issuers]]` tables).
    pub external_issuers: Vec<ExternalIssuer>,
}

/// An external identity provider (the Ministry's single sign-on) whose tokens stand for staff.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ExternalIssuer {
    /// Its `iss`.
    pub issuer: String,
    /// Where its public keys are (a JWKS document).
    pub jwks_url: String,
    /// The `aud` its tokens for this server carry.
    #[serde(default = "default_audience")]
    pub audience: String,
    /// The claim that carries the staff member's unit code.
    #[serde(default = "default_unit_claim")]
    pub unit_claim: String,
    /// The claim that carries the roles (an array of strings).
    #[serde(default = "default_roles_claim")]
    pub roles_claim: String,
    /// Require `typ` `at+jwt` (RFC 9068); some providers still send `JWT`.
    #[serde(default = "default_true")]
    pub require_at_jwt_typ: bool,
    /// Fewest seconds between two fetches of its JWKS, however many tokens name unknown keys.
    #[serde(default = "default_refetch_secs")]
    pub refetch_min_interval_secs: u64,
}

fn default_refetch_secs() -> u64 {
    30
}

fn default_audience() -> String {
    "mofa-graph".to_owned()
}

fn default_unit_claim() -> String {
    "unit".to_owned()
}

fn default_roles_claim() -> String {
    "roles".to_owned()
}

fn default_true() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: "127.0.0.1:8080".to_owned(),
            database_url: None,
            sources: BTreeMap::new(),
            redis_url: None,
            log: "info".to_owned(),
            log_format: LogFormat::Text,
            data_dir: PathBuf::from("./data"),
            migrate_on_start: true,
            cors_allowed_origins: Vec::new(),
            max_body_bytes: 256 * 1024,
            shutdown_timeout_secs: 30,
            workers: None,
            db_max_connections: 10,
            db_statement_timeout_ms: 10_000,
            db_acquire_timeout_ms: 2_000,
            max_page_size: 100,
            open_data_stream_rows: 20_000,
            limits: Limits::default(),
            trusted_proxies: Default::default(),
            token_issuer: "mofa-graph".to_owned(),
            signing_key_file: None,
            max_token_lifetime_secs: 24 * 3600,
            partner_token_ttl_secs: 900,
            external_issuers: Vec::new(),
            cache_local_capacity_bytes: 64 * 1024 * 1024,
            cache_enabled: true,
            cache_namespace: "mofa".to_owned(),
            bench_routes: false,
        }
    }
}

/// Format of log lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

impl FromStr for LogFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!(
                "`{other}` is not a log format; use `text` or `json`"
            )),
        }
    }
}

/// A value that must never be printed: database and Redis URLs carry passwords.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that needs it (opening a connection).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// A setting that could not be read; the message names the key and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read the configuration file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("configuration file {path}: {source}")]
    ParseFile {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("{key}: {reason}")]
    Invalid { key: String, reason: String },
}

fn invalid(key: &str, reason: impl fmt::Display) -> SettingsError {
    SettingsError::Invalid {
        key: key.to_owned(),
        reason: reason.to_string(),
    }
}

fn parse<T: FromStr>(key: &str, value: &str) -> Result<T, SettingsError>
where
    T::Err: fmt::Display,
{
    value.trim().parse().map_err(|e| invalid(key, e))
}

fn parse_bool(key: &str, value: &str) -> Result<bool, SettingsError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        other => Err(invalid(key, format!("`{other}` is not a boolean"))),
    }
}

impl Settings {
    /// Reads the settings: defaults, then the TOML file if given, then the `MOFA_*` entries of
    /// `env`. Returns the settings and warnings (unknown `MOFA_*` keys) to log once logging runs.
    pub fn load(
        config_file: Option<&std::path::Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(Settings, Vec<String>), SettingsError> {
        let mut settings = match config_file {
            None => Settings::default(),
            Some(path) => {
                let text =
                    std::fs::read_to_string(path).map_err(|source| SettingsError::ReadFile {
                        path: path.to_owned(),
                        source,
                    })?;
                toml::from_str(&text).map_err(|source| SettingsError::ParseFile {
                    path: path.to_owned(),
                    source: Box::new(source),
                })?
            }
        };
        let mut warnings = Vec::new();
        for (key, value) in env {
            let Some(name) = key.strip_prefix("MOFA_") else {
                continue;
            };
            match name {
                "BIND" => settings.bind = value.trim().to_owned(),
                "DATABASE_URL" => settings.database_url = Some(Secret::new(value)),
                "REDIS_URL" => settings.redis_url = Some(Secret::new(value)),
                "LOG" => settings.log = value,
                "LOG_FORMAT" => settings.log_format = parse(&key, &value)?,
                "DATA_DIR" => settings.data_dir = PathBuf::from(value),
                "MIGRATE_ON_START" => settings.migrate_on_start = parse_bool(&key, &value)?,
                "CORS_ALLOWED_ORIGINS" => {
                    settings.cors_allowed_origins = value
                        .split(',')
                        .map(str::trim)
                        .filter(|o| !o.is_empty())
                        .map(str::to_owned)
                        .collect();
                }
                "MAX_BODY_BYTES" => settings.max_body_bytes = parse(&key, &value)?,
                "SHUTDOWN_TIMEOUT_SECS" => settings.shutdown_timeout_secs = parse(&key, &value)?,
                "WORKERS" => settings.workers = Some(parse(&key, &value)?),
                "DB_MAX_CONNECTIONS" => settings.db_max_connections = parse(&key, &value)?,
                "DB_STATEMENT_TIMEOUT_MS" => {
                    settings.db_statement_timeout_ms = parse(&key, &value)?;
                }
                "DB_ACQUIRE_TIMEOUT_MS" => settings.db_acquire_timeout_ms = parse(&key, &value)?,
                "MAX_PAGE_SIZE" => settings.max_page_size = parse(&key, &value)?,
                "OPEN_DATA_STREAM_ROWS" => {
                    settings.open_data_stream_rows = parse(&key, &value)?;
                }
                _ if name.starts_with("LIMITS_") => {
                    let known = settings
                        .limits
                        .set(&name["LIMITS_".len()..], &key, &value)?;
                    if !known {
                        warnings.push(format!("unknown setting {key} ignored"));
                    }
                }
                "TRUSTED_PROXIES" => {
                    settings.trusted_proxies = value.parse().map_err(|e| invalid(&key, e))?;
                }
                "TOKEN_ISSUER" => settings.token_issuer = value.trim().to_owned(),
                "SIGNING_KEY_FILE" => settings.signing_key_file = Some(PathBuf::from(value)),
                "CACHE_LOCAL_BYTES" => settings.cache_local_capacity_bytes = parse(&key, &value)?,
                "CACHE_ENABLED" => settings.cache_enabled = parse_bool(&key, &value)?,
                "BENCH_ROUTES" => settings.bench_routes = parse_bool(&key, &value)?,
                "CACHE_NAMESPACE" => settings.cache_namespace = value.trim().to_owned(),
                "PARTNER_TOKEN_TTL_SECS" => settings.partner_token_ttl_secs = parse(&key, &value)?,
                "MAX_TOKEN_LIFETIME_SECS" => {
                    settings.max_token_lifetime_secs = parse(&key, &value)?;
                }
                _ => match name
                    .strip_prefix("SOURCE_")
                    .and_then(|rest| rest.strip_suffix("_URL"))
                {
                    Some(env_code) => {
                        let source = Source::from_env_code(env_code).ok_or_else(|| {
                            invalid(&key, format!("`{env_code}` names no source"))
                        })?;
                        settings
                            .sources
                            .insert(source.code().to_owned(), Secret::new(value));
                    }
                    None => warnings.push(format!("unknown setting {key} ignored")),
                },
            }
        }
        settings.validate()?;
        Ok((settings, warnings))
    }

    fn validate(&self) -> Result<(), SettingsError> {
        for code in self.sources.keys() {
            code.parse::<Source>()
                .map_err(|e| invalid(&format!("sources.{code}"), e))?;
        }
        if self.max_body_bytes == 0 {
            return Err(invalid("max_body_bytes", "must be at least 1"));
        }
        if !(1..=10_000).contains(&self.max_page_size) {
            return Err(invalid("max_page_size", "must be between 1 and 10000"));
        }
        if self.db_max_connections == 0 {
            return Err(invalid("db_max_connections", "must be at least 1"));
        }
        if self.partner_token_ttl_secs < 1
            || self.partner_token_ttl_secs > self.max_token_lifetime_secs
        {
            return Err(invalid(
                "partner_token_ttl_secs",
                "must be between 1 and max_token_lifetime_secs",
            ));
        }
        for external in &self.external_issuers {
            if external.issuer == self.token_issuer {
                return Err(invalid(
                    "external_issuers",
                    format!("{} is this server's own issuer", external.issuer),
                ));
            }
            let http = external.jwks_url.starts_with("https://")
                || external.jwks_url.starts_with("http://");
            if !http {
                return Err(invalid(
                    "external_issuers.jwks_url",
                    "must be an http(s) URL",
                ));
            }
        }
        if self.workers == Some(0) {
            return Err(invalid("workers", "must be at least 1"));
        }
        for origin in &self.cors_allowed_origins {
            if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return Err(invalid(
                    "cors_allowed_origins",
                    format!("`{origin}` is not an origin like https://portal.example.gov.vn"),
                ));
            }
        }
        Ok(())
    }

    /// The signing key file, explicit or under `data_dir`.
    pub fn signing_key_path(&self) -> PathBuf {
        self.signing_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("signing-keys.json"))
    }

    /// The embedded SQLite database, used by every source without a URL of its own.
    pub fn embedded_database_url(&self) -> String {
        format!(
            "sqlite://{}?mode=rwc",
            self.data_dir.join("mofa-graph.db").display()
        )
    }

    /// The database URL of `source`: its override, else the default URL, else the embedded
    /// SQLite file.
    pub fn source_url(&self, source: Source) -> Secret {
        self.sources
            .get(source.code())
            .or(self.database_url.as_ref())
            .cloned()
            .unwrap_or_else(|| Secret::new(self.embedded_database_url()))
    }
}

/// `url` with any password replaced by `***`, for logs.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_put_every_source_on_the_embedded_sqlite_file() -> Result<(), SettingsError> {
        let (settings, warnings) = Settings::load(None, env(&[]))?;
        assert!(warnings.is_empty());
        assert_eq!(settings.bind, "127.0.0.1:8080");
        for source in Source::ALL {
            assert_eq!(
                settings.source_url(source).expose(),
                "sqlite://./data/mofa-graph.db?mode=rwc"
            );
        }
        Ok(())
    }

    #[test]
    fn audience_limits_come_from_toml_and_env_and_unknown_ones_warn()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("mofa.toml");
        std::fs::write(&path, "[limits.partner]\naliases = 7\nbatch = 3\n")?;
        let (settings, warnings) = Settings::load(
            Some(&path),
            env(&[
                ("MOFA_LIMITS_PUBLIC_TIMEOUT_MS", "250"),
                ("MOFA_LIMITS_STAFF_DOCUMENT_BYTES", "1000"),
                ("MOFA_LIMITS_NOBODY_ALIASES", "1"),
                ("MOFA_LIMITS_PUBLIC_INTROSPECTION", "yes"),
                ("MOFA_LIMITS_PUBLIC_RATE_PER_MINUTE", "0"),
            ]),
        )?;
        assert!(settings.limits.public.introspection);
        assert_eq!(settings.limits.public.rate_per_minute, 0);
        assert_eq!(settings.limits.partner.batch, 3);
        assert_eq!(settings.limits.staff.batch, Limits::default().staff.batch);
        assert_eq!(settings.limits.public.timeout_ms, 250);
        assert_eq!(settings.limits.partner.aliases, 7);
        assert_eq!(
            settings.limits.partner.timeout_ms,
            Limits::default().partner.timeout_ms
        );
        assert_eq!(settings.limits.staff.document_bytes, 1000);
        assert_eq!(
            warnings,
            ["unknown setting MOFA_LIMITS_NOBODY_ALIASES ignored"]
        );
        let bad = Settings::load(None, env(&[("MOFA_LIMITS_PUBLIC_ALIASES", "many")]));
        assert!(bad.is_err());
        Ok(())
    }

    #[test]
    fn source_override_beats_database_url_which_beats_the_default() -> Result<(), SettingsError> {
        let (settings, _) = Settings::load(
            None,
            env(&[
                ("MOFA_DATABASE_URL", "postgres://u:pw@db/all"),
                ("MOFA_SOURCE_PARTY_MEMBERS_URL", "postgres://u:pw@db/party"),
                ("PATH", "/usr/bin"),
            ]),
        )?;
        assert_eq!(
            settings.source_url(Source::PartyMembers).expose(),
            "postgres://u:pw@db/party"
        );
        assert_eq!(
            settings.source_url(Source::Treaties).expose(),
            "postgres://u:pw@db/all"
        );
        Ok(())
    }

    #[test]
    fn env_overrides_the_file_and_the_file_overrides_defaults()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("mofa.toml");
        std::fs::write(
            &path,
            "bind = \"0.0.0.0:9000\"\nlog = \"debug\"\n[sources]\ntreaties = \"sqlite://t.db\"\n",
        )?;
        let (settings, _) = Settings::load(Some(&path), env(&[("MOFA_LOG", "warn")]))?;
        assert_eq!(settings.bind, "0.0.0.0:9000");
        assert_eq!(settings.log, "warn");
        assert_eq!(
            settings.source_url(Source::Treaties).expose(),
            "sqlite://t.db"
        );
        Ok(())
    }

    #[test]
    fn the_example_settings_file_loads() -> Result<(), SettingsError> {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docker/mofa-graph.example.toml");
        let (settings, _) = Settings::load(Some(&path), env(&[]))?;
        assert!(!settings.migrate_on_start);
        assert_eq!(
            settings.source_url(Source::Treaties).expose(),
            "postgres://lpqt:change-me@treaties-db.internal:5432/treaties"
        );
        assert_eq!(
            settings.source_url(Source::Awards).expose(),
            "postgres://mofa:change-me@db.internal:5432/mofa"
        );
        assert_eq!(settings.external_issuers.len(), 1);
        assert_eq!(settings.external_issuers[0].refetch_min_interval_secs, 30);
        assert!(!format!("{settings:?}").contains("change-me"));
        Ok(())
    }

    #[test]
    fn bad_input_is_a_clear_error_naming_the_key() {
        let err = Settings::load(None, env(&[("MOFA_SOURCE_NOPE_URL", "sqlite://x")]))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("MOFA_SOURCE_NOPE_URL: `NOPE` names no source")
        );
        let err = Settings::load(None, env(&[("MOFA_MIGRATE_ON_START", "maybe")]))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("MOFA_MIGRATE_ON_START: `maybe` is not a boolean")
        );
    }

    #[test]
    fn unknown_mofa_keys_are_warned_about_not_fatal() -> Result<(), SettingsError> {
        let (_, warnings) = Settings::load(None, env(&[("MOFA_BIMD", "x")]))?;
        assert_eq!(
            warnings,
            vec!["unknown setting MOFA_BIMD ignored".to_owned()]
        );
        Ok(())
    }

    #[test]
    fn secrets_never_print() -> Result<(), SettingsError> {
        let (settings, _) = Settings::load(
            None,
            env(&[("MOFA_REDIS_URL", "redis://:hunter2@cache:6379")]),
        )?;
        assert!(!format!("{settings:?}").contains("hunter2"));
        assert_eq!(
            redact_url("postgres://mofa:hunter2@db:5432/x"),
            "postgres://mofa:***@db:5432/x"
        );
        Ok(())
    }
}
