#!/bin/sh
# The corpus generator checks itself (determinism, truths that reconcile, page counts and
# encryption as poppler sees them, amounts and words present in the PDF text), so a failure of
# run_accuracy.sh always means the parser, not the truth. Last line: "N passed, N failed".
# The smoke corpus run_accuracy.sh generated (seed 1) is checked in place when it is current;
# otherwise (or with another PB_CORPUS_SEED than the copy's) both copies are generated.
cd "$(dirname "$0")/../.." && exec /usr/bin/python3 tools/statements/selfcheck.py --seed "${PB_CORPUS_SEED:-1}" \
    --reuse build/corpus/smoke
