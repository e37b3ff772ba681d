#!/bin/sh
# Extraction bench (issues 4, 10): `passbook parse` (release build) over a generated corpus,
# and in the same run the raw MuPDF text extraction of the same files (`mutool draw -q -F text
# -o /dev/null FILE`), one process per file for both, pinned to one core (taskset -c 0), best of
# 3. Prints pages/s and the ratio parse/mutool twice: by wall time, and by CPU time (user + sys of
# the processes: on a shared machine the wall time also counts the time other work held the
# core). Then a long statement (PB_BENCH_LONG_PAGES, default 200 pages) parsed alone: seconds
# (wall and CPU), peak RSS and whether every row is exact (tests/extract/compare.py), and the
# peak RSS of the 100-page one (/usr/bin/time -v).
# Targets: ratio <= 1.5x (goal 1.25x), a 200-page statement in a few seconds, < 100 MB RSS.
# PB_BENCH_COUNT (default 20) 10-page statements + 1 x 100 pages.
set -eu
cd "$(dirname "$0")/.."
make -s build/passbook
. bench/lib.sh
COUNT=${PB_BENCH_COUNT:-20}
DIR=build/bench/extract-corpus
bench_corpus "$DIR" "$COUNT"
files=$(ls "$DIR"/*.pdf)
pages=0
for f in $files; do
  n=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p')
  pages=$((pages + ${n:-0}))
done
export files
# "wall cpu" seconds of one run over every file (the command prefix in "$@"), pinned
run_all() {
  /usr/bin/time -f '%e %U %S' sh -c 'for f in $files; do taskset -c 0 "$@" "$f" >/dev/null 2>&1 || true; done' \
    run_all "$@" 2>&1 >/dev/null | awk 'END { print $1, $2 + $3 }'
}
# warm the page cache once, then the best of 3 for each (wall and CPU apart)
run_all build/passbook parse >/dev/null
best() {
  for r in 1 2 3; do run_all "$@"; done | awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < c { c = $2 } END { print w, c }'
}
t_parse=$(best build/passbook parse)
t_mutool=$(best mutool draw -q -F text -o /dev/null)
nfiles=$(echo "$files" | wc -w)
echo "files: $nfiles, pages: $pages (one process per file, taskset -c 0, best of 3; load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "$t_parse $t_mutool" | awk -v p="$pages" '{
  printf "passbook parse: %.3f s wall  %.0f pages/s; %.3f s CPU  %.0f pages/s\n", $1, p / $1, $2, p / $2;
  printf "mutool draw -F text: %.3f s wall  %.0f pages/s; %.3f s CPU  %.0f pages/s\n", $3, p / $3, $4, p / $4;
  printf "ratio parse/mutool: %.2fx wall, %.2fx CPU\n", $1 / $3, $2 / $4 }'
LONG=${PB_BENCH_LONG_PAGES:-200}
LDIR=build/bench/long-$LONG
bench_long "$LDIR" "$LONG"
long="$LDIR/bench_${LONG}p.pdf"
lp=$(pdfinfo "$long" | sed -n 's/^Pages: *//p')
one() { # "wall cpu rss_kb" of one pinned run
  /usr/bin/time -f '%e %U %S %M' taskset -c 0 "$@" "$long" 2>&1 >/dev/null | awk 'END { print $1, $2 + $3, $4 }'
}
lparse=$(for r in 1 2 3; do one build/passbook parse; done | sort -n | head -1)
lmutool=$(for r in 1 2 3; do one mutool draw -q -F text -o /dev/null; done | sort -n | head -1)
exact=$($PY tests/extract/compare.py build/passbook "$LDIR" | grep -E "^(ok|FAIL)" | head -1)
echo "$lparse $lmutool" | awk -v p="$lp" '{
  printf "%d-page statement: passbook parse %.2f s wall, %.2f s CPU, %d MB peak RSS (mutool %.2f s wall, %.2f s CPU, %d MB); ratio %.2fx CPU\n",
    p, $1, $2, $3 / 1024, $4, $5, $6 / 1024, $2 / $5 }'
echo "  $exact"
big="$DIR/bench_100p.pdf"
if [ -f "$big" ]; then
  bp=$(pdfinfo "$big" | sed -n 's/^Pages: *//p')
  rss=$(/usr/bin/time -v taskset -c 0 build/passbook parse "$big" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
  rssm=$(/usr/bin/time -v taskset -c 0 mutool draw -q -F text -o /dev/null "$big" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
  echo "peak RSS on $bp-page statement: passbook parse $((rss / 1024)) MB (mutool $((rssm / 1024)) MB)"
fi
