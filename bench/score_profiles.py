"""Score calibration on the labelled corpus: statements of typical borrower profiles drawn by
the corpus generator (tools/statements), scored by `passbook insights`; prints the table of
docs/score.md (min / median / max per profile, and the factors that moved it most).

Usage: /usr/bin/python3 bench/score_profiles.py [--seeds N] [--bin build/passbook]"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools", "statements"))
import fixtures  # noqa: E402

BANKS = ["hdfc", "sbi", "icici", "axis", "kotak", "pnb", "hsbc", "paytm"]
PROFILES = [  # name, spec
    ("salaried, clean", {}),
    ("salaried, rent + insurance + SIP + card bills", {"extras": True}),
    ("salaried, three loans", {"loans": 3}),
    ("salaried, bounced cheque and EMI", {"bounces": True}),
    ("salaried, three loans and bounces", {"loans": 3, "bounces": True}),
    ("business current account (OD)", {"bank": "coop_od"}),
    ("edited with a PDF editor", {"tamper": "producer"}),
]


def main(argv):
    seeds = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else 6
    binary = argv[argv.index("--bin") + 1] if "--bin" in argv else os.path.join(HERE, "..", "build", "passbook")
    out = tempfile.mkdtemp(prefix="pb-score-")
    print("| profile | statements | min | median | max | factors moving it most (median points) |")
    print("|---|---|---|---|---|---|")
    for name, spec in PROFILES:
        scores, factors = [], {}
        for i in range(seeds):
            s = dict({"bank": BANKS[i % len(BANKS)], "months": 6, "seed": 500 + i, "start": "2024-01-01",
                      "density": 25}, **spec)
            path, _ = fixtures.write_statement(out, "p%d" % i, **s)
            r = subprocess.run([binary, "insights", path], capture_output=True, text=True)
            d = json.loads(r.stdout)["accounts"][0]["data"]
            scores.append(d["score"])
            for f in d["score_factors"]:
                factors.setdefault(f["factor"], []).append(f["points"])
        top = sorted(((statistics.median(v), k) for k, v in factors.items()), key=lambda x: -abs(x[0]))[:3]
        print("| %s | %d | %d | %d | %d | %s |" % (name, len(scores), min(scores), int(statistics.median(scores)),
                                                 max(scores), ", ".join("%s %+d" % (k, p) for p, k in top)))


if __name__ == "__main__":
    main(sys.argv)
