#!/bin/sh
# Short bounded libFuzzer runs of the harnesses (extraction, upload form, HTTP front) (part of make
# test): each harness runs for FUZZ_SECONDS (default 12) from the seed corpus
# in tests/fuzz/corpus/<name>/; new inputs go to build/fuzz/work/, never into
# the repository. A crash, leak or sanitizer report fails the harness.
# Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
SECS=${FUZZ_SECONDS:-12}
if ! command -v clang-14 >/dev/null 2>&1; then
  echo "clang-14 missing (scripts/install-deps.sh --test)"; echo "0 passed, 1 failed"; exit 1
fi
if ! make -s -f tests/fuzz/Makefile >build/fuzz-build.log 2>&1; then
  tail -20 build/fuzz-build.log; echo "0 passed, 1 failed"; exit 1
fi
pass=0; fail=0
for h in table pdf upload_form http_front fi aa_notify; do
  work=build/fuzz/work/$h
  mkdir -p "$work" build/fuzz/artifacts
  log=build/fuzz/$h.log
  if build/fuzz/fuzz_$h "$work" "tests/fuzz/corpus/$h" -max_total_time="$SECS" -rss_limit_mb=2048 \
       -max_len=65536 -timeout=20 -artifact_prefix=build/fuzz/artifacts/$h- -print_final_stats=1 >"$log" 2>&1; then
    pass=$((pass + 1)); echo "ok   fuzz_$h ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs)"
  else
    fail=$((fail + 1)); echo "FAIL fuzz_$h — log: $log"; grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -5
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
