use serde_json::{Value, json};

use crate::helpers::spawn_app;

fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|item| item["code"].as_str().expect("a code"))
        .collect()
}

#[tokio::test]
async fn catalog_lists_exactly_the_codes_of_the_three_appendices() {
    let app = spawn_app().await;
    let (status, body) = app
        .graphql(
            "{catalog{databases{code} sharingServices{code} openDatasets{code}}}",
            json!({}),
        )
        .await;
    assert_eq!(status, 200);
    assert!(body.get("errors").is_none(), "{body}");
    let catalog = &body["data"]["catalog"];
    assert_eq!(
        codes(&catalog["databases"]),
        [
            "personnel",
            "direction",
            "awards",
            "localities",
            "finance",
            "assets",
            "premises",
            "party-members",
            "country-profiles",
            "chronicle",
            "news",
            "treaties",
            "agreements",
            "overseas-vietnamese",
            "foreign-ngos",
            "conferences",
            "official-passports",
            "legalization",
            "diplomatic-visas",
            "privileges-immunities",
            "digital-library",
            "economic-diplomacy",
            "cultural-diplomacy",
        ]
    );
    assert_eq!(
        codes(&catalog["sharingServices"]),
        [
            "consular-info",
            "treaty-info",
            "agreement-info",
            "personnel-info",
            "party-abroad-info",
            "ngo-info",
            "diplomatic-corps-info",
            "economic-diplomacy-info",
            "cultural-diplomacy-info",
        ]
    );
    assert_eq!(
        codes(&catalog["openDatasets"]),
        [
            "consular-information",
            "border-territory",
            "international-agreements",
            "diplomatic-corps",
            "foreign-awards",
            "economic-diplomacy",
            "cultural-diplomacy",
            "vietnamese-missions",
        ]
    );
}

#[tokio::test]
async fn catalog_relations_follow_the_decision() {
    let app = spawn_app().await;
    let (_, body) = app
        .graphql(
            r#"{ catalog {
                decision { number issuedOn }
                units { code nameVi ownedDatabases { code } }
                databases { code group ownerUnits { code } operatorUnits { code } sharingServices { code } }
                sharingServices { code mode method connectionModel provider { code } databases { code } sources }
                openDatasets { code provider { code } frequencyVi frequencies { code uri } sources }
            } }"#,
            json!({}),
        )
        .await;
    assert!(body.get("errors").is_none(), "{body}");
    let catalog = &body["data"]["catalog"];
    assert_eq!(
        catalog["decision"],
        json!({ "number": "3021/QĐ-BNG", "issuedOn": "2023-10-31" })
    );

    let find = |list: &str, code: &str| -> Value {
        catalog[list]
            .as_array()
            .expect("a list")
            .iter()
            .find(|item| item["code"] == code)
            .cloned()
            .unwrap_or_else(|| panic!("{list} has no {code}"))
    };

    let treaties = find("databases", "treaties");
    assert_eq!(treaties["group"], "PROFESSIONAL_WORK");
    assert_eq!(treaties["ownerUnits"], json!([{ "code": "LPQT" }]));
    assert_eq!(treaties["operatorUnits"], json!([{ "code": "CYTT" }]));
    assert_eq!(
        treaties["sharingServices"],
        json!([{ "code": "treaty-info" }])
    );
    assert_eq!(
        find("databases", "personnel")["group"],
        "DIRECTION_AND_ADMINISTRATION"
    );

    let personnel_info = find("sharingServices", "personnel-info");
    assert_eq!(personnel_info["mode"], "SPECIAL");
    assert_eq!(personnel_info["method"], "PACKAGED");
    assert_eq!(personnel_info["connectionModel"], Value::Null);
    assert_eq!(personnel_info["provider"], json!({ "code": "TCCB" }));

    // The diplomatic-corps service draws on a source that is not a database of Appendix 1.
    let corps = find("sharingServices", "diplomatic-corps-info");
    assert_eq!(corps["method"], "ONLINE");
    assert_eq!(corps["connectionModel"], "NDXP");
    assert_eq!(
        corps["databases"],
        json!([{ "code": "privileges-immunities" }])
    );
    assert_eq!(
        corps["sources"],
        json!(["diplomatic-corps", "privileges-immunities"])
    );

    let cultural = find("openDatasets", "cultural-diplomacy");
    assert_eq!(cultural["provider"], json!({ "code": "NGVH" }));
    assert_eq!(
        cultural["frequencies"],
        json!([
            { "code": "IRREG", "uri": "http://publications.europa.eu/resource/authority/frequency/IRREG" },
            { "code": "QUARTERLY", "uri": "http://publications.europa.eu/resource/authority/frequency/QUARTERLY" },
        ])
    );
    assert_eq!(
        find("openDatasets", "consular-information")["frequencyVi"],
        "Hàng ngày"
    );

    let lpqt = find("units", "LPQT");
    assert_eq!(lpqt["nameVi"], "Vụ Luật pháp và Điều ước quốc tế");
    assert_eq!(
        lpqt["ownedDatabases"],
        json!([{ "code": "treaties" }, { "code": "agreements" }])
    );
}

#[tokio::test]
async fn catalog_text_is_bilingual_as_in_the_decision() {
    let app = spawn_app().await;
    let (_, body) = app
        .graphql(
            "{ catalog { openDatasets { code nameVi nameEn descriptionVi descriptionEn } } }",
            json!({}),
        )
        .await;
    let dataset = &body["data"]["catalog"]["openDatasets"][7];
    assert_eq!(dataset["code"], "vietnamese-missions");
    assert_eq!(dataset["nameVi"], "CQĐDVN ở nước ngoài");
    for field in ["nameEn", "descriptionVi", "descriptionEn"] {
        assert!(
            dataset[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field} is empty"
        );
    }
}
