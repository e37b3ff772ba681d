#!/bin/sh
# Console bench (issue 16): the session page of 12 months x 3 accounts, in
# server time, against the API's insights/ of the same session in the same
# run (bench/console_bench.py). Release build.
set -eu
cd "$(dirname "$0")/.."
make -s build/passbook
exec python3 bench/console_bench.py
