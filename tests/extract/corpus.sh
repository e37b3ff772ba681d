#!/bin/sh
# Makes build/corpus/<SET> current: generates the corpus set (tools/statements/generate.py) unless
# the copy there was made with the same set, seed and generator (its .stamp). Prints the folder.
#   sh tests/extract/corpus.sh SET [SEED]     (SET: smoke full heldout bench scan-smoke scan-full scan-heldout)
set -u
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
SET=${1:?set}
SEED=${2:-1}
DIR=build/corpus/$SET
stamp="set=$SET seed=$SEED generator=$($PY tools/statements/generate.py --print-hash)"
if [ ! -f "$DIR/.stamp" ] || [ "$(cat "$DIR/.stamp")" != "$stamp" ]; then
    rm -rf "$DIR"
    $PY tools/statements/generate.py --out "$DIR" --seed "$SEED" --set "$SET" --quiet >&2 || exit 1
    echo "$stamp" >"$DIR/.stamp"
fi
echo "$DIR"
