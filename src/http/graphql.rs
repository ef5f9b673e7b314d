//! `/graphql`: GraphQL over HTTP (the GraphQL-over-HTTP specification), written around
//! async-graphql rather than through its actix integration, which executes mutations sent over
//! GET, treats a missing content type as JSON, reads bodies without limit and answers 200 for
//! everything.

use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::{
    Value, Variables,
    parser::types::{DocumentOperations, OperationDefinition, OperationType},
};
use futures_util::{FutureExt, StreamExt};
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
    configuration::AudienceLimits,
    metrics::OperationLabel,
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
    let principal = match admit(&req, &state).await {
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
    let principal = match admit(&req, &state).await {
        Ok(principal) => principal,
        Err(refusal) => return refusal.into_response(Some(media)),
    };
    let limits = state.settings.limits.of(principal.audience);
    let body = async {
        require_json_body(&req)?;
        let body_limit = limits.body_bytes.min(state.settings.max_body_bytes);
        let body = read_body(&req, payload, body_limit).await?;
        post_body(&body, limits.batch, principal.audience)
    };
    match body.await {
        Ok(PostBody::One(params)) => execute(&state, principal, &req, params, media, None).await,
        Ok(PostBody::Batch(operations)) => {
            execute_batch(&state, principal, &req, operations, media).await
        }
        Err(err) => err.into_response(Some(media)),
    }
}

/// The caller, once authenticated and within its rate.
async fn admit(req: &HttpRequest, state: &AppState) -> Result<Principal, HttpError> {
    let (principal, grant_quota) = authenticate(req, state).await?;
    state
        .rate_limiter
        .admit(req, &principal, grant_quota)
        .await?;
    Ok(principal)
}

