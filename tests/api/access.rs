//! The access policy at work: an access matrix generated from the registry, and the rules the
//! decision and the laws require, proved on the demo data.

use graphql::policy::{Access, Principal, Role, Service, Unit, registry};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// A caller of the matrix: its token and the principal the registry judges.
struct Caller {
    name: String,
    token: Option<String>,
    principal: Principal,
}

async fn callers(app: &TestApp) -> Vec<Caller> {
    let mut callers = vec![
        Caller {
            name: "public".to_owned(),
            token: None,
            principal: Principal::public(),
        },
        Caller {
            name: "partner without scope".to_owned(),
            token: Some(app.partner_token(&[]).await),
            principal: Principal::partner("p", []),
        },
    ];
    for service in Service::ALL {
        callers.push(Caller {
            name: format!("partner {service}"),
            token: Some(app.partner_token(&[service.code()]).await),
            principal: Principal::partner("p", [*service]),
        });
    }
    // Staff of every unit that a personal or sensitive class names, and one that none names.
    let mut units: Vec<Unit> = registry::TYPES
        .iter()
        .flat_map(|t| t.fields.iter())
        .filter_map(|f| match f.access {
            Access::Personal(unit) | Access::Restricted(unit) => Some(unit),
            _ => None,
        })
        .collect();
    units.push(Unit::Lpqt);
    units.sort();
    units.dedup();
    for unit in units {
        callers.push(Caller {
            name: format!("staff {unit}"),
            token: Some(app.staff_token(unit.code(), &["viewer"])),
            principal: Principal::staff("s", unit, [Role::Viewer]),
        });
    }
    callers
}

/// The types the matrix walks, each with the root field that lists it: every type the
/// registry gives a list field.
fn lists() -> impl Iterator<Item = (&'static str, &'static str)> {
    registry::TYPES
        .iter()
        .filter_map(|t| t.list.map(|list| (t.name, list)))
}

/// Types with columns that the matrix reaches another way, and where.
const COVERED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "TreatyParty",
        "nested_relations_cross_sources_and_stay_open (all fields open)",
    ),
    (
        "TreatyAction",
        "nested_relations_cross_sources_and_stay_open (all fields open)",
    ),
    ("AuditEntry", "audit::the_audit_log_is_for_admins_only"),
];

#[test]
fn every_type_with_columns_is_in_the_matrix() {
    for t in registry::TYPES {
        if t.fields.iter().all(|f| f.columns.is_empty()) {
            continue;
        }
        let listed = t.list.is_some() || COVERED_ELSEWHERE.iter().any(|(name, _)| *name == t.name);
        assert!(
            listed,
            "{} has columns but no place in the access matrix",
            t.name
        );
    }
}

