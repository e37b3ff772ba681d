"""Labelled transactions of the synthetic corpus (tools/statements), without rendering PDFs:
one JSON document {"statements": [{bank, holder, opening, txns: [{date, type, amount, balance,
note, labels}]}]} on stdout, amounts in paise. Used by tests/unit/enrich/test_corpus_labels.c.
Usage: python3 tests/enrich/corpus_labels.py [--seed N] [--count N]"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "statements"))

import statement  # noqa: E402


def specs(seed, count):
    banks = os.environ.get("PB_CORPUS_BANKS", "hdfc sbi icici axis kotak coop coop_drcr coop_od").split()
    out = []
    for i in range(count):
        bank = banks[i % len(banks)]
        out.append({"bank": bank, "variant": i % 4, "months": [1, 3, 6, 12][(i // len(banks)) % 4],
                    "density": 20 + (i * 7) % 40, "seed": seed * 1000 + i, "bounces": i % 3 == 0,
                    "name": "lbl%d" % i, "extras": i % 2 == 1})
    return out


def main(argv):
    seed, count = 7, 48
    if "--seed" in argv:
        seed = int(argv[argv.index("--seed") + 1])
    if "--count" in argv:
        count = int(argv[argv.index("--count") + 1])
    docs = []
    for spec in specs(seed, count):
        st = statement.build(spec)
        txns = [{"date": e.date.isoformat(), "type": "credit" if e.credit else "debit",
                 "amount": e.amount, "balance": e.balance, "note": " ".join(e.narration.split()),
                 "labels": e.labels} for e in st.events]
        docs.append({"bank": spec["bank"], "holder": st.holder.name, "corporate": st.holder.corporate,
                     "months": spec["months"],
                     "opening": st.opening, "from": st.start.isoformat(), "to": st.end.isoformat(),
                     "txns": txns})
    json.dump({"statements": docs}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
