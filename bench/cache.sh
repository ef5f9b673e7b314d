#!/usr/bin/env bash
# The public cache benchmark: starts Redis and three servers (release build) on loopback, warms
# them, and measures in one run with wrk at 64 connections:
#   (a) a static route on the same server returning the same bytes,
#   (b) the cached public query, in-process hit,
#   (c) the same query as a Redis-only hit (in-process tier off),
#   (d) the same query executed every time (cache off).
# Prints requests per second and p99 for each, and the ratios b/a, c/a, d/a.
# Usage: bench/cache.sh [seconds per run, default 10]
# RATE_PER_MINUTE=N turns the public's rate limit on at N requests a minute (default 0: off),
# to measure what the limiter costs on the cached path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-10}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/mofa-graph-target}
for tool in wrk redis-server python3 curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install wrk redis-server curl)" >&2; exit 1; }
done
cargo build --release --locked --bin mofa-graph >&2
bin="$CARGO_TARGET_DIR/release/mofa-graph"

work=$(mktemp -d /tmp/mofa-graph-bench.XXXXXX)
# Servers start inside command substitutions (subshells), so their pids go to a file.
cleanup() {
  [ -f "$work/pids" ] && while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$work/pids"
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work" >/dev/null &
echo $! >>"$work/pids"

# One database for the three servers, seeded once.
MOFA_DATA_DIR="$work/data" MOFA_LOG=warn "$bin" seed --demo >/dev/null

start() { # name, extra env...
  local port; port=$(free_port)
  env MOFA_BIND="127.0.0.1:$port" MOFA_DATA_DIR="$work/data" MOFA_LOG=warn MOFA_BENCH_ROUTES=true \
    MOFA_LIMITS_PUBLIC_RATE_PER_MINUTE="${RATE_PER_MINUTE:-0}" \
    MOFA_REDIS_URL="redis://127.0.0.1:$redis_port" MOFA_CACHE_NAMESPACE="bench" "${@:2}" \
    "$bin" serve >"$work/$1.log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  echo "$port"
}
cached=$(start cached)
redis_only=$(start redis-only MOFA_CACHE_LOCAL_BYTES=0)
uncached=$(start uncached MOFA_CACHE_ENABLED=false)

query='{ treaties(first: 20) { totalCount edges { node { number titleVi titleEn kind status entryIntoForceForVn parties { country { nameVi } } } } } }'
path="/graphql?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
# Warm: the stored response, then give the static route the same bytes.
for port in "$cached" "$redis_only" "$uncached"; do
  for _ in 1 2 3; do curl -fs "http://127.0.0.1:$port$path" >"$work/body.json"; done
done
curl -fs -X PUT --data-binary @"$work/body.json" "http://127.0.0.1:$cached/bench/static"
echo "response: $(wc -c <"$work/body.json") bytes; $secs s per run, 64 connections, 2 threads"

measure() { # label, url → "rps p99_ms"
  local out; out=$(wrk -t2 -c64 -d"${secs}s" --latency "$2")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "$1: non-2xx answers" >&2; grep "Non-2xx" <<<"$out" >&2; fi
  printf '%-28s %10s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}
a=$(measure "(a) static route" "http://127.0.0.1:$cached/bench/static")
b=$(measure "(b) cached, in-process hit" "http://127.0.0.1:$cached$path")
c=$(measure "(c) cached, Redis-only hit" "http://127.0.0.1:$redis_only$path")
d=$(measure "(d) uncached execution" "http://127.0.0.1:$uncached$path")
python3 - "$a" "$b" "$c" "$d" <<'PY'
import sys
a, b, c, d = map(float, sys.argv[1:])
print(f"b/a = {b/a:.2f} (target >= 0.9)   c/a = {c/a:.2f} (target >= 0.5)   d/a = {d/a:.3f}")
PY
