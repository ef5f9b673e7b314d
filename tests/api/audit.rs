//! The data-access audit: what is recorded, who may read it, and that `audit verify` catches an
//! edited or removed entry.

use entities::Source;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

async fn entries(app: &TestApp) -> Vec<Value> {
    let admin = app.staff_token("VP", &["admin"]);
    let (_, body) = app
        .graphql_as(
            Some(&admin),
            "{ auditEntries(first: 100) { edges { node { requestId audience subject clientOrUnit disclosed } } } }",
            json!({}),
        )
        .await;
    body["data"]["auditEntries"]["edges"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

async fn post_with_id(app: &TestApp, token: Option<&str>, header: &str, id: &str, query: &str) {
    let mut request = app
        .client
        .post(app.url("/graphql"))
        .header(header, id)
        .json(&json!({ "query": query }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn disclosures_of_non_open_fields_are_audited_and_open_data_is_not() {
    let app = spawn_app().await;
    post_with_id(
        &app,
        None,
        "X-Request-Id",
        "public-1",
        "{ treaties(first: 5) { edges { node { titleEn } } } }",
    )
    .await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    post_with_id(
        &app,
        Some(&staff),
        "X-Request-Id",
        "staff-1",
        "{ treaties(first: 3) { edges { node { titleEn negotiationNotes } } } }",
    )
    .await;
    let partner = app.partner_token(&["treaty-info"]).await;
    post_with_id(
        &app,
        Some(&partner),
        "X-Road-Id",
        "NDXP/GOV/00001",
        "{ treaties(first: 2) { edges { node { implementingAgencies } } } }",
    )
    .await;

    let entries = entries(&app).await;
    // The admin's own reading of the log is audited too, after these.
    assert!(entries.len() >= 2, "{entries:?}");
    assert!(!entries.iter().any(|e| e["requestId"] == "public-1"));
    let staff_entry = entries
        .iter()
        .find(|e| e["requestId"] == "staff-1")
        .expect("staff entry");
    assert_eq!(staff_entry["audience"], "staff");
    assert_eq!(staff_entry["clientOrUnit"], "LPQT");
    assert_eq!(staff_entry["disclosed"], r#"{"Treaty.negotiationNotes":3}"#);
    let partner_entry = entries
        .iter()
        .find(|e| e["requestId"] == "NDXP/GOV/00001")
        .expect("partner entry");
    assert_eq!(partner_entry["audience"], "partner");
    assert_eq!(
        partner_entry["disclosed"],
        r#"{"Treaty.implementingAgencies":2}"#
    );
}

#[tokio::test]
async fn the_audit_log_is_for_admins_only() {
    let app = spawn_app().await;
    let query = "{ auditEntries(first: 1) { totalCount } }";
    for token in [
        None,
        Some(app.partner_token(&["treaty-info"]).await),
        Some(app.staff_token("TCCB", &["viewer", "editor", "steward"])),
    ] {
        let (_, body) = app.graphql_as(token.as_deref(), query, json!({})).await;
        assert_eq!(body["data"]["auditEntries"], Value::Null);
        assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
    }
    let (_, body) = app
        .graphql_as(Some(&app.staff_token("VP", &["admin"])), query, json!({}))
        .await;
    assert!(
        body["data"]["auditEntries"]["totalCount"].is_u64(),
        "{body}"
    );
}

#[tokio::test]
async fn audit_verify_passes_on_a_real_log_and_fails_on_an_edited_or_removed_entry() {
    let app = spawn_app().await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    for _ in 0..4 {
        app.graphql_as(
            Some(&staff),
            "{ treaties(first: 2) { edges { node { internalAssessment } } } }",
            json!({}),
        )
        .await;
    }
    let verdict = app.cli(&["audit", "verify"]);
    assert_eq!(verdict.trim(), "audit log intact: 4 entries");

    let meta = app.sources.get(Source::Meta);
    meta.execute_unprepared(
        r#"UPDATE audit_entry SET disclosed = '{"Treaty.internalAssessment":1}' WHERE id = 2"#,
    )
    .await
    .expect("edit");
    let output = app.cli_output(&["audit", "verify"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("audit log broken at entry 2"), "{stderr}");

    meta.execute_unprepared(
        r#"UPDATE audit_entry SET disclosed = '{"Treaty.internalAssessment":2}' WHERE id = 2"#,
    )
    .await
    .expect("restore");
    assert_eq!(
        app.cli(&["audit", "verify"]).trim(),
        "audit log intact: 4 entries"
    );
    meta.execute_unprepared("DELETE FROM audit_entry WHERE id = 3")
        .await
        .expect("remove");
    let output = app.cli_output(&["audit", "verify"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("entry 3 is missing"));
}
