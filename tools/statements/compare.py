#!/usr/bin/python3
"""Compare `passbook parse` output with the corpus ground truth.

  compare.py TRUTH_DIR GOT [--names a b ...] [--loose-space] [--max-diffs N] [--markdown FILE]

GOT is a directory holding NAME.json (the parse output of NAME.pdf; an error object counts as
the output) or a JSON Lines file with one object per statement in the order of --names (default:
the manifest's order). Every statement must come out exactly: bank, page count, identity,
period, opening/closing balance and every transaction (date, value date, narration with
whitespace normalised, cheque/ref number, amount, direction, balance), and its reconciliation
verdict must match (only the tampered-balance statements may fail to reconcile). Files that must
be refused must be refused with the expected FinBox error code.

Prints per-layout and overall transaction precision/recall, the mismatches, and a last line
"N passed, N failed" (one count per statement); exits 1 when any statement failed.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

HONORIFICS = {"MR", "MRS", "MS", "MISS", "M/S", "M/S.", "SHRI", "SMT", "KUM", "DR", "MASTER"}


def paise(v):
    if v is None:
        return None
    if isinstance(v, str):
        v = v.replace(",", "")
        try:
            v = float(v)
        except ValueError:
            return v
    return int(round(float(v) * 100))


def norm_space(s):
    return " ".join(str(s).split()) if s is not None else None


def norm_name(s):
    if s is None:
        return None
    words = str(s).upper().replace(".", " ").split()
    while words and (words[0] in HONORIFICS or words[0] + "." in HONORIFICS):
        words = words[1:]
    return " ".join(words)


def norm_address(s):
    if s is None:
        return None
    return " ".join(re.sub(r"[,\s]+", " ", str(s).upper()).split())


def norm_plain(s):
    return None if s in (None, "") else re.sub(r"\s+", "", str(s)).upper()


IDENTITY = {"name": norm_name, "account_number": norm_plain, "ifsc": norm_plain, "micr": norm_plain,
            "address": norm_address, "account_category": lambda s: None if s is None else str(s).lower()}


class Txn:
    FIELDS = ("date", "value_date", "transaction_note", "chq_num", "amount", "transaction_type", "balance")

    def __init__(self, d, strict_space):
        self.raw = d
        note = norm_space(d.get("transaction_note"))
        self.note = note if strict_space or note is None else note.replace(" ", "")
        self.key = (d.get("date"), d.get("value_date"), self.note, norm_plain(d.get("chq_num")),
                    paise(d.get("amount")), d.get("transaction_type"), paise(d.get("balance")))

    def diff(self, other):
        names = []
        for i, f in enumerate(self.FIELDS):
            if self.key[i] != other.key[i]:
                names.append("%s: expected %r got %r" % (f, self.raw.get(f), other.raw.get(f)))
        return names


def load_got(got, names):
    if os.path.isdir(got):
        out = {}
        for n in names:
            p = os.path.join(got, n + ".json")
            try:
                with open(p) as f:
                    text = f.read().strip()
                out[n] = json.loads(text.splitlines()[0] if text.startswith("{") and "\n{" in text else text)
            except (OSError, ValueError) as e:
                out[n] = {"error": {"code": "NO_OUTPUT", "message": "unreadable parse output: %s" % e}}
        return out
    with open(got) as f:
        lines = [json.loads(x) for x in f if x.strip()]
    return {n: (lines[i] if i < len(lines) else {"error": {"code": "NO_OUTPUT", "message": "missing line"}})
            for i, n in enumerate(names)}


def compare_one(truth, got, strict_space, max_diffs):
    """Returns (ok, problems[], matched, n_truth, n_got)."""
    probs = []
    err = (got.get("error") or {}).get("code") if isinstance(got.get("error"), dict) else got.get("error")
    want = truth.get("expect_error")
    if want:
        if err != want:
            probs.append("expected error %s, got %s" % (want, err or "a successful parse"))
        return not probs, probs, 0, 0, 0
    if err:
        msg = (got.get("error") or {}).get("message", "") if isinstance(got.get("error"), dict) else ""
        probs.append("parse failed: %s %s" % (err, msg))
        return False, probs, 0, len(truth["transactions"]), 0
    if got.get("bank_name") != truth.get("bank_name"):
        probs.append("bank_name: expected %r got %r" % (truth.get("bank_name"), got.get("bank_name")))
    if got.get("page_count") != truth.get("page_count"):
        probs.append("page_count: expected %r got %r" % (truth.get("page_count"), got.get("page_count")))
    gid = got.get("identity") or {}
    for k, fn in IDENTITY.items():
        if fn(truth["identity"].get(k)) != fn(gid.get(k)):
            probs.append("identity.%s: expected %r got %r" % (k, truth["identity"].get(k), gid.get(k)))
    gdr = got.get("date_range") or {}
    for k in ("from_date", "to_date"):
        if gdr.get(k) != truth["date_range"][k]:
            probs.append("date_range.%s: expected %r got %r" % (k, truth["date_range"][k], gdr.get(k)))
    for k in ("opening_bal", "closing_bal"):
        if paise(got.get(k)) != paise(truth.get(k)):
            probs.append("%s: expected %r got %r" % (k, truth.get(k), got.get(k)))
    rec = got.get("reconciliation")
    should = truth.get("tampered") != "inconsistent_transaction"
    if isinstance(rec, dict) and bool(rec.get("ok")) != should:
        probs.append("reconciliation.ok: expected %s got %s" % (should, rec.get("ok")))
    tt = [Txn(t, strict_space) for t in truth["transactions"]]
    gt = [Txn(t, strict_space) for t in (got.get("transactions") or [])]
    matched = sum((Counter(t.key for t in tt) & Counter(t.key for t in gt)).values())
    if [t.key for t in tt] != [t.key for t in gt]:
        probs.append("transactions: %d expected, %d got, %d match exactly" % (len(tt), len(gt), matched))
        probs.extend(_txn_diffs(tt, gt, max_diffs))
    return not probs, probs, matched, len(tt), len(gt)


def _txn_diffs(tt, gt, max_diffs):
    """Row-by-row differences, aligned on position (then on date+amount when counts differ)."""
    out = []
    gkeys = Counter(t.key for t in gt)
    for i, t in enumerate(tt):
        if len(out) >= max_diffs:
            out.append("  ... (more differences not shown)")
            break
        if gkeys.get(t.key):
            gkeys[t.key] -= 1
            continue
        cand = [g for g in gt if g.key[0] == t.key[0] and g.key[4] == t.key[4]]
        g = cand[0] if cand else (gt[i] if i < len(gt) else None)
        if g is None:
            out.append("  row %d missing: %s" % (i + 1, json.dumps({k: t.raw.get(k) for k in Txn.FIELDS})))
        else:
            out.append("  row %d (%s %s): %s" % (i + 1, t.raw.get("date"), t.raw.get("amount"),
                                                  "; ".join(t.diff(g))))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("truth_dir")
    ap.add_argument("got")
    ap.add_argument("--names", nargs="*")
    ap.add_argument("--loose-space", action="store_true",
                    help="ignore spaces inside narrations (default: runs of whitespace count as one "
                         "space, but a space must be where the statement has one)")
    ap.add_argument("--max-diffs", type=int, default=8)
    ap.add_argument("--markdown", help="also write the failures as a markdown list to this file")
    a = ap.parse_args(argv)
    names = a.names
    if not names:
        with open(os.path.join(a.truth_dir, "manifest.json")) as f:
            names = json.load(f)["files"]
    got = load_got(a.got, names)
    per = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # passed, failed, matched, n_truth, n_got
    failures = []
    for n in names:
        with open(os.path.join(a.truth_dir, n + ".truth.json")) as f:
            truth = json.load(f)
        group = (truth.get("generator") or {}).get("layout", "special")
        if truth.get("expect_error") or truth.get("tampered") or truth.get("duplicate_group"):
            group = "special"
        ok, probs, m, nt, ng = compare_one(truth, got[n], not a.loose_space, a.max_diffs)
        g = per[group]
        g[0 if ok else 1] += 1
        g[2] += m
        g[3] += nt
        g[4] += ng
        print(("ok   " if ok else "FAIL ") + n)
        for p in probs:
            print("     " + p)
        if not ok:
            failures.append((n, probs))
    print()
    print("%-10s %8s %8s %10s %10s" % ("layout", "passed", "failed", "precision", "recall"))
    tot = [0, 0, 0, 0, 0]
    for group in sorted(per):
        g = per[group]
        for i in range(5):
            tot[i] += g[i]
        print("%-10s %8d %8d %10s %10s" % (group, g[0], g[1], _pct(g[2], g[4]), _pct(g[2], g[3])))
    print("%-10s %8d %8d %10s %10s" % ("overall", tot[0], tot[1], _pct(tot[2], tot[4]), _pct(tot[2], tot[3])))
    if a.markdown:
        with open(a.markdown, "w") as f:
            for n, probs in failures:
                f.write("- `%s.pdf`\n" % n)
                for p in probs:
                    f.write("  - %s\n" % p.strip())
    print("%d passed, %d failed" % (tot[0], tot[1]))
    return 1 if tot[1] else 0


def _pct(a, b):
    return "%.2f%%" % (100.0 * a / b) if b else "-"


if __name__ == "__main__":
    sys.exit(main())
