//! `/graphql`: GraphQL over HTTP (the GraphQL-over-HTTP specification), written around
//! async-graphql rather than through its actix integration, which executes mutations sent over
//! GET, treats a missing content type as JSON, reads bodies without limit and answers 200 for
//! everything.

use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::{
    Value, Variables,
    parser::types::{DocumentOperations, OperationType},
};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{Map, Value as Json};

use super::{
    error::HttpError,
    media::{ResponseMediaType, require_json_body},
};
use std::sync::Arc;

use graphql::policy::{Audience, Disclosures, Principal};

use crate::{
    audit, auth,
    cache::{Entry, Flight, key},
    partners,
    state::AppState,
    telemetry::RequestId,
};

/// The parameters of one GraphQL-over-HTTP request, whichever method carried them.
#[derive(Clone)]
struct GraphqlParams {
    /// Empty when the request sends only the hash of a persisted query.
    query: String,
    /// `extensions.persistedQuery.sha256Hash` (automatic persisted queries, as Apollo's).
    persisted_hash: Option<String>,
    operation_name: Option<String>,
    variables: Option<Map<String, Json>>,
}

/// Query-string parameters of a GET request; `variables` and `extensions` are JSON text.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GetParams {
    query: Option<String>,
    operation_name: Option<String>,
    variables: Option<String>,
    extensions: Option<String>,
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let media = match ResponseMediaType::negotiate(&req) {
        Ok(media) => media,
        Err(err) => return err.into_response(None),
    };
    let principal = match authenticate(&req, &state).await {
        Ok(principal) => principal,
        Err(err) => return err.into_response(Some(media)),
    };
    // A public GET seen before is answered from its exact query string: no decoding, no
    // parsing. The memo is filled below when the same string is first served from the cache.
    let raw_get = (state.settings.cache_enabled && principal.audience == Audience::Public)
        .then(|| key::raw_get_key(state.cache.schema_version(), req.query_string()));
    if let Some(raw) = &raw_get
        && let Some(entry) = state.cache.lookup_raw(raw).await
    {
        return cached_response(&entry, media, &req);
    }
    match get_params(&req) {
        Ok(params) => execute(&state, principal, &req, params, media, Some(raw_get)).await,
        Err(err) => err.into_response(Some(media)),
    }
}

pub async fn post(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
) -> HttpResponse {
    let media = match ResponseMediaType::negotiate(&req) {
        Ok(media) => media,
        Err(err) => return err.into_response(None),
    };
    let principal = match authenticate(&req, &state).await {
        Ok(principal) => principal,
        Err(err) => return err.into_response(Some(media)),
    };
    let params = async {
        require_json_body(&req)?;
        let body = read_body(&req, payload, state.settings.max_body_bytes).await?;
        post_params(&body)
    };
    match params.await {
        Ok(params) => execute(&state, principal, &req, params, media, None).await,
        Err(err) => err.into_response(Some(media)),
    }
}

/// Any other method on `/graphql`.
pub async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    let media = ResponseMediaType::negotiate(&req).ok();
    HttpError::MethodNotAllowed {
        allow: "GET, POST",
        message: "use GET for queries or POST for any operation",
    }
    .into_response(media)
}

fn get_params(req: &HttpRequest) -> Result<GraphqlParams, HttpError> {
    let params = web::Query::<GetParams>::from_query(req.query_string())
        .map_err(|e| HttpError::BadRequest(format!("invalid query string: {e}")))?
        .into_inner();
    let variables = params
        .variables
        .map(|text| json_object("variables", &text))
        .transpose()?;
    let persisted_hash = match params.extensions {
        Some(text) => persisted_hash(&json_object("extensions", &text)?)?,
        None => None,
    };
    let query = match (params.query, &persisted_hash) {
        (Some(query), _) => query,
        (None, Some(_)) => String::new(),
        (None, None) => {
            return Err(HttpError::BadRequest(
                "the `query` parameter is required".to_owned(),
            ));
        }
    };
    Ok(GraphqlParams {
        query,
        persisted_hash,
        operation_name: params.operation_name,
        variables,
    })
}

