//! Open-data metadata that national portals harvest: a DCAT-AP catalogue
//! (`/open-data/catalog.jsonld`) and a CKAN-style action API (`/api/3/action/package_list`,
//! `package_show`, `package_search`) over the 8 open datasets of Appendix 3.
//!
//! Both are built from the public answer to one catalogue query, so they go through the same
//! policy as any public request, and they are stored in the public cache like one: a write to
//! the catalogue invalidates them.

use std::collections::{BTreeSet, HashMap};

use actix_web::{HttpRequest, HttpResponse, web};
use graphql::policy::{Disclosures, Principal};
use serde_json::{Value, json};

use crate::{cache::Flight, state::AppState};

const DATASETS_QUERY: &str = "{ catalog { decision { number titleVi titleEn issuerVi issuerEn }
  openDatasets { code number nameVi nameEn descriptionVi descriptionEn
    provider { code nameVi nameEn } firstPublishedVi firstPublishedYear firstPublishedPlanned
    frequencyVi frequencyEn frequencies { code uri } website sources } } }";

/// The licence the open datasets are published under (Decree 47/2020 and its successors ask
/// for open data free of charge and usable without identification).
const LICENCE: &str = "http://creativecommons.org/licenses/by/4.0/";
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/INTR";

/// Runs one of the server's own documents as the public would see it, with what it read.
async fn execute_as_public(
    state: &AppState,
    request: async_graphql::Request,
) -> (async_graphql::Response, std::sync::Arc<Disclosures>) {
    let trace = std::sync::Arc::new(Disclosures::default());
    let request = graphql::prepare(
        request,
        Principal::public(),
        graphql::RequestRules::own_documents(),
        &state.sources,
        trace.clone(),
    );
    (state.schema.execute(request).await, trace)
}

/// The public answer to the catalogue query, from the cache when it is there.
async fn catalogue(state: &AppState) -> Option<Value> {
    let key = format!("open-data:{}", state.cache.schema_version());
    let flight = state
        .cache
        .get_or_compute(&key, || async {
            let (response, trace) =
                execute_as_public(state, async_graphql::Request::new(DATASETS_QUERY)).await;
            if !response.errors.is_empty() {
                tracing::error!(errors = ?response.errors, "open-data catalogue query failed");
                return Err(());
            }
            let body = serde_json::to_string(&response.data).map_err(|_| ())?;
            Ok::<_, ()>((body, trace.sources()))
        })
        .await;
    match flight {
        Flight::Entry(entry) => serde_json::from_slice(&entry.bytes).ok(),
        Flight::Own(()) | Flight::Alone => None,
    }
}

fn base_url(req: &HttpRequest) -> String {
    let info = req.connection_info();
    format!("{}://{}", info.scheme(), info.host())
}

fn unavailable() -> HttpResponse {
    HttpResponse::ServiceUnavailable()
        .insert_header(("Cache-Control", "no-store"))
        .json(json!({ "error": "the catalogue cannot be read now" }))
}

fn bilingual(vi: &Value, en: &Value) -> Value {
    json!([{ "@value": vi, "@language": "vi" }, { "@value": en, "@language": "en" }])
}

