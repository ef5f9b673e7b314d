//! The real binary: its subcommands, and a graceful stop on SIGTERM.

use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_mofa-graph");

/// A command of the binary on a fresh data directory (and the test PostgreSQL if any).
async fn command(data_dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::new(BINARY);
    cmd.env_clear()
        .env("MOFA_DATA_DIR", data_dir.path())
        .env("MOFA_LOG", "warn");
    if let Some(url) = crate::helpers::fresh_postgres_database().await {
        cmd.env("MOFA_DATABASE_URL", url);
    }
    cmd
}

#[tokio::test]
async fn schema_prints_the_sdl() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let output = command(&data_dir)
        .await
        .arg("schema")
        .output()
        .expect("run");
    assert!(output.status.success());
    let sdl = String::from_utf8(output.stdout).expect("utf-8");
    assert_eq!(sdl, graphql::sdl());
}

#[tokio::test]
async fn migrate_then_status_shows_nothing_pending() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let mut cmd = command(&data_dir).await;
    let output = cmd.arg("migrate").output().expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = cmd.arg("--status").output().expect("run");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert_eq!(stdout.lines().count(), 28, "{stdout}");
    assert!(
        stdout.lines().all(|l| l.contains(": 0 pending")),
        "{stdout}"
    );
}

#[tokio::test]
async fn seed_demo_reports_the_catalogue() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let output = command(&data_dir)
        .await
        .env("MOFA_LOG", "info")
        .env("MOFA_LOG_FORMAT", "json")
        .args(["seed", "--demo"])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("catalogue: 16 units, 23 databases, 9 sharing services, 8 open datasets"),
        "{stdout}"
    );
}

#[tokio::test]
async fn bad_settings_exit_with_a_clear_message() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let output = command(&data_dir)
        .await
        .env("MOFA_SOURCE_NOWHERE_URL", "sqlite://x.db")
        .arg("migrate")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("MOFA_SOURCE_NOWHERE_URL: `NOWHERE` names no source"),
        "{stderr}"
    );
}

#[tokio::test]
async fn serve_stops_gracefully_on_sigterm() {
    let data_dir = tempfile::tempdir().expect("tempdir");
    let mut child = command(&data_dir)
        .await
        .env("MOFA_BIND", "127.0.0.1:0")
        .env("MOFA_LOG", "info")
        .env("MOFA_LOG_FORMAT", "json")
        .arg("serve")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    // The JSON log line `listening` carries the port the server bound.
    let port = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<Value>(&line).ok())
        .find(|line| line["message"] == "listening")
        .and_then(|line| line["port"].as_u64())
        .expect("no `listening` line");
    let health = reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
        .await
        .expect("request");
    assert_eq!(health.status(), 200);

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().expect("wait") {
            break exit;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "did not stop");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "{exit:?}");
}

/// `seed --scale N` adds N synthetic rows to each large table, proportionate rows elsewhere,
/// and nothing on a second run at the same N.
#[tokio::test]
async fn seed_scale_adds_deterministic_rows_once() {
    let app = crate::helpers::spawn_app().await;
    let staff = app.staff_token("LS", &["viewer"]);
    let totals = || async {
        let (status, body) = app
            .graphql_as(
                Some(&staff),
                "{ treaties { totalCount } visaFiles { totalCount } \
                 legalizationFiles { totalCount } passportFiles { totalCount } \
                 foreignNgos { totalCount } newsItems { totalCount } chronicleEvents { totalCount } }",
                serde_json::json!({}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        assert!(body.get("errors").is_none(), "{body}");
        [
            "treaties",
            "visaFiles",
            "legalizationFiles",
            "passportFiles",
            "foreignNgos",
            "newsItems",
            "chronicleEvents",
        ]
        .map(|list| body["data"][list]["totalCount"].as_u64().expect("count"))
    };
    let before = totals().await;
    app.cli(&["seed", "--scale", "250"]);
    let after = totals().await;
    let added: Vec<u64> = after.iter().zip(before).map(|(a, b)| a - b).collect();
    assert_eq!(added, vec![250, 250, 250, 25, 2, 250, 250]);
    app.cli(&["seed", "--scale", "250"]);
    assert_eq!(
        totals().await,
        after,
        "a second run at the same N adds nothing"
    );

    // Synthetic treaties have state parties that lead to real countries.
    let (_, body) = app
        .graphql_as(
            Some(&staff),
            r#"{ treaties(first: 100, after: "c100") { edges { node { number parties { country { code } } } } } }"#,
            serde_json::json!({}),
        )
        .await;
    let edges = body["data"]["treaties"]["edges"].as_array().expect("edges");
    let synthetic: Vec<_> = edges
        .iter()
        .filter(|e| {
            e["node"]["number"]
                .as_str()
                .is_some_and(|n| n.starts_with("SCALE-"))
        })
        .collect();
    assert!(!synthetic.is_empty(), "{body}");
    for edge in synthetic {
        let parties = edge["node"]["parties"].as_array().expect("parties");
        assert_eq!(parties.len(), 2, "{edge}");
        assert!(
            parties.iter().all(|p| p["country"]["code"].is_string()),
            "{edge}"
        );
    }
}
