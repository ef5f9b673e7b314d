//! Errors of the GraphQL layer.
//!
//! Resolvers return [`ApiError`]; it reaches the client only as a stable code in
//! `extensions.code` and a plain message. Causes (database, decoding) are logged here, with their
//! whole chain, and never put into a response: a `?` on a `DbErr` must not leak SQL. HTTP-level
//! failures (bad content type, oversized body) belong to the server crate, not here.

use async_graphql::ErrorExtensions;
use sea_orm::DbErr;

/// The stable machine codes a client may see in `extensions.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    Forbidden,
    Unauthenticated,
    BadUserInput,
    Conflict,
    NotFound,
    RateLimited,
    /// A request over one of its audience's limits (size, aliases, depth, time).
    LimitExceeded,
    Internal,
}

impl ErrorCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::Unauthenticated => "UNAUTHENTICATED",
            ErrorCode::BadUserInput => "BAD_USER_INPUT",
            ErrorCode::Conflict => "CONFLICT",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::LimitExceeded => "LIMIT_EXCEEDED",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

/// An error a resolver returns. Deliberately not `Display`: async-graphql turns any `Display`
/// into an error message, and this type must go through [`From<ApiError>`] to carry its code.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// The client sees `INTERNAL` and "internal error"; the cause went to the log.
    Internal,
    /// The client sees `NOT_FOUND` and what was not found.
    NotFound(String),
    /// The client sees `BAD_USER_INPUT` and what is wrong with the input.
    BadUserInput(String),
    /// The client sees `FORBIDDEN` and what it lacks.
    Forbidden(String),
    /// The client sees `CONFLICT` and the record's current version (`currentVersion`).
    Conflict { current_version: i32 },
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Internal => ErrorCode::Internal,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::BadUserInput(_) => ErrorCode::BadUserInput,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::Conflict { .. } => ErrorCode::Conflict,
        }
    }

    /// Logs an unexpected failure and hides it behind `INTERNAL`.
    pub fn internal(cause: &(dyn std::error::Error + 'static)) -> ApiError {
        let mut chain = cause.to_string();
        let mut source = cause.source();
        while let Some(next) = source {
            chain.push_str(": ");
            chain.push_str(&next.to_string());
            source = next.source();
        }
        tracing::error!(error = %chain, "internal error");
        ApiError::Internal
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        ApiError::internal(&err)
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(err: ApiError) -> Self {
        let code = err.code();
        let current_version = match &err {
            ApiError::Conflict { current_version } => Some(*current_version),
            _ => None,
        };
        let message = match err {
            ApiError::Internal => "internal error".to_owned(),
            ApiError::NotFound(what) => format!("not found: {what}"),
            ApiError::BadUserInput(why) | ApiError::Forbidden(why) => why,
            ApiError::Conflict { current_version } => format!(
                "the record changed since it was read; its version is now {current_version}"
            ),
        };
        async_graphql::Error::new(message).extend_with(|_, e| {
            e.set("code", code.as_str());
            if let Some(version) = current_version {
                e.set("currentVersion", version);
            }
        })
    }
}