/// `GET /open-data/catalog.jsonld`: DCAT-AP.
pub async fn dcat(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let Some(data) = catalogue(&state).await else {
        return unavailable();
    };
    let base = base_url(&req);
    let catalog = &data["catalog"];
    let mut modified = std::collections::BTreeMap::new();
    for code in DOWNLOADS {
        if let Some(at) = last_modified(&state, code).await {
            modified.insert(*code, at);
        }
    }
    let datasets: Vec<Value> = catalog["openDatasets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            let code = d["code"].as_str().unwrap_or_default();
            let provider = &d["provider"];
            let unit = json!({
                "@id": format!("{base}/open-data/units/{}", provider["code"].as_str().unwrap_or_default()),
                "@type": "foaf:Organization",
                "foaf:name": bilingual(&provider["nameVi"], &provider["nameEn"]),
            });
            let mut dataset = json!({
                "@id": format!("{base}/open-data/datasets/{code}"),
                "@type": "dcat:Dataset",
                "dct:identifier": code,
                "dct:title": bilingual(&d["nameVi"], &d["nameEn"]),
                "dct:description": bilingual(&d["descriptionVi"], &d["descriptionEn"]),
                "dct:publisher": unit,
                "dcat:contactPoint": {
                    "@type": "vcard:Organization",
                    "vcard:fn": provider["nameVi"],
                },
                "dct:license": { "@id": LICENCE },
                "dct:issued": { "@value": d["firstPublishedYear"].to_string(), "@type": "xsd:gYear" },
                "dct:accrualPeriodicity": d["frequencies"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|f| json!({ "@id": f["uri"] }))
                    .collect::<Vec<_>>(),
                "dcat:keyword": keywords(d),
                "dcat:theme": { "@id": THEME },
                "dcat:distribution": distributions(&base, code),
            });
            if let Some(at) = modified.get(code) {
                dataset["dct:modified"] = json!({ "@value": at, "@type": "xsd:dateTime" });
            }
            if let Some(site) = d["website"].as_str() {
                dataset["dcat:landingPage"] = json!({ "@id": format!("https://{site}") });
            }
            dataset
        })
        .collect();
    let decision = &catalog["decision"];
    let body = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": format!("{base}/open-data/catalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": bilingual(
            &json!("Dữ liệu mở của Bộ Ngoại giao"),
            &json!("Open data of the Ministry of Foreign Affairs of Viet Nam"),
        ),
        "dct:description": bilingual(&decision["titleVi"], &decision["titleEn"]),
        "dct:publisher": {
            "@type": "foaf:Organization",
            "foaf:name": bilingual(&decision["issuerVi"], &decision["issuerEn"]),
        },
        "dct:license": { "@id": LICENCE },
        "dcat:dataset": datasets,
    });
    HttpResponse::Ok()
        .content_type("application/ld+json; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(body.to_string())
}

/// When the records behind a download last changed (the latest `updated_at` of its table,
/// deleted records left out).
async fn last_modified(state: &AppState, code: &str) -> Option<String> {
    use sea_orm::{
        ConnectionTrait,
        sea_query::{Alias, Expr, ExprTrait, Func, Query},
    };
    let list = download(code)?.list;
    let type_name = graphql::policy::registry::TYPES
        .iter()
        .find(|t| t.list == Some(list))?
        .name;
    let table = graphql::write::record_table(type_name)?;
    let query = Query::select()
        .expr_as(
            Func::max(Expr::col(Alias::new("updated_at"))),
            Alias::new("at"),
        )
        .from(Alias::new(table.table))
        .and_where(Expr::col(Alias::new("deleted_at")).is_null())
        .to_owned();
    let row = state
        .sources
        .get(table.source)
        .query_one(&query)
        .await
        .ok()??;
    let at: Option<chrono::DateTime<chrono::Utc>> = row.try_get("", "at").ok()?;
    at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// The GraphQL API for every dataset, and the files where the dataset has them.
fn distributions(base: &str, code: &str) -> Vec<Value> {
    let mut out = vec![json!({
        "@id": format!("{base}/open-data/datasets/{code}#graphql"),
        "@type": "dcat:Distribution",
        "dct:title": "GraphQL API",
        "dcat:accessURL": { "@id": format!("{base}/graphql") },
        "dcat:mediaType": "application/graphql-response+json",
        "dct:format": "GraphQL",
        "dct:license": { "@id": LICENCE },
    })];
    if download(code).is_some() {
        for (ext, media) in [("csv", "text/csv"), ("json", "application/json")] {
            let url = format!("{base}/open-data/{code}.{ext}");
            out.push(json!({
                "@id": format!("{base}/open-data/datasets/{code}#{ext}"),
                "@type": "dcat:Distribution",
                "dct:title": ext.to_uppercase(),
                "dcat:accessURL": { "@id": url },
                "dcat:downloadURL": { "@id": url },
                "dcat:mediaType": media,
                "dct:format": ext.to_uppercase(),
                "dct:license": { "@id": LICENCE },
            }));
        }
    }
    out
}

fn keywords(dataset: &Value) -> Vec<String> {
    let mut words: BTreeSet<String> =
        BTreeSet::from(["Bộ Ngoại giao".to_owned(), "MOFA".to_owned()]);
    for source in dataset["sources"].as_array().into_iter().flatten() {
        if let Some(code) = source.as_str() {
            words.insert(code.replace('-', " "));
        }
    }
    words.into_iter().collect()
}

/// A downloadable dataset: the public GraphQL list it comes from, and its columns (stable: the
/// column names are a contract with the portals that harvest them).
#[derive(Clone, Copy)]
struct Download {
    list: &'static str,
    columns: &'static [&'static str],
}

