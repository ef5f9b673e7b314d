//! What a hostile or careless caller may send: each case gets its status and code, never a
//! crash or a hang, and the server answers a plain query afterwards.

use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

fn code(body: &Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}

/// POSTs raw bytes as JSON; returns the status and the body as JSON.
async fn post_raw(app: &TestApp, token: Option<&str>, body: Vec<u8>) -> (u16, Value) {
    let mut request = app
        .client
        .post(app.url("/graphql"))
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON body"))
}

async fn still_healthy(app: &TestApp) {
    let (status, body) = app
        .graphql("{ catalog { units { code } } }", json!({}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["data"]["catalog"]["units"].is_array(), "{body}");
}

/// Every case of the list: the status and code it gets.
#[tokio::test]
async fn hostile_documents_get_their_codes_and_the_server_stays_healthy() {
    let app = spawn_app().await;
    // Deep nesting: missions and countries, twelve levels down.
    let mut deep = "code".to_owned();
    for level in 0..8 {
        deep = if level % 2 == 0 {
            format!("hostCountry {{ {deep} }}")
        } else {
            format!("vietnameseMissions {{ {deep} }}")
        };
    }
    let deep = format!("{{ countries(first: 1) {{ edges {{ node {{ {deep} }} }} }} }}");
    // A fragment cycle.
    let cycle = "fragment A on Country { nameEn ...B } fragment B on Country { code ...A } \
                 { countries(first: 1) { edges { node { ...A } } } }";
    // Fan-out: each fragment spreads the one before it ten times under aliases of one field,
    // so a short document would resolve 10⁶ fields.
    let mut fanout = String::from("fragment F0 on Country { code }\n");
    for level in 1..=6 {
        let spreads: String = (0..10)
            .map(|i| {
                format!(
                    "x{i}: vietnameseMissions {{ hostCountry {{ ...F{} }} }} ",
                    level - 1
                )
            })
            .collect();
        fanout.push_str(&format!("fragment F{level} on Country {{ {spreads} }}\n"));
    }
    fanout.push_str("{ countries(first: 1) { edges { node { ...F6 } } } }");
    // Directives on many fields.
    let directives: String = (0..25)
        .map(|i| format!("u{i}: units @include(if: true) {{ code }} "))
        .collect();
    let directives = format!("{{ catalog {{ {directives} }} }}");
    // One connection's selection counted `first` times: 100 × 60 fields.
    let wide: String = (0..60).map(|i| format!("f{i}: titleEn ")).collect();
    let wide = format!("{{ treaties(first: 100) {{ edges {{ node {{ {wide} }} }} }} }}");
    let cases: [(&str, &str, &str); 7] = [
        ("deep nesting", &deep, "LIMIT_EXCEEDED"),
        ("fragment cycle", cycle, "GRAPHQL_VALIDATION_FAILED"),
        ("fragment fan-out", &fanout, "LIMIT_EXCEEDED"),
        ("directive flood", &directives, "LIMIT_EXCEEDED"),
        ("complexity by first", &wide, "LIMIT_EXCEEDED"),
        ("not GraphQL", "{ countries(first: ", "GRAPHQL_PARSE_FAILED"),
        (
            "introspection as the public",
            "{ __schema { types { name } } }",
            "FORBIDDEN",
        ),
    ];
    for (name, query, expected) in cases {
        let started = std::time::Instant::now();
        let (status, body) = app.graphql(query, json!({})).await;
        assert_eq!(status, 200, "{name}: {body}");
        assert_eq!(code(&body), Some(expected), "{name}: {body}");
        assert!(
            body.get("data").is_none(),
            "{name}: a request error has no data: {body}"
        );
        // Refused before anything runs: well under the public's execution limit.
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{name} took {:?}",
            started.elapsed()
        );
    }
    // The deep document and the wide one are within staff's limits.
    let staff = app.staff_token("LPQT", &["viewer"]);
    for query in [&deep, &wide] {
        let (_, body) = app.graphql_as(Some(&staff), query, json!({})).await;
        assert!(body["errors"].is_null(), "{body}");
    }
    // The public reads its schema instead, without internal fields.
    let sdl = app
        .client
        .get(app.url("/graphql/schema.graphql"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    assert!(sdl.contains("treaties("), "{sdl}");
    assert!(!sdl.contains("personnelRecords"), "no staff-only fields");
    // Staff may introspect.
    let (_, body) = app
        .graphql_as(
            Some(&staff),
            "{ __schema { queryType { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query");
    still_healthy(&app).await;
}

#[tokio::test]
async fn hostile_bodies_get_their_statuses() {
    let app = spawn_app().await;
    // Invalid UTF-8 inside a JSON string.
    let mut invalid = br#"{"query":"{ catalog { units { code } } }","operationName":""#.to_vec();
    invalid.extend_from_slice(&[0xff, 0xfe, b'"', b'}']);
    let (status, body) = post_raw(&app, None, invalid).await;
    assert_eq!((status, code(&body)), (400, Some("BAD_REQUEST")), "{body}");
    // Invalid UTF-8 in a GET query string.
    let response = app
        .client
        .get(app.url("/graphql?query=%7B%20catalog%FF%20%7D"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.expect("json");
    assert_eq!(code(&body), Some("BAD_REQUEST"), "{body}");
    // Variables beyond the public's body limit (32 KiB).
    let big = json!({ "query": "query($x: String) { catalog { units { code } } }", "variables": { "x": "v".repeat(40_000) } });
    let (status, body) = post_raw(&app, None, big.to_string().into_bytes()).await;
    assert_eq!(
        (status, code(&body)),
        (413, Some("PAYLOAD_TOO_LARGE")),
        "{body}"
    );
    // The same body is within staff's limit.
    let staff = app.staff_token("LPQT", &["viewer"]);
    let (status, body) = post_raw(&app, Some(&staff), big.to_string().into_bytes()).await;
    assert_eq!(status, 200, "{body}");
    // A body that claims a length beyond every limit is refused before it is read.
    let response = app
        .client
        .post(app.url("/graphql"))
        .header(CONTENT_TYPE, "application/json")
        .header("content-length", "1000000000")
        .body("{}")
        .send()
        .await;
    if let Ok(response) = response {
        assert_eq!(response.status(), 413);
    }
    // Variables of the wrong shape, a null body, a string body.
    for (body, expected) in [
        (
            json!({ "query": "{ catalog { units { code } } }", "variables": [1] }),
            "BAD_REQUEST",
        ),
        (json!(null), "BAD_REQUEST"),
        (json!("{ catalog { units { code } } }"), "BAD_REQUEST"),
        (json!({ "query": 42 }), "BAD_REQUEST"),
    ] {
        let (status, response) = post_raw(&app, None, body.to_string().into_bytes()).await;
        assert_eq!(
            (status, code(&response)),
            (400, Some(expected)),
            "{body}: {response}"
        );
    }
    // Variables that do not fit the document.
    let (status, body) = app
        .graphql(
            "query($n: Int!) { treaties(first: $n) { totalCount } }",
            json!({ "n": "many" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(code(&body), Some("GRAPHQL_VALIDATION_FAILED"), "{body}");
    // Wrong content types.
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ] {
        let response = app
            .client
            .post(app.url("/graphql"))
            .header(CONTENT_TYPE, content_type)
            .body(r#"{"query":"{ catalog { units { code } } }"}"#)
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), 415, "{content_type}");
    }
    // A mutation over GET.
    let response = app
        .client
        .get(app.url("/graphql"))
        .query(&[(
            "query",
            "mutation { deleteRecord(id: \"x\", expectedVersion: 1, reason: \"r\") { id } }",
        )])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 405);
    still_healthy(&app).await;
}

/// Batches: refused for the public, answered in order for staff up to their limit.
#[tokio::test]
async fn batches_are_for_staff_and_partners_within_their_limit() {
    let app = spawn_app_with(|s| s.limits.staff.batch = 3).await;
    let batch = |n: usize| {
        let items: Vec<Value> = (0..n)
            .map(|i| json!({ "query": format!("{{ n{i}: catalog {{ units {{ code }} }} }}") }))
            .collect();
        Value::Array(items).to_string().into_bytes()
    };
    let (status, body) = post_raw(&app, None, batch(2)).await;
    assert_eq!((status, code(&body)), (400, Some("BAD_REQUEST")), "{body}");
    let staff = app.staff_token("LPQT", &["viewer"]);
    let (status, body) = post_raw(&app, Some(&staff), batch(3)).await;
    assert_eq!(status, 200, "{body}");
    let answers = body.as_array().expect("an array of answers");
    assert_eq!(answers.len(), 3);
    for (i, answer) in answers.iter().enumerate() {
        assert!(
            answer["data"][format!("n{i}")]["units"].is_array(),
            "{answer}"
        );
    }
    let (status, body) = post_raw(&app, Some(&staff), batch(4)).await;
    assert_eq!(
        (status, code(&body)),
        (400, Some("LIMIT_EXCEEDED")),
        "{body}"
    );
    // One bad operation spoils only its own answer.
    let mixed = json!([
        { "query": "{ catalog { units { code } } }" },
        { "query": "{ nope }" },
        { "query": "{ treaties { totalCount } }" }
    ]);
    let (status, body) = post_raw(&app, Some(&staff), mixed.to_string().into_bytes()).await;
    assert_eq!(status, 200, "{body}");
    assert!(body[0]["data"]["catalog"].is_object(), "{body}");
    assert_eq!(code(&body[1]), Some("GRAPHQL_VALIDATION_FAILED"), "{body}");
    assert!(body[2]["data"]["treaties"]["totalCount"].is_u64(), "{body}");
    still_healthy(&app).await;
}

/// Forged and malformed tokens: 401 with `UNAUTHENTICATED`, whatever is wrong.
#[tokio::test]
async fn forged_tokens_are_unauthenticated() {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    let app = spawn_app().await;
    let good = app.staff_token("LPQT", &["admin"]);
    let (header, rest) = good.split_once('.').expect("a JWT");
    let (claims, _signature) = rest.split_once('.').expect("a JWT");
    let mut payload: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).expect("base64")).expect("json");
    payload["unit"] = json!("CYTT");
    let tampered = format!(
        "{header}.{}.{_signature}",
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let none = format!(
        "{}.{claims}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"at+jwt"}"#)
    );
    for (name, token) in [
        ("tampered claims", tampered.as_str()),
        ("alg none", none.as_str()),
        ("garbage", "not.a.token"),
        ("empty parts", ".."),
        ("huge", &"a".repeat(20_000)),
    ] {
        let (status, body) = app
            .graphql_as(Some(token), "{ catalog { units { code } } }", json!({}))
            .await;
        assert_eq!(
            (status, code(&body)),
            (401, Some("UNAUTHENTICATED")),
            "{name}: {body}"
        );
    }
    still_healthy(&app).await;
}

/// Rate limits: the public by client address, `X-Forwarded-For` only from a trusted proxy;
/// 429 with `Retry-After` and `RATE_LIMITED`. Run with the test Redis when there is one (the
/// shared limiter), else in process.
#[tokio::test]
async fn callers_over_their_rate_get_429_with_retry_after() {
    let app = spawn_app_with(|s| {
        s.limits.public.rate_per_minute = 60;
        s.limits.public.rate_burst = 3;
        s.trusted_proxies = "127.0.0.1".parse().expect("an address");
    })
    .await;
    let get = |forwarded: &'static str| {
        let request = app
            .client
            .get(app.url("/graphql"))
            .query(&[("query", "{ catalog { units { code } } }")])
            .header("X-Forwarded-For", forwarded);
        async move { request.send().await.expect("request") }
    };
    for _ in 0..3 {
        assert_eq!(get("203.0.113.1").await.status(), 200);
    }
    let refused = get("203.0.113.1").await;
    assert_eq!(refused.status(), 429);
    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!(
        (1..=1).contains(&retry_after),
        "one request a second: {retry_after}"
    );
    let body: Value = refused.json().await.expect("json");
    assert_eq!(code(&body), Some("RATE_LIMITED"));
    // Another client behind the same proxy has its own allowance; so do open-data downloads'
    // callers, which share the public's.
    assert_eq!(get("203.0.113.2").await.status(), 200);
    let open_data = app
        .client
        .get(app.url("/open-data/catalog.jsonld"))
        .header("X-Forwarded-For", "203.0.113.1")
        .send()
        .await
        .expect("request");
    assert_eq!(open_data.status(), 429);

    // Without a trusted proxy, the header is the client's to write and counts for nothing.
    let direct = spawn_app_with(|s| {
        s.limits.public.rate_per_minute = 60;
        s.limits.public.rate_burst = 2;
    })
    .await;
    let mut statuses = Vec::new();
    for i in 0..3 {
        let response = direct
            .client
            .get(direct.url("/graphql"))
            .query(&[("query", "{ catalog { units { code } } }")])
            .header("X-Forwarded-For", format!("198.51.100.{i}"))
            .send()
            .await
            .expect("request");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 429]);
    let metrics = direct
        .client
        .get(direct.url("/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    assert!(
        metrics.contains("mofa_rate_limited_total{audience=\"public\"} 1"),
        "{metrics}"
    );
}

/// A partner's grant may carry its own quota; without one, the partner default applies.
#[tokio::test]
async fn a_partner_grant_quota_replaces_the_default_rate() {
    let app = spawn_app_with(|s| {
        s.limits.partner.rate_per_minute = 1;
        s.limits.partner.rate_burst = 1;
    })
    .await;
    let meta = app.sources.get(entities::Source::Meta);
    let retry_after = |token: String| {
        let app = &app;
        async move {
            let mut last = None;
            for _ in 0..2 {
                let response = app
                    .client
                    .post(app.url("/graphql"))
                    .bearer_auth(&token)
                    .json(&json!({ "query": "{ viewer { audience } }" }))
                    .send()
                    .await
                    .expect("request");
                last = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u64>().ok());
            }
            last
        }
    };
    // The default: one request a minute.
    let default = app.partner_token(&["treaty-info"]).await;
    assert!(
        retry_after(default).await.is_some_and(|s| s > 30),
        "the second request waits most of a minute"
    );
    // A grant of 600 a minute: the second request waits a tenth of a second (rounded up).
    mofa_graph::partners::add_client(meta, "quota-client", "Quota agency")
        .await
        .expect("client");
    mofa_graph::partners::grant(
        meta,
        "quota-client",
        graphql::policy::Service::TreatyInfo,
        "test grant",
        None,
        Some(600),
    )
    .await
    .expect("grant");
    let generous = app.token_for_client("quota-client", &["treaty-info"]);
    assert_eq!(retry_after(generous).await, Some(1));
}

/// Two nodes behind one balancer share a caller's rate through Redis: what one admitted, the
/// other counts.
#[tokio::test]
async fn rate_limits_are_shared_between_nodes_through_redis() {
    if crate::helpers::redis_url().is_none() {
        return;
    }
    let a = spawn_app_with(|s| {
        s.limits.public.rate_per_minute = 60;
        s.limits.public.rate_burst = 3;
    })
    .await;
    let b = crate::helpers::second_node(&a).await;
    let get = |app: &TestApp| {
        let request = app
            .client
            .get(app.url("/graphql"))
            .query(&[("query", "{ catalog { units { code } } }")]);
        async move { request.send().await.expect("request").status().as_u16() }
    };
    let mut on_a = Vec::new();
    for _ in 0..3 {
        on_a.push(get(&a).await);
    }
    assert_eq!(on_a, [200, 200, 200]);
    // Node a reports what it admitted within its reporting interval.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(get(&b).await, 429, "node b knows of node a's three");
}
