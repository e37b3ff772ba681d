# Sourced by the bench scripts (after cd to the repository root).
PY=/usr/bin/python3

# bench_corpus DIR COUNT: the corpus generator's bench set of COUNT
# statements in DIR, made again only when COUNT or the generator changed.
bench_corpus() {
  stamp="count=$2 generator=$($PY tools/statements/generate.py --print-hash)"
  if [ ! -f "$1/.stamp" ] || [ "$(cat "$1/.stamp")" != "$stamp" ]; then
    rm -rf "$1"
    $PY tools/statements/generate.py --out "$1" --set bench --count "$2" --quiet
    echo "$stamp" >"$1/.stamp"
  fi
}

# bench_long DIR PAGES: one statement of PAGES pages (the generator's hdfc layout, two
# years of dense rows) with its truth, in DIR; made again only when the generator changed.
# Made here, not as a corpus set, so that the corpora's generator hash stays as it is.
bench_long() {
  stamp="pages=$2 generator=$($PY tools/statements/generate.py --print-hash)"
  if [ ! -f "$1/.stamp" ] || [ "$(cat "$1/.stamp")" != "$stamp" ]; then
    rm -rf "$1"
    mkdir -p "$1"
    $PY - "$1" "$2" <<'PYEOF'
import sys
sys.path.insert(0, "tools/statements")
import statement
out, pages = sys.argv[1], int(sys.argv[2])
spec = {"name": "bench_%dp" % pages, "bank": "hdfc", "seed": 1, "months": 24, "density": 170, "pages_target": pages}
pdf, truth, _ = statement.make(spec)
statement.write(out, spec["name"], pdf, truth)
PYEOF
    echo "$stamp" >"$1/.stamp"
  fi
}