/// The datasets with downloads: the 8 of Appendix 3 and the treaties in force.
const DOWNLOADS: &[&str] = &[
    "consular-information",
    "border-territory",
    "international-agreements",
    "diplomatic-corps",
    "foreign-awards",
    "economic-diplomacy",
    "cultural-diplomacy",
    "vietnamese-missions",
    "treaties-in-force",
];

fn download(name: &str) -> Option<Download> {
    match name {
        // Appendix 3, dataset 3: the agreements in force (the public row rule).
        "international-agreements" => Some(Download {
            list: "agreements",
            columns: &[
                "number",
                "titleVi",
                "titleEn",
                "vnParty",
                "vnPartyLevel",
                "foreignParty",
                "foreignPartyKind",
                "foreignCountryCode",
                "field",
                "signedOn",
                "effectiveOn",
                "expiresOn",
                "status",
            ],
        }),
        // Appendix 3, dataset 8.
        "vietnamese-missions" => Some(Download {
            list: "vietnameseMissions",
            columns: &[
                "hostCountryCode",
                "city",
                "kind",
                "nameVi",
                "nameEn",
                "website",
            ],
        }),
        // Appendix 3, dataset 1 (the visa exemptions; procedures and consular news come with
        // their records).
        "consular-information" => Some(Download {
            list: "visaExemptions",
            columns: &[
                "countryCode",
                "exemptionType",
                "passportTypes",
                "maxStay",
                "maxStayDays",
                "validFrom",
                "validTo",
                "legalBasis",
                "legalBasisDate",
                "status",
            ],
        }),
        // Appendix 3, dataset 7 (the UNESCO titles; the other results of cultural diplomacy
        // come with their records).
        "cultural-diplomacy" => Some(Download {
            list: "unescoTitles",
            columns: &[
                "code",
                "category",
                "listOrRegister",
                "nameVi",
                "nameEn",
                "year",
                "inscribedOn",
                "heritageType",
                "provinces",
            ],
        }),
        // Appendix 3, dataset 4 (the missions; the privileges-and-immunities rules come with
        // their source).
        "diplomatic-corps" => Some(Download {
            list: "foreignMissions",
            columns: &[
                "sendingCountryCode",
                "kind",
                "city",
                "nameVi",
                "nameEn",
                "address",
                "website",
            ],
        }),
        // Appendix 3, dataset 2: policies on borders and territory, border lines and their
        // legal instruments.
        "border-territory" => Some(Download {
            list: "borderDocuments",
            columns: &[
                "kind",
                "titleVi",
                "titleEn",
                "neighbourCountryCode",
                "signedOn",
                "effectiveOn",
                "lengthKm",
                "summaryVi",
                "summaryEn",
                "url",
            ],
        }),
        // Appendix 3, dataset 5: the State awards conferred on MOFA's proposal (the public row
        // rule keeps the published foreign awards).
        "foreign-awards" => Some(Download {
            list: "awards",
            columns: &[
                "recipientName",
                "recipientKind",
                "recipientCountryCode",
                "overseasVietnamese",
                "awardVi",
                "awardEn",
                "decisionNumber",
                "decidedOn",
                "decidedBy",
            ],
        }),
        // Appendix 3, dataset 6: published economic-diplomacy information.
        "economic-diplomacy" => Some(Download {
            list: "economicDiplomacyItems",
            columns: &[
                "kind",
                "titleVi",
                "titleEn",
                "summaryVi",
                "summaryEn",
                "publishedOn",
                "countryCodes",
                "url",
            ],
        }),
        // The treaties in force that may be published.
        "treaties-in-force" => Some(Download {
            list: "treaties",
            columns: &[
                "number",
                "titleVi",
                "titleEn",
                "shortName",
                "kind",
                "bilateral",
                "signedOn",
                "entryIntoForceForVn",
                "status",
                "depositary",
            ],
        }),
        _ => None,
    }
}