/// The hash of `extensions.persistedQuery`, if the request uses one.
fn persisted_hash(extensions: &Map<String, Json>) -> Result<Option<String>, HttpError> {
    let Some(persisted) = extensions.get("persistedQuery") else {
        return Ok(None);
    };
    let version = persisted.get("version").and_then(Json::as_u64);
    let hash = persisted.get("sha256Hash").and_then(Json::as_str);
    match (version, hash) {
        (Some(1), Some(hash))
            if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            Ok(Some(hash.to_ascii_lowercase()))
        }
        _ => Err(HttpError::BadRequest(
            "`extensions.persistedQuery` must be version 1 with a sha256Hash of 64 hex digits"
                .to_owned(),
        )),
    }
}

fn json_object(name: &str, text: &str) -> Result<Map<String, Json>, HttpError> {
    match serde_json::from_str(text) {
        Ok(Json::Object(map)) => Ok(map),
        Ok(_) => Err(HttpError::BadRequest(format!(
            "`{name}` must be a JSON object"
        ))),
        Err(e) => Err(HttpError::BadRequest(format!("`{name}` is not JSON: {e}"))),
    }
}

async fn read_body(
    req: &HttpRequest,
    mut payload: web::Payload,
    limit: usize,
) -> Result<web::BytesMut, HttpError> {
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return Err(HttpError::PayloadTooLarge { limit });
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| HttpError::BadRequest(format!("cannot read the body: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(HttpError::PayloadTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn post_params(body: &[u8]) -> Result<GraphqlParams, HttpError> {
    if body.is_empty() {
        return Err(HttpError::BadRequest(
            "the request body is empty".to_owned(),
        ));
    }
    let mut object = match serde_json::from_slice::<Json>(body) {
        Ok(Json::Object(object)) => object,
        Ok(Json::Array(_)) => {
            return Err(HttpError::BadRequest(
                "batched requests are not supported; send one operation per request".to_owned(),
            ));
        }
        Ok(_) => {
            return Err(HttpError::BadRequest(
                "the body must be a JSON object".to_owned(),
            ));
        }
        Err(e) => return Err(HttpError::BadRequest(format!("the body is not JSON: {e}"))),
    };
    let persisted_hash = match object.get("extensions") {
        Some(Json::Object(extensions)) => persisted_hash(extensions)?,
        _ => None,
    };
    let query = match (object.remove("query"), &persisted_hash) {
        (Some(Json::String(query)), _) => query,
        (None | Some(Json::Null), Some(_)) => String::new(),
        (Some(_), _) => return Err(HttpError::BadRequest("`query` must be a string".to_owned())),
        (None, None) => return Err(HttpError::BadRequest("`query` is required".to_owned())),
    };
    let operation_name = match object.remove("operationName") {
        None | Some(Json::Null) => None,
        Some(Json::String(name)) => Some(name),
        Some(_) => {
            return Err(HttpError::BadRequest(
                "`operationName` must be a string".to_owned(),
            ));
        }
    };
    let variables = match object.remove("variables") {
        None | Some(Json::Null) => None,
        Some(Json::Object(map)) => Some(map),
        Some(_) => {
            return Err(HttpError::BadRequest(
                "`variables` must be an object".to_owned(),
            ));
        }
    };
    match object.remove("extensions") {
        None | Some(Json::Null) | Some(Json::Object(_)) => {}
        Some(_) => {
            return Err(HttpError::BadRequest(
                "`extensions` must be an object".to_owned(),
            ));
        }
    }
    Ok(GraphqlParams {
        query,
        persisted_hash,
        operation_name,
        variables,
    })
}

/// The caller: the public without a token, else who the token says, or 401. A revoked token
/// is refused; a partner's scopes are cut down to its active grants.
async fn authenticate(req: &HttpRequest, state: &AppState) -> Result<Principal, HttpError> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or_default());
    let refused = |reason: &dyn std::fmt::Display| {
        tracing::info!(%reason, "token refused");
        HttpError::Unauthenticated
    };
    let token = match auth::bearer(header) {
        Ok(None) => return Ok(Principal::public()),
        Ok(Some(token)) => token,
        Err(reason) => return Err(refused(&reason)),
    };
    let mut principal = state.auth.principal(token).await.map_err(|r| refused(&r))?;
    let meta = state.sources.get(entities::Source::Meta);
    let internal = |err: sea_orm::DbErr| {
        tracing::error!(error = %err, "cannot check a token against meta");
        HttpError::Internal
    };
    if let Some(jti) = &principal.token_id
        && partners::is_revoked(meta, jti).await.map_err(internal)?
    {
        return Err(refused(&"revoked"));
    }
    if principal.audience == graphql::policy::Audience::Partner {
        let client = principal.client_id.clone().unwrap_or_default();
        let granted = partners::active_services(meta, &client)
            .await
            .map_err(internal)?;
        principal.scopes.retain(|s| granted.contains(s));
    }
    Ok(principal)
}

