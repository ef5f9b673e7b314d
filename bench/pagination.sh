#!/usr/bin/env bash
# The pagination and relations benchmark, on the embedded SQLite and on PostgreSQL 15 (release
# build, loopback only, response cache off so every request executes):
#   - seeds the scale data (`seed --scale N`, default 1,000,000) and prints rows per second;
#   (a) the SQL statements of one nested query, treaties -> parties -> countries -> missions,
#       at 10, 100 and 1,000 treaties: they must be the same number;
#   (b) the latency of the first page of treaties and of a page N/2 rows deep, measured
#       interleaved in one run: the deep page must be within 2x of the first.
# Usage: bench/pagination.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-1000000}
requests=${REQUESTS:-200}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/mofa-graph-target}
pgbin=/usr/lib/postgresql/15/bin
for tool in python3 curl "$pgbin/postgres"; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postgresql-15 curl python3)" >&2; exit 1; }
done
cargo build --release --locked --bin mofa-graph >&2
bin="$CARGO_TARGET_DIR/release/mofa-graph"

work=$(mktemp -d /tmp/mofa-graph-bench.XXXXXX)
chmod 755 "$work"
as_db_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -f "$work/pids" ] && while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$work/pids"
  wait 2>/dev/null || true
  [ -d "$work/pg" ] && as_db_user "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pgport=$(free_port)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
as_db_user "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >"$work/initdb.log"
as_db_user "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pgport -k $work/pg -c fsync=off -c synchronous_commit=off" \
  start >/dev/null

statements() { # port -> statements run so far
  curl -fs "http://127.0.0.1:$1/metrics" | awk '$1 == "mofa_db_statements_total" { print $2 }'
}
nested() { # treaties -> the nested query, past the demo treaties (synthetic ones have state parties)
  echo "{ treaties(first: $1, after: \"c100\") { edges { node { number parties { country { code vietnameseMissions { city } } } } } } }"
}

run() { # label, env...
  local label=$1 port
  shift
  echo "== $label"
  local started ended
  started=$(date +%s.%N)
  env "$@" MOFA_LOG=warn "$bin" seed --scale "$n" 2>"$work/seed.log" >/dev/null \
    || { cat "$work/seed.log"; exit 1; }
  ended=$(date +%s.%N)
  python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]) - float(sys.argv[3]); \
rows = n * 5 + 2 * n + n // 10 + n // 100; \
print(f'seed --scale {n}: {rows:,} rows in {s:.1f} s, {rows / s:,.0f} rows/s')" "$n" "$ended" "$started"

  port=$(free_port)
  env "$@" MOFA_BIND="127.0.0.1:$port" MOFA_LOG=warn MOFA_CACHE_ENABLED=false MOFA_MAX_PAGE_SIZE=1000 \
    MOFA_LIMITS_PUBLIC_COMPLEXITY=1000000 MOFA_LIMITS_PUBLIC_RATE_PER_MINUTE=0 \
    "$bin" serve >"$work/$label.log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

  local counts=()
  for treaties in 10 100 1000; do
    local before after
    before=$(statements "$port")
    python3 bench/measure.py "http://127.0.0.1:$port" 0 "$(nested "$treaties")" >/dev/null
    after=$(statements "$port")
    # measure.py ran the query 5 times (its warm-up rounds).
    counts+=($(( (after - before) / 5 )))
  done
  echo "(a) statements of the nested query at 10 / 100 / 1000 treaties: ${counts[*]}"
  if [ "${counts[0]}" = "${counts[1]}" ] && [ "${counts[1]}" = "${counts[2]}" ]; then
    echo "    same at every size: ok"
  else
    echo "    NOT the same"
  fi

  local deep=$(( n / 2 ))
  local page='edges { node { number titleEn status entryIntoForce } } pageInfo { endCursor }'
  mapfile -t latencies < <(python3 bench/measure.py "http://127.0.0.1:$port" "$requests" \
    "{ treaties(first: 20) { $page } }" \
    "{ treaties(first: 20, after: \"c$deep\") { $page } }")
  python3 -c "import sys; f, d = map(float, sys.argv[1].split()), map(float, sys.argv[2].split()); \
(f50, f99), (d50, d99) = f, d; \
print(f'(b) first page   p50 {f50:.2f} ms  p99 {f99:.2f} ms'); \
print(f'    page {int(sys.argv[3]):,} deep p50 {d50:.2f} ms  p99 {d99:.2f} ms'); \
r = d50 / f50; print(f'    deep/first (p50) {r:.2f}: ' + ('within 2x: ok' if r <= 2 else 'NOT within 2x'))" \
    "${latencies[0]}" "${latencies[1]}" "$deep"
}

echo "scale N = $n; $requests interleaved requests per page; $(nproc) cores"
run sqlite MOFA_DATA_DIR="$work/sqlite"
as_db_user "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres bench
run postgresql MOFA_DATA_DIR="$work/pgdata" MOFA_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/bench"
