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

/// SIGTERM: no new connections, the request in flight is answered, then a clean exit; and
/// each log line of a request carries its id.
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
    // The JSON log lines go to a channel, read from a thread of their own.
    let (lines_tx, lines) = std::sync::mpsc::channel::<Value>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Ok(line) = serde_json::from_str::<Value>(&line) {
                let _ = lines_tx.send(line);
            }
        }
    });
    let next_line = |what: &dyn Fn(&Value) -> bool| {
        loop {
            let line = lines
                .recv_timeout(Duration::from_secs(30))
                .expect("no such log line");
            if what(&line) {
                return line;
            }
        }
    };
    // The JSON log line `listening` carries the port the server bound.
    let port = next_line(&|line| line["message"] == "listening")["port"]
        .as_u64()
        .expect("port");
    let health = reqwest::Client::new()
        .get(format!("http://127.0.0.1:{port}/healthz"))
        .header("X-Request-Id", "probe-4711")
        .send()
        .await
        .expect("request");
    assert_eq!(health.status(), 200);
    // Every line of a request carries its id.
    let logged = next_line(&|line| line["message"] == "request");
    assert_eq!(logged["span"]["request_id"], "probe-4711", "{logged}");

    // A request in flight when the signal comes: its body is half sent.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let body = r#"{"query":"{ catalog { units { code } } }"}"#;
    let mut in_flight = tokio::net::TcpStream::connect(("127.0.0.1", port as u16))
        .await
        .expect("connect");
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    in_flight
        .write_all(format!("{head}{}", &body[..10]).as_bytes())
        .await
        .expect("write");
    tokio::time::sleep(Duration::from_millis(200)).await;

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    tokio::time::sleep(Duration::from_millis(300)).await;
    // No new connections once draining; the one in flight is answered.
    assert!(
        reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
            .await
            .is_err(),
        "a stopping server accepts no new connection"
    );
    in_flight
        .write_all(&body.as_bytes()[10..])
        .await
        .expect("write the rest");
    let mut answer = String::new();
    in_flight
        .read_to_string(&mut answer)
        .await
        .expect("read the answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"units\""), "{answer}");
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

/// `import` checks every row under the mutations' rules: a file with bad rows writes nothing
/// and names each bad row and field; `--dry-run` writes nothing; a good file is imported whole,
/// with a revision per record.
#[tokio::test]
async fn import_is_all_or_nothing_and_reports_each_bad_row() {
    let app = crate::helpers::spawn_app().await;
    let staff = app.staff_token("NV", &["viewer"]);
    let count = || async {
        let (_, body) = app
            .graphql_as(
                Some(&staff),
                "{ foreignNgos { totalCount } }",
                serde_json::json!({}),
            )
            .await;
        body["data"]["foreignNgos"]["totalCount"]
            .as_u64()
            .expect("count")
    };
    let before = count().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let header = "nameEn,originCountryCode,registrationKind,permitNumber,permitIssuedOn,permitValidTo,fields,provinceCodes,status";
    let good = [
        "Import Demo One (fictional),US,project_office,IMP-0001,2025-01-01,2030-01-01,health,01,active",
        "Import Demo Two (fictional),JP,operation,IMP-0002,2025-02-01,2029-02-01,education;water,48,active",
    ];
    let bad_file = dir.path().join("bad.csv");
    std::fs::write(
        &bad_file,
        format!(
            "{header}\n{}\nImport Bad (fictional),XX,operation,IMP-0003,2025-03-01,2024-03-01,health,01,active\n{}\nImport Bad Two (fictional),FR,operation,IMP-0004,2025-13-01,,health,99,active\n",
            good[0], good[1]
        ),
    )
    .expect("write");
    let output = app.cli_output(&[
        "import",
        "--source",
        "foreign-ngos",
        "--file",
        bad_file.to_str().expect("path"),
    ]);
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("row 3: `originCountryCode`"), "{stdout}");
    assert!(stdout.contains("row 3: `permitIssuedOn`"), "{stdout}");
    assert!(stdout.contains("row 5: `permitIssuedOn`"), "{stdout}");
    assert!(stdout.contains("row 5: `provinceCodes`"), "{stdout}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("2 of 4 rows are bad; nothing imported")
    );
    assert_eq!(count().await, before, "nothing written");

    let good_file = dir.path().join("good.csv");
    std::fs::write(&good_file, format!("{header}\n{}\n{}\n", good[0], good[1])).expect("write");
    let path = good_file.to_str().expect("path");
    let stdout = app.cli(&[
        "import",
        "--source",
        "foreign-ngos",
        "--file",
        path,
        "--dry-run",
    ]);
    assert!(
        stdout.contains("2 rows of ForeignNgo are valid; nothing written"),
        "{stdout}"
    );
    assert_eq!(count().await, before);

    let stdout = app.cli(&[
        "import",
        "--source",
        "foreign-ngos",
        "--file",
        path,
        "--subject",
        "digitiser",
    ]);
    assert!(stdout.contains("imported 2 ForeignNgo rows"), "{stdout}");
    assert_eq!(count().await, before + 2);
    let (_, body) = app
        .graphql_as(
            Some(&staff),
            r#"{ foreignNgos(filter: {country: "JP"}) { edges { node { id nameEn } } } }"#,
            serde_json::json!({}),
        )
        .await;
    let id = body["data"]["foreignNgos"]["edges"]
        .as_array()
        .and_then(|edges| {
            edges
                .iter()
                .find(|e| e["node"]["nameEn"] == "Import Demo Two (fictional)")
        })
        .map(|e| e["node"]["id"].as_str().expect("id").to_owned())
        .unwrap_or_else(|| panic!("{body}"));
    let (_, body) = app
        .graphql_as(
            Some(&staff),
            "query($id: ID!) { revisions(id: $id) { action subject unit after } }",
            serde_json::json!({ "id": id }),
        )
        .await;
    let revision = &body["data"]["revisions"][0];
    assert_eq!(revision["action"], "import", "{body}");
    assert_eq!(revision["subject"], "digitiser");
    assert_eq!(revision["unit"], "NV");
    assert_eq!(revision["after"]["permitNumber"], "IMP-0002");
}
