#!/bin/sh
# Extraction bench (issue 4): pages/s of `passbook parse` (release build)
# over a generated corpus, and in the same run the raw MuPDF text extraction
# of the same files (`mutool draw -q -F text -o /dev/null FILE`), one process
# per file for both, pinned to one core (taskset -c 0). Prints pages/s, the
# ratio (our parsing overhead) and the peak RSS of parse on a 100-page
# statement (/usr/bin/time -v). Targets: >= 300 pages/s, <= 1.5x MuPDF,
# < 100 MB RSS.  PB_BENCH_COUNT (default 20) 10-page statements + 1 x 100 pages.
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
now() { date +%s.%N; }
run_all() { # command prefix; runs once per file, pinned
  for f in $files; do taskset -c 0 "$@" "$f" >/dev/null 2>&1 || true; done
}
# warm the page cache once, then time best of 3 for each
run_all build/passbook parse
best() {
  b=999999
  for r in 1 2 3; do
    t0=$(now); run_all "$@"; t1=$(now)
    b=$(echo "$t1 - $t0" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
  done
  echo "$b"
}
t_parse=$(best build/passbook parse)
t_mutool=$(best mutool draw -q -F text -o /dev/null)
nfiles=$(echo "$files" | wc -w)
echo "files: $nfiles, pages: $pages (one process per file, taskset -c 0, best of 3)"
awk -v p="$pages" -v a="$t_parse" -v m="$t_mutool" 'BEGIN {
  printf "passbook parse: %.3f s  %.0f pages/s\n", a, p / a;
  printf "mutool draw -F text: %.3f s  %.0f pages/s\n", m, p / m;
  printf "ratio parse/mutool: %.2fx\n", a / m }'
big="$DIR/bench_100p.pdf"
if [ -f "$big" ]; then
  bp=$(pdfinfo "$big" | sed -n 's/^Pages: *//p')
  rss=$(/usr/bin/time -v taskset -c 0 build/passbook parse "$big" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
  rssm=$(/usr/bin/time -v taskset -c 0 mutool draw -q -F text -o /dev/null "$big" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
  echo "peak RSS on $bp-page statement: passbook parse $((rss / 1024)) MB (mutool $((rssm / 1024)) MB)"
fi
