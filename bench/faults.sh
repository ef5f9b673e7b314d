#!/usr/bin/env bash
# Load runs with faults midway (release build, PostgreSQL and Redis on loopback):
#   (1) Redis stopped for a while, then started again: no public request may fail;
#   (2) PostgreSQL stopped for a while, then started again: only clean errors
#       (SOURCE_UNAVAILABLE, LIMIT_EXCEEDED) during the outage, full service after it, and
#       no committed write lost.
# Prints, per window between events, ok/clean/failed answers for public reads, staff reads and
# staff writes, how soon each was served again, and the writes lost.
# Usage: bench/faults.sh [seconds per run, default 24]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-24}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/mofa-graph-target}
pgbin=/usr/lib/postgresql/15/bin
for tool in redis-server python3 curl "$pgbin/postgres"; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postgresql-15 redis-server curl)" >&2; exit 1; }
done
cargo build --release --locked --bin mofa-graph >&2
bin="$CARGO_TARGET_DIR/release/mofa-graph"

work=$(mktemp -d /tmp/mofa-graph-faults.XXXXXX)
chmod 755 "$work"
as_db_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -f "$work/server.pid" ] && kill "$(cat "$work/server.pid")" 2>/dev/null || true
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  as_db_user "$pgbin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pgport=$(free_port)
redis_port=$(free_port)
port=$(free_port)

mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
as_db_user "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >/dev/null
pg_start="$pgbin/pg_ctl -D $work/pg -l $work/pg/server.log -w -o '-c listen_addresses=127.0.0.1 -p $pgport -k $work/pg' start"
pg_stop="$pgbin/pg_ctl -D $work/pg -m fast -w stop"
if [ "$(id -u)" -eq 0 ]; then pg_start="runuser -u postgres -- $pg_start"; pg_stop="runuser -u postgres -- $pg_stop"; fi
eval "$pg_start" >/dev/null
as_db_user "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE mofa" >/dev/null
redis_start="redis-server --bind 127.0.0.1 --port $redis_port --save '' --appendonly no --dir $work --daemonize yes --pidfile $work/redis.pid"
redis_stop="kill \$(cat $work/redis.pid)"
eval "$redis_start" >/dev/null

export MOFA_DATA_DIR="$work/data" MOFA_LOG=warn MOFA_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/mofa"
"$bin" seed --demo >/dev/null
token=$("$bin" token issue --subject bench-editor --unit DVDN --roles editor,viewer --ttl-secs 3600)
env MOFA_BIND="127.0.0.1:$port" MOFA_REDIS_URL="redis://127.0.0.1:$redis_port" MOFA_CACHE_NAMESPACE=faults \
  MOFA_LIMITS_PUBLIC_RATE_PER_MINUTE=0 MOFA_LIMITS_STAFF_RATE_PER_MINUTE=0 MOFA_DB_ACQUIRE_TIMEOUT_MS=1000 \
  "$bin" serve >"$work/server.log" 2>&1 &
echo $! >"$work/server.pid"
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break; sleep 0.1; done

down=$((secs / 4)); up=$((secs / 2))
echo "== (1) Redis stopped at ${down} s, started at ${up} s; ${secs} s"
python3 bench/faults.py "http://127.0.0.1:$port" "$secs" "$token" \
  --event "$down" "$redis_stop" --event "$up" "$redis_start"
echo "== (2) PostgreSQL stopped at ${down} s, started at ${up} s; ${secs} s"
python3 bench/faults.py "http://127.0.0.1:$port" "$secs" "$token" \
  --event "$down" "$pg_stop" --event "$up" "$pg_start"
curl -s "http://127.0.0.1:$port/readyz" | python3 -c 'import json,sys; print("readyz after:", json.load(sys.stdin)["status"])'
echo "server log: $(grep -c ERROR "$work/server.log" || true) ERROR lines, $(grep -c panicked "$work/server.log" || true) panics"
