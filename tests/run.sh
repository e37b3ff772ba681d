#!/bin/sh
# Runs every test suite and prints one closing line "N passed, N failed".
# Each suite prints its own "N passed, N failed" as its last such line.
# Suites: unit binaries (build/asan/tests/**), then tests/api on SQLite
# (api/) and, alongside, on PostgreSQL (api-pg/), then tests/browser and
# the tests/*/run_*.sh suites.
# Set PB_TEST_FILTER to a substring to run only matching suites
# (api-pg/ = every API suite on PostgreSQL).
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
PASSED=0
FAILED=0
LOGDIR=build/test-logs
mkdir -p "$LOGDIR"
: >"$LOGDIR/times"   # "SECONDS SUITE" per suite run: sort -rn it for the slowest

run_suite() {
  name=$1; shift
  case "$name" in *"${PB_TEST_FILTER:-}"*) ;; *) return ;; esac
  log="$LOGDIR/$(echo "$name" | tr '/ ' '__').log"
  t0=$(date +%s)
  "$@" >"$log" 2>&1
  rc=$?
  secs=$(($(date +%s) - t0))
  echo "$secs $name" >>"$LOGDIR/times"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # a crash counts as a failure
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  if [ "$f" -eq 0 ]; then
    echo "ok   $name ($p passed, ${secs} s)"
  else
    echo "FAIL $name ($p passed, $f failed; exit $rc; ${secs} s) — log: $log"
    grep -E '^FAIL|CHECK|ERROR|runtime error|AddressSanitizer' "$log" | head -20 | sed 's/^/     /'
  fi
}

for t in $(find build/asan/tests -type f -perm -u+x 2>/dev/null | sort); do
  run_suite "unit/${t#build/asan/tests/}" "$t"
done
# API suites: every one on SQLite (api/) and again on PostgreSQL (api-pg/,
# a throwaway cluster from scripts/pg-cluster.sh, stopped at the end);
# test_nodes needs PostgreSQL. The two stores run side by side (servers
# take free ports and temporary directories): the PostgreSQL run goes in
# the background and starts a suite only once its SQLite run is over, so
# the caches a suite fills (fixtures, the fault shim) are never written
# by two processes at once. Its lines are printed at the end.
PG_ONLY="test_nodes"
API_SUITES=$(ls tests/api/test_*.py 2>/dev/null)
PG_LIST=""
for t in $API_SUITES; do
  case "api-pg/$(basename "$t" .py)" in *"${PB_TEST_FILTER:-}"*) PG_LIST="$PG_LIST $t" ;; esac
done
PG_DIR=""
PG_PID=""
if [ -n "$PG_LIST" ]; then
  PG_DIR=$(mktemp -d /tmp/pb-pg-XXXXXX)
  trap '[ -n "$PG_PID" ] && kill "$PG_PID" 2>/dev/null; scripts/pg-cluster.sh stop "$PG_DIR"' EXIT
  trap 'exit 130' INT TERM      # stopped: the EXIT trap still removes the cluster
  if PG_URL=$(scripts/pg-cluster.sh start "$PG_DIR" 2>"$LOGDIR/pg-cluster.log"); then
    (
      PASSED=0; FAILED=0
      for t in $PG_LIST; do
        n=$(basename "$t" .py)
        while [ ! -e "$PG_DIR/sqlite-done.$n" ]; do sleep 1; done
        run_suite "api-pg/$n" env PB_TEST_PG="$PG_URL" python3 "$t"
      done
      echo "$PASSED $FAILED" >"$PG_DIR/totals"
    ) >"$PG_DIR/lines" 2>&1 &
    PG_PID=$!
  else
    echo "FAIL api-pg: the PostgreSQL cluster did not start — log: $LOGDIR/pg-cluster.log"
    sed 's/^/     /' "$LOGDIR/pg-cluster.log" | tail -20
    FAILED=$((FAILED + 1))
  fi
fi
for t in $API_SUITES; do
  n=$(basename "$t" .py)
  case " $PG_ONLY " in *" $n "*) ;; *) run_suite "api/$n" python3 "$t" ;; esac
  [ -z "$PG_DIR" ] || touch "$PG_DIR/sqlite-done.$n"
done

for t in $(ls tests/browser/*.test.mjs 2>/dev/null); do
  run_suite "browser/$(basename "$t" .test.mjs)" node "$t"
done
for t in $(ls tests/*/run_*.sh 2>/dev/null); do
  run_suite "$(basename "$(dirname "$t")")/$(basename "$t" .sh)" sh "$t"
done

if [ -n "$PG_PID" ]; then
  wait "$PG_PID"
  PG_PID=""
  cat "$PG_DIR/lines"
  if read -r p f <"$PG_DIR/totals" 2>/dev/null; then
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  else
    echo "FAIL api-pg: the PostgreSQL run ended early"; FAILED=$((FAILED + 1))
  fi
fi
if [ -n "$PG_DIR" ]; then
  scripts/pg-cluster.sh stop "$PG_DIR"
  trap - EXIT INT TERM
fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
