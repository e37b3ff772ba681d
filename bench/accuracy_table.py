#!/usr/bin/python3
"""Accuracy per layout family, full and held-out sets side by side, as the markdown table of
docs/extraction.md, from the tallies tests/extract/run_accuracy.sh leaves (build/corpus/<set>-tally.json).
usage: bench/accuracy_table.py [FULL_TALLY HELDOUT_TALLY]
Documents exact: every row, the identity and the bank right; rows exact: of the truth's rows;
silent: wrong yet reconciled (a wrong statement not flagged)."""
import json
import math
import sys


def cell(f):
    if not f:
        return "", "", ""
    # rounded down: a family with a row wrong never shows 100%
    rows = math.floor(10000.0 * f["matched"] / f["n_truth"]) / 100 if f["n_truth"] else 100.0
    return "%d/%d" % (f["exact"], f["docs"]), "%.2f%%" % rows, str(f["silent"])


def main():
    paths = sys.argv[1:3] if len(sys.argv) > 2 else ["build/corpus/full-tally.json", "build/corpus/heldout-tally.json"]
    full, held = (json.load(open(p)) for p in paths)
    print("| family | full: docs exact | rows exact | silent | heldout: docs exact | rows exact | silent |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    fams = sorted(set(full["families"]) | set(held["families"]))
    for name in fams:
        print("| %s | %s | %s | %s | %s | %s | %s |" % ((name,) + cell(full["families"].get(name))
                                                    + cell(held["families"].get(name))))
    print("| **all** | **%s** | **%s** | **%s** | **%s** | **%s** | **%s** |" % (cell(full["overall"])
                                                                              + cell(held["overall"])))


if __name__ == "__main__":
    main()
