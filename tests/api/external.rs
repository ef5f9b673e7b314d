//! Checks by third-party tools against the live server: the GraphQL-over-HTTP audit of the npm
//! package `graphql-http`, and GraphiQL in headless Chromium with no network beyond loopback.
//! They need Node.js, the packages of `tests/external` and Chromium, which `scripts/test`
//! installs; run them with `cargo test -- --ignored` once those are there.

use std::{path::Path, process::Command};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

fn node(script: &str, arg: &str) -> std::process::Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/external");
    assert!(
        dir.join("node_modules").exists(),
        "run `npm ci` in tests/external first (scripts/test does)"
    );
    let arg = arg.to_owned();
    Command::new("node")
        .arg(script)
        .arg(arg)
        .current_dir(dir)
        .output()
        .expect("node is not installed")
}

fn assert_succeeded(output: &std::process::Output) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(output.status.success(), "{stdout}\n{stderr}");
}

async fn run_node(app: &TestApp, script: &'static str, arg: String) -> std::process::Output {
    let _ = app;
    tokio::task::spawn_blocking(move || node(script, &arg))
        .await
        .expect("node task")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Node.js and tests/external/node_modules (scripts/test runs it)"]
async fn graphql_http_audit_passes_every_must_and_should() {
    // The audit's variables checks read `__type(name: $name)`; introspection is refused to the
    // public by default (`adversarial` checks that), so this server opens it for the audit of
    // the transport.
    let app = spawn_app_with(|s| s.limits.public.introspection = true).await;
    let output = run_node(&app, "http-audit.mjs", app.url("/graphql")).await;
    assert_succeeded(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("0 required audit(s) failed"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs Node.js, Chromium and tests/external/node_modules (scripts/test runs it)"]
async fn graphiql_runs_a_query_in_headless_chromium_offline() {
    let app = spawn_app().await;
    let output = run_node(&app, "graphiql.mjs", app.address.clone()).await;
    assert_succeeded(&output);
}
