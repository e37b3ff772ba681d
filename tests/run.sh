#!/bin/sh
# Runs every test suite and prints one closing line "N passed, N failed".
# Each suite prints its own "N passed, N failed" as its last such line.
# Suites: unit binaries (build/asan/tests/**), then tests/api (on SQLite),
# then api-pg/: API suites again on PostgreSQL (a throwaway cluster from
# scripts/pg-cluster.sh, stopped at the end), then tests/browser.
# Set PB_TEST_FILTER to a substring to run only matching suites.
# api-pg/ runs PG_SUITES below and the PostgreSQL-only suites; with
# PB_TEST_PG_SUITES=all (make test-pg) every API suite.
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
PASSED=0
FAILED=0
LOGDIR=build/test-logs
mkdir -p "$LOGDIR"

run_suite() {
  name=$1; shift
  case "$name" in *"${PB_TEST_FILTER:-}"*) ;; *) return ;; esac
  log="$LOGDIR/$(echo "$name" | tr '/ ' '__').log"
  "$@" >"$log" 2>&1
  rc=$?
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
  f=$(echo "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # a crash counts as a failure
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  if [ "$f" -eq 0 ]; then
    echo "ok   $name ($p passed)"
  else
    echo "FAIL $name ($p passed, $f failed; exit $rc) — log: $log"
    grep -E '^FAIL|CHECK|ERROR|runtime error|AddressSanitizer' "$log" | head -20 | sed 's/^/     /'
  fi
}

for t in $(find build/asan/tests -type f -perm -u+x 2>/dev/null | sort); do
  run_suite "unit/${t#build/asan/tests/}" "$t"
done
# Suites that need PostgreSQL, and those make test also runs on it (the
# store's every table family and the files; the rest: make test-pg).
PG_ONLY="test_nodes"
PG_SUITES="test_nodes test_aa test_accounts test_foundation test_session_create test_lifecycle test_files test_webhooks test_keys test_entity test_sessions_list test_console"
for t in $(ls tests/api/test_*.py 2>/dev/null); do
  n=$(basename "$t" .py)
  case " $PG_ONLY " in *" $n "*) continue ;; esac
  run_suite "api/$n" python3 "$t"
done

pg_wanted() {
  case " $PG_SUITES " in *" $1 "*) ;; *) [ "${PB_TEST_PG_SUITES:-}" = all ] || return 1 ;; esac
  case "api-pg/$1" in *"${PB_TEST_FILTER:-}"*) return 0 ;; esac
  return 1
}
PG_LIST=""
for t in $(ls tests/api/test_*.py 2>/dev/null); do
  pg_wanted "$(basename "$t" .py)" && PG_LIST="$PG_LIST $t"
done
if [ -n "$PG_LIST" ]; then
  PG_DIR=$(mktemp -d /tmp/pb-pg-XXXXXX)
  trap 'scripts/pg-cluster.sh stop "$PG_DIR"' EXIT
  trap 'exit 130' INT TERM      # stopped: the EXIT trap still removes the cluster
  if PG_URL=$(scripts/pg-cluster.sh start "$PG_DIR" 2>"$LOGDIR/pg-cluster.log"); then
    for t in $PG_LIST; do
      run_suite "api-pg/$(basename "$t" .py)" env PB_TEST_PG="$PG_URL" python3 "$t"
    done
  else
    echo "FAIL api-pg: the PostgreSQL cluster did not start — log: $LOGDIR/pg-cluster.log"
    sed 's/^/     /' "$LOGDIR/pg-cluster.log" | tail -20
    FAILED=$((FAILED + 1))
  fi
  scripts/pg-cluster.sh stop "$PG_DIR"
  trap - EXIT INT TERM
fi
for t in $(ls tests/browser/*.test.mjs 2>/dev/null); do
  run_suite "browser/$(basename "$t" .test.mjs)" node "$t"
done
for t in $(ls tests/*/run_*.sh 2>/dev/null); do
  run_suite "$(basename "$(dirname "$t")")/$(basename "$t" .sh)" sh "$t"
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