/// Why a persisted query could not be used: a GraphQL error with a stable code, as clients of
/// automatic persisted queries expect.
struct PersistedQueryError {
    code: &'static str,
    message: &'static str,
    status: u16,
}

impl PersistedQueryError {
    fn into_response(self, media: ResponseMediaType) -> HttpResponse {
        let status = if media == ResponseMediaType::GraphqlResponseJson {
            self.status
        } else {
            200
        };
        HttpResponse::build(
            actix_web::http::StatusCode::from_u16(status)
                .unwrap_or(actix_web::http::StatusCode::BAD_REQUEST),
        )
        .content_type(media.content_type())
        .insert_header(("Cache-Control", "no-store"))
        .body(
            serde_json::json!({
                "errors": [{ "message": self.message, "extensions": { "code": self.code } }]
            })
            .to_string(),
        )
    }
}

/// Fills in the text of a persisted query from its hash, or registers a new one.
async fn resolve_persisted(
    state: &AppState,
    mut params: GraphqlParams,
) -> Result<GraphqlParams, PersistedQueryError> {
    let Some(hash) = &params.persisted_hash else {
        return Ok(params);
    };
    if params.query.is_empty() {
        match state.cache.persisted_query(hash).await {
            Some(query) => params.query = query,
            None => {
                return Err(PersistedQueryError {
                    code: "PERSISTED_QUERY_NOT_FOUND",
                    message: "PersistedQueryNotFound",
                    status: 200,
                });
            }
        }
    } else if audit::operation_hash(&params.query) != *hash {
        return Err(PersistedQueryError {
            code: "BAD_REQUEST",
            message: "the sha256Hash does not match the query",
            status: 400,
        });
    } else {
        state.cache.persist_query(hash, &params.query).await;
    }
    Ok(params)
}

fn build_request(params: &GraphqlParams) -> async_graphql::Request {
    let mut request = async_graphql::Request::new(params.query.clone());
    if let Some(name) = &params.operation_name {
        request = request.operation_name(name);
    }
    if let Some(variables) = &params.variables {
        request = request.variables(Variables::from_json(Json::Object(variables.clone())));
    }
    request
}

