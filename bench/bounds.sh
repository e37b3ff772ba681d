#!/bin/sh
# Bounded extraction bench (issue 11): four bomb PDFs and another organisation's ordinary
# upload (marks: ordinary within 15 s, each bomb within 75 s), and the server's peak memory
# for four concurrent uploads of a ~500-page statement (mark: under 1.5 GiB). Release build.
#   PB_BENCH_ROUNDS  bomb rounds (default 3)
set -eu
cd "$(dirname "$0")/.."
make -s build/passbook
PY=/usr/bin/python3
DIR=build/bench/bounds
BIG=$DIR/big500.pdf
if [ ! -f "$BIG" ]; then
  mkdir -p "$DIR"
  $PY -c "
import sys; sys.path.insert(0, 'tools/statements'); import fixtures
fixtures.write_statement('$DIR', 'big500', bank='hdfc', months=24, seed=5, start='2022-01-01', density=400)"
fi
exec $PY bench/bounds.py "$BIG"
