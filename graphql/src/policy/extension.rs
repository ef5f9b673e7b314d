//! Enforcement: one schema extension that checks every field resolution against the registry,
//! so no resolver holds an access decision. A field the caller may not read resolves to `null`
//! with an error whose `extensions.code` is `FORBIDDEN`; the rest of the response is served.

use std::sync::Arc;

use async_graphql::{
    PathSegment, ServerError, ServerResult, Value,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo},
};

use super::{Access, Disclosures, Principal, registry};
use crate::error::ErrorCode;

pub struct Enforce;

impl ExtensionFactory for Enforce {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(EnforceExtension)
    }
}

struct EnforceExtension;

static PUBLIC: std::sync::LazyLock<Principal> = std::sync::LazyLock::new(Principal::public);

#[async_trait::async_trait]
impl Extension for EnforceExtension {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        // List items are resolved through this hook too (`parent_type` is the list type); the
        // field that holds the list was checked already.
        if info.is_for_introspection
            || info.name.starts_with("__")
            || info.parent_type.starts_with('[')
        {
            return next.run(ctx, info).await;
        }
        // A request without a principal is treated as the public's.
        let principal = ctx.data_opt::<Principal>().unwrap_or(&PUBLIC);
        let trace = ctx.data_opt::<Arc<Disclosures>>();
        if let Some(trace) = trace {
            trace.touch(info.parent_type);
        }
        let return_type = info.return_type;
        let parent_type = info.parent_type;
        match registry::access(info.parent_type, info.name) {
            Some(Access::Open) => next
                .run(ctx, info)
                .await
                .map_err(|e| name_the_source(e, return_type, parent_type)),
            Some(access) if principal.can_read(access) => {
                let (type_name, field) = (info.parent_type, info.name);
                let value = next
                    .run(ctx, info)
                    .await
                    .map_err(|e| name_the_source(e, return_type, parent_type))?;
                // Only values actually sent count as disclosed.
                if value.as_ref().is_some_and(|v| *v != Value::Null)
                    && let Some(trace) = trace
                {
                    trace.record(type_name, field);
                }
                Ok(value)
            }
            _ => Err(forbidden(&info)),
        }
    }
}

/// A `SOURCE_UNAVAILABLE` error says which source: that of the type the field returns (the
/// records it was fetching), else that of the type it belongs to. The innermost field that
/// failed names it; outer fields leave it.
fn name_the_source(mut error: ServerError, return_type: &str, parent_type: &str) -> ServerError {
    let Some(extensions) = error.extensions.as_mut() else {
        return error;
    };
    let unavailable = extensions
        .get("code")
        .is_some_and(|code| *code == Value::from(ErrorCode::SourceUnavailable.as_str()));
    if !unavailable || extensions.get("source").is_some() {
        return error;
    }
    let returned = return_type.trim_matches(|c| matches!(c, '[' | ']' | '!'));
    let source = [returned, parent_type]
        .into_iter()
        .filter_map(registry::source_policy)
        .find_map(|policy| policy.source);
    if let Some(source) = source {
        extensions.set("source", source.code());
    }
    error
}

fn forbidden(info: &ResolveInfo<'_>) -> ServerError {
    let mut error = ErrorCode::Forbidden.error("not authorised to read this field");
    error.locations = vec![info.field.name.pos];
    // Field names never start with a digit, so a number is a list index.
    error.path = info
        .path_node
        .to_string_vec()
        .into_iter()
        .map(|segment| match segment.parse::<usize>() {
            Ok(index) => PathSegment::Index(index),
            Err(_) => PathSegment::Field(segment),
        })
        .collect();
    error
}