/// One page of a download as the public sees it: its rows, the sources read, and the cursor of
/// the next page (none after the last).
type Page = (
    Vec<serde_json::Map<String, Value>>,
    BTreeSet<entities::Source>,
    Option<String>,
);

async fn fetch_page(state: &AppState, d: &Download, after: Option<String>) -> Result<Page, ()> {
    let query = format!(
        "query Page($after: String) {{ {}(first: {}, after: $after) {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {} }} }} }} }}",
        d.list,
        state.settings.max_page_size,
        d.columns.join(" ")
    );
    let request = async_graphql::Request::new(query).variables(
        async_graphql::Variables::from_json(json!({ "after": after })),
    );
    let (response, trace) = execute_as_public(state, request).await;
    if !response.errors.is_empty() {
        tracing::error!(errors = ?response.errors, "open-data download query failed");
        return Err(());
    }
    let page = response.data.into_json().map_err(|_| ())?;
    let list = &page[d.list];
    let rows = list["edges"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|edge| edge["node"].as_object().cloned())
        .collect();
    let next = (list["pageInfo"]["hasNextPage"] == true)
        .then(|| list["pageInfo"]["endCursor"].as_str().map(str::to_owned))
        .flatten();
    Ok((rows, trace.sources(), next))
}

/// Every row of a download, page by page, as the public sees it.
async fn download_rows(
    state: &AppState,
    d: &Download,
) -> Result<
    (
        Vec<serde_json::Map<String, Value>>,
        BTreeSet<entities::Source>,
    ),
    (),
> {
    let mut rows = Vec::new();
    let mut sources = BTreeSet::new();
    let mut after = None;
    loop {
        let (page, read, next) = fetch_page(state, d, after).await?;
        rows.extend(page);
        sources.extend(read);
        match next {
            Some(cursor) => after = Some(cursor),
            None => return Ok((rows, sources)),
        }
    }
}

/// How many rows the public sees in a download.
async fn public_rows(state: &AppState, d: &Download) -> Option<u64> {
    let request = async_graphql::Request::new(format!("{{ {} {{ totalCount }} }}", d.list));
    let (response, _) = execute_as_public(state, request).await;
    let data = response.data.into_json().ok()?;
    data[d.list]["totalCount"].as_u64()
}

/// The lines of one page of a download: CSV records, or JSON rows after the first.
fn page_text(
    d: &Download,
    format: &str,
    rows: &[serde_json::Map<String, Value>],
    first: bool,
) -> Result<String, ()> {
    if format == "json" {
        let mut out = String::new();
        for (i, row) in rows.iter().enumerate() {
            if !(first && i == 0) {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(row).map_err(|_| ())?);
        }
        return Ok(out);
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    if first {
        out.write_record(d.columns).map_err(|_| ())?;
    }
    for row in rows {
        let record: Vec<String> = d
            .columns
            .iter()
            .map(|c| csv_cell(row.get(*c).unwrap_or(&Value::Null)))
            .collect();
        out.write_record(&record).map_err(|_| ())?;
    }
    String::from_utf8(out.into_inner().map_err(|_| ())?).map_err(|_| ())
}

/// A download too large to hold: written page by page as it is read, never whole in memory.
fn streamed(
    state: web::Data<AppState>,
    d: Download,
    name: &str,
    format: &'static str,
) -> HttpResponse {
    struct Cursor {
        after: Option<String>,
        first: bool,
        done: bool,
    }
    let start = Cursor {
        after: None,
        first: true,
        done: false,
    };
    let stream = futures_util::stream::unfold(start, move |cursor| {
        let state = state.clone();
        async move {
            if cursor.done {
                return None;
            }
            let chunk = async {
                let (rows, _, next) = fetch_page(&state, &d, cursor.after.clone()).await?;
                let mut text = String::new();
                if cursor.first && format == "json" {
                    text.push_str(&format!(r#"{{"columns":{},"rows":["#, json!(d.columns)));
                }
                text.push_str(&page_text(&d, format, &rows, cursor.first)?);
                if next.is_none() && format == "json" {
                    text.push_str("]}");
                }
                Ok::<_, ()>((text, next))
            }
            .await;
            match chunk {
                Ok((text, next)) => Some((
                    Ok::<_, std::io::Error>(web::Bytes::from(text)),
                    Cursor {
                        done: next.is_none(),
                        after: next,
                        first: false,
                    },
                )),
                Err(()) => Some((
                    Err(std::io::Error::other("open-data page failed")),
                    Cursor {
                        done: true,
                        ..cursor
                    },
                )),
            }
        }
    });
    HttpResponse::Ok()
        .content_type(media_of(format))
        .insert_header(("Cache-Control", "public, max-age=300"))
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}.{format}\""),
        ))
        .streaming(stream)
}

