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

#[derive(Default)]
struct Series {
    requests: BTreeMap<(String, String, u16), u64>,
    durations: BTreeMap<String, Histogram>,
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
        let histogram = series.durations.entry(route.to_owned()).or_default();
        let seconds = elapsed.as_secs_f64();
        for (count, bound) in histogram.counts.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *count += 1;
            }
        }
        histogram.count += 1;
        histogram.sum += seconds;
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
            let route = escape(route);
            for (count, bound) in h.counts.iter().zip(BUCKETS) {
                let _ = writeln!(
                    out,
                    "mofa_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "mofa_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "mofa_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "mofa_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
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
