//! `spawn_app()`: the real application on port 0 against a fresh database, and helpers to call it.

use std::sync::{
    Once,
    atomic::{AtomicU32, Ordering},
};

use mofa_graph::{
    auth::KeySet,
    configuration::{LogFormat, Secret, Settings},
    startup::Application,
};
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

/// A running server and what it needs to stay alive.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub settings: Settings,
    pub sources: entities::SourceConnections,
    pub cache: std::sync::Arc<mofa_graph::cache::ResponseCache>,
    _data_dir: tempfile::TempDir,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// POSTs a GraphQL operation as `application/json` and returns the status and body.
    pub async fn graphql(&self, query: &str, variables: Value) -> (u16, Value) {
        self.graphql_as(None, query, variables).await
    }

    /// The same, with a bearer token.
    pub async fn graphql_as(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (u16, Value) {
        let mut request = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request failed");
        let status = response.status().as_u16();
        (status, response.json().await.expect("body is not JSON"))
    }
}

impl TestApp {
    /// The server's own key set (it generated the key file at start).
    pub fn keys(&self) -> KeySet {
        KeySet::load_or_create(
            &self.settings.signing_key_path(),
            &self.settings.token_issuer,
            self.settings.max_token_lifetime_secs,
        )
        .expect("key file")
    }

    /// Runs the binary on the app's data directory and database, as an operator would;
    /// asserts it succeeds and returns its stdout.
    pub fn cli(&self, args: &[&str]) -> String {
        let output = self.cli_output(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    pub fn cli_output(&self, args: &[&str]) -> std::process::Output {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mofa-graph"));
        command
            .env_clear()
            .env("MOFA_DATA_DIR", &self.settings.data_dir)
            .env("MOFA_LOG", "warn")
            .args(args);
        if let Some(url) = &self.settings.database_url {
            command.env("MOFA_DATABASE_URL", url.expose());
        }
        command.output().expect("run")
    }

    pub fn staff_token(&self, unit: &str, roles: &[&str]) -> String {
        let keys = self.keys();
        let mut claims = keys.new_claims("staff-test", 600).expect("claims");
        claims.unit = Some(unit.to_owned());
        claims.roles = Some(roles.iter().map(|r| (*r).to_owned()).collect());
        keys.sign(&claims).expect("sign")
    }

    /// A partner token for a new client holding an active grant for each online service of
    /// `scopes` (packaged services cannot be granted, so their scope stays without effect).
    pub async fn partner_token(&self, scopes: &[&str]) -> String {
        let meta = self.sources.get(entities::Source::Meta);
        let client = format!("partner-{}", CLIENT_COUNTER.fetch_add(1, Ordering::Relaxed));
        mofa_graph::partners::add_client(meta, &client, "Test agency")
            .await
            .expect("add client");
        for scope in scopes {
            let service: graphql::policy::Service = scope.parse().expect("a service");
            if service.is_online() {
                mofa_graph::partners::grant(meta, &client, service, "test grant", None, None)
                    .await
                    .expect("grant");
            }
        }
        self.token_for_client(&client, scopes)
    }

    /// A token for an existing client, claiming `scopes`.
    pub fn token_for_client(&self, client: &str, scopes: &[&str]) -> String {
        let keys = self.keys();
        let mut claims = keys.new_claims(client, 600).expect("claims");
        claims.scope = Some(scopes.join(" "));
        claims.client_id = Some(client.to_owned());
        keys.sign(&claims).expect("sign")
    }
}

static TRACING: Once = Once::new();
static DATABASE_COUNTER: AtomicU32 = AtomicU32::new(0);
static CLIENT_COUNTER: AtomicU32 = AtomicU32::new(0);

/// The PostgreSQL server to test against, if any: an admin URL such as
/// `postgres://postgres@127.0.0.1:5432/postgres`.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("MOFA_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// The Redis server to test against, if any.
pub fn redis_url() -> Option<String> {
    std::env::var("MOFA_TEST_REDIS_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// A new, empty database: a PostgreSQL database of its own, else `None` (the app then uses the
/// embedded SQLite file in its own temporary data directory).
pub async fn fresh_postgres_database() -> Option<String> {
    let admin = postgres_admin_url()?;
    let name = format!(
        "mofa_test_{}_{}",
        std::process::id(),
        DATABASE_COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let conn = Database::connect(&admin)
        .await
        .expect("cannot connect to the test PostgreSQL");
    conn.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
        .await
        .expect("drop test database");
    conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    let (base, _) = admin.rsplit_once('/').expect("admin URL has no database");
    Some(format!("{base}/{name}"))
}

/// Settings for a test server: port 0, a temporary data directory, a fresh database, the test
/// Redis if there is one.
pub async fn test_settings(data_dir: &tempfile::TempDir) -> Settings {
    TRACING.call_once(|| {
        if std::env::var_os("TEST_LOG").is_some() {
            let _ = mofa_graph::telemetry::init("debug", LogFormat::Text);
        }
    });
    Settings {
        bind: "127.0.0.1:0".to_owned(),
        data_dir: data_dir.path().to_owned(),
        database_url: fresh_postgres_database().await.map(Secret::new),
        redis_url: redis_url().map(Secret::new),
        // Tests share one Redis; each deployment under test keeps to its own keys.
        cache_namespace: format!(
            "test-{}-{}",
            std::process::id(),
            DATABASE_COUNTER.fetch_add(1, Ordering::Relaxed)
        ),
        workers: Some(1),
        db_max_connections: 4,
        ..Settings::default()
    }
}

/// A second node over the same databases, signing key and Redis as `app`, as behind a load
/// balancer.
pub async fn second_node(app: &TestApp) -> TestApp {
    start(
        app.settings.clone(),
        tempfile::tempdir().expect("temporary directory"),
    )
    .await
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the application with test settings changed by `configure`.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temporary directory");
    let mut settings = test_settings(&data_dir).await;
    configure(&mut settings);
    start(settings, data_dir).await
}

/// Starts the application on the given settings with the demo data (as `serve --demo`);
/// `data_dir` is kept alive with it.
pub async fn start(settings: Settings, data_dir: tempfile::TempDir) -> TestApp {
    let app = Application::build(settings.clone())
        .await
        .expect("application failed to start");
    migrations::seed::demo(app.sources())
        .await
        .expect("demo seed");
    let address = format!("http://127.0.0.1:{}", app.port());
    let sources = app.sources().clone();
    let cache = app.cache();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client"),
        settings,
        sources,
        cache,
        _data_dir: data_dir,
    }
}

/// A Redis of this test's own, so that stopping it disturbs no other test.
pub struct OwnRedis {
    pub port: u16,
    child: std::process::Child,
    dir: tempfile::TempDir,
}

impl OwnRedis {
    pub fn start(port: u16, dir: tempfile::TempDir) -> OwnRedis {
        let child = std::process::Command::new("redis-server")
            .args([
                "--bind",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("redis-server");
        std::thread::sleep(std::time::Duration::from_millis(300));
        OwnRedis { port, child, dir }
    }

    pub fn stop(mut self) -> (u16, tempfile::TempDir) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        (self.port, self.dir)
    }
}
