//! Staff tokens of an external identity provider, checked with the keys of its JWKS URL: served
//! here by a small HTTP server on loopback standing for the provider.

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use actix_web::{App, HttpResponse, HttpServer, web};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use mofa_graph::configuration::ExternalIssuer;
use serde_json::{Value, json};

use crate::helpers::spawn_app_with;

const ISSUER: &str = "https://sso.example.gov.vn/realms/staff";
const JWKS: &str = include_str!("../fixtures/external-issuer-jwks.json");
const PRIVATE_KEY: &[u8] = include_bytes!("../fixtures/external-issuer-rsa.der");

/// The provider's JWKS endpoint on loopback; counts its hits.
fn provider() -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let server = HttpServer::new(move || {
        let counter = counter.clone();
        App::new().route(
            "/certs",
            web::get().to(move || {
                counter.fetch_add(1, Ordering::SeqCst);
                async {
                    HttpResponse::Ok()
                        .content_type("application/json")
                        .body(JWKS)
                }
            }),
        )
    })
    .workers(1)
    .bind("127.0.0.1:0")
    .expect("bind");
    let port = server.addrs()[0].port();
    tokio::spawn(server.run());
    (format!("http://127.0.0.1:{port}/certs"), hits)
}

fn token(kid: &str, claims: Value) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.typ = Some("at+jwt".to_owned());
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(&header, &claims, &EncodingKey::from_rsa_der(PRIVATE_KEY)).expect("sign")
}

fn claims() -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({
        "iss": ISSUER, "aud": "mofa-graph", "sub": "tran.thi.b", "iat": now, "exp": now + 300,
        "jti": "sso-1", "mofa_unit": "LS", "groups": ["viewer", "offline_access"],
    })
}

#[tokio::test]
async fn tokens_of_a_configured_provider_stand_for_staff_and_unknown_kids_refetch_at_most_once() {
    let (jwks_url, hits) = provider();
    let app = spawn_app_with(|s| {
        s.external_issuers = vec![ExternalIssuer {
            issuer: ISSUER.to_owned(),
            jwks_url,
            audience: "mofa-graph".to_owned(),
            unit_claim: "mofa_unit".to_owned(),
            roles_claim: "groups".to_owned(),
            require_at_jwt_typ: true,
            refetch_min_interval_secs: 1,
        }];
    })
    .await;
    let query = "{ viewer { audience subject unit roles } }";
    let (status, body) = app
        .graphql_as(Some(&token("ext-1", claims())), query, json!({}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["data"]["viewer"],
        json!({ "audience": "STAFF", "subject": "tran.thi.b", "unit": "LS", "roles": ["viewer"] })
    );
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    // Cached: a second token costs no fetch.
    let (status, _) = app
        .graphql_as(Some(&token("ext-1", claims())), query, json!({}))
        .await;
    assert_eq!(status, 200);
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    // Unknown kids: refused, and the provider is asked again at most once per interval.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    for _ in 0..5 {
        let (status, _) = app
            .graphql_as(Some(&token("rotated-away", claims())), query, json!({}))
            .await;
        assert_eq!(status, 401);
    }
    assert_eq!(hits.load(Ordering::SeqCst), 2);

    // Its own rules hold: another audience, or the provider's key claiming our issuer.
    let mut wrong_aud = claims();
    wrong_aud["aud"] = json!("another-app");
    let (status, _) = app
        .graphql_as(Some(&token("ext-1", wrong_aud)), query, json!({}))
        .await;
    assert_eq!(status, 401);
    let mut as_us = claims();
    as_us["iss"] = json!("mofa-graph");
    let (status, _) = app
        .graphql_as(Some(&token("ext-1", as_us)), query, json!({}))
        .await;
    assert_eq!(
        status, 401,
        "RS256 is not accepted for the server's own issuer"
    );
}

#[tokio::test]
async fn tokens_of_an_issuer_not_configured_are_refused() {
    let app = spawn_app_with(|_| {}).await;
    let (status, _) = app
        .graphql_as(
            Some(&token("ext-1", claims())),
            "{ viewer { audience } }",
            json!({}),
        )
        .await;
    assert_eq!(status, 401);
}