async fn execute(
    state: &AppState,
    principal: Principal,
    req: &HttpRequest,
    params: GraphqlParams,
    media: ResponseMediaType,
    // For GET: the memo key of its exact query string (public requests only).
    raw_get: Option<Option<String>>,
) -> HttpResponse {
    let over_get = raw_get.is_some();
    let raw_get = raw_get.flatten();
    let params = match resolve_persisted(state, params).await {
        Ok(params) => params,
        Err(response) => return response.into_response(media),
    };
    // A public request seen before is answered from the cache without being parsed.
    let cache_on = state.settings.cache_enabled && principal.audience == Audience::Public;
    let raw = cache_on.then(|| {
        key::raw_key(
            state.cache.schema_version(),
            &params.query,
            params.operation_name.as_deref(),
            params.variables.as_ref(),
        )
    });
    if let Some(raw) = &raw
        && let Some(entry) = state.cache.lookup_raw(raw).await
    {
        if let Some(raw_get) = raw_get {
            state.cache.alias_raw(raw, raw_get).await;
        }
        return cached_response(&entry, media, req);
    }
    let limits = state.settings.limits.of(principal.audience);
    if params.query.len() > limits.document_bytes {
        return respond(
            limit_exceeded(format!(
                "the document has {} bytes; {} requests may have {}",
                params.query.len(),
                principal.audience.as_str(),
                limits.document_bytes
            )),
            media,
        );
    }
    let mut request = build_request(&params);
    // Parsed once here; async-graphql reuses the parsed document.
    let (mutation, cache_key) = match request.parsed_query() {
        Ok(document) => {
            let aliases = count_aliases(document);
            if aliases > limits.aliases {
                return respond(
                    limit_exceeded(format!(
                        "the document has {aliases} aliases; {} requests may have {}",
                        principal.audience.as_str(),
                        limits.aliases
                    )),
                    media,
                );
            }
            let mutation = selects_mutation(&document.operations, params.operation_name.as_deref());
            let cacheable = cache_on && !mutation;
            let key = cacheable.then(|| {
                key::response_key(
                    state.cache.schema_version(),
                    document,
                    params.operation_name.as_deref(),
                    params.variables.as_ref(),
                )
            });
            (mutation, key)
        }
        Err(error) => return respond(async_graphql::Response::from_errors(vec![error]), media),
    };
    if over_get && mutation {
        // GET must not change anything.
        return HttpError::MethodNotAllowed {
            allow: "POST",
            message: "mutations are accepted over POST only",
        }
        .into_response(Some(media));
    }
    let request_id = RequestId::of(req);
    let Some(key) = cache_key else {
        return match run(state, principal, request, &request_id, &params.query).await {
            Ok((response, _)) => respond(response, media),
            Err(refusal) => refusal,
        };
    };

    // Public: from the cache, or executed once however many ask at the same time.
    let flight = state
        .cache
        .get_or_compute(&key, || async {
            match run(
                state,
                principal.clone(),
                request,
                &request_id,
                &params.query,
            )
            .await
            {
                Ok((response, trace)) => {
                    let storable = response.errors.is_empty()
                        && response.data != Value::Null
                        && trace.snapshot().is_empty();
                    match (storable, serde_json::to_string(&response)) {
                        (true, Ok(body)) => Ok((body, trace.sources())),
                        _ => Err(Ok(response)),
                    }
                }
                Err(refusal) => Err(Err(refusal)),
            }
        })
        .await;
    match flight {
        Flight::Entry(entry) => {
            if let Some(raw) = raw {
                state.cache.remember_raw(raw, &key, entry.clone()).await;
            }
            if let Some(raw_get) = raw_get {
                state.cache.remember_raw(raw_get, &key, entry.clone()).await;
            }
            cached_response(&entry, media, req)
        }
        Flight::Own(Ok(response)) => respond(response, media),
        Flight::Own(Err(refusal)) => refusal,
        // Another request made this response and it could not be stored: make our own.
        Flight::Alone => {
            match run(
                state,
                principal,
                build_request(&params),
                &request_id,
                &params.query,
            )
            .await
            {
                Ok((response, _)) => respond(response, media),
                Err(refusal) => refusal,
            }
        }
    }
}

/// Executes a request for `principal`, and writes the audit entry of what it disclosed; the
/// response is withheld when that entry cannot be written.
async fn run(
    state: &AppState,
    principal: Principal,
    request: async_graphql::Request,
    request_id: &str,
    query: &str,
) -> Result<(async_graphql::Response, Arc<Disclosures>), HttpResponse> {
    let trace = Arc::new(Disclosures::default());
    let audited = principal.clone();
    let request = graphql::prepare(request, principal, &state.sources, trace.clone())
        .data(graphql::RequestId(request_id.to_owned()));
    let timeout = state.settings.limits.of(audited.audience).timeout_ms;
    let mut response = match tokio::time::timeout(
        std::time::Duration::from_millis(timeout),
        state.schema.execute(request),
    )
    .await
    {
        Ok(response) => response,
        Err(_) => limit_exceeded(format!("the request ran longer than {timeout} ms")),
    };
    // Unexpected failures carry the request id, so that the caller can quote it and the
    // operator find the cause in the log.
    for error in &mut response.errors {
        let internal = error
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .is_some_and(|code| *code == Value::from("INTERNAL"));
        if internal && let Some(extensions) = error.extensions.as_mut() {
            extensions.set("requestId", request_id);
        }
    }
    let mut disclosed = trace.snapshot();
    // Committed writes: the cache forgets what read their sources, on every node, and each
    // write joins the audit entry.
    let writes = trace.writes();
    for source in writes
        .iter()
        .map(|w| w.source)
        .collect::<std::collections::BTreeSet<_>>()
    {
        state.cache.invalidate(source).await;
    }
    for write in &writes {
        *disclosed
            .entry(format!("{} {} v{}", write.action, write.id, write.version))
            .or_default() += 1;
    }
    if !disclosed.is_empty() {
        let appended = state
            .audit
            .append(
                state.sources.get(entities::Source::Meta),
                &audited,
                request_id,
                audit::operation_hash(query),
                &disclosed,
            )
            .await;
        if let Err(err) = appended {
            tracing::error!(error = %err, "cannot write the data-access audit; response withheld");
            return Err(HttpError::Internal.into_response(None));
        }
    }
    Ok((response, trace))
}

