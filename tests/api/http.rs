//! GraphQL over HTTP beyond what the external audit checks: the exact statuses, headers and
//! error codes this server promises.

use reqwest::header::{ACCEPT, ALLOW, CONTENT_TYPE};
use serde_json::{Value, json};

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn get_runs_queries_and_answers_in_the_negotiated_media_type() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "{ catalog { units { code } } }")])
        .header(ACCEPT, "application/graphql-response+json")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()[CONTENT_TYPE],
        "application/graphql-response+json; charset=utf-8"
    );
    let vary: Vec<&str> = response
        .headers()
        .get_all("vary")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    assert!(
        vary.iter().any(|v| v.eq_ignore_ascii_case("accept")),
        "{vary:?}"
    );
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["data"]["catalog"]["units"][0]["code"], "TCCB");
}

#[tokio::test]
async fn mutation_over_get_is_405_with_allow_post() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[("query", "mutation M { x }"), ("operationName", "M")])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()[ALLOW], "POST");
    let body: Value = response.json().await.expect("json");
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        "METHOD_NOT_ALLOWED"
    );
}

#[tokio::test]
async fn other_methods_are_405_with_allow_get_post() {
    let app = spawn_app().await;
    let response = app
        .client
        .put(app.url("/graphql"))
        .body("{}")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()[ALLOW], "GET, POST");
}

#[tokio::test]
async fn unsupported_content_type_is_415() {
    let app = spawn_app().await;
    for content_type in [
        "text/plain",
        "application/graphql",
        "application/json; charset=latin1",
    ] {
        let response = app
            .client
            .post(app.url("/graphql"))
            .header(CONTENT_TYPE, content_type)
            .body(r#"{"query":"{ __typename }"}"#)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 415, "{content_type}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(
            body["errors"][0]["extensions"]["code"],
            "UNSUPPORTED_MEDIA_TYPE"
        );
    }
}

#[tokio::test]
async fn body_over_the_limit_is_413_and_the_server_goes_on() {
    let app = spawn_app_with(|s| s.max_body_bytes = 1024).await;
    let query = format!("{{ __typename # {} \n}}", "x".repeat(2048));
    let response = app
        .client
        .post(app.url("/graphql"))
        .json(&json!({ "query": query }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 413);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["errors"][0]["extensions"]["code"], "PAYLOAD_TOO_LARGE");

    let (status, body) = app.graphql("{ __typename }", json!({})).await;
    assert_eq!(
        (status, &body["data"]["__typename"]),
        (200, &json!("Query"))
    );
}

#[tokio::test]
async fn malformed_requests_are_400_under_graphql_response_json() {
    let app = spawn_app().await;
    for (body, why) in [
        ("{", "not JSON"),
        ("[]", "batch"),
        (r#"{"query": 1}"#, "query not a string"),
        (
            r#"{"query": "{ __typename }", "variables": []}"#,
            "variables not an object",
        ),
        (r#"{"query": "{"}"#, "document does not parse"),
        (r#"{"query": "{ nope }"}"#, "document does not validate"),
    ] {
        let response = app
            .client
            .post(app.url("/graphql"))
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/graphql-response+json")
            .body(body)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 400, "{why}");
        let body: Value = response.json().await.expect("json");
        assert!(body.get("data").is_none(), "{why}: {body}");
        assert!(body["errors"][0]["message"].is_string(), "{why}");
    }
}

#[tokio::test]
async fn unknown_fields_get_no_suggestions() {
    let app = spawn_app().await;
    let (status, body) = app
        .graphql("{ catalog { databse { code } } }", json!({}))
        .await;
    assert_eq!(status, 200);
    let message = body["errors"][0]["message"].as_str().expect("message");
    assert!(message.contains("databse"), "{message}");
    assert!(!message.contains("Did you mean"), "{message}");
}

#[tokio::test]
async fn not_acceptable_when_accept_admits_no_json() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(ACCEPT, "text/html")
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 406);
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let closed = spawn_app().await;
    let preflight = |app: &crate::helpers::TestApp, origin: &str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/graphql"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "content-type, authorization",
            )
            .send()
    };
    let response = preflight(&closed, "https://portal.example.gov.vn")
        .await
        .expect("request");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );

    let open = spawn_app_with(|s| {
        s.cors_allowed_origins = vec!["https://portal.example.gov.vn".to_owned()];
    })
    .await;
    let response = preflight(&open, "https://portal.example.gov.vn")
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://portal.example.gov.vn"
    );
    let response = preflight(&open, "https://elsewhere.example.com")
        .await
        .expect("request");
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

#[tokio::test]
async fn graphiql_page_and_assets_are_served_from_the_binary() {
    let app = spawn_app().await;
    let page = app
        .client
        .get(app.url("/graphiql"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    let assets: Vec<&str> = page
        .split('"')
        .filter(|s| s.starts_with("/graphiql/assets/"))
        .collect();
    assert_eq!(assets.len(), 4, "{page}");
    assert!(
        !page.contains("https://"),
        "the page must not load anything remote"
    );
    for asset in assets {
        let response = app
            .client
            .get(app.url(asset))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 200, "{asset}");
        assert!(
            response.bytes().await.expect("body").len() > 1000,
            "{asset}"
        );
    }
    let licence = app
        .client
        .get(app.url("/graphiql/assets/graphiql-3.8.3/LICENSE-graphiql"))
        .send()
        .await
        .expect("request");
    assert_eq!(licence.status(), 200);
}

/// Each audience has its own limits on a request's document, aliases and running time; a request
/// over one gets `LIMIT_EXCEEDED` saying which, and the server goes on.
#[tokio::test]
async fn requests_over_their_audience_limits_get_limit_exceeded() {
    let app = spawn_app_with(|s| {
        s.limits.public.document_bytes = 2_000;
        s.limits.public.aliases = 5;
        s.limits.staff.timeout_ms = 1;
    })
    .await;
    let code = |body: &serde_json::Value| {
        body["errors"][0]["extensions"]["code"]
            .as_str()
            .map(str::to_owned)
    };
    // A long document.
    let padding = " ".repeat(2_100);
    let (status, body) = app
        .graphql(
            &format!("{{ catalog {{ units {{ code }} }} {padding}}}"),
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(code(&body).as_deref(), Some("LIMIT_EXCEEDED"), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("bytes")
    );
    // An alias flood.
    let aliases: String = (0..6)
        .map(|i| format!("a{i}: catalog {{ units {{ code }} }} "))
        .collect();
    let (_, body) = app.graphql(&format!("{{ {aliases} }}"), json!({})).await;
    assert_eq!(code(&body).as_deref(), Some("LIMIT_EXCEEDED"), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("aliases")
    );
    // Within the limits, the same caller is served.
    let (_, body) = app
        .graphql("{ a: catalog { units { code } } }", json!({}))
        .await;
    assert!(body["data"]["a"]["units"].is_array(), "{body}");
    // Staff's running time: a nested query cannot finish in 1 ms.
    let staff = app.staff_token("LPQT", &["viewer"]);
    let (_, body) = app
        .graphql_as(
            Some(&staff),
            "{ countries(first: 100) { edges { node { vietnameseMissions { hostCountry { foreignMissions { city } } } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&body).as_deref(), Some("LIMIT_EXCEEDED"), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("ms")
    );
    let (status, _) = app
        .graphql("{ catalog { units { code } } }", json!({}))
        .await;
    assert_eq!(status, 200, "the server goes on");
}
