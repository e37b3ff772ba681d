#!/bin/sh
# Benchmark: durable session creates/s against GET /healthz in the same run.
# Starts the release build (build/passbook) on a free port with a fresh data
# directory, creates an organisation, runs wrk against /healthz (baseline)
# and then against POST /bank-connect/v1/session/, and prints req/s, p99 and
# the ratio. Every 200 is a session committed to disk (group commit).
# Also per request: the load generator's CPU (wrk shares the cores with the
# server) and the machine's idle share (about 0: the run was bound by CPU,
# not by the commits' latency).
# Env: DURATION (default 10s), CONNS (64), WRK_THREADS (2), SERVER_THREADS (2),
# STORE (sqlite, or postgres: a throwaway cluster from scripts/pg-cluster.sh
# with fsync on, so that every COMMIT waits for the disk as SQLite's does),
# NODES (postgres only, default 1: that many nodes on the one database, each
# loaded by its own wrk with CONNS/NODES connections; rates are summed), BIN
# (default build/passbook: another build, for before/after pairs in one run).
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-build/passbook}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-2}
NODES=${NODES:-1}
[ -x "$BIN" ] || { echo "build first: make" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: scripts/install-deps.sh --test" >&2; exit 1; }

STORE=${STORE:-sqlite}
[ "$NODES" = 1 ] || [ "$STORE" = postgres ] || { echo "NODES > 1 needs STORE=postgres" >&2; exit 1; }
DIR=$(mktemp -d /tmp/pb-bench-XXXXXX)
PIDS=
PGDIR=
cleanup() {
  for p in $PIDS; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  [ -n "$PGDIR" ] && scripts/pg-cluster.sh stop "$PGDIR"
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM
if [ "$STORE" = postgres ]; then
  PGDIR=$(mktemp -d /tmp/pb-bench-pg-XXXXXX)
  PASSBOOK_DB=$(scripts/pg-cluster.sh start "$PGDIR" --durable)
  export PASSBOOK_DB
fi

PB_API_KEY=$("$BIN" org create --name bench --data "$DIR/n1" 2>/dev/null |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')
export PB_API_KEY
URLS=
for i in $(seq "$NODES"); do
  mkdir -p "$DIR/n$i"
  [ "$i" = 1 ] || cp "$DIR/n1/passbook.keys" "$DIR/n$i/"   # one key file for every node
  "$BIN" serve --data "$DIR/n$i" --listen 127.0.0.1:0 --threads "$SERVER_THREADS" --node-name "n$i" \
    2>"$DIR/server$i.log" &
  PIDS="$PIDS $!"
  for _ in $(seq 100); do grep -q 'msg="listening"' "$DIR/server$i.log" 2>/dev/null && break; sleep 0.05; done
  PORT=$(sed -n 's/.*msg="listening".* port=\([0-9]*\).*/\1/p' "$DIR/server$i.log" | head -1)
  URLS="$URLS http://127.0.0.1:$PORT"
done
URL=${URLS# }; URL=${URL%% *}

# One wrk per node at once, CONNS/NODES connections each (threads likewise).
run() { # OUT PATH [wrk args...]
  out=$1 path=$2; shift 2
  c=$((CONNS / NODES)); t=$((WRK_THREADS / NODES)); [ "$t" -ge 1 ] || t=1
  i=0; wp=
  for u in $URLS; do
    i=$((i + 1))
    wrk -t"$t" -c"$c" -d"$DURATION" --latency "$@" "$u$path" >"$out.$i" &
    wp="$wp $!"
  done
  for p in $wp; do wait "$p"; done
}
sum() { # OUT field-extracting sed expression
  for f in "$1".*; do sed -n "$2" "$f"; done | awk '{s += $1} END {printf "%.2f", s}'
}
rps() { sum "$1" 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }
reqs() { sum "$1" 's/^ *\([0-9]*\) requests in.*/\1/p'; }
non2xx() { sum "$1" 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p'; }
p99() { # the worst node's p99, in ms
  for f in "$1".*; do sed -n 's/^ *99% *\([0-9.]*[a-z]*\).*/\1/p' "$f"; done | python3 -c '
import sys
u = {"us": 0.001, "ms": 1, "s": 1000}
v = [float(x.rstrip("usm")) * u[x[len(x.rstrip("usm")):] or "s"] for x in sys.stdin.read().split()]
print("%.2fms" % max(v))'
}

# CPU time the servers spent (utime + stime, clock ticks), to show cost per
# request independently of what else runs on the machine.
ticks() { for p in $PIDS; do awk '{print $14 + $15}' "/proc/$p/stat"; done | awk '{s += $1} END {print s}'; }
# PostgreSQL's too: the postmaster, its live processes (backends, WAL writer, checkpointer)
# and those that ended (counted in the postmaster's children's times once reaped).
db_ticks() {
  [ -n "$PGDIR" ] || { echo 0; return; }
  pm=$(head -1 "$PGDIR/data/postmaster.pid")
  cat /proc/[0-9]*/stat 2>/dev/null |
    awk -v pm="$pm" '$1 == pm {s += $14 + $15 + $16 + $17} $4 == pm {s += $14 + $15} END {print s + 0}'
}
# The load generator's CPU (wrk runs on the same cores): the children's
# times the shell has waited for, in seconds (POSIX `times`, second line).
# (`times` itself in this shell: in a $(...) subshell it would see none.)
client_s() { awk 'NR == 2 {for (i = 1; i <= 2; i++) {split($i, t, "m"); s += t[1] * 60 + t[2]}} END {printf "%.3f", s}' "$DIR/times"; }
# The whole machine's idle and busy time (/proc/stat), to tell a run bound by CPU (idle ~0).
machine() { awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
T0=$(ticks); times >"$DIR/times"; W0=$(client_s); M0=$(machine); run "$DIR/healthz" /healthz
T1=$(ticks); times >"$DIR/times"; W1=$(client_s); M1=$(machine); D1=$(db_ticks); run "$DIR/create" /bank-connect/v1/session/ -s bench/session_create.lua
T2=$(ticks); times >"$DIR/times"; W2=$(client_s); M2=$(machine); D2=$(db_ticks)
HZ=$(getconf CLK_TCK)

for u in $URLS; do curl -s "$u/metrics"; done >"$DIR/metrics.txt" || true
for p in $PIDS; do kill "$p"; wait "$p" 2>/dev/null || true; done; PIDS=
if [ "$STORE" = postgres ]; then
  STORED=$(psql "$PASSBOOK_DB" -qAtc 'SELECT count(*) FROM sessions')
else
  STORED=$(sqlite3 "$DIR/n1/passbook.db" 'SELECT count(*) FROM sessions')
fi

H=$(rps "$DIR/healthz"); C=$(rps "$DIR/create")
echo "binary: $BIN; store: $STORE; nodes: $NODES; machine: $(nproc) cores; wrk -t$WRK_THREADS -c$CONNS -d$DURATION in all; server --threads $SERVER_THREADS"
cpu_us() { python3 -c "print('%.1f' % (($2 - $1) * 1e6 / $HZ / max(1, $3)))"; }
wrk_us() { python3 -c "print('%.1f' % (($2 - $1) * 1e6 / max(1, $3)))"; }
idle() { python3 -c "a, b = '$1'.split(), '$2'.split(); print('%.0f%%' % (100.0 * (float(b[0]) - float(a[0])) / max(1, float(b[1]) - float(a[1]))))"; }
NH=$(reqs "$DIR/healthz"); NC=$(reqs "$DIR/create")
echo "GET /healthz               $H req/s  p99 $(p99 "$DIR/healthz")  server CPU $(cpu_us "$T0" "$T1" "$NH") us/req  wrk CPU $(wrk_us "$W0" "$W1" "$NH") us/req  machine idle $(idle "$M0" "$M1")"
echo "POST /v1/session/ (durable) $C req/s  p99 $(p99 "$DIR/create")  server CPU $(cpu_us "$T1" "$T2" "$NC") us/req  wrk CPU $(wrk_us "$W1" "$W2" "$NC") us/req  machine idle $(idle "$M1" "$M2")  non-2xx: $(non2xx "$DIR/create")"
[ -z "$PGDIR" ] || echo "database CPU during the creates: $(cpu_us "$D1" "$D2" "$(reqs "$DIR/create")") us/create"
echo "sessions stored: $STORED"
python3 -c "print('ratio create/healthz: %.1f%%' % (100.0 * $C / $H))"
python3 - "$DIR/metrics.txt" <<'PY'
import sys
m = {}
for line in open(sys.argv[1]):
    if line.startswith('passbook_store_'):
        k, v = line.split()
        m[k] = m.get(k, 0) + float(v)
c = m.get('passbook_store_commits_total')
if c:
    line = 'store: %d commits, %.1f writes/commit' % (c, m['passbook_store_writes_total'] / max(1, c))
    if m.get('passbook_store_statements_total'):
        line += ', %.1f writes/statement' % (m['passbook_store_writes_total'] / m['passbook_store_statements_total'])
    if m.get('passbook_store_syncs_total'):
        line += ', %d WAL syncs, %.2f ms/sync' % (m['passbook_store_syncs_total'],
                                                  1000 * m['passbook_store_sync_seconds_total'] / m['passbook_store_syncs_total'])
    print(line)
PY
if [ "$STORE" = postgres ]; then
  echo "database size: $(psql "$PASSBOOK_DB" -qAtc "SELECT pg_database_size(current_database())") bytes for $STORED sessions"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
