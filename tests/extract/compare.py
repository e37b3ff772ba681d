#!/usr/bin/python3
"""Compares `passbook parse` output with ground truth X.truth.json files.
usage: compare.py PASSBOOK DIR [-v]   prints per-file results and totals:
transactions exact (date, amount, direction, balance, narration with
whitespace normalised), precision/recall, identity fields exact."""
import json, os, subprocess, sys

def norm(s):
    return " ".join((s or "").split())

def txkey(t):
    return (t["date"], round(t["amount"] * 100), t["transaction_type"], round(t["balance"] * 100), norm(t["transaction_note"]))

def main():
    exe, d = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv
    tp = fp = fn = 0
    idok = idn = files_ok = nfiles = errs_ok = 0
    for f in sorted(os.listdir(d)):
        if not f.endswith(".truth.json"):
            continue
        truth = json.load(open(os.path.join(d, f)))
        pdf = os.path.join(d, f[:-len(".truth.json")] + ".pdf")
        if not os.path.exists(pdf):
            continue
        nfiles += 1
        args = [exe, "parse", pdf]
        if truth.get("password"):
            args += ["--password", truth["password"]]
        p = subprocess.run(args, capture_output=True, text=True)
        try:
            out = json.loads(p.stdout)
        except ValueError:
            print("FAIL %s: no JSON (exit %d) %s" % (f, p.returncode, p.stderr[-300:]))
            continue
        if truth.get("expect_error"):
            got = out.get("error", {}).get("code")
            ok = got == truth["expect_error"]
            errs_ok += ok
            files_ok += ok
            print("%s %s: error %s (want %s)" % ("ok  " if ok else "FAIL", f, got, truth["expect_error"]))
            continue
        if "error" in out:
            print("FAIL %s: %s" % (f, out["error"]))
            fn += len(truth.get("transactions", []))
            continue
        want = [txkey(t) for t in truth["transactions"]]
        got = [txkey(t) for t in out["transactions"]]
        ws, gs = list(want), list(got)
        match = 0
        for g in got:
            if g in ws:
                ws.remove(g); match += 1
        tp += match; fp += len(got) - match; fn += len(want) - match
        bad_id = []
        for k, v in truth.get("identity", {}).items():
            if k in ("account_category",) and v is None:
                continue
            idn += 1
            if norm(str(out["identity"].get(k))) == norm(str(v)):
                idok += 1
            else:
                bad_id.append("%s: got %r want %r" % (k, out["identity"].get(k), v))
        for k in ("bank_name", "opening_bal", "closing_bal"):
            if k in truth:
                idn += 1
                if out.get(k) == truth[k]: idok += 1
                else: bad_id.append("%s: got %r want %r" % (k, out.get(k), truth[k]))
        if "date_range" in truth:
            idn += 1
            if out["date_range"] == truth["date_range"]: idok += 1
            else: bad_id.append("date_range: got %r want %r" % (out["date_range"], truth["date_range"]))
        ok = match == len(want) == len(got) and not bad_id
        files_ok += ok
        print("%s %s: %d/%d txns, %d extra%s" % ("ok  " if ok else "FAIL", f, match, len(want), len(got) - match,
              "" if not bad_id else "; " + "; ".join(bad_id)))
        if verbose and not ok:
            for g in got:
                if g not in want: print("   got  ", g)
            for w in want:
                if w not in got: print("   want ", w)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print("transactions: precision %.4f recall %.4f (%d exact, %d wrong/extra, %d missed)" % (prec, rec, tp, fp, fn))
    print("identity fields: %d/%d exact" % (idok, idn))
    print("%d passed, %d failed" % (files_ok, nfiles - files_ok))
    return 0 if files_ok == nfiles else 1

sys.exit(main())
