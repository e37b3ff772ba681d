#!/bin/sh
# The scanned corpus (issue 17) checks itself: the same seed gives the same bytes; every scan is
# image-only (no text layer, no font, one JPEG image a page at its resolution) and its truth is
# the drawn statement's; the scanner's settings are in the issue's ranges; no stamp sits on an
# amount; the phone photo expects PDF_IS_IMAGE. Reuses build/corpus/scan-smoke when current.
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." && exec /usr/bin/python3 tools/statements/selfcheck.py --set scan-smoke \
    --seed "${PB_CORPUS_SEED:-1}" --reuse build/corpus/scan-smoke
