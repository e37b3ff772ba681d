#!/bin/sh
# Runs every test suite and prints one closing line "N passed, N failed".
# Each suite prints its own "N passed, N failed" as its last such line.
# Suites: unit binaries (build/asan/tests/**), then tests/api, tests/browser.
# Set PB_TEST_FILTER to a substring to run only matching suites.
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
for t in $(ls tests/api/test_*.py 2>/dev/null); do
  run_suite "api/$(basename "$t" .py)" python3 "$t"
done
for t in $(ls tests/browser/*.test.mjs 2>/dev/null); do
  run_suite "browser/$(basename "$t" .test.mjs)" node "$t"
done
for t in $(ls tests/*/run_*.sh 2>/dev/null); do
  run_suite "$(basename "$(dirname "$t")")/$(basename "$t" .sh)" sh "$t"
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