fn forbidden_paths(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["extensions"]["code"] == "FORBIDDEN")
        .map(|e| {
            e["path"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s.to_string().trim_matches('"').to_owned())
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

#[tokio::test]
async fn every_column_field_is_readable_exactly_as_the_registry_says_for_every_caller() {
    let app = spawn_app().await;
    for (type_name, list) in lists() {
        let policy = registry::type_policy(type_name).expect("declared");
        let fields: Vec<_> = policy
            .fields
            .iter()
            .filter(|f| !f.columns.is_empty())
            .collect();
        let selection: Vec<&str> = fields.iter().map(|f| f.name).collect();
        let query = format!(
            "{{ {list}(first: 100) {{ edges {{ node {{ {} }} }} }} }}",
            selection.join(" ")
        );
        let root = registry::access("Query", list).expect("root declared");
        for caller in callers(&app).await {
            let (status, body) = app
                .graphql_as(caller.token.as_deref(), &query, json!({}))
                .await;
            assert_eq!(status, 200, "{} {type_name}: {body}", caller.name);
            let forbidden = forbidden_paths(&body);
            if !caller.principal.can_read(root) {
                assert_eq!(body["data"][list], Value::Null, "{} {list}", caller.name);
                assert_eq!(forbidden, vec![list.to_string()], "{} {list}", caller.name);
                continue;
            }
            let edges = body["data"][list]["edges"]
                .as_array()
                .unwrap_or_else(|| panic!("{} {list}: {body}", caller.name))
                .clone();
            assert!(
                !edges.is_empty(),
                "{} sees no {type_name}: {body}",
                caller.name
            );
            for field in &fields {
                let readable = caller.principal.can_read(field.access);
                let denied = forbidden
                    .iter()
                    .filter(|p| p.ends_with(&format!(".node.{}", field.name)))
                    .count();
                if readable {
                    assert_eq!(
                        denied, 0,
                        "{} may read {type_name}.{}",
                        caller.name, field.name
                    );
                } else {
                    assert_eq!(
                        denied,
                        edges.len(),
                        "{} must not read {type_name}.{}: {body}",
                        caller.name,
                        field.name
                    );
                    for edge in &edges {
                        assert_eq!(edge["node"][field.name], Value::Null);
                    }
                }
            }
        }
    }
}

async fn treaty_numbers(app: &TestApp, token: Option<&str>) -> Vec<(String, String)> {
    let (_, body) = app
        .graphql_as(
            token,
            "{ treaties(first: 100) { totalCount edges { node { number status } } } }",
            json!({}),
        )
        .await;
    let connection = &body["data"]["treaties"];
    let edges = connection["edges"].as_array().expect("edges");
    assert_eq!(connection["totalCount"].as_u64(), Some(edges.len() as u64));
    edges
        .iter()
        .map(|e| {
            (
                e["node"]["number"].as_str().expect("number").to_owned(),
                e["node"]["status"].as_str().expect("status").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn public_sees_only_treaties_in_force_and_publishable_staff_sees_negotiations_too() {
    let app = spawn_app().await;
    let public = treaty_numbers(&app, None).await;
    let partner = treaty_numbers(&app, Some(&app.partner_token(&["treaty-info"]).await)).await;
    let staff = treaty_numbers(&app, Some(&app.staff_token("LPQT", &["viewer"]))).await;

    assert!(public.iter().all(|(_, status)| status == "in_force"));
    assert!(partner.iter().all(|(_, status)| status == "in_force"));
    // Low-confidence treaties are in force but not publishable: partners see them, the public not.
    assert!(
        partner.len() > public.len(),
        "{} vs {}",
        partner.len(),
        public.len()
    );
    assert!(public.iter().all(|p| partner.contains(p)));
    assert!(
        staff
            .iter()
            .any(|(n, s)| n == "DEMO-N01" && s == "negotiating")
    );
    assert!(!partner.iter().any(|(n, _)| n.starts_with("DEMO-N")));
    assert_eq!(staff.len(), 75);
}

#[tokio::test]
async fn forbidden_fields_are_null_with_forbidden_and_the_rest_is_served() {
    let app = spawn_app().await;
    let (status, body) = app
        .graphql(
            "{ treaties(first: 1) { edges { node { number negotiationNotes implementingAgencies } } } }",
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let node = &body["data"]["treaties"]["edges"][0]["node"];
    assert!(node["number"].is_string());
    assert_eq!(node["negotiationNotes"], Value::Null);
    let mut paths = forbidden_paths(&body);
    paths.sort();
    assert_eq!(
        paths,
        [
            "treaties.edges.0.node.implementingAgencies",
            "treaties.edges.0.node.negotiationNotes"
        ]
    );

    let partner = app.partner_token(&["treaty-info"]).await;
    let (_, body) = app
        .graphql_as(
            Some(&partner),
            "{ treaties(first: 1) { edges { node { implementingAgencies } } } }",
            json!({}),
        )
        .await;
    assert!(body["data"]["treaties"]["edges"][0]["node"]["implementingAgencies"].is_string());
}

#[tokio::test]
async fn personnel_is_internal_and_its_sensitive_fields_are_for_tccb_only() {
    let app = spawn_app().await;
    let query =
        "{ personnelRecords(first: 10) { edges { node { fullName ethnicity religion } } } }";
    for token in [None, Some(app.partner_token(&["personnel-info"]).await)] {
        let (_, body) = app.graphql_as(token.as_deref(), query, json!({})).await;
        assert_eq!(body["data"]["personnelRecords"], Value::Null);
        assert_eq!(forbidden_paths(&body), ["personnelRecords"]);
    }
    let (_, body) = app
        .graphql_as(
            Some(&app.staff_token("LPQT", &["viewer"])),
            query,
            json!({}),
        )
        .await;
    let node = &body["data"]["personnelRecords"]["edges"][0]["node"];
    assert!(node["fullName"].is_string());
    assert_eq!(node["ethnicity"], Value::Null);
    let (_, body) = app
        .graphql_as(
            Some(&app.staff_token("TCCB", &["viewer"])),
            query,
            json!({}),
        )
        .await;
    let node = &body["data"]["personnelRecords"]["edges"][0]["node"];
    assert!(node["ethnicity"].is_string(), "{body}");
    assert!(body.get("errors").is_none(), "{body}");
}

#[tokio::test]
async fn nested_relations_cross_sources_and_stay_open() {
    let app = spawn_app().await;
    let (_, body) = app
        .graphql(
            r#"{ treaties(first: 100, filter: { bilateral: true }) { edges { node {
                number parties { countryCode country { nameVi nameEn } organisation }
                actions { action participant { code } }
            } } } }"#,
            json!({}),
        )
        .await;
    assert!(body.get("errors").is_none(), "{body}");
    let edges = body["data"]["treaties"]["edges"].as_array().expect("edges");
    let with_korea = edges.iter().find(|e| {
        e["node"]["parties"]
            .as_array()
            .is_some_and(|ps| ps.iter().any(|p| p["countryCode"] == "KR"))
    });
    let parties = &with_korea.expect("a treaty with the Republic of Korea")["node"]["parties"];
    let korea = parties
        .as_array()
        .expect("parties")
        .iter()
        .find(|p| p["countryCode"] == "KR")
        .expect("KR");
    assert_eq!(korea["country"]["nameEn"], "Korea, Republic of");
}

#[tokio::test]
async fn viewer_tells_the_caller_what_it_may_read() {
    let app = spawn_app().await;
    let query = "{ viewer { audience subject unit roles scopes readable { type fields } } }";
    let (_, body) = app.graphql(query, json!({})).await;
    let viewer = &body["data"]["viewer"];
    assert_eq!(viewer["audience"], "PUBLIC");
    let types: Vec<&str> = viewer["readable"]
        .as_array()
        .expect("readable")
        .iter()
        .map(|t| t["type"].as_str().expect("type"))
        .collect();
    assert!(types.contains(&"Treaty"));
    assert!(!types.contains(&"PersonnelRecord"));

    let (_, body) = app
        .graphql_as(
            Some(&app.staff_token("TCCB", &["editor"])),
            query,
            json!({}),
        )
        .await;
    let viewer = &body["data"]["viewer"];
    assert_eq!(viewer["audience"], "STAFF");
    assert_eq!(viewer["unit"], "TCCB");
    assert_eq!(viewer["roles"], json!(["editor"]));
    let personnel = viewer["readable"]
        .as_array()
        .expect("readable")
        .iter()
        .find(|t| t["type"] == "PersonnelRecord")
        .expect("personnel readable");
    assert!(
        personnel["fields"]
            .as_array()
            .expect("fields")
            .contains(&json!("ethnicity"))
    );
}

#[tokio::test]
async fn introspection_is_for_staff_only() {
    let app = spawn_app().await;
    let query = "{ __schema { types { name } } }";
    let (_, body) = app.graphql(query, json!({})).await;
    assert!(
        body["data"].is_null() || body["data"]["__schema"].is_null(),
        "{body}"
    );
    let (_, body) = app
        .graphql_as(Some(&app.staff_token("VP", &["viewer"])), query, json!({}))
        .await;
    assert!(body["data"]["__schema"]["types"].is_array(), "{body}");
}

/// Every field of every object and interface type has a registry entry, and every entry names a real field:
/// the registry fails closed, and a new field cannot go undeclared.
#[test]
fn every_field_of_the_schema_is_declared_in_the_registry() {
    let sdl = graphql::sdl();
    let document = async_graphql::parser::parse_schema(&sdl).expect("SDL parses");
    let mut seen = Vec::new();
    for definition in &document.definitions {
        let async_graphql::parser::types::TypeSystemDefinition::Type(t) = definition else {
            continue;
        };
        let fields = match &t.node.kind {
            async_graphql::parser::types::TypeKind::Object(object) => &object.fields,
            async_graphql::parser::types::TypeKind::Interface(interface) => &interface.fields,
            _ => continue,
        };
        let type_name = t.node.name.node.as_str();
        for field in fields {
            let name = field.node.name.node.as_str();
            let access = registry::access(type_name, name);
            assert!(access.is_some(), "{type_name}.{name} has no access class");
            // A field that may be denied to someone resolves to null, so it must be nullable.
            if access != Some(graphql::policy::Access::Open) {
                assert!(
                    field.node.ty.node.nullable,
                    "{type_name}.{name} must be nullable"
                );
            }
            seen.push((type_name.to_owned(), name.to_owned()));
        }
    }
    for t in registry::TYPES {
        for f in t.fields {
            assert!(
                seen.contains(&(t.name.to_owned(), f.name.to_owned())),
                "registry entry {}.{} names no field",
                t.name,
                f.name
            );
        }
    }
}

#[test]
fn audience_sdls_show_only_what_the_audience_may_read() {
    let public = graphql::sdl_for(&Principal::public());
    let partner = graphql::sdl_for(&Principal::partner("p", [Service::TreatyInfo]));
    let staff_lpqt = graphql::sdl_for(&Principal::staff("s", Unit::Lpqt, [Role::Viewer]));
    for t in registry::TYPES {
        for f in t.fields {
            if f.access != graphql::policy::Access::Open {
                assert!(
                    !type_block(&public, t.name).contains(&format!("\t{}", f.name)),
                    "public SDL shows {}.{}",
                    t.name,
                    f.name
                );
            }
        }
    }
    assert!(!public.contains("PersonnelRecord"));
    assert!(type_block(&partner, "Treaty").contains("\timplementingAgencies"));
    assert!(!type_block(&partner, "Agreement").contains("\tfullRecord"));
    assert!(!type_block(&partner, "Treaty").contains("\tnegotiationNotes"));
    assert!(type_block(&staff_lpqt, "PersonnelRecord").contains("\tfullName"));
    assert!(!type_block(&staff_lpqt, "PersonnelRecord").contains("\tethnicity"));
    insta::assert_snapshot!("sdl_public", public);
    insta::assert_snapshot!("sdl_partner_treaty_info", partner);
    insta::assert_snapshot!("sdl_staff_lpqt", staff_lpqt);
}

/// The lines of `type NAME { … }` in an SDL.
fn type_block(sdl: &str, name: &str) -> String {
    let Some(from) = [
        format!("type {name} {{"),
        format!("type {name} implements "),
    ]
    .iter()
    .find_map(|start| sdl.find(start)) else {
        return String::new();
    };
    let rest = &sdl[from..];
    rest[..rest.find("\n}").unwrap_or(rest.len())].to_owned()
}

#[tokio::test]
async fn no_error_suggests_a_field_name_to_public_or_partner_callers() {
    let app = spawn_app().await;
    let partner = app.partner_token(&["treaty-info"]).await;
    for token in [None, Some(partner.as_str())] {
        for query in [
            // Near a field hidden from this caller, near an open one, and at the root.
            "{ treaties { edges { node { negotiationNote } } } }",
            "{ treaties { edges { node { titl } } } }",
            "{ personelRecords { totalCount } }",
            "{ agreements { edges { node { fullRecrd } } } }",
        ] {
            let (_, body) = app.graphql_as(token, query, json!({})).await;
            let text = body.to_string();
            assert!(body["errors"].is_array(), "{query}: {text}");
            assert!(!text.contains("Did you mean"), "{query}: {text}");
            for hidden in [
                "negotiationNotes",
                "personnelRecords",
                "fullRecord",
                "titleEn",
            ] {
                assert!(!text.contains(hidden), "{query} leaks {hidden}: {text}");
            }
        }
    }
}

/// Reads the statements PostgreSQL itself logged for this test's database (`scripts/test` runs
/// it with `log_statement=all` and the database name first on each line).
#[tokio::test]
async fn the_database_never_sees_a_column_the_caller_may_not_read() {
    let Some(log) = std::env::var_os("MOFA_TEST_POSTGRES_LOG") else {
        // Only a PostgreSQL server keeps a statement log; scripts/test provides one.
        return;
    };
    let app = spawn_app().await;
    let database = app
        .settings
        .database_url
        .as_ref()
        .expect("a PostgreSQL database")
        .expose()
        .rsplit('/')
        .next()
        .expect("name")
        .to_owned();
    let query = "{ treaties(first: 5) { edges { node { titleEn negotiationNotes implementingAgencies } } } }";
    app.graphql(query, json!({})).await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    let (_, body) = app.graphql_as(Some(&staff), query, json!({})).await;
    assert!(body["data"]["treaties"]["edges"][0]["node"]["negotiationNotes"].is_string());

    // The server logs asynchronously; give it a moment.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let text = std::fs::read_to_string(log).expect("statement log");
    let statements: Vec<&str> = text
        .lines()
        // Page queries of the API; the demo seed's own `COUNT(*)` at start is not one.
        .filter(|l| {
            l.starts_with(&format!("{database} "))
                && l.contains(r#": SELECT "treaty"."id""#)
                && l.contains(r#"FROM "treaty""#)
        })
        .collect();
    assert_eq!(
        statements.len(),
        2,
        "one public and one staff page: {statements:#?}"
    );
    let (public, staff) = (statements[0], statements[1]);
    assert!(
        !public.contains(r#""treaty"."negotiation_notes""#),
        "{public}"
    );
    assert!(
        !public.contains(r#""treaty"."implementing_agencies""#),
        "{public}"
    );
    assert!(
        public.contains(r#"NULL AS "negotiation_notes""#),
        "{public}"
    );
    assert!(
        public.contains(r#""treaty"."status" = $"#),
        "row rule in the WHERE: {public}"
    );
    assert!(staff.contains(r#""treaty"."negotiation_notes""#), "{staff}");
}

/// `node(id:)` finds every listed type by the id its records give, as that type's own rules
/// allow: a record the caller cannot list, it cannot find either.
#[tokio::test]
async fn node_finds_every_record_by_its_global_id_under_the_same_rules() {
    let app = spawn_app().await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    let node_query = "query($id: ID!) { node(id: $id) { __typename id } }";
    for (type_name, list) in lists() {
        if type_name == "AuditEntry" {
            continue;
        }
        let query = format!("{{ {list}(first: 1) {{ edges {{ node {{ id }} }} }} }}");
        let (_, body) = app.graphql_as(Some(&staff), &query, json!({})).await;
        let id = body["data"][list]["edges"][0]["node"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{list}: {body}"))
            .to_owned();
        let (status, body) = app
            .graphql_as(Some(&staff), node_query, json!({ "id": id }))
            .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["data"]["node"]["__typename"], type_name, "{body}");
        assert_eq!(body["data"]["node"]["id"], id.as_str(), "{body}");

        // The public finds it exactly when the public may list it.
        let (_, public_list) = app
            .graphql_as(
                None,
                &format!("{{ {list}(first: 100) {{ edges {{ node {{ id }} }} }} }}"),
                json!({}),
            )
            .await;
        let listed = public_list["data"][list]["edges"]
            .as_array()
            .is_some_and(|edges| edges.iter().any(|e| e["node"]["id"] == id.as_str()));
        let (_, public_node) = app.graphql_as(None, node_query, json!({ "id": id })).await;
        assert_eq!(
            !public_node["data"]["node"].is_null(),
            listed,
            "{type_name} {id}: {public_node}"
        );
    }

    // A negotiating treaty: staff find it, the public does not.
    let (_, body) = app
        .graphql_as(
            Some(&staff),
            r#"{ treaties(first: 100, filter: {status: "negotiating"}) { edges { node { id } } } }"#,
            json!({}),
        )
        .await;
    let hidden = body["data"]["treaties"]["edges"][0]["node"]["id"]
        .as_str()
        .expect("a negotiating treaty in the demo data")
        .to_owned();
    let (_, body) = app
        .graphql_as(None, node_query, json!({ "id": hidden }))
        .await;
    assert_eq!(body["data"]["node"], Value::Null, "{body}");

    let (status, body) = app
        .graphql_as(None, node_query, json!({ "id": "not-a-global-id" }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
}

/// Every source of the catalogue is in the graph: a listed type of the registry reads it, and
/// the demo data gives staff rows of it.
#[tokio::test]
async fn every_source_has_a_listed_type_with_demo_rows() {
    let app = spawn_app().await;
    let staff = app.staff_token("LPQT", &["viewer"]);
    for source in entities::Source::ALL {
        if source == entities::Source::Meta {
            continue;
        }
        let listed: Vec<_> = registry::TYPES
            .iter()
            .filter(|t| t.source == Some(source))
            .filter_map(|t| t.list)
            .collect();
        assert!(!listed.is_empty(), "no listed type reads {source}");
        for list in listed {
            let (_, body) = app
                .graphql_as(
                    Some(&staff),
                    &format!("{{ {list} {{ totalCount }} }}"),
                    json!({}),
                )
                .await;
            let count = body["data"][list]["totalCount"]
                .as_u64()
                .unwrap_or_default();
            assert!(count > 0, "{source}: no demo rows in {list}: {body}");
        }
    }
}
