#!/bin/sh
# Insights bench (issue 6): time to produce insights for a 12-month,
# 3-account session against the time to extract the same statements, in
# the same run. Generates three 12-month statements (HDFC, SBI, ICICI) with
# the corpus generator, builds bench/insights_bench against the release
# library, and runs it (best of PB_BENCH_ROUNDS, default 3).
# The HTTP side (upload + initiate_processing + GET insights/) is not timed
# here: the endpoints call the same library.
set -eu
cd "$(dirname "$0")/.."
make -s build/libpassbook.a
OUT=build/bench/insights
mkdir -p "$OUT"
for spec in hdfc:1 sbi:2 icici:3; do
  bank=${spec%%:*}; seed=${spec##*:}
  [ -f "$OUT/$bank.pdf" ] || /usr/bin/python3 tools/statements/fixtures.py statement "$OUT" \
    "{\"name\": \"$bank\", \"bank\": \"$bank\", \"months\": 12, \"seed\": $seed, \"density\": 60, \"bounces\": true}"
done
PKGS="libmicrohttpd jansson sqlite3 libpq libcurl openssl xlsxwriter libargon2 libpcre2-8"
MUPDF="-lmupdf -lmupdf-third -lharfbuzz -lfreetype -ljbig2dec -lopenjp2 -ljpeg -lgumbo -lmujs -lz -lm"
cc -std=gnu11 -O2 -Isrc -D_GNU_SOURCE -pthread $(pkg-config --cflags $PKGS) bench/insights_bench.c \
  build/libpassbook.a $(pkg-config --libs $PKGS) $MUPDF -lpthread -o build/bench/insights_bench
build/bench/insights_bench "$OUT/hdfc.pdf" "$OUT/sbi.pdf" "$OUT/icici.pdf"
# Cross-check with the CLI: passbook parse on the same three files.
if [ -x build/passbook ]; then
  t0=$(date +%s.%N)
  build/passbook parse "$OUT/hdfc.pdf" "$OUT/sbi.pdf" "$OUT/icici.pdf" >/dev/null
  t1=$(date +%s.%N)
  echo "passbook_parse_seconds (CLI, one run): $(echo "$t1 - $t0" | bc)"
fi
