#!/usr/bin/env bash
# The import benchmark: generates a CSV of N legalisation files (default 100,000; synthetic,
# deterministic) and imports it with `mofa-graph import` (release build) into the embedded SQLite
# and into PostgreSQL 15 on loopback; prints rows per second for each, after a --dry-run pass
# that prints the rate of checking alone.
# Usage: bench/import.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-100000}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/mofa-graph-target}
pgbin=/usr/lib/postgresql/15/bin
for tool in python3 "$pgbin/postgres"; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install postgresql-15 python3)" >&2; exit 1; }
done
cargo build --release --locked --bin mofa-graph >&2
bin="$CARGO_TARGET_DIR/release/mofa-graph"

work=$(mktemp -d /tmp/mofa-graph-bench.XXXXXX)
chmod 755 "$work"
as_db_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -d "$work/pg" ] && as_db_user "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

python3 - "$n" "$work/files.csv" <<'PY'
import csv, sys
n, path = int(sys.argv[1]), sys.argv[2]
countries = ["FR", "DE", "JP", "KR", "US", "GB", "AU", "CN", "SG", "TH"]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["fileNumber", "procedure", "applicantName", "applicantKind", "documentKind",
                "documentCountryCode", "destinationCountryCode", "copies", "receivedOn",
                "completedOn", "status"])
    for i in range(n):
        day = 1 + i % 28
        w.writerow([f"BENCH-{i:08d}", ("certification", "legalisation")[i % 2],
                    f"Người nộp số hóa {i}", ("individual", "organisation")[i % 3 == 0],
                    "diploma", countries[i % 10], "VN", 1 + i % 4, f"2019-05-{day:02d}",
                    f"2019-06-{day:02d}", "completed"])
PY
echo "file: $n rows, $(du -h "$work/files.csv" | cut -f1)"

pgport=$(free_port)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
as_db_user "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --no-sync >"$work/initdb.log"
as_db_user "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pgport -k $work/pg -c fsync=off -c synchronous_commit=off" \
  start >/dev/null
as_db_user "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U postgres bench

run() { # label, env...
  local label=$1
  shift
  env "$@" MOFA_LOG=warn "$bin" seed --demo >/dev/null
  local started ended
  started=$(date +%s.%N)
  env "$@" MOFA_LOG=warn "$bin" import --source legalization --file "$work/files.csv" --dry-run >/dev/null
  ended=$(date +%s.%N)
  python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]) - float(sys.argv[3]); \
print(f'{sys.argv[4]:>10}: checked {n:,} rows in {s:.1f} s ({n / s:,.0f} rows/s, --dry-run)')" "$n" "$ended" "$started" "$label"
  started=$(date +%s.%N)
  env "$@" MOFA_LOG=warn "$bin" import --source legalization --file "$work/files.csv" \
    --subject bench 2>/dev/null | tail -1
  ended=$(date +%s.%N)
  python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]) - float(sys.argv[3]); \
print(f'{sys.argv[4]:>10}: imported {n:,} rows in {s:.1f} s ({n / s:,.0f} rows/s, process wall time)')" "$n" "$ended" "$started" "$label"
}

run sqlite MOFA_DATA_DIR="$work/sqlite"
run postgresql MOFA_DATA_DIR="$work/pgdata" MOFA_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/bench"
