#!/bin/sh
# Accuracy of `passbook parse` on the synthetic statement corpus (issue 4).
# Generates the corpus into build/corpus/<set> (tests/extract/corpus.sh: cached by seed + generator hash), parses every
# file with its password under the ASan build, and compares with the ground truth: every
# transaction, the identity and the error codes must be exact. Prints per family and per pattern
# statements exact and rows exact, and ends with "N passed, N failed", one count per statement.
# Statements listed in tests/extract/xfail-<set>.txt (the families and patterns the reader does
# not handle yet) print XFAIL instead of failing; one that passes prints XPASS (remove it then).
#   PB_CORPUS_SET=smoke|full|heldout|scan-smoke|scan-full|scan-heldout   PB_CORPUS_SEED=N   PASSBOOK_BIN=build/asan/passbook
#   PB_PARSE_TIMEOUT=seconds per statement (default 120)
#   PB_CORPUS_XFAIL=file (default tests/extract/xfail-<set>.txt; "none" to see every failure)
#   PB_COMPARE_FLAGS=flags for tools/statements/compare.py (e.g. --xfail-not-silent)
set -u
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
BIN=${PASSBOOK_BIN:-build/asan/passbook}
SET=${PB_CORPUS_SET:-smoke}
SEED=${PB_CORPUS_SEED:-1}
TIMEOUT=${PB_PARSE_TIMEOUT:-120}   # seconds per statement (scans under ASan take longer)
DIR=build/corpus/$SET
OUT=build/corpus/$SET-out

if ! sh tests/extract/corpus.sh "$SET" "$SEED" >/dev/null; then
    echo "corpus generation failed"
    echo "0 passed, 1 failed"
    exit 1
fi

if [ ! -x "$BIN" ]; then
    echo "no $BIN: run make test (or make build/asan/passbook) first"
    echo "0 passed, 1 failed"
    exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT"
$PY - "$DIR" >"$OUT/.list" <<'PYEOF'
import json, sys
d = sys.argv[1]
for n in json.load(open(d + "/manifest.json"))["files"]:
    t = json.load(open("%s/%s.truth.json" % (d, n)))
    print("%s\t%s" % (n, t.get("password") or ""))
PYEOF
tab=$(printf '\t')
while IFS="$tab" read -r name pw; do
    f="$DIR/$name.pdf"
    if [ -n "$pw" ]; then
        timeout "$TIMEOUT" "$BIN" parse "$f" --password "$pw" >"$OUT/$name.json" 2>"$OUT/$name.err"
    else
        timeout "$TIMEOUT" "$BIN" parse "$f" >"$OUT/$name.json" 2>"$OUT/$name.err"
    fi
    rc=$?
    # A crash, sanitizer report or timeout is never an acceptable answer, whatever the file.
    if [ "$rc" -gt 1 ] && ! grep -q '"error"' "$OUT/$name.json" || \
       grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$OUT/$name.err"; then
        printf '{"error": {"code": "CRASH", "message": "exit %s; see %s"}}\n' "$rc" "$OUT/$name.err" >"$OUT/$name.json"
    fi
done <"$OUT/.list"

XFAIL=${PB_CORPUS_XFAIL:-tests/extract/xfail-$SET.txt}
[ "$XFAIL" = none ] && XFAIL=/dev/null
# shellcheck disable=SC2086 # PB_COMPARE_FLAGS: extra compare.py flags, word-split on purpose
$PY tools/statements/compare.py ${PB_COMPARE_FLAGS:-} "$DIR" "$OUT" --markdown "build/corpus/$SET-failures.md" --xfail "$XFAIL" \
    --json "build/corpus/$SET-tally.json"
