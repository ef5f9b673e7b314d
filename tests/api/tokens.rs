//! Tokens: what a valid one does, and the attacks RFC 8725 lists, each refused with 401,
//! `WWW-Authenticate: Bearer error="invalid_token"` and code `UNAUTHENTICATED`, and nothing about
//! why in the body.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The app's signing key and kid, read from its key file.
fn signing_key(app: &TestApp) -> (EncodingKey, String) {
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(app.settings.signing_key_path()).expect("key file"),
    )
    .expect("json");
    let seed = URL_SAFE_NO_PAD
        .decode(file["keys"][0]["private"].as_str().expect("private key"))
        .expect("base64");
    let mut der = vec![
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    der.extend_from_slice(&seed);
    (
        EncodingKey::from_ed_der(&der),
        file["keys"][0]["kid"].as_str().expect("kid").to_owned(),
    )
}

fn staff_claims() -> Value {
    json!({
        "iss": "mofa-graph", "aud": "mofa-graph", "sub": "attacker", "iat": now(),
        "exp": now() + 600, "jti": "j1", "unit": "TCCB", "roles": ["admin"],
    })
}

fn sign(app: &TestApp, claims: &Value, edit: impl FnOnce(&mut Header)) -> String {
    let (key, kid) = signing_key(app);
    let mut header = Header::new(Algorithm::EdDSA);
    header.typ = Some("at+jwt".to_owned());
    header.kid = Some(kid);
    edit(&mut header);
    jsonwebtoken::encode(&header, claims, &key).expect("sign")
}

fn unsigned(header: Value, claims: &Value) -> String {
    format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

async fn assert_refused(app: &TestApp, token: &str, case: &str) {
    let response = app
        .client
        .post(app.url("/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": "{ viewer { audience } }" }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 401, "{case}");
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#,
        "{case}"
    );
    let body: Value = response.json().await.expect("json");
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "UNAUTHENTICATED",
        "{case}"
    );
    assert_eq!(body["errors"][0]["message"], "invalid token", "{case}");
}

