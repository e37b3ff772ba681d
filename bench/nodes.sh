#!/bin/sh
# Issue 15's benchmarks in one run: bench/session_create.sh and bench/upload.sh on SQLite, on
# PostgreSQL with one node and with two nodes (each PostgreSQL run on a throwaway cluster with
# fsync on), one after the other on the same machine; the full outputs go to build/bench/nodes/,
# a summary to stdout. Env: DURATION (session create, default 10s), PB_BENCH_ROUNDS (uploads, 3).
set -eu
cd "$(dirname "$0")/.."
make -s build/passbook
OUT=build/bench/nodes
mkdir -p "$OUT"
for run in "sqlite 1" "postgres 1" "postgres 2"; do
  set -- $run
  tag=$1-$2
  echo "== $1, $2 node(s) =="
  STORE=$1 NODES=$2 sh bench/session_create.sh >"$OUT/session_create-$tag.txt" 2>&1 ||
    echo "session_create failed: $OUT/session_create-$tag.txt"
  grep -E '^(GET|POST|ratio|store:|database)' "$OUT/session_create-$tag.txt" | sed 's/^/  /'
  STORE=$1 NODES=$2 sh bench/upload.sh >"$OUT/upload-$tag.txt" 2>&1 || echo "upload failed: $OUT/upload-$tag.txt"
  grep -E '^(passbook parse|upload API|ratio|database)' "$OUT/upload-$tag.txt" | sed 's/^/  /'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
