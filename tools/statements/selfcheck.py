#!/usr/bin/python3
"""Checks the corpus generator itself, so a wrong truth never blames the parser.

  selfcheck.py [--seed N] [--set smoke|scan-smoke] [--reuse build/corpus/SET]

Generates the set twice (or once more, next to the copy run_accuracy.sh made) and checks: identical bytes for the same seed; every truth
reconciles (opening + credits - debits = closing, each printed balance follows from the
previous one) except the statement tampered on purpose; the page count and encryption match
what poppler reads; every transaction's amount and date appear in poppler's text of the PDF;
files that must be refused are what they claim. Scans (scan-* sets): image-only (no text, no
font, one JPEG image a page at the scan's resolution), the truth the unscanned statement's,
the scanner's settings in the issue's ranges, the stamp on no amount. Last line: "N passed, N failed".
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate  # noqa: E402
import layouts  # noqa: E402
import producers  # noqa: E402
import scan  # noqa: E402
import sets  # noqa: E402
import statement  # noqa: E402

PASSED = FAILED = 0
PROBLEMS = []


def check(cond, what):
    """Records a problem; counts are made per statement by settle()."""
    if not cond:
        PROBLEMS.append(what)
        print("FAIL " + what)


def settle():
    global PASSED, FAILED
    if PROBLEMS:
        FAILED += 1
    else:
        PASSED += 1
    del PROBLEMS[:]


def poppler(tool, path, pw, *args):
    cmd = [tool] + (["-upw", pw] if pw else []) + list(args) + [path] + (["-"] if tool == "pdftotext" else [])
    r = subprocess.run(cmd, capture_output=True, text=True)
    return r.returncode, r.stdout


def check_statement(d, name, t):
    path = os.path.join(d, name + ".pdf")
    pw = t.get("password")
    if t.get("expect_error") in ("UNPARSABLE",):
        rc, _ = poppler("pdfinfo", path, None)
        check(rc != 0, "%s: poppler reads a file that must be UNPARSABLE" % name)
        return
    if t.get("expect_error") == "PASSWORD_INCORRECT":
        rc, _ = poppler("pdfinfo", path, pw)
        check(rc != 0, "%s: the wrong password opens the file" % name)
        return
    rc, info = poppler("pdfinfo", path, pw)
    check(rc == 0, "%s: poppler cannot open it" % name)
    pages = re.search(r"Pages:\s+(\d+)", info)
    check(pages and int(pages.group(1)) == t["page_count"], "%s: page_count %s, poppler says %s" % (
        name, t["page_count"], pages and pages.group(1)))
    if pw:
        rc, _ = poppler("pdfinfo", path, None)
        check(rc != 0, "%s: opens without its password" % name)
    if t.get("expect_error") == "PDF_IS_IMAGE":
        _, text = poppler("pdftotext", path, pw)
        check(not text.strip(), "%s: image-only PDF has text" % name)
        return
    patterns = (t.get("generator") or {}).get("patterns", [])
    if "garbage_text_layer" in patterns:
        # read as MuPDF (Passbook's reader) reads it: poppler recovers custom glyph names
        # through the font's own cmap
        text = subprocess.run(["mutool", "draw", "-q", "-F", "txt", path], capture_output=True,
                              text=True).stdout
        words = set(re.findall(r"[A-Za-z]{4,}", text))
        if "garbage_wrong_letters" in patterns:
            # the bold font (column names) reads, the body font's letters are others, its digits right
            said = {w for x in t["transactions"] for w in re.findall(r"[A-Za-z]{4,}", x["transaction_note"])}
            kept = said & words
            check("Balance" in words, "%s: the bold font no longer reads Balance" % name)
            check(len(kept) * 10 < len(said), "%s: the wrong letters still read %d of %d narration words: %s" % (
                name, len(kept), len(said), sorted(kept)[:8]))
            digits = re.sub(r"[^0-9]", "", text)
            check("%d" % round(t["closing_bal"] * 100) in digits, "%s: the closing balance is not read" % name)
            return
        known = {"Balance"} if "garbage_one_font" in patterns else \
            {"Bank", "BANK", "Balance", "Date", "Statement", "Account"}
        check(not words & known, "%s: the broken text layer still reads %s" % (name, sorted(words & known)))
        return
    bal = round(t["opening_bal"] * 100)
    breaks = 0
    bad = [x for x in t["transactions"] if round(x["amount"] * 100) <= 0 or
           x["transaction_type"] not in ("debit", "credit")]
    check(not bad, "%s: %d rows with a bad amount or type" % (name, len(bad)))
    for x in t["transactions"]:
        a = round(x["amount"] * 100)
        bal = bal + a if x["transaction_type"] == "credit" else bal - a
        if bal != round(x["balance"] * 100):
            breaks += 1
            bal = round(x["balance"] * 100)
    want = 2 if t.get("tampered") == "inconsistent_transaction" else 0
    check(breaks == want, "%s: %d balance-chain breaks in the truth, expected %d" % (name, breaks, want))
    check(bal == round(t["closing_bal"] * 100), "%s: closing balance does not follow" % name)
    _, text = poppler("pdftotext", path, pw, "-layout")
    digits = re.sub(r"[^0-9]", "", text)
    missing = [x for x in t["transactions"] if "%d" % round(x["amount"] * 100) not in digits
               and str(int(x["amount"])) not in digits]
    check(not missing, "%s: %d amounts not found in the text" % (name, len(missing)))
    # Words may be cut where a long token wraps (a browser cuts anywhere): look for them in the
    # text with every space and line break removed.
    flat = re.sub(r"\s+", "", text)
    _, raw = poppler("pdftotext", path, pw, "-raw")  # content order: a browser's cell stays together
    flat_raw = re.sub(r"\s+", "", raw)
    lost = [x for x in t["transactions"]
            if any(w not in flat and w not in flat_raw for w in re.findall(r"[A-Za-z]{4,}", x["transaction_note"]))]
    check(not lost, "%s: %d narrations have words missing from the text" % (name, len(lost)))
    if t.get("identity", {}).get("account_number"):
        check(t["identity"]["account_number"] in flat, "%s: the account number is not printed" % name)


def _without_scan(t):
    """A truth without what scanning changes (no password, the scanner's record)."""
    t = json.loads(json.dumps(t))
    t["password"] = None
    g = t.get("generator") or {}
    g["encryption"] = None
    g.pop("scan", None)
    g["patterns"] = [x for x in g.get("patterns", []) if x != "scanned"]
    return t


def check_scan(d, name, t, spec):
    """A scanned (or photographed) statement: image-only, its truth the drawn statement's."""
    path = os.path.join(d, name + ".pdf")
    rc, info = poppler("pdfinfo", path, None)
    check(rc == 0, "%s: poppler cannot open the scan" % name)
    pages = re.search(r"Pages:\s+(\d+)", info)
    check(pages and int(pages.group(1)) == t["page_count"], "%s: page_count %s, poppler says %s" % (
        name, t["page_count"], pages and pages.group(1)))
    _, text = poppler("pdftotext", path, None)
    check(not text.strip(), "%s: the scan has a text layer: %r" % (name, text.strip()[:60]))
    _, fonts = poppler("pdffonts", path, None)
    check(len(fonts.strip().splitlines()) <= 2, "%s: the scan has fonts" % name)
    _, images = poppler("pdfimages", path, None, "-list")
    rows = [r.split() for r in images.strip().splitlines()[2:]]
    check([int(r[0]) for r in rows] == list(range(1, t["page_count"] + 1)),
          "%s: not one image a page: %s" % (name, [r[0] for r in rows]))
    fax = "fax" in ((t["generator"].get("scan") or {}).get("extra") or {}).get("names", [])
    check(all(r[8] == ("ccitt" if fax else "jpeg") for r in rows), "%s: pages not JPEG (a fax's CCITT)" % name)
    base = {k: v for k, v in spec.items() if k not in ("scan", "photo")}
    pdf, drawn, _ = statement.make(base)
    if spec["scan"] == "photo":
        check(t.get("expect_error") == "PDF_IS_IMAGE", "%s: a photo must be refused (PDF_IS_IMAGE)" % name)
        p = t["generator"]["photo"]
        check(all(abs(float(r[12]) - p["dpi"]) <= 1 for r in rows), "%s: images not at %s dpi" % (name, p["dpi"]))
        check(p["blur"] * p["dpi"] >= 2, "%s: a photo blurred less than 2 pixels may be readable" % name)
        return
    check(_without_scan(t) == _without_scan(drawn), "%s: the truth is not the drawn statement's" % name)
    check(t.get("expect_error") is None and t.get("password") is None, "%s: a scan to read has no error/password" % name)
    p = t["generator"]["scan"]
    skew = 4.5 if "skew" in (p.get("extra") or {}).get("names", []) else 1.5
    check(150 <= p["dpi"] <= 300 and 0.3 <= abs(p["angle"]) <= skew and 40 <= p["jpeg_quality"] <= 85,
          "%s: scanner settings out of range: %s" % (name, p))
    check(all(abs(float(r[12]) - p["dpi"]) <= 1 for r in rows), "%s: images not at %s dpi" % (name, p["dpi"]))
    check("scanned" in t["generator"]["patterns"], "%s: no 'scanned' pattern" % name)
    if p.get("stamp_box"):
        words = scan.page_words(pdf, p["dpi"], drawn.get("password"))[p["stamp_page"] - 1]
        hit = [w for w, b in words if scan.AMOUNT.match(w) and scan._overlap(b, p["stamp_box"])]
        check(not hit, "%s: the stamp covers amounts %s" % (name, hit))


def _qpdf_rc4(t):
    """RC4 statements encrypted by qpdf (HTML-printed or re-rendered ones) rather than reportlab."""
    g = t.get("generator") or {}
    return bool(set(g.get("patterns", [])) & {"html_chromium", "producer_cairo", "producer_mutool"})


def check_same_id():
    """MuPDF prints the random half of a saved file's ID as a literal string when that is shorter
    than hex (about 1 save in 100): same_id must set it right in either form."""
    first = b"<0A87AB505001BC8663F63DED0A57D0BB>"
    want = b"trailer\n<</Size 16/Root 12 0 R/ID[" + first + first + b"]>>\nstartxref\n47892\n%%EOF\n"
    for second in (b"<6D8AD63648D46D2C2A2D0311F3EDDD13>", rb"(Ab\)c\(d9\\Q\001xyzw\377)"):
        got = producers.same_id(want.replace(first + first, first + second))
        check(got == want, "same_id leaves the ID's second half %r" % second)


def reusable(d, seed, set_name="smoke"):
    """The smoke corpus run_accuracy.sh generated into d, when it is this seed and generator."""
    try:
        with open(os.path.join(d, ".stamp")) as f:
            stamp = f.read().strip()
        with open(os.path.join(d, "manifest.json")) as f:
            names = json.load(f)["files"]
    except (OSError, ValueError, KeyError):
        return None
    want = "set=%s seed=%d generator=%s" % (set_name, seed, generate.generator_hash())
    return names if stamp == want else None


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--set", default="smoke", choices=["smoke", "scan-smoke", "probe", "probe4", "probe5", "probe5-heldout",
                                                       "probe6", "probe6-heldout", "probe7", "probe7-heldout", "probe8", "probe8-heldout"])
    ap.add_argument("--reuse", help="the smoke corpus already generated with this seed (run_accuracy.sh's "
                                    "build/corpus/smoke): check it and generate only the second copy")
    a = ap.parse_args(argv)
    check(layouts.money(12345678) == "1,23,456.78" and layouts.money(-5) == "-0.05" and
          layouts.money(150000, "none", strip=True) == "1500" and layouts.money(150050, "none", strip=True)
          == "1500.5", "money formatting")
    check_same_id()
    settle()
    with tempfile.TemporaryDirectory() as tmp1, tempfile.TemporaryDirectory() as d2:
        names = reusable(a.reuse, a.seed, a.set) if a.reuse else None
        d1 = a.reuse if names else tmp1
        if not names:
            names = generate.generate(d1, a.seed, a.set, quiet=True)
        generate.generate(d2, a.seed, a.set, quiet=True)
        specs = {s["name"]: s for s in sets.specs(a.set, a.seed)}
        for n in names:
            with open(os.path.join(d1, n + ".pdf"), "rb") as f1, open(os.path.join(d2, n + ".pdf"), "rb") as f2:
                same = f1.read() == f2.read()
            # AES-256 (qpdf) uses a random salt and IV, qpdf's RC4 a random file ID: only the
            # truth must be identical then.
            with open(os.path.join(d1, n + ".truth.json")) as f:
                t = json.load(f)
            with open(os.path.join(d2, n + ".truth.json")) as f:
                check(t == json.load(f), "%s: truth differs between two runs with the same seed" % n)
            if (t.get("generator") or {}).get("encryption") is None or \
                    ((t.get("generator") or {}).get("encryption") == "rc4" and not _qpdf_rc4(t)):
                check(same, "%s: bytes differ between two runs with the same seed" % n)
            if n in specs and specs[n].get("scan") is not None:
                check_scan(d1, n, t, specs[n])
            else:
                check_statement(d1, n, t)
            settle()
        if a.set != "smoke":
            print("%d passed, %d failed" % (PASSED, FAILED))
            return 1 if FAILED else 0
        layouts_seen = {json.load(open(os.path.join(d1, n + ".truth.json"))).get("generator", {}).get("layout")
                        for n in names}
        for want in (k for k in layouts.LAYOUTS if k not in layouts.PROBE):
            check(want in layouts_seen, "smoke set lacks layout %s" % want)
        settle()
    print("%d passed, %d failed" % (PASSED, FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
