//! Logging: one subscriber for the process, filtered by `MOFA_LOG`, as text or JSON lines; and
//! a middleware that logs every request with its id, status and duration.

use std::{
    sync::atomic::{AtomicU64, Ordering},
    time::Instant,
};

use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
    web,
};
use tracing::Instrument;
use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::{configuration::LogFormat, state::AppState};

/// Installs the global subscriber. A second call (tests build many apps) is a no-op.
pub fn init(filter: &str, format: LogFormat) -> Result<(), String> {
    let filter = EnvFilter::try_new(filter).map_err(|e| format!("MOFA_LOG `{filter}`: {e}"))?;
    let registry = tracing_subscriber::registry().with(filter);
    let installed = match format {
        LogFormat::Text => registry.with(fmt::layer().with_target(true)).try_init(),
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true),
            )
            .try_init(),
    };
    // Only "already installed" can fail here, which is fine.
    drop(installed);
    Ok(())
}

static REQUEST_COUNTER: AtomicU64 = AtomicU64::new(1);

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The message id of the X-Road / national data platform exchanges.
const X_ROAD_ID: HeaderName = HeaderName::from_static("x-road-id");

/// The id of a request, as the middleware assigned it.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

impl RequestId {
    pub fn of(req: &actix_web::HttpRequest) -> String {
        use actix_web::HttpMessage;
        req.extensions()
            .get::<RequestId>()
            .map(|id| id.0.clone())
            .unwrap_or_default()
    }
}

/// The caller's request id (`X-Request-Id`, else `X-Road-Id`) if it is short and printable,
/// else a new one.
fn request_id(req: &ServiceRequest) -> String {
    [&REQUEST_ID, &X_ROAD_ID]
        .into_iter()
        .filter_map(|name| req.headers().get(name))
        .filter_map(|v| v.to_str().ok())
        .find(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .unwrap_or_else(|| {
            format!(
                "{:x}-{:x}",
                std::process::id(),
                REQUEST_COUNTER.fetch_add(1, Ordering::Relaxed)
            )
        })
}

/// Logs each request once it is answered, and returns its id in `X-Request-Id`.
pub async fn log_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let started = Instant::now();
    let id = request_id(&req);
    {
        use actix_web::HttpMessage;
        req.extensions_mut().insert(RequestId(id.clone()));
    }
    let method = req.method().clone();
    let path = req.path().to_owned();
    let route = req
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = next.call(req).instrument(span.clone()).await?;
    let status = response.status().as_u16();
    if let Some(state) = state {
        state
            .metrics
            .record_request(&route, method.as_str(), status, started.elapsed());
    }
    span.in_scope(|| {
        tracing::info!(
            %method,
            %path,
            status,
            duration_ms = started.elapsed().as_secs_f64() * 1000.0,
            "request"
        );
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    Ok(response)
}