fn media_of(format: &str) -> &'static str {
    if format == "json" {
        "application/json; charset=utf-8"
    } else {
        "text/csv; charset=utf-8"
    }
}

/// A cell of a CSV download; lists are `;`-separated, as in the records.
fn csv_cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(csv_cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

/// `GET /open-data/{dataset}.csv` and `.json`: UTF-8, stable columns, from the public cache.
pub async fn file(path: web::Path<String>, state: web::Data<AppState>) -> HttpResponse {
    let file = path.into_inner();
    let (name, format) = match file.rsplit_once('.') {
        Some((name, "csv")) => (name, "csv"),
        Some((name, "json")) => (name, "json"),
        _ => return HttpResponse::NotFound().json(json!({ "error": "use .csv or .json" })),
    };
    let Some(d) = download(name) else {
        return HttpResponse::NotFound().json(json!({
            "error": format!("no download for `{name}`"),
            "available": DOWNLOADS,
        }));
    };
    let key = format!(
        "open-data-file:{}:{name}.{format}",
        state.cache.schema_version()
    );
    let serve = |entry: &crate::cache::Entry| {
        HttpResponse::Ok()
            .content_type(media_of(format))
            .insert_header((
                "Cache-Control",
                format!("public, max-age={}", entry.max_age()),
            ))
            .insert_header(("ETag", entry.etag.as_str()))
            .insert_header((
                "Content-Disposition",
                format!("attachment; filename=\"{name}.{format}\""),
            ))
            .body(entry.bytes.clone())
    };
    if let Some(entry) = state.cache.lookup(&key).await {
        return serve(&entry);
    }
    // Not stored: a large set is streamed (and never stored whole), a small one made once.
    match public_rows(&state, &d).await {
        Some(rows) if rows > state.settings.open_data_stream_rows => {
            return streamed(state, d, name, format);
        }
        Some(_) => {}
        None => return unavailable(),
    }
    let flight = state
        .cache
        .get_or_compute(&key, || async {
            let (rows, sources) = download_rows(&state, &d).await?;
            let body = if format == "json" {
                serde_json::to_string(&json!({ "columns": d.columns, "rows": rows }))
                    .map_err(|_| ())?
            } else {
                page_text(&d, format, &rows, true)?
            };
            Ok::<_, ()>((body, sources))
        })
        .await;
    match flight {
        Flight::Entry(entry) => serve(&entry),
        Flight::Own(()) | Flight::Alone => unavailable(),
    }
}

fn ckan(result: Value) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .json(json!({ "help": "CKAN-style action API of mofa-graph", "success": true, "result": result }))
}

fn ckan_error(status: u16, kind: &str, message: &str) -> HttpResponse {
    HttpResponse::build(
        actix_web::http::StatusCode::from_u16(status)
            .unwrap_or(actix_web::http::StatusCode::BAD_REQUEST),
    )
    .insert_header(("Cache-Control", "no-store"))
    .json(json!({
        "help": "CKAN-style action API of mofa-graph",
        "success": false,
        "error": { "__type": kind, "message": message },
    }))
}

