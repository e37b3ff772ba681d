#!/bin/sh
# The analysis on every family of the statement corpus (issue 12's held-out checks):
# tests/enrich/corpus_insights.py over the smoke set (the set tests/extract/run_accuracy.sh
# measures extraction on, generated here when missing, with the same stamp so it is made once
# per run). Prints per family and the ratios, ends with "N passed, N failed".
#   PASSBOOK_BIN=build/asan/passbook   PB_CORPUS_SET=smoke   PB_CORPUS_SEED=1
set -u
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
BIN=${PASSBOOK_BIN:-build/asan/passbook}
SET=${PB_CORPUS_SET:-smoke}
SEED=${PB_CORPUS_SEED:-1}
DIR=build/corpus/$SET
stamp="set=$SET seed=$SEED generator=$($PY tools/statements/generate.py --print-hash)"
if [ ! -f "$DIR/.stamp" ] || [ "$(cat "$DIR/.stamp")" != "$stamp" ]; then
    rm -rf "$DIR"
    $PY tools/statements/generate.py --out "$DIR" --seed "$SEED" --set "$SET" --quiet ||
        { echo "corpus generation failed"; echo "0 passed, 1 failed"; exit 1; }
    echo "$stamp" >"$DIR/.stamp"
fi
exec $PY tests/enrich/corpus_insights.py "$DIR" --bin "$BIN"
