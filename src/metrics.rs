//! Prometheus metrics of the HTTP layer, served as text on `/metrics`. Routes are recorded by
//! their pattern (`/graphiql/assets/{version}/{name}`), never by raw path, so the number of
//! series stays bounded whatever clients send.

use std::{
    collections::BTreeMap,
    fmt::Write,
    sync::{
        Arc, Mutex,
        atomic::{AtomicU64, Ordering::Relaxed},
    },
    time::Duration,
};

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        for (count, bound) in self.counts.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *count += 1;
            }
        }
        self.count += 1;
        self.sum += seconds;
    }

    /// The `_bucket`, `_sum` and `_count` lines of `name` under `labels` (`a="x",b="y"`).
    fn render(&self, out: &mut String, name: &str, labels: &str) {
        for (count, bound) in self.counts.iter().zip(BUCKETS) {
            let _ = writeln!(out, "{name}_bucket{{{labels},le=\"{bound}\"}} {count}");
        }
        let _ = writeln!(out, "{name}_bucket{{{labels},le=\"+Inf\"}} {}", self.count);
        let _ = writeln!(out, "{name}_sum{{{labels}}} {}", self.sum);
        let _ = writeln!(out, "{name}_count{{{labels}}} {}", self.count);
    }
}

/// The labels of a GraphQL operation: its audience, its type and its name. Names are the
/// client's choice, so only the first [`MAX_OPERATION_NAMES`] distinct ones get a series of
/// their own; later ones count as `other`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OperationLabel {
    pub kind: &'static str,
    pub name: String,
}

const MAX_OPERATION_NAMES: usize = 200;

impl OperationLabel {
    /// The label of an operation of type `kind` named `name` (as the client wrote it).
    pub fn new(kind: &'static str, name: Option<&str>) -> OperationLabel {
        let name = name
            .filter(|n| {
                !n.is_empty()
                    && n.len() <= 64
                    && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            })
            .unwrap_or("anonymous")
            .to_owned();
        OperationLabel { kind, name }
    }
}

#[derive(Default)]
struct Series {
    requests: BTreeMap<(String, String, u16), u64>,
    durations: BTreeMap<String, Histogram>,
    /// By audience, operation and outcome (`ok` or the first error's code).
    operations: BTreeMap<(&'static str, OperationLabel, String), u64>,
    operation_durations: BTreeMap<(&'static str, OperationLabel), Histogram>,
    operation_names: std::collections::BTreeSet<String>,
    /// Requests refused for their rate, by audience.
    rate_limited: BTreeMap<&'static str, u64>,
}

#[derive(Default)]
pub struct Metrics {
    series: Mutex<Series>,
    /// Statements run on the source databases, counted by the pools' callbacks.
    pub database: Arc<DatabaseCounters>,
}

/// What the source databases were asked: lock-free, as every statement passes here.
#[derive(Default, Debug)]
pub struct DatabaseCounters {
    statements: AtomicU64,
    errors: AtomicU64,
    micros: AtomicU64,
}

impl DatabaseCounters {
    pub fn record(&self, elapsed: Duration, failed: bool) {
        self.statements.fetch_add(1, Relaxed);
        self.micros.fetch_add(elapsed.as_micros() as u64, Relaxed);
        if failed {
            self.errors.fetch_add(1, Relaxed);
        }
    }

    /// Statements run so far.
    pub fn statements(&self) -> u64 {
        self.statements.load(Relaxed)
    }

    fn render(&self, out: &mut String) {
        let rows = [
            (
                "mofa_db_statements_total",
                "SQL statements run on the source databases.",
                "counter",
                self.statements.load(Relaxed) as f64,
            ),
            (
                "mofa_db_statement_errors_total",
                "SQL statements that failed.",
                "counter",
                self.errors.load(Relaxed) as f64,
            ),
            (
                "mofa_db_statement_seconds_total",
                "Time spent in SQL statements.",
                "counter",
                self.micros.load(Relaxed) as f64 / 1e6,
            ),
        ];
        for (name, help, kind, value) in rows {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} {kind}");
            let _ = writeln!(out, "{name} {value}");
        }
    }
}

impl Metrics {
    pub fn record_request(&self, route: &str, method: &str, status: u16, elapsed: Duration) {
        let Ok(mut series) = self.series.lock() else {
            return;
        };
        *series
            .requests
            .entry((route.to_owned(), method.to_owned(), status))
            .or_default() += 1;
        series
            .durations
            .entry(route.to_owned())
            .or_default()
            .observe(elapsed.as_secs_f64());
    }

