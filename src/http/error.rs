//! Errors of the HTTP layer: requests refused before GraphQL sees them (wrong method, media type,
//! size, malformed body). Each carries its status and a stable code; the body has the shape of a
//! GraphQL response with `errors` only, so clients parse one format. Errors raised while
//! executing an operation belong to the `graphql` crate.

use actix_web::{HttpResponse, http::StatusCode};
use serde_json::json;

use super::media::ResponseMediaType;

#[derive(Debug)]
pub enum HttpError {
    /// 400 `BAD_REQUEST`: the body or parameters are not a GraphQL-over-HTTP request.
    BadRequest(String),
    /// 401 `UNAUTHENTICATED`: the bearer token is invalid. Why goes to the log, not to the
    /// client.
    Unauthenticated,
    /// 500 `INTERNAL`: something failed on our side; the cause went to the log.
    Internal,
    /// 405 `METHOD_NOT_ALLOWED`, with the methods that are allowed.
    MethodNotAllowed {
        allow: &'static str,
        message: &'static str,
    },
    /// 406 `NOT_ACCEPTABLE`: the `Accept` header admits no media type we produce.
    NotAcceptable,
    /// 413 `PAYLOAD_TOO_LARGE`: the body exceeds the configured limit.
    PayloadTooLarge { limit: usize },
    /// 415 `UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json` in UTF-8.
    UnsupportedMediaType(String),
    /// 400 `LIMIT_EXCEEDED`: over one of the audience's limits before GraphQL is reached (a
    /// batch too long).
    LimitExceeded(String),
    /// 429 `RATE_LIMITED`: the caller sent more than its rate; it may retry after the given
    /// seconds (`Retry-After`).
    RateLimited { retry_after_secs: u64 },
    /// 503 `SOURCE_UNAVAILABLE`: a database the request cannot do without (`meta`, which
    /// tokens are checked against) is not answering.
    SourceUnavailable,
}

impl HttpError {
    fn status(&self) -> StatusCode {
        match self {
            HttpError::BadRequest(_) => StatusCode::BAD_REQUEST,
            HttpError::Unauthenticated => StatusCode::UNAUTHORIZED,
            HttpError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            HttpError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            HttpError::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            HttpError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            HttpError::LimitExceeded(_) => StatusCode::BAD_REQUEST,
            HttpError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            HttpError::SourceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            HttpError::BadRequest(_) => "BAD_REQUEST",
            HttpError::Unauthenticated => "UNAUTHENTICATED",
            HttpError::Internal => "INTERNAL",
            HttpError::MethodNotAllowed { .. } => "METHOD_NOT_ALLOWED",
            HttpError::NotAcceptable => "NOT_ACCEPTABLE",
            HttpError::PayloadTooLarge { .. } => "PAYLOAD_TOO_LARGE",
            HttpError::UnsupportedMediaType(_) => "UNSUPPORTED_MEDIA_TYPE",
            HttpError::LimitExceeded(_) => "LIMIT_EXCEEDED",
            HttpError::RateLimited { .. } => "RATE_LIMITED",
            HttpError::SourceUnavailable => "SOURCE_UNAVAILABLE",
        }
    }

    fn message(&self) -> String {
        match self {
            HttpError::BadRequest(why) => why.clone(),
            HttpError::Unauthenticated => "invalid token".to_owned(),
            HttpError::Internal => "internal error".to_owned(),
            HttpError::MethodNotAllowed { message, .. } => (*message).to_owned(),
            HttpError::NotAcceptable => "the Accept header admits neither \
                application/graphql-response+json nor application/json"
                .to_owned(),
            HttpError::PayloadTooLarge { limit } => {
                format!("the request body exceeds the limit of {limit} bytes")
            }
            HttpError::UnsupportedMediaType(why) | HttpError::LimitExceeded(why) => why.clone(),
            HttpError::RateLimited { retry_after_secs } => {
                format!("too many requests; retry after {retry_after_secs} s")
            }
            HttpError::SourceUnavailable => {
                "a database this request needs is not answering; try again later".to_owned()
            }
        }
    }

    /// The response, in `media` (or `application/json` when negotiation itself failed).
    pub fn into_response(self, media: Option<ResponseMediaType>) -> HttpResponse {
        let media = media.unwrap_or(ResponseMediaType::Json);
        let mut response = HttpResponse::build(self.status());
        response
            .content_type(media.content_type())
            .insert_header(("Cache-Control", "no-store"));
        if let HttpError::MethodNotAllowed { allow, .. } = &self {
            response.insert_header(("Allow", *allow));
        }
        match &self {
            HttpError::RateLimited { retry_after_secs } => {
                response.insert_header(("Retry-After", retry_after_secs.to_string()));
            }
            HttpError::SourceUnavailable => {
                response.insert_header(("Retry-After", "5"));
            }
            _ => {}
        }
        if let HttpError::Unauthenticated = &self {
            response.insert_header(("WWW-Authenticate", r#"Bearer error="invalid_token""#));
        }
        response.body(
            json!({ "errors": [{ "message": self.message(), "extensions": { "code": self.code() } }] })
                .to_string(),
        )
    }
}
