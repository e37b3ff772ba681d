#!/bin/sh
# Extraction engine end to end on PDFs: statements in the layout families
# of HDFC, SBI, ICICI, Axis and Kotak plus a generic bank (drawn by
# make_fixtures.py with ground truth), and every refusal with its FinBox
# code. Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
PB=${PB:-build/asan/passbook}
PY=/usr/bin/python3
D=build/test-fixtures/extract
rm -rf "$D"; mkdir -p "$D"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }

$PY tests/extract/make_fixtures.py "$D" --seed 11 || { echo "0 passed, 1 failed"; exit 1; }
out=$($PY tests/extract/compare.py "$PB" "$D")
echo "$out"
line=$(echo "$out" | tail -1)
pass=$((pass + $(echo "$line" | sed 's/ passed.*//')))
fail=$((fail + $(echo "$line" | sed 's/.*, \([0-9]*\) failed/\1/')))

expect_code() { # name want-code args...
  name=$1; want=$2; shift 2
  got=$("$PB" parse "$@" 2>/dev/null); rc=$?
  code=$(echo "$got" | $PY -c 'import json,sys; print(json.load(sys.stdin).get("error",{}).get("code","none"))' 2>/dev/null)
  good=0
  if [ "$code" = "$want" ]; then
    if [ "$want" = none ]; then [ $rc -eq 0 ] && good=1; else [ $rc -ne 0 ] && good=1; fi
  fi
  if [ $good -eq 1 ]; then ok "$name"; else ko "$name (got $code, exit $rc)"; fi
}
printf 'hello, not a pdf\n' > "$D/notpdf.pdf"
: > "$D/empty.pdf"
head -c 3000 "$D/hdfc.pdf" > "$D/truncated.pdf"
qpdf --encrypt user6 owner6 256 -- "$D/hdfc.pdf" "$D/aes256.pdf"
qpdf --encrypt user4 owner4 128 --use-aes=y -- "$D/hdfc.pdf" "$D/aes128.pdf"
$PY - "$D/image.pdf" <<'PYEOF'
import sys, zlib
from reportlab.pdfgen import canvas
from PIL import Image
c = canvas.Canvas(sys.argv[1]); c.drawInlineImage(Image.new("RGB", (300, 300), "white"), 50, 50, 400, 400); c.save()
PYEOF
expect_code "not a PDF is UNPARSABLE" UNPARSABLE "$D/notpdf.pdf"
expect_code "empty file is UNPARSABLE" UNPARSABLE "$D/empty.pdf"
expect_code "truncated PDF is UNPARSABLE" UNPARSABLE "$D/truncated.pdf"
expect_code "RC4 without password" PASSWORD_INCORRECT "$D/sbi_password.pdf"
expect_code "RC4 wrong password" PASSWORD_INCORRECT "$D/sbi_password.pdf" --password nope
expect_code "RC4 owner password" none "$D/sbi_password.pdf" --password owner1
expect_code "AES-256 user password" none --password user6 "$D/aes256.pdf"
expect_code "AES-256 owner password" none "$D/aes256.pdf" --password owner6
expect_code "AES-256 wrong password" PASSWORD_INCORRECT "$D/aes256.pdf" --password user4
expect_code "AES-128 user password" none "$D/aes128.pdf" --password user4
expect_code "image-only PDF" PDF_IS_IMAGE "$D/image.pdf"
expect_code "page limit" STATEMENT_TOO_MANY_PAGES "$D/hdfc_long.pdf" --max-pages 3
expect_code "unknown bank parses" none "$D/generic.pdf"
expect_code "unknown bank refused when required" BANK_NAME_UNDETECTED "$D/generic.pdf" --require-bank
expect_code "bank mismatch" BANK_NAME_MISMATCH "$D/hdfc.pdf" --bank sbi

# several files: JSON Lines, one object per file, progress on stderr
n=$("$PB" parse "$D/hdfc.pdf" "$D/notpdf.pdf" "$D/axis.pdf" 2>/dev/null | $PY -c 'import json,sys; print(sum(1 for l in sys.stdin if json.loads(l)))')
[ "$n" = 3 ] && ok "JSON Lines for several files" || ko "JSON Lines for several files ($n)"
rows=$("$PB" parse --format csv "$D/icici.pdf" | wc -l)
want=$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["transactions"]) + 1)' "$D/icici.truth.json")
[ "$rows" = "$want" ] && ok "CSV: header plus one row per transaction" || ko "CSV rows $rows want $want"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