/// `/graphql/schema.graphql`: the SDL of the caller's audience (the public's without a token),
/// which replaces introspection for those who may not introspect.
pub async fn schema(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let principal = match admit(&req, &state).await {
        Ok(principal) => principal,
        Err(err) => return err.into_response(None),
    };
    let cache_control = if principal.audience == Audience::Public {
        "public, max-age=3600"
    } else {
        "private, no-store"
    };
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header(("Cache-Control", cache_control))
        .insert_header(("Vary", "Authorization"))
        .body(graphql::sdl_for(&principal))
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

/// Whether the query string, percent-decoded, is UTF-8; the decoder would otherwise replace
/// what is not, and run a document the client did not send.
fn decodes_to_utf8(query_string: &str) -> bool {
    let bytes = query_string.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(high), Some(low)) if hex(high).is_some() && hex(low).is_some() => {
                decoded.push((hex(high).unwrap_or(0) * 16 + hex(low).unwrap_or(0)) as u8);
                i += 3;
            }
            (byte, _, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

fn get_params(req: &HttpRequest) -> Result<GraphqlParams, HttpError> {
    if !decodes_to_utf8(req.query_string()) {
        return Err(HttpError::BadRequest(
            "the query string is not UTF-8 once percent-decoded".to_owned(),
        ));
    }
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

/// A POST body: one operation, or a batch (a JSON array of them) where the audience may batch.
enum PostBody {
    One(GraphqlParams),
    Batch(Vec<GraphqlParams>),
}

/// What the server does with a request body before anything runs, for every audience: read
/// it as one operation or a batch, then check each document against the audience's limits.
/// The fuzz target drives this; whatever the bytes, it must return, never panic.
pub fn check_body(body: &[u8]) -> usize {
    let limits = crate::configuration::Limits::default();
    let mut admitted = 0;
    for audience in [Audience::Public, Audience::Partner, Audience::Staff] {
        let limits = limits.of(audience);
        let operations = match post_body(body, limits.batch, audience) {
            Ok(PostBody::One(params)) => vec![params],
            Ok(PostBody::Batch(operations)) => operations,
            Err(_) => continue,
        };
        for params in operations {
            if let Ok((mut request, _)) = check_document(&params, audience, &limits) {
                let _ = operation_label(&mut request);
                admitted += 1;
            }
        }
    }
    admitted
}

fn post_body(body: &[u8], batch_limit: usize, audience: Audience) -> Result<PostBody, HttpError> {
    if body.is_empty() {
        return Err(HttpError::BadRequest(
            "the request body is empty".to_owned(),
        ));
    }
    match serde_json::from_slice::<Json>(body) {
        Ok(Json::Object(object)) => Ok(PostBody::One(operation_params(object)?)),
        Ok(Json::Array(_)) if batch_limit == 0 => Err(HttpError::BadRequest(format!(
            "{} requests may not be batched; send one operation per request",
            audience.as_str()
        ))),
        Ok(Json::Array(items)) if items.is_empty() => {
            Err(HttpError::BadRequest("the batch is empty".to_owned()))
        }
        Ok(Json::Array(items)) if items.len() > batch_limit => {
            Err(HttpError::LimitExceeded(format!(
                "the batch has {} operations; {} requests may have {batch_limit}",
                items.len(),
                audience.as_str()
            )))
        }
        Ok(Json::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(index, item)| match item {
                Json::Object(object) => operation_params(object).map_err(|err| match err {
                    HttpError::BadRequest(why) => {
                        HttpError::BadRequest(format!("operation {index} of the batch: {why}"))
                    }
                    other => other,
                }),
                _ => Err(HttpError::BadRequest(format!(
                    "operation {index} of the batch must be a JSON object"
                ))),
            })
            .collect::<Result<_, _>>()
            .map(PostBody::Batch),
        Ok(_) => Err(HttpError::BadRequest(
            "the body must be a JSON object".to_owned(),
        )),
        Err(e) => Err(HttpError::BadRequest(format!("the body is not JSON: {e}"))),
    }
}

/// One operation of a POST body.
fn operation_params(mut object: Map<String, Json>) -> Result<GraphqlParams, HttpError> {
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
/// is refused; a partner's scopes are cut down to its active grants, whose quota comes along.
async fn authenticate(
    req: &HttpRequest,
    state: &AppState,
) -> Result<(Principal, Option<u32>), HttpError> {
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .map(|v| v.to_str().unwrap_or_default());
    let refused = |reason: &dyn std::fmt::Display| {
        tracing::info!(%reason, "token refused");
        HttpError::Unauthenticated
    };
    let token = match auth::bearer(header) {
        Ok(None) => return Ok((Principal::public(), None)),
        Ok(Some(token)) => token,
        Err(reason) => return Err(refused(&reason)),
    };
    let mut principal = state.auth.principal(token).await.map_err(|r| refused(&r))?;
    let meta = state.sources.get(entities::Source::Meta);
    let internal = |err: sea_orm::DbErr| {
        if graphql::source_unavailable(&err) {
            tracing::warn!(error = %err, "meta is unavailable; tokens cannot be checked");
            HttpError::SourceUnavailable
        } else {
            tracing::error!(error = %err, "cannot check a token against meta");
            HttpError::Internal
        }
    };
    if let Some(jti) = &principal.token_id
        && partners::is_revoked(meta, jti).await.map_err(internal)?
    {
        return Err(refused(&"revoked"));
    }
    let mut quota = None;
    if principal.audience == graphql::policy::Audience::Partner {
        let client = principal.client_id.clone().unwrap_or_default();
        let granted = partners::active_grants(meta, &client)
            .await
            .map_err(internal)?;
        principal
            .scopes
            .retain(|s| granted.services.contains_key(s));
        quota = granted.requests_per_minute(&principal.scopes);
    }
    Ok((principal, quota))
}

/// Why a persisted query could not be used: a GraphQL error with a stable code, as clients of
/// automatic persisted queries expect.
struct PersistedQueryError {
    code: &'static str,
    message: &'static str,
    status: u16,
}

impl PersistedQueryError {
    /// The refusal as one answer of a batch.
    fn graphql_response(&self) -> async_graphql::Response {
        let mut error = async_graphql::ServerError::new(self.message, None);
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", self.code);
        async_graphql::Response::from_errors(vec![error])
    }

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
    let (mut request, mutation) = match check_document(&params, principal.audience, &limits) {
        Ok(checked) => checked,
        Err(refusal) => return respond(*refusal, media),
    };
    if over_get && mutation {
        // GET must not change anything.
        return HttpError::MethodNotAllowed {
            allow: "POST",
            message: "mutations are accepted over POST only",
        }
        .into_response(Some(media));
    }
    let cache_key = match request.parsed_query() {
        Ok(document) if cache_on && !mutation => Some(key::response_key(
            state.cache.schema_version(),
            document,
            params.operation_name.as_deref(),
            params.variables.as_ref(),
        )),
        _ => None,
    };
    let request_id = RequestId::of(req);
    let Some(key) = cache_key else {
        return match run(state, principal, request, &request_id, &params.query).await {
            Ok((response, _)) => respond(response, media),
            Err(withheld) => withheld.into_response(media),
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
                Err(withheld) => Err(Err(withheld)),
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
        Flight::Own(Err(withheld)) => withheld.into_response(media),
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
                Err(withheld) => withheld.into_response(media),
            }
        }
    }
}

/// Runs the operations of a batch in order (a mutation's effect is seen by those after it)
/// and answers them in one array. Batches are never public, so never cached.
async fn execute_batch(
    state: &AppState,
    principal: Principal,
    req: &HttpRequest,
    operations: Vec<GraphqlParams>,
    media: ResponseMediaType,
) -> HttpResponse {
    let request_id = RequestId::of(req);
    let limits = state.settings.limits.of(principal.audience);
    let mut answers = b"[".to_vec();
    for params in operations {
        let response = match resolve_persisted(state, params).await {
            Err(refusal) => refusal.graphql_response(),
            Ok(params) => match check_document(&params, principal.audience, &limits) {
                Err(refusal) => *refusal,
                Ok((request, _)) => {
                    match run(
                        state,
                        principal.clone(),
                        request,
                        &request_id,
                        &params.query,
                    )
                    .await
                    {
                        Ok((response, _)) => response,
                        Err(withheld) => withheld.graphql_response(&request_id),
                    }
                }
            },
        };
        if answers.len() > 1 {
            answers.push(b',');
        }
        answers.extend(response_body(&response));
    }
    answers.push(b']');
    HttpResponse::Ok()
        .content_type(media.content_type())
        .insert_header(("Vary", "Accept, Authorization"))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(answers)
}

/// Checks a document against its audience's limits before anything runs, and parses it once
/// (execution reuses the parsed document). Returns the request and whether it selects a
/// mutation; a refusal is a GraphQL response with its code.
fn check_document(
    params: &GraphqlParams,
    audience: Audience,
    limits: &AudienceLimits,
) -> Result<(async_graphql::Request, bool), Box<async_graphql::Response>> {
    let over = |has: usize, what: &str, limit: usize| {
        Err(Box::new(limit_exceeded(format!(
            "the document has {has} {what}; {} requests may have {limit}",
            audience.as_str()
        ))))
    };
    if params.query.len() > limits.document_bytes {
        return over(params.query.len(), "bytes", limits.document_bytes);
    }
    let mut request = build_request(params);
    let document = match request.parsed_query() {
        Ok(document) => document,
        Err(error) => {
            return Err(Box::new(with_code(
                async_graphql::Response::from_errors(vec![error]),
                graphql::ErrorCode::GraphqlParseFailed,
            )));
        }
    };
    let counts = DocumentCounts::of(document);
    if counts.aliases > limits.aliases {
        return over(counts.aliases, "aliases", limits.aliases);
    }
    if counts.directives > limits.directives {
        return over(counts.directives, "directives", limits.directives);
    }
    if counts.introspection > 0 && !limits.introspection {
        return Err(Box::new(graphql::ErrorCode::Forbidden.response(format!(
            "introspection is not open to {} requests; this audience's schema is at \
             /graphql/schema.graphql",
            audience.as_str()
        ))));
    }
    let mutation = selects_mutation(&document.operations, params.operation_name.as_deref());
    Ok((request, mutation))
}

/// A response withheld because the audit entry of what it disclosed could not be written;
/// `unavailable` when that is because `meta` is not answering (the caller may retry).
struct Withheld {
    unavailable: bool,
}

impl Withheld {
    fn into_response(self, media: ResponseMediaType) -> HttpResponse {
        if self.unavailable {
            HttpError::SourceUnavailable.into_response(Some(media))
        } else {
            HttpError::Internal.into_response(Some(media))
        }
    }

    /// The same as one answer of a batch.
    fn graphql_response(self, request_id: &str) -> async_graphql::Response {
        if self.unavailable {
            graphql::ErrorCode::SourceUnavailable
                .response("the audit log is not answering; the response was withheld")
        } else {
            internal_error(request_id)
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
) -> Result<(async_graphql::Response, Arc<Disclosures>), Withheld> {
    let mut request = request;
    let operation = operation_label(&mut request);
    let trace = Arc::new(Disclosures::default());
    let audited = principal.clone();
    let limits = state.settings.limits.of(audited.audience);
    let rules = graphql::RequestRules {
        limits: graphql::OperationLimits {
            depth: limits.depth,
            complexity: limits.complexity,
        },
        introspection: limits.introspection,
    };
    let request = graphql::prepare(request, principal, rules, &state.sources, trace.clone())
        .data(graphql::RequestId(request_id.to_owned()));
    let started = std::time::Instant::now();
    let execution = std::panic::AssertUnwindSafe(state.schema.execute(request)).catch_unwind();
    let mut response = match tokio::time::timeout(
        std::time::Duration::from_millis(limits.timeout_ms),
        execution,
    )
    .await
    {
        Ok(Ok(response)) => response,
        Ok(Err(panic)) => {
            let cause = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(cause, "the execution of an operation panicked");
            internal_error(request_id)
        }
        Err(_) => limit_exceeded(format!(
            "the request ran longer than {} ms",
            limits.timeout_ms
        )),
    };
    mask_errors(&mut response, request_id);
    state
        .metrics
        .record_operation(audited.audience, &operation, &response, started.elapsed());
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
            let unavailable = graphql::source_unavailable(&err);
            if unavailable {
                tracing::warn!(error = %err, "the audit log is unavailable; response withheld");
            } else {
                tracing::error!(error = %err, "cannot write the data-access audit; response withheld");
            }
            return Err(Withheld { unavailable });
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

/// The operation a request selects, with its name: the one named by `operationName`, else the
/// only one of the document (named or not), as execution picks it.
fn selected_operation<'a>(
    operations: &'a DocumentOperations,
    operation_name: Option<&'a str>,
) -> Option<(Option<&'a str>, &'a OperationDefinition)> {
    match (operations, operation_name) {
        (DocumentOperations::Single(op), _) => Some((None, &op.node)),
        (DocumentOperations::Multiple(ops), Some(name)) => {
            ops.get(name).map(|op| (Some(name), &op.node))
        }
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops
            .iter()
            .next()
            .map(|(name, op)| (Some(name.as_str()), &op.node)),
        (DocumentOperations::Multiple(_), None) => None,
    }
}

/// Whether the operation the request selects is a mutation.
fn selects_mutation(operations: &DocumentOperations, operation_name: Option<&str>) -> bool {
    selected_operation(operations, operation_name)
        .is_some_and(|(_, op)| op.ty == OperationType::Mutation)
}

/// The metrics label of the operation a (parsed) request selects.
fn operation_label(request: &mut async_graphql::Request) -> OperationLabel {
    let name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return OperationLabel::new("unknown", None);
    };
    match selected_operation(&document.operations, name.as_deref()) {
        Some((name, op)) => OperationLabel::new(
            match op.ty {
                OperationType::Query => "query",
                OperationType::Mutation => "mutation",
                OperationType::Subscription => "subscription",
            },
            name,
        ),
        None => OperationLabel::new("unknown", None),
    }
}

/// A request refused for one of its audience's limits: `LIMIT_EXCEEDED`, saying which.
fn limit_exceeded(message: String) -> async_graphql::Response {
    graphql::ErrorCode::LimitExceeded.response(message)
}

/// `INTERNAL`, with the request id the operator finds the cause under.
fn internal_error(request_id: &str) -> async_graphql::Response {
    let mut response = graphql::ErrorCode::Internal.response("internal error");
    mask_errors(&mut response, request_id);
    response
}

/// Sets `code` on every error of `response`.
fn with_code(
    mut response: async_graphql::Response,
    code: graphql::ErrorCode,
) -> async_graphql::Response {
    for error in &mut response.errors {
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", code.as_str());
    }
    response
}

/// The last check before a response leaves: only known codes and their messages reach the
/// client. A request error without a code is a validation failure (its message describes the
/// caller's document); any other error without a known code is a fault of ours, logged in
/// full and sent as `INTERNAL` with the request id, which every `INTERNAL` carries.
fn mask_errors(response: &mut async_graphql::Response, request_id: &str) {
    use graphql::ErrorCode;
    let request_error = is_request_error(response);
    for error in &mut response.errors {
        let code = error
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .and_then(|code| match code {
                Value::String(code) => ErrorCode::parse(code),
                _ => None,
            });
        let code = match code {
            Some(code) => code,
            None if request_error => ErrorCode::GraphqlValidationFailed,
            None => {
                tracing::error!(
                    message = %error.message,
                    path = ?error.path,
                    "an error without a known code; sent as INTERNAL"
                );
                error.message = "internal error".to_owned();
                error.extensions = None;
                ErrorCode::Internal
            }
        };
        let extensions = error.extensions.get_or_insert_with(Default::default);
        extensions.set("code", code.as_str());
        if code == ErrorCode::Internal {
            extensions.set("requestId", request_id);
        }
    }
}

/// What a document asks that its audience's limits bound: aliased fields and directives, in
/// its operations and fragments.
#[derive(Debug, Default, PartialEq, Eq)]
struct DocumentCounts {
    aliases: usize,
    directives: usize,
    /// `__schema` and `__type` fields.
    introspection: usize,
}

impl DocumentCounts {
    fn of(document: &async_graphql::parser::types::ExecutableDocument) -> DocumentCounts {
        use async_graphql::parser::types::{Selection, SelectionSet};
        fn walk(set: &SelectionSet, counts: &mut DocumentCounts) {
            for item in &set.items {
                match &item.node {
                    Selection::Field(field) => {
                        counts.aliases += usize::from(field.node.alias.is_some());
                        let name = field.node.name.node.as_str();
                        counts.introspection += usize::from(name == "__schema" || name == "__type");
                        counts.directives += field.node.directives.len();
                        walk(&field.node.selection_set.node, counts);
                    }
                    Selection::InlineFragment(inline) => {
                        counts.directives += inline.node.directives.len();
                        walk(&inline.node.selection_set.node, counts);
                    }
                    Selection::FragmentSpread(spread) => {
                        counts.directives += spread.node.directives.len();
                    }
                }
            }
        }
        let mut counts = DocumentCounts::default();
        for (_, operation) in document.operations.iter() {
            counts.directives += operation.node.directives.len();
            walk(&operation.node.selection_set.node, &mut counts);
        }
        for fragment in document.fragments.values() {
            counts.directives += fragment.node.directives.len();
            walk(&fragment.node.selection_set.node, &mut counts);
        }
        counts
    }
}

/// A request error: the document did not parse or validate, or the variables did not coerce,
/// or a limit refused it. There is no data and no error with a path.
fn is_request_error(response: &async_graphql::Response) -> bool {
    response.data == Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|e| e.path.is_empty())
}

/// A response as JSON text; a request error has no `data` entry.
fn response_body(response: &async_graphql::Response) -> Vec<u8> {
    let body = if is_request_error(response) {
        serde_json::to_vec(&serde_json::json!({ "errors": response.errors }))
    } else {
        serde_json::to_vec(response)
    };
    body.unwrap_or_else(|err| {
        tracing::error!(error = %err, "cannot serialise a GraphQL response");
        br#"{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}"#.to_vec()
    })
}

/// Writes a GraphQL response. A request error has no `data` entry and, under
/// `application/graphql-response+json`, the status 400.
fn respond(response: async_graphql::Response, media: ResponseMediaType) -> HttpResponse {
    let request_error = is_request_error(&response);
    let body = response_body(&response);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_admitted_per_audience_and_nothing_panics() {
        let one = br#"{"query":"{ catalog { units { code } } }"}"#;
        // Every audience admits a plain query.
        assert_eq!(check_body(one), 3);
        // A batch of two: partners and staff, not the public.
        let batch = br#"[{"query":"{ a }"},{"query":"{ b }"}]"#;
        assert_eq!(check_body(batch), 4);
        // Aliases within staff's limit only.
        let aliases: String = (0..40).map(|i| format!("a{i}: x ")).collect();
        let many = json_body(&format!("{{ {aliases} }}"));
        assert_eq!(check_body(many.as_bytes()), 2);
        // Deep brackets stop at the parser's recursion limit instead of the stack.
        let deep = json_body(&format!("{}{}", "{ a ".repeat(10_000), "}".repeat(10_000)));
        assert_eq!(check_body(deep.as_bytes()), 0);
        for garbage in [
            &b""[..],
            b"[]",
            b"null",
            b"\xff\xfe",
            b"{\"query\":",
            b"[[[[[[[[",
        ] {
            assert_eq!(check_body(garbage), 0);
        }
    }

    fn json_body(query: &str) -> String {
        serde_json::json!({ "query": query }).to_string()
    }

    #[test]
    fn query_strings_must_decode_to_utf8() {
        assert!(decodes_to_utf8("query=%7B%20a%20%7D&variables=%7B%7D"));
        assert!(decodes_to_utf8("query=%E1%BB%87"));
        assert!(decodes_to_utf8("q=100%"));
        assert!(!decodes_to_utf8("query=%FF"));
        assert!(!decodes_to_utf8("query=%E1%BB"));
    }

    #[test]
    fn directives_and_aliases_are_counted_in_fragments_too() {
        let mut request = async_graphql::Request::new(
            "query Q @a { x: f @b { ...F } } fragment F on T @c { y: g @d @e { ... @f { z } } }",
        );
        let document = request.parsed_query().expect("parses");
        assert_eq!(
            DocumentCounts::of(document),
            DocumentCounts {
                aliases: 2,
                directives: 6,
                introspection: 0,
            }
        );
    }
}