/// A stored public response, or 304 when the client holds it already.
fn cached_response(entry: &Entry, media: ResponseMediaType, req: &HttpRequest) -> HttpResponse {
    let cache_control = format!("public, max-age={}", entry.max_age());
    let matches = req
        .headers()
        .get_all(actix_web::http::header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == entry.etag || tag == "*");
    let mut builder = if matches {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    builder
        .insert_header(("ETag", entry.etag.as_str()))
        .insert_header(("Cache-Control", cache_control))
        .insert_header(("Vary", "Accept, Authorization"));
    if matches {
        return builder.finish();
    }
    builder
        .content_type(media.content_type())
        .body(entry.bytes.clone())
}

/// Whether the operation the request selects is a mutation.
fn selects_mutation(operations: &DocumentOperations, operation_name: Option<&str>) -> bool {
    let operation = match (operations, operation_name) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name),
        (DocumentOperations::Multiple(_), None) => None,
    };
    operation.is_some_and(|op| op.node.ty == OperationType::Mutation)
}

/// Writes a GraphQL response. A request error (the document did not parse or validate, or the
/// variables did not coerce: no data and no error with a path) has no `data` entry and, under
/// `application/graphql-response+json`, the status 400.
/// A request refused for one of its audience's limits: `LIMIT_EXCEEDED`, saying which.
fn limit_exceeded(message: String) -> async_graphql::Response {
    let mut error = async_graphql::ServerError::new(message, None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", graphql::ErrorCode::LimitExceeded.as_str());
    error.extensions = Some(extensions);
    async_graphql::Response::from_errors(vec![error])
}

/// The aliased fields of a document, in its operations and fragments.
fn count_aliases(document: &async_graphql::parser::types::ExecutableDocument) -> usize {
    use async_graphql::parser::types::{Selection, SelectionSet};
    fn count(set: &SelectionSet) -> usize {
        set.items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => {
                    usize::from(field.node.alias.is_some()) + count(&field.node.selection_set.node)
                }
                Selection::InlineFragment(inline) => count(&inline.node.selection_set.node),
                Selection::FragmentSpread(_) => 0,
            })
            .sum()
    }
    document
        .operations
        .iter()
        .map(|(_, operation)| count(&operation.node.selection_set.node))
        .chain(
            document
                .fragments
                .values()
                .map(|fragment| count(&fragment.node.selection_set.node)),
        )
        .sum()
}

fn respond(response: async_graphql::Response, media: ResponseMediaType) -> HttpResponse {
    let request_error = response.data == Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty());
    let body = if request_error {
        serde_json::to_vec(&serde_json::json!({ "errors": response.errors }))
    } else {
        serde_json::to_vec(&response)
    };
    let body = match body {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(error = %err, "cannot serialise a GraphQL response");
            return HttpResponse::InternalServerError()
                .content_type(media.content_type())
                .body(
                    r#"{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}"#,
                );
        }
    };
    let mut builder = if request_error && media == ResponseMediaType::GraphqlResponseJson {
        HttpResponse::BadRequest()
    } else {
        HttpResponse::Ok()
    };
    builder
        .content_type(media.content_type())
        .insert_header(("Vary", "Accept, Authorization"))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(body)
}
