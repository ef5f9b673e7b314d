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
    /// The source database that holds the field did not answer; other sources still do.
    SourceUnavailable,
    /// The document is not GraphQL.
    GraphqlParseFailed,
    /// The document does not fit the schema, or its variables do not fit the document.
    GraphqlValidationFailed,
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
            ErrorCode::SourceUnavailable => "SOURCE_UNAVAILABLE",
            ErrorCode::GraphqlParseFailed => "GRAPHQL_PARSE_FAILED",
            ErrorCode::GraphqlValidationFailed => "GRAPHQL_VALIDATION_FAILED",
            ErrorCode::Internal => "INTERNAL",
        }
    }

    /// Every code, for the server's last check that nothing else reaches a client.
    pub const ALL: [ErrorCode; 11] = [
        ErrorCode::Forbidden,
        ErrorCode::Unauthenticated,
        ErrorCode::BadUserInput,
        ErrorCode::Conflict,
        ErrorCode::NotFound,
        ErrorCode::RateLimited,
        ErrorCode::LimitExceeded,
        ErrorCode::SourceUnavailable,
        ErrorCode::GraphqlParseFailed,
        ErrorCode::GraphqlValidationFailed,
        ErrorCode::Internal,
    ];

    pub fn parse(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// An error with this code, not tied to a field (a refusal of the whole request).
    pub fn error(self, message: impl Into<String>) -> async_graphql::ServerError {
        let mut error = async_graphql::ServerError::new(message, None);
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", self.as_str());
        error
    }

    /// A response that is only this error.
    pub fn response(self, message: impl Into<String>) -> async_graphql::Response {
        async_graphql::Response::from_errors(vec![self.error(message)])
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
    /// The client sees `SOURCE_UNAVAILABLE`; the enforcement extension adds which source.
    SourceUnavailable,
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Internal => ErrorCode::Internal,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::BadUserInput(_) => ErrorCode::BadUserInput,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::Conflict { .. } => ErrorCode::Conflict,
            ApiError::SourceUnavailable => ErrorCode::SourceUnavailable,
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
    /// A database that cannot be reached, or that gave up on a statement (its statement
    /// timeout), is unavailable; anything else is a fault of ours.
    fn from(err: DbErr) -> Self {
        if source_unavailable(&err) {
            tracing::warn!(error = %err, "source unavailable");
            ApiError::SourceUnavailable
        } else {
            ApiError::internal(&err)
        }
    }
}

/// Whether `err` says the database is out of reach rather than that the statement is wrong.
pub fn source_unavailable(err: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx};
    let sqlx_error = match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => return true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        _ => return false,
    };
    match &**sqlx_error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Protocol(_) => true,
        // PostgreSQL: 57014 query_canceled (the statement timeout), 57P01–57P03 the server
        // shutting down or starting, class 08 connection exceptions. SQLite: busy or locked
        // past the busy timeout.
        sqlx::Error::Database(db) => db.code().is_some_and(|code| {
            matches!(&*code, "57014" | "57P01" | "57P02" | "57P03" | "5" | "6")
                || code.starts_with("08")
        }),
        _ => false,
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
            ApiError::SourceUnavailable => {
                "the source database of this field is not answering; try again later".to_owned()
            }
        };
        async_graphql::Error::new(message).extend_with(|_, e| {
            e.set("code", code.as_str());
            if let Some(version) = current_version {
                e.set("currentVersion", version);
            }
        })
    }
}