#[tokio::test]
async fn a_valid_token_is_accepted_and_jwks_publishes_its_key() {
    let app = spawn_app().await;
    let token = sign(&app, &staff_claims(), |_| {});
    let (status, body) = app
        .graphql_as(
            Some(&token),
            "{ viewer { audience unit subject } }",
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["data"]["viewer"],
        json!({ "audience": "STAFF", "unit": "TCCB", "subject": "attacker" })
    );
    let jwks: Value = app
        .client
        .get(app.url("/.well-known/jwks.json"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let (_, kid) = signing_key(&app);
    assert_eq!(jwks["keys"][0]["kid"], kid);
    assert_eq!(jwks["keys"][0]["crv"], "Ed25519");
    assert!(jwks["keys"][0].get("d").is_none(), "no private part");
}

#[tokio::test]
async fn forged_and_invalid_tokens_are_refused() {
    let app = spawn_app().await;
    let (_, kid) = signing_key(&app);
    let claims = staff_claims();
    let with = |edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut c = claims.as_object().expect("object").clone();
        edit(&mut c);
        Value::Object(c)
    };

    let cases: Vec<(&str, String)> = vec![
        (
            "alg none",
            unsigned(
                json!({ "alg": "none", "typ": "at+jwt", "kid": kid }),
                &claims,
            ),
        ),
        ("HS256 signed with the public key", {
            let jwks: Value = app
                .client
                .get(app.url("/.well-known/jwks.json"))
                .send()
                .await
                .expect("request")
                .json()
                .await
                .expect("json");
            let public = jwks["keys"][0]["x"].as_str().expect("x").to_owned();
            let mut header = Header::new(Algorithm::HS256);
            header.typ = Some("at+jwt".to_owned());
            header.kid = Some(kid.clone());
            jsonwebtoken::encode(
                &header,
                &claims,
                &EncodingKey::from_secret(public.as_bytes()).expect("key"),
            )
            .expect("sign")
        }),
        (
            "wrong aud",
            sign(
                &app,
                &with(&|c| {
                    c.insert("aud".into(), json!("other"));
                }),
                |_| {},
            ),
        ),
        (
            "no aud",
            sign(
                &app,
                &with(&|c| {
                    c.remove("aud");
                }),
                |_| {},
            ),
        ),
        (
            "wrong iss",
            sign(
                &app,
                &with(&|c| {
                    c.insert("iss".into(), json!("evil"));
                }),
                |_| {},
            ),
        ),
        (
            "expired",
            sign(
                &app,
                &with(&|c| {
                    c.insert("iat".into(), json!(now() - 7200));
                    c.insert("exp".into(), json!(now() - 3600));
                }),
                |_| {},
            ),
        ),
        (
            "nbf in the future",
            sign(
                &app,
                &with(&|c| {
                    c.insert("nbf".into(), json!(now() + 3600));
                }),
                |_| {},
            ),
        ),
        (
            "exp as a string",
            sign(
                &app,
                &with(&|c| {
                    c.insert("exp".into(), json!((now() + 600).to_string()));
                }),
                |_| {},
            ),
        ),
        (
            "missing jti",
            sign(
                &app,
                &with(&|c| {
                    c.remove("jti");
                }),
                |_| {},
            ),
        ),
        (
            "missing sub",
            sign(
                &app,
                &with(&|c| {
                    c.remove("sub");
                }),
                |_| {},
            ),
        ),
        (
            "lifetime over the maximum",
            sign(
                &app,
                &with(&|c| {
                    c.insert("exp".into(), json!(now() + 30 * 86400));
                }),
                |_| {},
            ),
        ),
        (
            "unknown unit",
            sign(
                &app,
                &with(&|c| {
                    c.insert("unit".into(), json!("NOPE"));
                }),
                |_| {},
            ),
        ),
        (
            "wrong typ",
            sign(&app, &claims, |h| h.typ = Some("JWT".to_owned())),
        ),
        ("no typ", sign(&app, &claims, |h| h.typ = None)),
        (
            "unknown kid",
            sign(&app, &claims, |h| h.kid = Some("nope".to_owned())),
        ),
        ("garbage", "not.a.token".to_owned()),
    ];
    for (case, token) in &cases {
        assert_refused(&app, token, case).await;
    }
    // A malformed header is refused the same way.
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("Authorization", "Basic dXNlcjpwdw==")
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn token_issue_mints_tokens_the_server_accepts() {
    let app = spawn_app().await;
    app.cli(&[
        "partner",
        "add",
        "--client-id",
        "ngo-portal",
        "--agency",
        "Demo agency",
    ]);
    for service in ["treaty-info", "ngo-info"] {
        app.cli(&[
            "partner",
            "grant",
            "--client-id",
            "ngo-portal",
            "--service",
            service,
            "--legal-basis",
            "Decree 278/2025",
        ]);
    }
    let listing = app.cli(&["partner", "list"]);
    assert!(listing.contains("ngo-portal\tDemo agency"), "{listing}");
    let token = app.cli(&[
        "token",
        "issue",
        "--subject",
        "ngo-portal",
        "--scope",
        "treaty-info,ngo-info,consular-info",
    ]);
    let (_, body) = app
        .graphql_as(
            Some(token.trim()),
            "{ viewer { audience scopes } }",
            json!({}),
        )
        .await;
    // consular-info is claimed but not granted: it does not count.
    assert_eq!(
        body["data"]["viewer"],
        json!({ "audience": "PARTNER", "scopes": ["treaty-info", "ngo-info"] })
    );
}

fn claim(token: &str, name: &str) -> Value {
    let payload = token.split('.').nth(1).expect("payload");
    let claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("json");
    claims[name].clone()
}

#[tokio::test]
async fn a_revoked_token_is_refused_at_once() {
    let app = spawn_app().await;
    let token = app.staff_token("LPQT", &["viewer"]);
    let (status, _) = app
        .graphql_as(Some(&token), "{ viewer { unit } }", json!({}))
        .await;
    assert_eq!(status, 200);
    let jti = claim(&token, "jti");
    app.cli(&["token", "revoke", "--jti", jti.as_str().expect("jti")]);
    assert_refused(&app, &token, "revoked jti").await;
}

#[tokio::test]
async fn revoking_a_grant_cuts_access_at_once_even_for_unexpired_tokens() {
    let app = spawn_app().await;
    let token = app.partner_token(&["treaty-info"]).await;
    let query =
        "{ viewer { scopes } treaties(first: 1) { edges { node { implementingAgencies } } } }";
    let (_, body) = app.graphql_as(Some(&token), query, json!({})).await;
    assert_eq!(body["data"]["viewer"]["scopes"], json!(["treaty-info"]));
    assert!(body["data"]["treaties"]["edges"][0]["node"]["implementingAgencies"].is_string());

    let client = claim(&token, "client_id");
    let meta = app.sources.get(entities::Source::Meta);
    let revoked = mofa_graph::partners::revoke(
        meta,
        client.as_str().expect("client"),
        graphql::policy::Service::TreatyInfo,
    )
    .await
    .expect("revoke");
    assert_eq!(revoked, 1);
    let (status, body) = app.graphql_as(Some(&token), query, json!({})).await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["viewer"]["scopes"], json!([]));
    assert_eq!(
        body["data"]["treaties"]["edges"][0]["node"]["implementingAgencies"],
        Value::Null
    );
    assert_eq!(body["errors"][0]["extensions"]["code"], "FORBIDDEN");
}

#[tokio::test]
async fn client_credentials_mint_partner_tokens_within_the_grants() {
    let app = spawn_app().await;
    let meta = app.sources.get(entities::Source::Meta);
    let secret =
        mofa_graph::partners::add_client(meta, "mps-portal", "Ministry of Public Security")
            .await
            .expect("add");
    mofa_graph::partners::grant(
        meta,
        "mps-portal",
        graphql::policy::Service::ConsularInfo,
        "Decree 278/2025",
        None,
        None,
    )
    .await
    .expect("grant");
    let post = |form: &'static str, basic: Option<(&str, &str)>| {
        let mut request = app
            .client
            .post(app.url("/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form);
        if let Some((id, secret)) = basic {
            request = request.basic_auth(id, Some(secret));
        }
        request.send()
    };

    let response = post(
        "grant_type=client_credentials",
        Some(("mps-portal", &secret)),
    )
    .await
    .expect("request");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["scope"], "consular-info");
    let token = body["access_token"].as_str().expect("token");
    let (_, viewer) = app
        .graphql_as(
            Some(token),
            "{ viewer { audience subject scopes } }",
            json!({}),
        )
        .await;
    assert_eq!(
        viewer["data"]["viewer"],
        json!({ "audience": "PARTNER", "subject": "mps-portal", "scopes": ["consular-info"] })
    );

    type Case<'a> = (&'static str, Option<(&'a str, &'a str)>, u16, &'a str);
    let cases: [Case; 5] = [
        (
            "grant_type=client_credentials",
            Some(("mps-portal", "wrong")),
            401,
            "invalid_client",
        ),
        (
            "grant_type=client_credentials",
            Some(("nobody", "x")),
            401,
            "invalid_client",
        ),
        ("grant_type=client_credentials", None, 401, "invalid_client"),
        (
            "grant_type=password",
            Some(("mps-portal", &secret)),
            400,
            "unsupported_grant_type",
        ),
        (
            "grant_type=client_credentials&scope=treaty-info",
            Some(("mps-portal", &secret)),
            400,
            "invalid_scope",
        ),
    ];
    for (form, basic, status, error) in cases {
        let response = post(form, basic).await.expect("request");
        assert_eq!(response.status(), status, "{form}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["error"], error, "{form}");
    }
}
