#!/bin/sh
# Accuracy of OCR (issue 17) on the scanned corpus: statements of ten families printed, stamped,
# marked by hand and scanned into image-only PDFs (tools/statements/scan.py), plus a phone photo
# that must stay PDF_IS_IMAGE. Same checks as run_accuracy.sh (every row, the identity, error
# codes); statements OCR does not read exactly yet are listed in tests/extract/xfail-scan-smoke.txt
# and print XFAIL (a crash, a timeout, a wrong refusal or a statement silently wrong, i.e. wrong
# yet reconciled: neither exact nor flagged, still fails).
cd "$(dirname "$0")/../.."
# While statements are expected failures, scan-smoke's rows exact may not fall below what was
# measured last (SCAN_SMOKE_ROWS, of 255 rows; raise it as OCR improves).
#   PB_CORPUS_SET=scan-smoke|scan-full|scan-heldout (default scan-smoke)
SCAN_SMOKE_ROWS=248
SET=${PB_CORPUS_SET:-scan-smoke}
FLAGS=--xfail-not-silent
[ "$SET" = scan-smoke ] && FLAGS="$FLAGS --min-rows $SCAN_SMOKE_ROWS"
# OCR under AddressSanitizer is ~5x slower than the release build: a page may take a minute
PB_COMPARE_FLAGS=$FLAGS PB_PARSE_TIMEOUT=${PB_PARSE_TIMEOUT:-900} PB_CORPUS_SET=$SET exec sh tests/extract/run_accuracy.sh