    /// Records one executed GraphQL operation.
    pub fn record_operation(
        &self,
        audience: graphql::policy::Audience,
        operation: &OperationLabel,
        response: &async_graphql::Response,
        elapsed: Duration,
    ) {
        let outcome = match response.errors.first() {
            None => "ok".to_owned(),
            Some(error) => error
                .extensions
                .as_ref()
                .and_then(|e| e.get("code"))
                .and_then(|code| match code {
                    async_graphql::Value::String(code) => graphql::ErrorCode::parse(code),
                    _ => None,
                })
                .map_or("INTERNAL", graphql::ErrorCode::as_str)
                .to_owned(),
        };
        let Ok(mut series) = self.series.lock() else {
            return;
        };
        let mut operation = operation.clone();
        if !series.operation_names.contains(&operation.name) {
            if series.operation_names.len() < MAX_OPERATION_NAMES {
                series.operation_names.insert(operation.name.clone());
            } else {
                operation.name = "other".to_owned();
            }
        }
        let audience = audience.as_str();
        *series
            .operations
            .entry((audience, operation.clone(), outcome))
            .or_default() += 1;
        series
            .operation_durations
            .entry((audience, operation))
            .or_default()
            .observe(elapsed.as_secs_f64());
    }

    /// Records a request refused for its rate.
    pub fn record_rate_limited(&self, audience: graphql::policy::Audience) {
        if let Ok(mut series) = self.series.lock() {
            *series.rate_limited.entry(audience.as_str()).or_default() += 1;
        }
    }

    /// The Prometheus text exposition of every series.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# HELP mofa_build_info The running version.");
        let _ = writeln!(out, "# TYPE mofa_build_info gauge");
        let _ = writeln!(
            out,
            "mofa_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        self.database.render(&mut out);
        let Ok(series) = self.series.lock() else {
            return out;
        };
        let _ = writeln!(
            out,
            "# HELP mofa_http_requests_total HTTP requests answered."
        );
        let _ = writeln!(out, "# TYPE mofa_http_requests_total counter");
        for ((route, method, status), count) in &series.requests {
            let _ = writeln!(
                out,
                "mofa_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {count}",
                escape(route),
                escape(method)
            );
        }
        let _ = writeln!(
            out,
            "# HELP mofa_http_request_duration_seconds Time to answer an HTTP request."
        );
        let _ = writeln!(out, "# TYPE mofa_http_request_duration_seconds histogram");
        for (route, h) in &series.durations {
            h.render(
                &mut out,
                "mofa_http_request_duration_seconds",
                &format!("route=\"{}\"", escape(route)),
            );
        }
        let _ = writeln!(
            out,
            "# HELP mofa_graphql_operations_total GraphQL operations executed, by outcome."
        );
        let _ = writeln!(out, "# TYPE mofa_graphql_operations_total counter");
        for ((audience, op, outcome), count) in &series.operations {
            let _ = writeln!(
                out,
                "mofa_graphql_operations_total{{audience=\"{audience}\",type=\"{}\",operation=\"{}\",outcome=\"{}\"}} {count}",
                op.kind,
                escape(&op.name),
                escape(outcome)
            );
        }
        let _ = writeln!(
            out,
            "# HELP mofa_graphql_operation_duration_seconds Time to execute a GraphQL operation."
        );
        let _ = writeln!(
            out,
            "# TYPE mofa_graphql_operation_duration_seconds histogram"
        );
        for ((audience, op), h) in &series.operation_durations {
            h.render(
                &mut out,
                "mofa_graphql_operation_duration_seconds",
                &format!(
                    "audience=\"{audience}\",type=\"{}\",operation=\"{}\"",
                    op.kind,
                    escape(&op.name)
                ),
            );
        }
        let _ = writeln!(
            out,
            "# HELP mofa_rate_limited_total Requests refused for their caller's rate."
        );
        let _ = writeln!(out, "# TYPE mofa_rate_limited_total counter");
        for (audience, count) in &series.rate_limited {
            let _ = writeln!(
                out,
                "mofa_rate_limited_total{{audience=\"{audience}\"}} {count}"
            );
        }
        out
    }
}

fn escape(label: &str) -> String {
    label
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_counts_add_up() {
        let metrics = Metrics::default();
        metrics.record_request("/graphql", "POST", 200, Duration::from_millis(3));
        metrics.record_request("/graphql", "POST", 200, Duration::from_millis(300));
        metrics.record_request("/graphql", "GET", 405, Duration::from_millis(1));
        let text = metrics.render();
        assert!(text.contains(
            "mofa_http_requests_total{route=\"/graphql\",method=\"POST\",status=\"200\"} 2"
        ));
        assert!(text.contains(
            "mofa_http_request_duration_seconds_bucket{route=\"/graphql\",le=\"0.005\"} 2"
        ));
        assert!(text.contains(
            "mofa_http_request_duration_seconds_bucket{route=\"/graphql\",le=\"0.5\"} 3"
        ));
        assert!(text.contains("mofa_http_request_duration_seconds_count{route=\"/graphql\"} 3"));
    }
}
