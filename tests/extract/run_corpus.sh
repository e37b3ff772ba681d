#!/bin/sh
# The corpus generator checks itself (determinism, truths that reconcile, page counts and
# encryption as poppler sees them, amounts and words present in the PDF text), so a failure of
# run_accuracy.sh always means the parser, not the truth. Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." && exec /usr/bin/python3 tools/statements/selfcheck.py
