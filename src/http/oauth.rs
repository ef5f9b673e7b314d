//! `POST /oauth/token`: the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) for partner
//! clients. The token's scope is what the client asked for, within its active grants (all of
//! them when it asks for none). Errors follow RFC 6749 §5.2.

use std::collections::{BTreeSet, HashMap};

use actix_web::{HttpRequest, HttpResponse, http::header, web};
use base64::{Engine, engine::general_purpose::STANDARD};
use entities::Source;
use graphql::policy::Service;
use serde_json::json;

use crate::{partners, state::AppState};

fn oauth_error(status: u16, error: &str, description: &str) -> HttpResponse {
    let mut response = HttpResponse::build(
        actix_web::http::StatusCode::from_u16(status)
            .unwrap_or(actix_web::http::StatusCode::BAD_REQUEST),
    );
    response.insert_header(("Cache-Control", "no-store"));
    if status == 401 {
        response.insert_header(("WWW-Authenticate", r#"Basic realm="mofa-graph""#));
    }
    response.json(json!({ "error": error, "error_description": description }))
}

/// Client credentials from HTTP Basic, else from the form.
fn client_credentials(
    req: &HttpRequest,
    form: &HashMap<String, String>,
) -> Option<(String, String)> {
    let basic = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b64| STANDARD.decode(b64.trim()).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|pair| {
            pair.split_once(':')
                .map(|(id, secret)| (id.to_owned(), secret.to_owned()))
        });
    basic.or_else(|| {
        Some((
            form.get("client_id")?.clone(),
            form.get("client_secret")?.clone(),
        ))
    })
}

pub async fn token(req: HttpRequest, body: web::Bytes, state: web::Data<AppState>) -> HttpResponse {
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return oauth_error(
            400,
            "invalid_request",
            "send application/x-www-form-urlencoded",
        );
    }
    let Ok(form) = serde_urlencoded::from_bytes::<HashMap<String, String>>(&body) else {
        return oauth_error(400, "invalid_request", "the form does not parse");
    };
    if form.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return oauth_error(400, "unsupported_grant_type", "only client_credentials");
    }
    let Some((client_id, secret)) = client_credentials(&req, &form) else {
        return oauth_error(401, "invalid_client", "client authentication failed");
    };
    let meta = state.sources.get(Source::Meta);
    let internal = |err: sea_orm::DbErr| {
        tracing::error!(error = %err, "token endpoint cannot read meta");
        oauth_error(500, "server_error", "internal error")
    };
    match partners::verify_secret(meta, &client_id, &secret).await {
        Ok(true) => {}
        Ok(false) => {
            tracing::info!(client_id, "client authentication failed");
            return oauth_error(401, "invalid_client", "client authentication failed");
        }
        Err(err) => return internal(err),
    }
    let granted = match partners::active_services(meta, &client_id).await {
        Ok(granted) => granted,
        Err(err) => return internal(err),
    };
    let requested: BTreeSet<Service> = match form.get("scope") {
        None => granted.clone(),
        Some(scope) => {
            let parsed: Result<BTreeSet<Service>, _> =
                scope.split_whitespace().map(str::parse).collect();
            match parsed {
                Ok(scopes) if scopes.is_subset(&granted) => scopes,
                _ => return oauth_error(400, "invalid_scope", "a scope the client is not granted"),
            }
        }
    };
    if requested.is_empty() {
        return oauth_error(400, "invalid_scope", "the client holds no active grant");
    }
    let ttl = state.settings.partner_token_ttl_secs;
    let scope = requested
        .iter()
        .map(|s| s.code())
        .collect::<Vec<_>>()
        .join(" ");
    let signed = state
        .auth
        .own
        .new_claims(&client_id, ttl)
        .and_then(|mut claims| {
            claims.scope = Some(scope.clone());
            claims.client_id = Some(client_id.clone());
            state.auth.own.sign(&claims).map_err(|e| e.to_string())
        });
    match signed {
        Ok(access_token) => HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(json!({
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": ttl,
                "scope": scope,
            })),
        Err(err) => {
            tracing::error!(error = %err, "cannot sign a partner token");
            oauth_error(500, "server_error", "internal error")
        }
    }
}
