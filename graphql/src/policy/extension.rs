//! Enforcement: one schema extension that checks every field resolution against the registry,
//! so no resolver holds an access decision. A field the caller may not read resolves to `null`
//! with an error whose `extensions.code` is `FORBIDDEN`; the rest of the response is served.

use std::sync::Arc;

use async_graphql::{
    ErrorExtensionValues, PathSegment, ServerError, ServerResult, Value,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo},
};

use super::{Access, Disclosures, Principal, registry};

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
        match registry::access(info.parent_type, info.name) {
            Some(Access::Open) => next.run(ctx, info).await,
            Some(access) if principal.can_read(access) => {
                let (type_name, field) = (info.parent_type, info.name);
                let value = next.run(ctx, info).await?;
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

fn forbidden(info: &ResolveInfo<'_>) -> ServerError {
    let mut error = ServerError::new(
        "not authorised to read this field",
        Some(info.field.name.pos),
    );
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
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", "FORBIDDEN");
    error.extensions = Some(extensions);
    error
}
