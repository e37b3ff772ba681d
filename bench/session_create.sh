#!/bin/sh
# Benchmark: durable session creates/s against GET /healthz in the same run.
# Starts the release build (build/passbook) on a free port with a fresh data
# directory, creates an organisation, runs wrk against /healthz (baseline)
# and then against POST /bank-connect/v1/session/, and prints req/s, p99 and
# the ratio. Every 200 is a session committed to disk (group commit).
# Env: DURATION (default 10s), CONNS (64), WRK_THREADS (2), SERVER_THREADS (2),
# STORE (sqlite, or postgres: a throwaway cluster from scripts/pg-cluster.sh
# with fsync on, so that every COMMIT waits for the disk as SQLite's does).
set -eu
cd "$(dirname "$0")/.."
BIN=build/passbook
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-2}
[ -x "$BIN" ] || { echo "build first: make" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: scripts/install-deps.sh --test" >&2; exit 1; }

STORE=${STORE:-sqlite}
DIR=$(mktemp -d /tmp/pb-bench-XXXXXX)
PID=
PGDIR=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  [ -n "$PGDIR" ] && scripts/pg-cluster.sh stop "$PGDIR"
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM
if [ "$STORE" = postgres ]; then
  PGDIR=$(mktemp -d /tmp/pb-bench-pg-XXXXXX)
  PASSBOOK_DB=$(scripts/pg-cluster.sh start "$PGDIR" --durable)
  export PASSBOOK_DB
fi

PB_API_KEY=$("$BIN" org create --name bench --data "$DIR" 2>/dev/null |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')
export PB_API_KEY
"$BIN" serve --data "$DIR" --listen 127.0.0.1:0 --threads "$SERVER_THREADS" 2>"$DIR/server.log" &
PID=$!
for _ in $(seq 100); do grep -q 'msg="listening"' "$DIR/server.log" 2>/dev/null && break; sleep 0.05; done
PORT=$(sed -n 's/.*msg="listening".* port=\([0-9]*\).*/\1/p' "$DIR/server.log" | head -1)
URL=http://127.0.0.1:$PORT

run() { wrk -t"$WRK_THREADS" -c"$CONNS" -d"$DURATION" --latency "$@"; }
rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"; }
p99() { sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p' "$1"; }
non2xx() { sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1"; }

# CPU time the server spent (utime + stime, clock ticks), to show cost per
# request independently of what else runs on the machine.
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
reqs() { sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$1"; }
T0=$(ticks); run "$URL/healthz" >"$DIR/healthz.txt"
T1=$(ticks); run -s bench/session_create.lua "$URL/bank-connect/v1/session/" >"$DIR/create.txt"
T2=$(ticks)
HZ=$(getconf CLK_TCK)

curl -s "$URL/metrics" >"$DIR/metrics.txt" || true
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
if [ "$STORE" = postgres ]; then
  STORED=$(psql "$PASSBOOK_DB" -qAtc 'SELECT count(*) FROM sessions')
else
  STORED=$(sqlite3 "$DIR/passbook.db" 'SELECT count(*) FROM sessions')
fi

H=$(rps "$DIR/healthz.txt"); C=$(rps "$DIR/create.txt")
echo "store: $STORE; machine: $(nproc) cores; wrk -t$WRK_THREADS -c$CONNS -d$DURATION; server --threads $SERVER_THREADS"
cpu_us() { python3 -c "print('%.1f' % (($2 - $1) * 1e6 / $HZ / max(1, $3)))"; }
echo "GET /healthz               $H req/s  p99 $(p99 "$DIR/healthz.txt")  server CPU $(cpu_us "$T0" "$T1" "$(reqs "$DIR/healthz.txt")") us/req"
echo "POST /v1/session/ (durable) $C req/s  p99 $(p99 "$DIR/create.txt")  server CPU $(cpu_us "$T1" "$T2" "$(reqs "$DIR/create.txt")") us/req  non-2xx: $(non2xx "$DIR/create.txt")"
echo "sessions stored: $STORED"
python3 -c "print('ratio create/healthz: %.1f%%' % (100.0 * $C / $H))"
python3 - "$DIR/metrics.txt" <<'PY'
import sys
m = {}
for line in open(sys.argv[1]):
    if line.startswith('passbook_store_'):
        k, v = line.split()
        m[k] = float(v)
if m.get('passbook_store_syncs_total'):
    print('store: %d commits, %.1f writes/commit, %d WAL syncs, %.2f ms/sync' % (
        m['passbook_store_commits_total'], m['passbook_store_writes_total'] / max(1, m['passbook_store_commits_total']),
        m['passbook_store_syncs_total'], 1000 * m['passbook_store_sync_seconds_total'] / m['passbook_store_syncs_total']))
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
