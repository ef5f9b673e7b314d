//! Relations inside a source and across sources go through per-request loaders: the SQL
//! statements of a nested query depend on its depth, never on how many rows it returns. Pages
//! are keyset pages in either order.

use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

async fn statements_so_far(app: &TestApp) -> u64 {
    let text = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("metrics text");
    text.lines()
        .find_map(|line| line.strip_prefix("mofa_db_statements_total "))
        .and_then(|value| value.trim().parse::<f64>().ok())
        .expect("mofa_db_statements_total in /metrics") as u64
}

/// Statements run by one query over `countries` countries, and the missions it reached.
async fn statements_of(app: &TestApp, countries: u32) -> (u64, usize) {
    let query = format!(
        "{{ countries(first: {countries}) {{ edges {{ node {{ nameEn vietnameseMissions {{ \
         city hostCountry {{ code foreignMissions {{ city }} }} }} }} }} }} }}"
    );
    let before = statements_so_far(app).await;
    let (status, body) = app.graphql(&query, json!({})).await;
    let after = statements_so_far(app).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("errors").is_none(), "{body}");
    let edges = body["data"]["countries"]["edges"]
        .as_array()
        .expect("edges");
    assert_eq!(edges.len(), countries as usize, "{body}");
    let missions = edges
        .iter()
        .flat_map(|e| {
            e["node"]["vietnameseMissions"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .count();
    (after - before, missions)
}

#[tokio::test]
async fn a_nested_query_costs_one_statement_per_level_whatever_its_row_count() {
    let app = spawn_app().await;
    let (few, few_missions) = statements_of(&app, 10).await;
    let (many, many_missions) = statements_of(&app, 100).await;
    assert!(
        few_missions > 0 && many_missions > few_missions,
        "both pages must reach missions, the larger more ({few_missions} vs {many_missions})"
    );
    // countries, their missions, the missions' host countries, those countries' missions here.
    assert_eq!(many, 4, "statements of four levels");
    assert_eq!(few, many, "statements grew with the row count");
}

/// Walks every page of `list` in `order` with pages of 3, and returns the ids in order.
async fn walk(app: &TestApp, token: &str, list: &str, order: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut after = serde_json::Value::Null;
    loop {
        let query = format!(
            "query($after: String) {{ {list}(first: 3, after: $after, orderBy: {order}) {{ \
             pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ id }} }} }} }}"
        );
        let (_, body) = app
            .graphql_as(Some(token), &query, json!({ "after": after }))
            .await;
        let connection = &body["data"][list];
        for edge in connection["edges"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
        {
            let id = edge["node"]["id"].as_str().expect("id");
            ids.push(
                id.rsplit(':')
                    .next()
                    .and_then(|k| k.parse().ok())
                    .expect("numeric key"),
            );
        }
        if connection["pageInfo"]["hasNextPage"] != true {
            return ids;
        }
        after = connection["pageInfo"]["endCursor"].clone();
    }
}

#[tokio::test]
async fn pages_walk_every_record_once_in_either_order() {
    let app = spawn_app().await;
    let staff = app.staff_token("VP", &["viewer"]);
    let ascending = walk(&app, &staff, "newsItems", "ID_ASC").await;
    let descending = walk(&app, &staff, "newsItems", "ID_DESC").await;
    assert!(ascending.len() > 3, "more than one page: {ascending:?}");
    assert!(ascending.windows(2).all(|w| w[0] < w[1]), "{ascending:?}");
    let mut reversed = descending.clone();
    reversed.reverse();
    assert_eq!(reversed, ascending, "the same records, newest first");
}