/// A dataset as CKAN's `package_show` gives it.
fn package(d: &Value, base: &str) -> Value {
    let code = d["code"].as_str().unwrap_or_default();
    let provider = &d["provider"];
    json!({
        "id": code,
        "name": code,
        "title": d["nameEn"],
        "title_translated": { "vi": d["nameVi"], "en": d["nameEn"] },
        "notes": d["descriptionEn"],
        "notes_translated": { "vi": d["descriptionVi"], "en": d["descriptionEn"] },
        "organization": { "name": provider["code"], "title": provider["nameEn"], "title_translated": { "vi": provider["nameVi"], "en": provider["nameEn"] } },
        "license_id": "cc-by",
        "license_url": LICENCE,
        "url": d["website"].as_str().map(|s| format!("https://{s}")),
        "state": "active",
        "type": "dataset",
        "tags": keywords(d).into_iter().map(|k| json!({ "name": k })).collect::<Vec<_>>(),
        "extras": [
            { "key": "frequency", "value": d["frequencies"].as_array().into_iter().flatten().map(|f| f["code"].clone()).collect::<Vec<_>>() },
            { "key": "frequency_vi", "value": d["frequencyVi"] },
            { "key": "first_published", "value": d["firstPublishedVi"] },
        ],
        "num_resources": 1,
        "resources": [{
            "id": format!("{code}-graphql"),
            "name": "GraphQL API",
            "url": format!("{base}/graphql"),
            "format": "GraphQL",
            "mimetype": "application/graphql-response+json",
        }],
    })
}

fn datasets(data: &Value) -> Vec<Value> {
    data["catalog"]["openDatasets"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

pub async fn package_list(state: web::Data<AppState>) -> HttpResponse {
    let Some(data) = catalogue(&state).await else {
        return unavailable();
    };
    ckan(datasets(&data).iter().map(|d| d["code"].clone()).collect())
}

pub async fn package_show(
    req: HttpRequest,
    query: web::Query<HashMap<String, String>>,
    state: web::Data<AppState>,
) -> HttpResponse {
    let Some(id) = query.get("id") else {
        return ckan_error(409, "Validation Error", "id: Missing value");
    };
    let Some(data) = catalogue(&state).await else {
        return unavailable();
    };
    match datasets(&data).iter().find(|d| d["code"] == id.as_str()) {
        Some(d) => ckan(package(d, &base_url(&req))),
        None => ckan_error(404, "Not Found Error", "Not found"),
    }
}

pub async fn package_search(
    req: HttpRequest,
    query: web::Query<HashMap<String, String>>,
    state: web::Data<AppState>,
) -> HttpResponse {
    // CKAN's own words for a bad number.
    let number = |name: &str, default: usize| -> Result<usize, String> {
        match query.get(name) {
            None => Ok(default),
            Some(v) => v.parse().map_err(|_| format!("{name}: Invalid integer")),
        }
    };
    let (rows, start) = match (number("rows", 10), number("start", 0)) {
        (Ok(rows), Ok(start)) => (rows.min(1000), start),
        (Err(e), _) | (_, Err(e)) => return ckan_error(409, "Validation Error", &e),
    };
    let Some(data) = catalogue(&state).await else {
        return unavailable();
    };
    let q = query
        .get("q")
        .map(|q| q.trim().to_lowercase())
        .filter(|q| !q.is_empty() && q != "*:*");
    let base = base_url(&req);
    let matching: Vec<Value> = datasets(&data)
        .iter()
        .filter(|d| {
            q.as_ref().is_none_or(|q| {
                ["code", "nameVi", "nameEn", "descriptionVi", "descriptionEn"]
                    .iter()
                    .any(|f| {
                        d[*f]
                            .as_str()
                            .is_some_and(|t| t.to_lowercase().contains(q.as_str()))
                    })
            })
        })
        .map(|d| package(d, &base))
        .collect();
    ckan(json!({
        "count": matching.len(),
        "results": matching.into_iter().skip(start).take(rows).collect::<Vec<_>>(),
    }))
}
