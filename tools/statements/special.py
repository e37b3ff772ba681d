"""Files that are not plain good statements: image-only, corrupt, not a PDF, empty, wrong
password, tampered (editor producer, modified after creation, incremental update, altered
balance) and duplicate/overlapping pairs for the duplicate-statement checks."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import tempfile

from reportlab.pdfgen import canvas

import producers
import statement

# A text layer that cannot be read (fonts without a usable ToUnicode map) is refused with this code.
GARBAGE_TEXT_CODE = "PDF_TEXT_UNREADABLE"


def _truth_error(t, code):
    t = dict(t)
    t["expect_error"] = code
    return t


def _write_raw(out, name, data, t):
    with open(os.path.join(out, name + ".pdf"), "wb") as f:
        f.write(data)
    with open(os.path.join(out, name + ".truth.json"), "w") as f:
        json.dump(t, f, indent=1)
        f.write("\n")
    return name


def _error_truth(code, pages=None, password=None):
    return {"bank_name": None, "page_count": pages, "identity": None, "date_range": None, "opening_bal": None,
            "closing_bal": None, "transactions": [], "password": password, "expect_error": code, "tampered": None}


def make(spec, out):
    """Writes the special file(s) of spec; returns their names (without .pdf)."""
    kind, name = spec["special"], spec["name"]
    base = dict(spec.get("base", {}), name=name, seed=spec["seed"])
    if kind == "image":
        pdf, t, _ = statement.make(base)
        img = image_only(pdf)
        t = _truth_error(t, "PDF_IS_IMAGE")
        return [_write_raw(out, name, img, t)]
    if kind == "truncated":
        pdf, t, _ = statement.make(base)
        return [_write_raw(out, name, pdf[:max(200, len(pdf) // 50)], _error_truth("UNPARSABLE"))]
    if kind == "garbage":
        import random
        rng = random.Random(spec["seed"])
        data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(rng.randrange(256) for _ in range(4000))
        return [_write_raw(out, name, data, _error_truth("UNPARSABLE"))]
    if kind == "not_pdf":
        data = b"Date,Narration,Withdrawal,Deposit,Balance\n01/04/2024,UPI-RAHUL,100.00,,900.00\n"
        return [_write_raw(out, name, data, _error_truth("UNPARSABLE"))]
    if kind == "empty":
        return [_write_raw(out, name, b"", _error_truth("UNPARSABLE"))]
    if kind == "wrong_password":
        pdf, t, st = statement.make(dict(base, password=base.get("password", "right123"), enc=base.get("enc", "rc4")))
        t = _truth_error(t, "PASSWORD_INCORRECT")
        t["password"] = spec.get("given", "WRONG-PASSWORD")
        return [_write_raw(out, name, pdf, t)]
    if kind == "duplicate":
        return duplicates(base, out, name)
    if kind in ("garbage_font", "garbage_cmap"):
        pdf, t, _ = statement.make(base)
        bad = producers.garbage_text(pdf, "none" if kind == "garbage_font" else "identity")
        t = _truth_error(t, GARBAGE_TEXT_CODE)
        t["generator"]["patterns"] = ["garbage_text_layer"]
        return [_write_raw(out, name, bad, t)]
    if kind in ("garbage_glyphnames", "garbage_bold_glyphnames", "garbage_bold_glyphids", "no_tounicode"):
        # drawn in an embedded TrueType font (reportlab's simple subsets), then broken
        pdf, t, _ = statement.make(dict(base, font=base.get("font", "DejaVuSans")))
        if kind == "no_tounicode":  # the codes are the characters: still readable, read exactly
            return [_write_raw(out, name, producers.simple_fonts(pdf, "drop"), t)]
        mode = "glyphids" if kind == "garbage_bold_glyphids" else "glyphnames"
        bad = producers.simple_fonts(pdf, mode, "" if kind == "garbage_glyphnames" else "Bold")
        t = _truth_error(t, GARBAGE_TEXT_CODE)
        # one font broken: the bold one of the column labels (Balance among them)
        t["generator"]["patterns"] = ["garbage_text_layer"] + \
            ([] if kind == "garbage_glyphnames" else ["garbage_one_font"])
        return [_write_raw(out, name, bad, t)]
    if kind == "garbage_wrong_letters":
        # the body font (narrations, address) reads every letter as another: rows and balances
        # read, the narrations are nonsense
        import random
        pdf, t, _ = statement.make(dict(base, font=base.get("font", "DejaVuSans")))
        perm = list(range(26))
        random.Random(spec["seed"]).shuffle(perm)
        bad = producers.wrong_letters(pdf, perm)
        t = _truth_error(t, GARBAGE_TEXT_CODE)
        t["generator"]["patterns"] = ["garbage_text_layer", "garbage_wrong_letters"]
        return [_write_raw(out, name, bad, t)]
    raise ValueError(kind)


def image_only(pdf):
    """Rasterise every page with pdftoppm and rebuild a PDF holding only those images."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "in.pdf")
        with open(src, "wb") as f:
            f.write(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-gray", "-png", src, os.path.join(d, "p")], check=True)
        pngs = sorted(glob.glob(os.path.join(d, "p*.png")))
        outp = os.path.join(d, "out.pdf")
        c = canvas.Canvas(outp, invariant=1)
        c._doc.info.producer = "Scanner Pro 7.2"
        from reportlab.lib.utils import ImageReader
        for p in pngs:
            ir = ImageReader(p)
            w, h = ir.getSize()
            pw, ph = w * 72 / 60, h * 72 / 60
            c.setPageSize((pw, ph))
            c.drawImage(ir, 0, 0, pw, ph)
            c.showPage()
        c.save()
        with open(outp, "rb") as f:
            return f.read()


# ---------------------------------------------------------------- tampering
def tamper(kind, pdf, t):
    """Post-render tampering. 'producer' and 'balance' are applied at build time (see statement.make)."""
    t = dict(t)
    if kind == "moddate":
        pdf = _later_moddate(pdf)
        t["tampered"] = "date_fraud"
    elif kind == "incremental":
        pdf = _incremental_update(pdf)
        t["tampered"] = "date_fraud"
    elif kind == "producer":
        t["tampered"] = "author_fraud"
    elif kind == "balance":
        t["tampered"] = "inconsistent_transaction"
    return pdf, t


def _later_moddate(pdf):
    m = re.search(rb"/ModDate \(D:(\d{14})", pdf)
    when = dt.datetime.strptime(m.group(1).decode(), "%Y%m%d%H%M%S") + dt.timedelta(days=3, hours=5)
    new = when.strftime("%Y%m%d%H%M%S").encode()
    return pdf[:m.start(1)] + new + pdf[m.end(1):]


def _incremental_update(pdf):
    """Append an update section that replaces the Info dictionary (as an editor's save would)."""
    size = int(re.findall(rb"/Size (\d+)", pdf)[-1])
    root = re.findall(rb"/Root (\d+ \d+ R)", pdf)[-1]
    ids = re.findall(rb"/ID\s*\n?\[(<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>)\]", pdf)
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    m = re.search(rb"/CreationDate \((D:[^)]*)\)", pdf)
    created = m.group(1) if m else b"D:20240101000000+05'30'"
    later = dt.datetime.strptime(created[2:16].decode(), "%Y%m%d%H%M%S") + dt.timedelta(days=2)
    # Keep the original producer: this file must be flagged for the update alone (date_fraud).
    prod = re.search(rb"/Producer \(([^)]*)\)", pdf)
    prod = prod.group(1) if prod else b"unknown"
    body = b"\n%d 0 obj\n<< /Producer (%s) /Creator (%s) " \
           b"/CreationDate (%s) /ModDate (D:%s+05'30') /Title (Statement of Account) >>\nendobj\n" % (
               size, prod, prod, created, later.strftime("%Y%m%d%H%M%S").encode())
    off = len(pdf) + 1
    xref_at = len(pdf) + len(body)
    xref = b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n" % (size, off)
    trailer = b"trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size + 1, root, size, prev, (b" /ID [" + ids[-1] + b"]") if ids else b"", xref_at)
    return pdf + body + xref + trailer


# ---------------------------------------------------------------- duplicates
def duplicates(base, out, name):
    """An overlapping pair (months 1-3 and 2-4 of one account) and an exact duplicate pair
    (the same statement downloaded twice: identical rows, different file bytes)."""
    full = statement.build(dict(base, months=4))
    names = []
    m2 = _month_start(full.start, 1)
    m3 = _month_start(full.start, 3) - dt.timedelta(days=1)
    a = statement.slice_period(full, full.start, m3)
    b = statement.slice_period(full, m2, full.end)
    group = name
    for suffix, st in (("overlap_a", a), ("overlap_b", b)):
        pdf, pages = statement.render(st)
        t = statement.truth(st, pages)
        t["duplicate_group"] = group + "_overlap"
        names.append(_write_raw(out, "%s_%s" % (name, suffix), pdf, t))
    for suffix, hours in (("exact_a", 0), ("exact_b", 30)):
        st = statement.slice_period(full, m2, full.end)
        st.generated = st.generated + dt.timedelta(hours=hours)
        pdf, pages = statement.render(st)
        t = statement.truth(st, pages)
        t["duplicate_group"] = group + "_exact"
        names.append(_write_raw(out, "%s_%s" % (name, suffix), pdf, t))
    return names


def _month_start(d, n):
    y, m = d.year + (d.month - 1 + n) // 12, (d.month - 1 + n) % 12 + 1
    return dt.date(y, m, 1)
