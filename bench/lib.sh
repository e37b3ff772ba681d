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
