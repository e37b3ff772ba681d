#!/usr/bin/env python3
"""A synthetic statement whose dates fall inside a default session (the last 6 months up
to today, India time): what the README's walkthrough uploads.

    python3 tools/statements/recent.py statement.pdf [--bank hdfc] [--months 6] [--seed 1]

It starts on the first day of the month `--months` before this one and ends yesterday, so
every month a default session expects is covered. Prints the file, the bank, the period
and the account number. Deterministic for a given day and seed.
"""
import argparse
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def period(months, today=None):
    today = today or dt.datetime.now(IST).date()
    y, m = today.year, today.month - months
    while m < 1:
        y, m = y - 1, m + 12
    return dt.date(y, m, 1), today - dt.timedelta(days=1)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="the PDF to write")
    ap.add_argument("--bank", default="hdfc", help="hdfc, sbi, icici, axis or kotak (default hdfc)")
    ap.add_argument("--months", type=int, default=6, help="months back from this one (default 6)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    start, end = period(a.months)
    out = os.path.abspath(a.out)
    name = os.path.splitext(os.path.basename(out))[0]
    path, truth = fixtures.write_statement(os.path.dirname(out), name, bank=a.bank, months=a.months + 1,
                                           seed=a.seed, start=start.isoformat(), end_day=end.isoformat(),
                                           density=20)
    os.remove(os.path.join(os.path.dirname(out), name + ".truth.json"))
    print("%s: %s statement %s to %s, account %s" % (path, a.bank, start, end, truth["identity"]["account_number"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
