//! Limits on what one operation may ask. The schema holds the limits of the document's own
//! structure, the same for everyone; depth and complexity differ by audience, so they are
//! checked per request, after validation has measured them.

use std::sync::Arc;

use async_graphql::{
    ServerError, ValidationResult,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation},
};

use crate::{connection, error::ErrorCode};

/// Limits applied to every operation, whoever asks.
#[derive(Debug, Clone, Copy)]
pub struct QueryLimits {
    /// Most directives on one field.
    pub max_directives_per_field: usize,
    /// Deepest recursion of the document's own structure (nested lists, objects, fragments).
    pub max_recursive_depth: usize,
    /// Largest `first` of a connection.
    pub max_page_size: u64,
}

impl Default for QueryLimits {
    fn default() -> Self {
        QueryLimits {
            max_directives_per_field: 4,
            max_recursive_depth: 32,
            max_page_size: connection::DEFAULT_MAX_PAGE,
        }
    }
}

/// The depth and complexity one request may reach: its audience's, attached by the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationLimits {
    pub depth: usize,
    pub complexity: usize,
}

impl Default for OperationLimits {
    /// The public's defaults, for a request that carries no limits of its own.
    fn default() -> Self {
        OperationLimits {
            depth: 10,
            complexity: 5_000,
        }
    }
}

pub(crate) struct CheckOperationLimits;

impl ExtensionFactory for CheckOperationLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CheckOperationLimits)
    }
}

#[async_trait::async_trait]
impl Extension for CheckOperationLimits {
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let measured = next.run(ctx).await?;
        let limits = ctx
            .data_opt::<OperationLimits>()
            .copied()
            .unwrap_or_default();
        if measured.depth > limits.depth {
            return Err(vec![exceeded(format!(
                "the operation nests {} levels deep; this caller may nest {}",
                measured.depth, limits.depth
            ))]);
        }
        if measured.complexity > limits.complexity {
            return Err(vec![exceeded(format!(
                "the operation's complexity is {} (each field once, a connection's fields \
                 `first` times); this caller may ask {}",
                measured.complexity, limits.complexity
            ))]);
        }
        Ok(measured)
    }
}

fn exceeded(message: String) -> ServerError {
    ErrorCode::LimitExceeded.error(message)
}
