#!/bin/sh
# Upload bench (issue 5): uploads/s and p50/p99 latency of 10-page statements
# posted to upload_session/ by 8 concurrent clients (release build), and in
# the same run `passbook parse` over the same files as the baseline, on the
# same cores (one parse process per core, each over its share of the files).
# Target: the API reaches >= 80% of the CLI's throughput.
#   PB_BENCH_COUNT   statements (default 24; the bench set of the corpus generator)
#   PB_BENCH_CLIENTS concurrent clients (default 8)
#   PB_BENCH_ROUNDS  uploads of the whole set (default 3; each into fresh sessions)
#   STORE            sqlite (default) or postgres (a throwaway cluster, fsync on)
#   NODES            postgres only: servers on the one database, clients spread (default 1)
set -eu
cd "$(dirname "$0")/.."
make -s build/passbook
. bench/lib.sh
COUNT=${PB_BENCH_COUNT:-24}
DIR=build/bench/upload-corpus
bench_corpus "$DIR" "$COUNT"
PGDIR=
trap 'if [ -n "$PGDIR" ]; then scripts/pg-cluster.sh stop "$PGDIR"; fi' EXIT INT TERM
if [ "${STORE:-sqlite}" = postgres ]; then
  PGDIR=$(mktemp -d /tmp/pb-bench-pg-XXXXXX)
  PASSBOOK_DB=$(scripts/pg-cluster.sh start "$PGDIR" --durable)
  export PASSBOOK_DB
fi
$PY bench/upload_load.py --bin build/passbook --corpus "$DIR" \
  --clients "${PB_BENCH_CLIENTS:-8}" --rounds "${PB_BENCH_ROUNDS:-3}" --nodes "${NODES:-1}"
