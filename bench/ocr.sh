#!/bin/sh
# OCR bench (issue 17): CPU time per scanned page of `passbook parse` (release build) over the
# scanned corpus (tools/statements scan sets: image-only PDFs at 150-300 dpi), one process per
# file pinned to one core (taskset -c 0), user+sys CPU so a busy machine does not count; in the
# same run the baseline: MuPDF drawing the same pages at 300 dpi grey (`mutool draw`), the part
# of the work that is not OCR. Then where the time goes: `perf record` over one statement, by
# library and by symbol. Goal: <= 1 s per page on one core.
# CPU time still moves with the machine's load (shared caches, the hypervisor); with
# PB_BENCH_INSTR=1 the bench also counts the instructions of parsing the first file under
# callgrind (load-independent; ~50x slower: minutes).
# With PB_BENCH_BASE=FILE (another passbook executable, e.g. main's release build copied aside)
# the same run times that build too, alternating the two file by file over PB_BENCH_ROUNDS
# rounds (default 2), and prints the ratio this/base: the machine's load moves both alike.
# PB_BENCH_DIR=DIR times the scans already generated in DIR (e.g. acc.sh's) instead.
#   PB_BENCH_SET (default scan-smoke)   PB_BENCH_INSTR=1   PB_BENCH_BASE=FILE   PB_BENCH_ROUNDS=N
set -eu
cd "$(dirname "$0")/.."
make -s build/passbook
PY=/usr/bin/python3
SET=${PB_BENCH_SET:-scan-smoke}
DIR=${PB_BENCH_DIR:-build/bench/$SET}
stamp="set=$SET generator=$($PY tools/statements/generate.py --print-hash)"
if [ -z "${PB_BENCH_DIR:-}" ] && { [ ! -f "$DIR/.stamp" ] || [ "$(cat "$DIR/.stamp")" != "$stamp" ]; }; then
  rm -rf "$DIR"
  $PY tools/statements/generate.py --out "$DIR" --set "$SET" --seed 1 --quiet
  echo "$stamp" >"$DIR/.stamp"
fi
files=$(ls "$DIR"/scan_*.pdf | grep -v photo)
pages=0
for f in $files; do
  n=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')
  pages=$((pages + ${n:-0}))
done
cpu() { # CPU seconds (user+sys) of one command, pinned
  /usr/bin/time -f '%U %S' taskset -c 0 "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'
}
BASE=${PB_BENCH_BASE:-}
ROUNDS=${PB_BENCH_ROUNDS:-$([ -n "$BASE" ] && echo 2 || echo 1)}
t_ocr=0; t_draw=0; t_base=0; round=0
while [ "$round" -lt "$ROUNDS" ]; do
  for f in $files; do
    a=$(cpu build/passbook parse "$f"); t_ocr=$(echo "$t_ocr + $a" | bc -l)
    if [ -n "$BASE" ]; then
      c=$(cpu "$BASE" parse "$f"); t_base=$(echo "$t_base + $c" | bc -l)
    fi
    b=$(cpu mutool draw -q -r 300 -c gray -o /dev/null -F pgm "$f"); t_draw=$(echo "$t_draw + $b" | bc -l)
  done
  round=$((round + 1))
done
nfiles=$(echo "$files" | wc -w)
echo "$SET: files $nfiles, pages $pages, rounds $ROUNDS (one process per file, taskset -c 0, CPU time)"
awk -v p="$((pages * ROUNDS))" -v a="$t_ocr" -v m="$t_draw" -v c="$t_base" -v base="$BASE" 'BEGIN {
  printf "passbook parse (OCR): %.1f s CPU  %.2f s/page  %.2f pages/s per core\n", a, a / p, p / a;
  if (base != "") {
    printf "base %s: %.1f s CPU  %.2f s/page\n", base, c, c / p;
    printf "ratio this/base: %.3f\n", a / c }
  printf "mutool draw 300 dpi grey (baseline): %.1f s CPU  %.2f s/page\n", m, m / p;
  printf "ratio parse/draw: %.1fx\n", a / m }'
one=$(echo "$files" | head -1)
mkdir -p build/bench # with PB_BENCH_DIR nothing made it: perf record had nowhere to write
if command -v perf >/dev/null 2>&1 && perf record -q -o build/bench/ocr.perf -g taskset -c 0 build/passbook parse "$one" >/dev/null 2>&1; then
  echo "where the time goes ($(basename "$one")), by library:"
  perf report -q -i build/bench/ocr.perf --no-children -g none --sort dso 2>/dev/null | head -6
  echo "top symbols:"
  perf report -q -i build/bench/ocr.perf --no-children -g none --sort dso,symbol 2>/dev/null | grep -v '^$' | head -12
fi
instructions() { # BIN NAME: callgrind's count of BIN parsing the first file
  valgrind --tool=callgrind --callgrind-out-file=build/bench/ocr.callgrind "$1" parse --ocr-page-seconds 100000 "$one" \
    >/dev/null 2>build/bench/ocr.callgrind.log
  n=$(pdfinfo "$one" 2>/dev/null | sed -n 's/^Pages: *//p')
  sed -n 's/^==[0-9]*== Collected : //p' build/bench/ocr.callgrind.log |
    awk -v f="$(basename "$one")" -v p="${n:-1}" -v b="$2" '{ printf "instructions (%s, %s, callgrind): %.2f G, %.2f G per page\n", b, f, $1 / 1e9, $1 / 1e9 / p }'
}
if [ "${PB_BENCH_INSTR:-0}" = 1 ] && command -v valgrind >/dev/null 2>&1; then
  instructions build/passbook this
  [ -z "$BASE" ] || instructions "$BASE" base
fi
