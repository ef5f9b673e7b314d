//! Open-data metadata for portals: DCAT-AP and the CKAN-style action API.

use serde_json::Value;

use crate::helpers::spawn_app;

const CODES: [&str; 8] = [
    "consular-information",
    "border-territory",
    "international-agreements",
    "diplomatic-corps",
    "foreign-awards",
    "economic-diplomacy",
    "cultural-diplomacy",
    "vietnamese-missions",
];

async fn get(app: &crate::helpers::TestApp, path: &str) -> (u16, Value) {
    let response = app.client.get(app.url(path)).send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

#[tokio::test]
async fn dcat_catalogue_names_the_eight_datasets_with_their_frequencies() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/open-data/catalog.jsonld"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("application/ld+json")
    );
    let catalog: Value = response.json().await.expect("JSON-LD is JSON");
    assert_eq!(catalog["@type"], "dcat:Catalog");
    assert_eq!(catalog["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    let datasets = catalog["dcat:dataset"].as_array().expect("datasets");
    let codes: Vec<&str> = datasets
        .iter()
        .map(|d| d["dct:identifier"].as_str().expect("id"))
        .collect();
    assert_eq!(codes, CODES);
    // Each dataset says when its records last changed.
    for dataset in datasets {
        let modified = dataset["dct:modified"]["@value"]
            .as_str()
            .unwrap_or_default();
        assert!(
            chrono::DateTime::parse_from_rfc3339(modified).is_ok(),
            "{}: dct:modified {modified:?}",
            dataset["dct:identifier"]
        );
    }
    let cultural = &datasets[6];
    let frequencies: Vec<&str> = cultural["dct:accrualPeriodicity"]
        .as_array()
        .expect("frequencies")
        .iter()
        .map(|f| f["@id"].as_str().expect("uri"))
        .collect();
    assert_eq!(
        frequencies,
        [
            "http://publications.europa.eu/resource/authority/frequency/IRREG",
            "http://publications.europa.eu/resource/authority/frequency/QUARTERLY",
        ]
    );
    for dataset in datasets {
        for key in [
            "dct:title",
            "dct:description",
            "dct:publisher",
            "dcat:contactPoint",
            "dct:license",
            "dct:issued",
            "dcat:distribution",
        ] {
            assert!(
                !dataset[key].is_null(),
                "{} lacks {key}",
                dataset["dct:identifier"]
            );
        }
        let title = dataset["dct:title"].as_array().expect("titles");
        assert_eq!(title[0]["@language"], "vi");
        assert_eq!(title[1]["@language"], "en");
    }
}

#[tokio::test]
async fn ckan_style_api_lists_shows_and_searches_the_datasets() {
    let app = spawn_app().await;
    let (status, list) = get(&app, "/api/3/action/package_list").await;
    assert_eq!(status, 200);
    assert_eq!(list["success"], true);
    assert_eq!(list["result"], serde_json::json!(CODES));

    let (status, show) = get(&app, "/api/3/action/package_show?id=vietnamese-missions").await;
    assert_eq!(status, 200);
    assert_eq!(show["result"]["name"], "vietnamese-missions");
    assert_eq!(
        show["result"]["title_translated"]["vi"],
        "CQĐDVN ở nước ngoài"
    );
    assert_eq!(show["result"]["organization"]["name"], "VP");

    let (status, missing) = get(&app, "/api/3/action/package_show?id=nope").await;
    assert_eq!(status, 404);
    assert_eq!(missing["success"], false);

    let (_, search) = get(&app, "/api/3/action/package_search?q=diplomacy&rows=1").await;
    assert_eq!(search["result"]["count"], 2);
    assert_eq!(
        search["result"]["results"].as_array().map(Vec::len),
        Some(1)
    );
    let (_, all) = get(&app, "/api/3/action/package_search").await;
    assert_eq!(all["result"]["count"], 8);
    let (status, bad) = get(&app, "/api/3/action/package_search?rows=many").await;
    assert_eq!((status, &bad["success"]), (409, &Value::Bool(false)));
}

#[tokio::test]
async fn downloads_parse_and_match_the_graphql_data() {
    let app = spawn_app().await;
    let (_, body) = app
        .graphql(
            "{ agreements(first: 100) { edges { node { number titleEn status } } } }",
            serde_json::json!({}),
        )
        .await;
    let graphql: Vec<(String, String)> = body["data"]["agreements"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            (
                e["node"]["number"].as_str().expect("number").to_owned(),
                e["node"]["titleEn"].as_str().expect("title").to_owned(),
            )
        })
        .collect();
    assert!(!graphql.is_empty());

    let csv_text = app
        .client
        .get(app.url("/open-data/international-agreements.csv"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(&headers[0], "number");
    let title = headers
        .iter()
        .position(|h| h == "titleEn")
        .expect("titleEn");
    let from_csv: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("record");
            (r[0].to_owned(), r[title].to_owned())
        })
        .collect();
    assert_eq!(from_csv, graphql);

    let (status, json) = get(&app, "/open-data/international-agreements.json").await;
    assert_eq!(status, 200);
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(graphql.len()));

    // Treaties in force, more than one page of the API.
    let (_, treaties) = get(&app, "/open-data/treaties-in-force.json").await;
    let rows = treaties["rows"].as_array().expect("rows");
    assert!(rows.len() > 20);
    assert!(rows.iter().all(|r| r["status"] == "in_force"));
    let (status, _) = get(&app, "/open-data/no-such-dataset.csv").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn missions_abroad_are_open_with_their_host_country_and_reliable_facts_only_in_public() {
    let app = spawn_app().await;
    let query = r#"{ vietnameseMissions(first: 100, filter: { hostCountry: "fr" }) { totalCount edges { node { nameVi nameEn kind city hostCountry { nameVi } } } } }"#;
    let (_, body) = app.graphql(query, serde_json::json!({})).await;
    assert!(body.get("errors").is_none(), "{body}");
    let edges = body["data"]["vietnameseMissions"]["edges"]
        .as_array()
        .expect("edges");
    let embassy = edges
        .iter()
        .find(|e| e["node"]["kind"] == "embassy")
        .expect("an embassy in France");
    assert_eq!(embassy["node"]["nameEn"], "Embassy of Viet Nam in France");
    assert_eq!(embassy["node"]["hostCountry"]["nameVi"], "Pháp");

    let count = "{ vietnameseMissions { totalCount } }";
    let (_, public) = app.graphql(count, serde_json::json!({})).await;
    let staff_token = app.staff_token("VP", &["viewer"]);
    let (_, staff) = app
        .graphql_as(Some(&staff_token), count, serde_json::json!({}))
        .await;
    let public = public["data"]["vietnameseMissions"]["totalCount"]
        .as_u64()
        .expect("count");
    let staff = staff["data"]["vietnameseMissions"]["totalCount"]
        .as_u64()
        .expect("count");
    assert_eq!(staff, 103);
    assert!(public < staff && public > 50, "{public} of {staff}");

    let csv_text = app
        .client
        .get(app.url("/open-data/vietnamese-missions.csv"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    let rows = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .count() as u64;
    assert_eq!(rows, public);
}

#[tokio::test]
async fn the_diplomatic_corps_is_open_and_its_staff_lists_are_for_its_service() {
    let app = spawn_app().await;
    let query = r#"{ foreignMissions(first: 100, filter: { city: "Da Nang" }) { totalCount edges { node { nameEn sendingCountry { code } staffList } } } }"#;
    let (_, public) = app.graphql(query, serde_json::json!({})).await;
    let node = &public["data"]["foreignMissions"]["edges"][0]["node"];
    assert!(
        node["nameEn"]
            .as_str()
            .is_some_and(|n| n.ends_with("in Da Nang")),
        "{public}"
    );
    assert_eq!(node["staffList"], Value::Null);
    assert_eq!(public["errors"][0]["extensions"]["code"], "FORBIDDEN");

    let partner = app.partner_token(&["diplomatic-corps-info"]).await;
    let (_, shared) = app
        .graphql_as(Some(&partner), query, serde_json::json!({}))
        .await;
    assert!(shared.get("errors").is_none(), "{shared}");
    assert!(shared["data"]["foreignMissions"]["edges"][0]["node"]["staffList"].is_string());

    let (status, json) = get(&app, "/open-data/diplomatic-corps.json").await;
    assert_eq!(status, 200);
    let (_, count) = app
        .graphql("{ foreignMissions { totalCount } }", serde_json::json!({}))
        .await;
    assert_eq!(
        json["rows"].as_array().map(|r| r.len() as u64),
        count["data"]["foreignMissions"]["totalCount"].as_u64()
    );
}

#[tokio::test]
async fn visa_exemptions_are_published_by_country_and_downloadable() {
    let app = spawn_app().await;
    let query = r#"{ visaExemptions(filter: { country: "de", status: "in_force" }) { edges { node { exemptionType maxStayDays validTo legalBasis country { nameVi } } } } }"#;
    let (_, body) = app.graphql(query, serde_json::json!({})).await;
    assert!(body.get("errors").is_none(), "{body}");
    let germany = &body["data"]["visaExemptions"]["edges"][0]["node"];
    assert_eq!(germany["exemptionType"], "unilateral");
    assert_eq!(germany["maxStayDays"], 45);
    assert_eq!(germany["validTo"], "2028-03-14");
    assert_eq!(germany["country"]["nameVi"], "Đức");

    let (_, all) = app
        .graphql("{ visaExemptions { totalCount } }", serde_json::json!({}))
        .await;
    let public = all["data"]["visaExemptions"]["totalCount"]
        .as_u64()
        .expect("count");
    let csv_text = app
        .client
        .get(app.url("/open-data/consular-information.csv"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("text");
    let rows = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .count() as u64;
    assert_eq!(rows, public);
    assert!(public > 60, "{public}");
}

#[tokio::test]
async fn unesco_titles_are_open_and_downloadable() {
    let app = spawn_app().await;
    let (_, body) = app
        .graphql(
            r#"{ unescoTitles(filter: { category: "world_heritage" }) { totalCount edges { node { code nameVi year } } } }"#,
            serde_json::json!({}),
        )
        .await;
    assert!(body.get("errors").is_none(), "{body}");
    let hue = &body["data"]["unescoTitles"]["edges"][0]["node"];
    assert_eq!(hue["code"], "WH01");
    assert_eq!(hue["nameVi"], "Quần thể di tích Cố đô Huế");
    assert_eq!(hue["year"], 1993);
    let (status, json) = get(&app, "/open-data/cultural-diplomacy.json").await;
    assert_eq!(status, 200);
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(51));
}

/// Each of the 8 open datasets of Appendix 3 downloads as CSV and JSON, with as many rows as the
/// public sees in its GraphQL list.
#[tokio::test]
async fn every_open_dataset_downloads_as_csv_and_json_with_the_public_rows() {
    let app = spawn_app().await;
    let datasets = [
        ("consular-information", "visaExemptions"),
        ("border-territory", "borderDocuments"),
        ("international-agreements", "agreements"),
        ("diplomatic-corps", "foreignMissions"),
        ("foreign-awards", "awards"),
        ("economic-diplomacy", "economicDiplomacyItems"),
        ("cultural-diplomacy", "unescoTitles"),
        ("vietnamese-missions", "vietnameseMissions"),
    ];
    for (dataset, list) in datasets {
        let (_, body) = app
            .graphql(
                &format!("{{ {list} {{ totalCount }} }}"),
                serde_json::json!({}),
            )
            .await;
        let public = body["data"][list]["totalCount"].as_u64().expect("count") as usize;
        assert!(public > 0, "{dataset}: the public sees no rows");
        let csv_text = app
            .client
            .get(app.url(&format!("/open-data/{dataset}.csv")))
            .send()
            .await
            .expect("csv")
            .text()
            .await
            .expect("text");
        let rows = csv::Reader::from_reader(csv_text.as_bytes())
            .records()
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{dataset}.csv: {e}"));
        assert_eq!(rows.len(), public, "{dataset}.csv");
        let json: serde_json::Value = app
            .client
            .get(app.url(&format!("/open-data/{dataset}.json")))
            .send()
            .await
            .expect("json")
            .json()
            .await
            .unwrap_or_else(|e| panic!("{dataset}.json: {e}"));
        let items = json["rows"]
            .as_array()
            .unwrap_or_else(|| panic!("{dataset}.json: {json}"));
        assert_eq!(items.len(), public, "{dataset}.json");
        let columns = json["columns"].as_array().expect("columns");
        assert_eq!(
            columns.len(),
            rows.first().map_or(0, |r| r.len()),
            "{dataset}: CSV and JSON columns"
        );
    }
}

/// A download larger than `open_data_stream_rows` is streamed page by page (no ETag: it is
/// never held whole), and holds exactly what the small, stored download holds.
#[tokio::test]
async fn large_downloads_are_streamed_with_the_same_rows() {
    let stored = spawn_app().await;
    let streaming = crate::helpers::spawn_app_with(|s| {
        s.open_data_stream_rows = 5;
        s.max_page_size = 7;
    })
    .await;
    for format in ["csv", "json"] {
        let path = format!("/open-data/treaties-in-force.{format}");
        let small = stored
            .client
            .get(stored.url(&path))
            .send()
            .await
            .expect("stored");
        assert!(small.headers().contains_key("etag"), "{path}: stored whole");
        let small = small.text().await.expect("text");
        let large = streaming
            .client
            .get(streaming.url(&path))
            .send()
            .await
            .expect("streamed");
        assert_eq!(large.status(), 200);
        assert!(!large.headers().contains_key("etag"), "{path}: streamed");
        let large = large.text().await.expect("text");
        if format == "json" {
            let small: Value = serde_json::from_str(&small).expect("stored JSON");
            let large: Value = serde_json::from_str(&large).expect("streamed JSON");
            assert!(
                small["rows"].as_array().map_or(0, Vec::len) > 7,
                "several pages"
            );
            assert_eq!(large, small);
        } else {
            assert_eq!(large, small);
        }
    }
}
