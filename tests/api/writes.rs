//! Stewardship: owner units write their sources, every write is versioned and recorded, and
//! what is published reaches the public on the next request.

use entities::Source;
use graphql::{policy::Owners, policy::registry};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

fn code(body: &Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}

/// The first record a staff caller sees in `list`: its global id and version.
async fn first_record(app: &TestApp, token: &str, list: &str) -> (String, i64) {
    let (_, body) = app
        .graphql_as(
            Some(token),
            &format!("{{ {list}(first: 1) {{ edges {{ node {{ id version }} }} }} }}"),
            json!({}),
        )
        .await;
    let node = &body["data"][list]["edges"][0]["node"];
    (
        node["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{list}: {body}"))
            .to_owned(),
        node["version"]
            .as_i64()
            .unwrap_or_else(|| panic!("{list}: {body}")),
    )
}

const DELETE: &str = "mutation($id: ID!, $v: Int!) { deleteRecord(id: $id, expectedVersion: $v, reason: \"test\") { id version revision } }";
const RESTORE: &str =
    "mutation($id: ID!, $v: Int!) { restoreRecord(id: $id, expectedVersion: $v) { id version } }";

/// For every record type: an editor of an owning unit deletes and restores a record; editors
/// of other units, viewers, partners and the public are refused and change nothing.
#[tokio::test]
async fn owners_write_their_sources_and_nobody_else_does() {
    let app = spawn_app().await;
    let owners = Owners::load(app.sources.get(Source::Meta))
        .await
        .expect("owners");
    let admin = app.staff_token("CYTT", &["admin"]);
    let partner = app.partner_token(&["consular-info", "ngo-info"]).await;
    for t in registry::TYPES
        .iter()
        .filter(|t| t.list.is_some() && t.name != "AuditEntry")
    {
        let source = t.source.expect("a listed type has a source");
        let list = t.list.expect("listed");
        let owner_units: Vec<&str> = owners.of(source).map(|u| u.code()).collect();
        assert!(
            !owner_units.is_empty(),
            "{source} has no owner in the catalogue"
        );
        let owner = if owner_units.contains(&"ALL") {
            "VP"
        } else {
            owner_units[0]
        };
        let (id, version) = first_record(&app, &admin, list).await;

        // Refused: the public, a partner, a viewer of the owning unit, an editor elsewhere.
        let viewer = app.staff_token(owner, &["viewer"]);
        let mut refused = vec![
            (None, "public"),
            (Some(partner.as_str()), "partner"),
            (Some(viewer.as_str()), "viewer"),
        ];
        let outsider_unit = ["LPQT", "TCCB", "LS"]
            .into_iter()
            .find(|u| !owner_units.contains(u) && !owner_units.contains(&"ALL"));
        let outsider = outsider_unit.map(|unit| app.staff_token(unit, &["editor"]));
        if let Some(outsider) = &outsider {
            refused.push((Some(outsider.as_str()), "editor of another unit"));
        }
        for (token, who) in refused {
            let (status, body) = app
                .graphql_as(token, DELETE, json!({ "id": id, "v": version }))
                .await;
            assert_eq!(status, 200, "{body}");
            assert_eq!(
                code(&body),
                Some("FORBIDDEN"),
                "{who} deleting {id}: {body}"
            );
        }

        // The owner's editor deletes (the record disappears), then restores it.
        let editor = app.staff_token(owner, &["editor"]);
        let (_, body) = app
            .graphql_as(Some(&editor), DELETE, json!({ "id": id, "v": version }))
            .await;
        assert_eq!(
            body["data"]["deleteRecord"]["version"],
            version + 1,
            "{owner} deleting {id}: {body}"
        );
        let (_, found) = app
            .graphql_as(
                Some(&admin),
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(
            found["data"]["node"],
            Value::Null,
            "a deleted record is gone: {found}"
        );
        let (_, body) = app
            .graphql_as(
                Some(&editor),
                RESTORE,
                json!({ "id": id, "v": version + 1 }),
            )
            .await;
        assert_eq!(
            body["data"]["restoreRecord"]["version"],
            version + 2,
            "{body}"
        );
        let (_, found) = app
            .graphql_as(
                Some(&admin),
                "query($id: ID!) { node(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(
            found["data"]["node"]["id"],
            id.as_str(),
            "restored: {found}"
        );
    }
}

/// Concurrent writers with the same expected version: exactly one wins, the others get
/// `CONFLICT` with the winner's version, and no change is lost or doubled.
#[tokio::test]
async fn concurrent_writers_on_one_version_yield_exactly_one_winner() {
    let app = spawn_app().await;
    let editor = app.staff_token("LPQT", &["editor"]);
    let (id, version) = first_record(&app, &editor, "treaties").await;
    let update = "mutation($id: ID!, $v: Int!, $f: JSON!) { updateRecord(id: $id, expectedVersion: $v, fields: $f) { version } }";
    let writers = (0..8).map(|i| {
        let variables =
            json!({ "id": id, "v": version, "f": { "statusNote": format!("writer {i}") } });
        let app = &app;
        let editor = &editor;
        async move { app.graphql_as(Some(editor), update, variables).await.1 }
    });
    let results = futures_util::future::join_all(writers).await;
    let winners: Vec<_> = results
        .iter()
        .filter(|b| b["data"]["updateRecord"].is_object())
        .collect();
    let conflicts: Vec<_> = results
        .iter()
        .filter(|b| code(b) == Some("CONFLICT"))
        .collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    assert_eq!(conflicts.len(), 7, "{results:?}");
    for conflict in conflicts {
        assert_eq!(
            conflict["errors"][0]["extensions"]["currentVersion"],
            version + 1,
            "{conflict}"
        );
    }
    let (_, body) = app
        .graphql_as(
            Some(&editor),
            "query($id: ID!) { node(id: $id) { ... on Treaty { version statusNote } } revisions(id: $id) { action version after } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(body["data"]["node"]["version"], version + 1, "{body}");
    let revisions = body["data"]["revisions"].as_array().expect("revisions");
    assert_eq!(revisions.len(), 1, "one revision for the one write: {body}");
    assert_eq!(
        revisions[0]["after"]["statusNote"], body["data"]["node"]["statusNote"],
        "the revision holds the winning change: {body}"
    );
}

const CREATE: &str = "mutation($type: String!, $f: JSON!) { createRecord(type: $type, fields: $f) { id version revision } }";

async fn treaty_count(app: &TestApp, token: &str) -> u64 {
    let (_, body) = app
        .graphql_as(Some(token), "{ treaties { totalCount } }", json!({}))
        .await;
    body["data"]["treaties"]["totalCount"]
        .as_u64()
        .expect("count")
}

/// Bad input gets `BAD_USER_INPUT` naming the field, and nothing is written: secrecy marks,
/// unknown fields, bad dates, unknown codes, dates out of order.
#[tokio::test]
async fn bad_input_is_refused_field_by_field_and_writes_nothing() {
    let app = spawn_app().await;
    let editor = app.staff_token("LPQT", &["editor"]);
    let before = treaty_count(&app, &editor).await;
    let valid = json!({ "number": "TEST-1", "titleVi": "Hiệp định thử", "titleEn": "Test agreement", "kind": "agreement", "bilateral": true, "status": "signed" });
    let cases = [
        (json!({ "secrecyLevel": "Mật" }), "secrecyLevel"),
        (json!({ "titleVi": "TỐI MẬT: kế hoạch" }), "titleVi"),
        (json!({ "noSuchField": 1 }), "noSuchField"),
        (json!({ "signedOn": "2024-02-30" }), "signedOn"),
        (json!({ "bilateral": "yes" }), "bilateral"),
        (json!({ "status": "in force" }), "status"),
        (
            json!({ "signedOn": "2024-05-01", "entryIntoForce": "2024-01-01" }),
            "signedOn",
        ),
        (json!({ "titleEn": "x".repeat(100_001) }), "titleEn"),
    ];
    for (change, field) in cases {
        let mut fields = valid.clone();
        fields
            .as_object_mut()
            .expect("object")
            .extend(change.as_object().expect("object").clone());
        let (status, body) = app
            .graphql_as(
                Some(&editor),
                CREATE,
                json!({ "type": "Treaty", "f": fields }),
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(code(&body), Some("BAD_USER_INPUT"), "{field}: {body}");
        let message = body["errors"][0]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&format!("`{field}`")),
            "the error names {field}: {message}"
        );
    }
    // A missing required field is named too.
    let (_, body) = app
        .graphql_as(
            Some(&editor),
            CREATE,
            json!({ "type": "Treaty", "f": { "titleVi": "Thiếu" } }),
        )
        .await;
    assert_eq!(code(&body), Some("BAD_USER_INPUT"), "{body}");
    // An unknown country code on a visa exemption.
    let ls = app.staff_token("LS", &["editor"]);
    let (_, body) = app
        .graphql_as(
            Some(&ls),
            CREATE,
            json!({ "type": "VisaExemption", "f": { "countryCode": "XX", "exemptionType": "unilateral", "passportTypes": "all", "maxStay": "15 days", "status": "in_force" } }),
        )
        .await;
    assert_eq!(code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("`countryCode`"),
        "{body}"
    );
    assert_eq!(
        treaty_count(&app, &editor).await,
        before,
        "nothing was written"
    );

    // The valid record is written, NFC-normalised.
    let mut fields = valid.clone();
    fields["titleVi"] = json!("Hie\u{323}\u{302}p đi\u{323}nh thử");
    let (_, body) = app
        .graphql_as(
            Some(&editor),
            CREATE,
            json!({ "type": "Treaty", "f": fields }),
        )
        .await;
    let id = body["data"]["createRecord"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    assert_eq!(treaty_count(&app, &editor).await, before + 1);
    let (_, body) = app
        .graphql_as(
            Some(&editor),
            "query($id: ID!) { node(id: $id) { ... on Treaty { titleVi version } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(body["data"]["node"]["titleVi"], "Hiệp định thử", "{body}");
    assert_eq!(body["data"]["node"]["version"], 1);
}

/// A steward publishes a treaty in force: the public sees it on the very next request, and no
/// longer once it is unpublished.
#[tokio::test]
async fn publication_reaches_the_public_on_the_next_request() {
    let app = spawn_app().await;
    let editor = app.staff_token("LPQT", &["editor", "steward"]);
    let fields = json!({ "number": "TEST-PUB", "titleVi": "Điều ước công bố", "titleEn": "Published treaty", "kind": "agreement", "bilateral": true, "status": "in_force" });
    let (_, body) = app
        .graphql_as(
            Some(&editor),
            CREATE,
            json!({ "type": "Treaty", "f": fields }),
        )
        .await;
    let id = body["data"]["createRecord"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();
    // Over POST and over GET (whose exact query string the cache remembers).
    let public_count = || async {
        let (_, body) = app.graphql("{ treaties { totalCount } }", json!({})).await;
        let posted = body["data"]["treaties"]["totalCount"]
            .as_u64()
            .expect("count");
        let got: Value = app
            .client
            .get(app.url("/graphql?query=%7B%20treaties%20%7B%20totalCount%20%7D%20%7D"))
            .send()
            .await
            .expect("GET")
            .json()
            .await
            .expect("JSON");
        assert_eq!(
            got["data"]["treaties"]["totalCount"].as_u64(),
            Some(posted),
            "GET and POST agree"
        );
        posted
    };
    let before = public_count().await;
    let publish =
        "mutation($id: ID!, $v: Int!) { publishRecord(id: $id, expectedVersion: $v) { version } }";
    let viewer_only = app.staff_token("LPQT", &["editor"]);
    let (_, body) = app
        .graphql_as(Some(&viewer_only), publish, json!({ "id": id, "v": 1 }))
        .await;
    assert_eq!(
        code(&body),
        Some("FORBIDDEN"),
        "editors do not publish: {body}"
    );
    let (_, body) = app
        .graphql_as(Some(&editor), publish, json!({ "id": id, "v": 1 }))
        .await;
    assert_eq!(body["data"]["publishRecord"]["version"], 2, "{body}");
    assert_eq!(
        public_count().await,
        before + 1,
        "published: the next public request sees it"
    );
    let unpublish = "mutation($id: ID!, $v: Int!) { unpublishRecord(id: $id, expectedVersion: $v, reason: \"withdrawn\") { version } }";
    let (_, body) = app
        .graphql_as(Some(&editor), unpublish, json!({ "id": id, "v": 2 }))
        .await;
    assert_eq!(body["data"]["unpublishRecord"]["version"], 3, "{body}");
    assert_eq!(
        public_count().await,
        before,
        "unpublished: gone on the next request"
    );
}

/// Revisions show each write, limited to the fields the reader may read.
#[tokio::test]
async fn revisions_record_every_write_and_hide_what_the_reader_may_not_read() {
    let app = spawn_app().await;
    let ls = app.staff_token("LS", &["editor"]);
    let (id, version) = first_record(&app, &ls, "passportFiles").await;
    let correct = "mutation($id: ID!, $v: Int!, $f: JSON!) { correctRecord(id: $id, expectedVersion: $v, reason: \"typo in the file\", fields: $f) { version } }";
    let (_, body) = app
        .graphql_as(Some(&ls), correct, json!({ "id": id, "v": version, "f": { "holderDateOfBirth": "1990-02-01", "holderPosition": "Bí thư thứ ba" } }))
        .await;
    assert_eq!(
        body["data"]["correctRecord"]["version"],
        version + 1,
        "{body}"
    );
    let (_, body) = app
        .graphql_as(
            Some(&ls),
            correct,
            json!({ "id": id, "v": version + 1, "f": { "holderPosition": "Bí thư thứ hai" } }),
        )
        .await;
    assert_eq!(
        body["data"]["correctRecord"]["version"],
        version + 2,
        "{body}"
    );
    let (_, body) = app
        .graphql_as(
            Some(&ls),
            correct,
            json!({ "id": id, "v": version + 1, "f": { "holderPosition": "stale" } }),
        )
        .await;
    assert_eq!(code(&body), Some("CONFLICT"), "{body}");

    let query = "query($id: ID!) { revisions(id: $id) { revision action version unit reason before after } }";
    let (_, body) = app.graphql_as(Some(&ls), query, json!({ "id": id })).await;
    let revisions = body["data"]["revisions"]
        .as_array()
        .expect("revisions")
        .clone();
    assert_eq!(revisions.len(), 2, "{body}");
    assert_eq!(revisions[0]["action"], "correct");
    assert_eq!(revisions[0]["unit"], "LS");
    assert_eq!(revisions[0]["reason"], "typo in the file");
    assert_eq!(revisions[0]["after"]["holderDateOfBirth"], "1990-02-01");
    assert_eq!(revisions[1]["before"]["holderPosition"], "Bí thư thứ ba");
    assert_eq!(revisions[1]["after"]["holderPosition"], "Bí thư thứ hai");

    // Reverting the second correction puts its field back, as a revision of its own.
    let revert = "mutation($id: ID!, $v: Int!, $r: Int!) { revertRecord(id: $id, expectedVersion: $v, revision: $r, reason: \"wrong position\") { version } }";
    let second = revisions[1]["revision"].as_i64().expect("revision number");
    let (_, body) = app
        .graphql_as(
            Some(&ls),
            revert,
            json!({ "id": id, "v": version + 2, "r": second }),
        )
        .await;
    assert_eq!(
        body["data"]["revertRecord"]["version"],
        version + 3,
        "{body}"
    );
    let (_, body) = app
        .graphql_as(Some(&ls), "query($id: ID!) { node(id: $id) { ... on PassportFile { holderPosition } } revisions(id: $id) { action } }", json!({ "id": id }))
        .await;
    assert_eq!(
        body["data"]["node"]["holderPosition"], "Bí thư thứ ba",
        "{body}"
    );
    assert_eq!(body["data"]["revisions"][2]["action"], "revert", "{body}");

    // Staff of another unit read the revisions without the date of birth (personal, LS).
    let other = app.staff_token("LPQT", &["viewer"]);
    let (_, body) = app
        .graphql_as(Some(&other), query, json!({ "id": id }))
        .await;
    let first = &body["data"]["revisions"][0];
    assert_eq!(
        body["data"]["revisions"].as_array().map(Vec::len),
        Some(3),
        "{body}"
    );
    assert!(first["after"].get("holderDateOfBirth").is_none(), "{body}");
    assert_eq!(first["after"]["holderPosition"], "Bí thư thứ ba");
    // The public and partners have no revisions at all.
    let (_, body) = app.graphql(query, json!({ "id": id })).await;
    assert_eq!(code(&body), Some("FORBIDDEN"), "{body}");
}
