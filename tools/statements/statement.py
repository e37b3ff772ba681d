"""One synthetic statement: spec -> events -> PDF bytes + ground truth (dict).

A spec is a plain dict (see DEFAULTS); everything random is drawn from random.Random(spec seed)
so the same spec always gives the same statement, byte for byte.
"""
import copy
import datetime as dt
import json
import os
import random
import subprocess
import tempfile

import banks
import chromium
import layouts
import model
import narrations
import producers
import quirks
from render import Renderer, dejavu_available

from reportlab.lib import pdfencrypt

DEFAULTS = {"bank": "hdfc", "variant": 0, "months": 1, "density": 30, "seed": 1, "font": "Helvetica",
            "size": 8, "page": "A4", "password": None, "enc": None, "od_limit": 0, "bounces": False,
            "break_rows": True, "grid": False, "start": None, "zero_txn": False, "corporate": False,
            "end_day": None, "opening": None, "author": "", "summary_new_page": False, "post": None,
            "heldout": False, "second_account": None, "extras": False, "loans": None, "valign": None,
            "quirks": ()}

BANK_CODES = {  # IFSC prefix, MICR bank code, account number shape
    "hdfc": ("HDFC", "240"), "sbi": ("SBIN", "002"), "icici": ("ICIC", "229"), "axis": ("UTIB", "211"),
    "kotak": ("KKBK", "485"),
}


class Statement:
    pass


def _account_number(rng, bank):
    r = model.rand_digits
    return {"hdfc": lambda: "501" + r(rng, 11), "sbi": lambda: "00000" + "3" + r(rng, 10),
            "icici": lambda: "0" + r(rng, 11), "axis": lambda: "91" + r(rng, 13),
            "kotak": lambda: r(rng, 10)}.get(bank, lambda: "00" + r(rng, 3) + "0" + r(rng, 7))()


def build(spec):
    """Spec dict -> Statement with events, identity and style decided."""
    s = dict(DEFAULTS)
    s.update(spec)
    rng = random.Random("%s/%s" % (s["seed"], s.get("name", "")))
    if s["bank"] == "coop_od":  # the overdraft variant is a business current account
        if "corporate" not in spec:
            s["corporate"] = True
        if not s["od_limit"]:
            s["od_limit"] = rng.choice([200000, 500000, 1000000]) * 100
    st = Statement()
    st.spec = s
    st.layout_id = s["bank"]
    st.variant = s["variant"]
    st.holder = h = model.Holder(rng, corporate=s["corporate"])
    st.plan = plan = model.Plan(rng, h, {"no_salary": s["corporate"], "loans": s["loans"]})
    start = s["start"] or dt.date(rng.choice([2023, 2024]), rng.randint(1, 12), 1)
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    end = model.month_add(start, s["months"]) - dt.timedelta(days=1)
    if s["end_day"]:
        end = dt.date.fromisoformat(s["end_day"])
    st.start, st.end = start, end
    st.od_limit = s["od_limit"]
    opening, events = model.build_events(rng, h, plan, start, end, s["density"],
                                         {"od_limit": s["od_limit"], "bounces": s["bounces"],
                                          "opening": s["opening"],
                                          "extras": s["extras"] and random.Random("%s/%s/extras" % (
                                              s["seed"], s.get("name", "")))})
    first = layouts.LAYOUTS[s["bank"]].first_rows_one_side(s)
    if first:
        opening, events = model.one_side_first(opening, events, first[1], first[0])
    if s["zero_txn"]:
        events = []
    st.opening, st.events = opening, events
    st.producer_override = None
    if s.get("tamper") == "producer":
        st.producer_override = rng.choice(model.EDITORS)
    if s.get("tamper") == "balance" and len(events) > 4:
        k = len(events) // 2
        events[k].balance += rng.choice([100000, 500000, -20000, 1000000])
    st.closing = events[-1].balance if events else opening
    family = layouts.LAYOUTS[s["bank"]]
    style_fn = narrations.STYLES[getattr(family, "narr_style", None) or _narr_style(s["bank"])]
    for e in events:
        e.narration, e.chq = style_fn(e, h, rng)
    st.coop_index = rng.randrange(3)
    coop_prefix = (["XSFB", "XNSF", "XKSF"] if s["bank"] == "sfb" else ["XSSB", "XJUB", "XNNB"])[st.coop_index]
    ifsc_prefix, micr_bank = BANK_CODES.get(s["bank"], (coop_prefix, "9" + model.rand_digits(rng, 2)))
    st.acct = _account_number(rng, s["bank"])
    st.ifsc = ifsc_prefix + "0" + model.rand_digits(rng, 6)
    st.micr = h.micr_city + micr_bank + model.rand_digits(rng, 3)
    st.cif = model.rand_digits(rng, 11)
    st.opened = dt.date(rng.randint(2008, 2020), rng.randint(1, 12), rng.randint(1, 28))
    st.branch_addr = "%s, %s" % (rng.choice(model.BRANCH_WORDS), h.branch)
    st.generated = dt.datetime.combine(end + dt.timedelta(days=rng.randint(1, 9)), dt.time(10, 22, 15))
    st.author = s["author"]
    st.style = {"font": s["font"] if (not s["font"].startswith("DejaVu") or dejavu_available()) else "Helvetica",
                "size": s["size"], "page": s["page"], "break_rows": s["break_rows"], "grid": s["grid"],
                "jitter": {k: rng.uniform(0.3, 2.5) for k in ("date", "vdate", "chq", "dr", "cr", "bal", "sno",
                                                              "amt", "drcr", "br")},
                "ref_w": rng.randint(70, 95)}
    st.style["quirks"] = tuple(s["quirks"] or ())
    for k in ("leading", "margin", "pad", "compress"):  # page geometry, when the spec varies it
        if k in s:
            st.style[k] = s[k]
    st.password = bank_password(s["bank"], h) if s["password"] == "auto" else s["password"]
    if s["post"] == "cairo" and not st.style["font"].startswith("DejaVu"):
        st.style["font"] = "DejaVuSans"  # cairo redraws with the embedded fonts only
    if s["bank"] not in layouts.LEGACY:
        _family_account(st, family, random.Random("%s/%s/family" % (s["seed"], s.get("name", ""))))
    return st


def _family_account(st, family, rng):
    """Account numbers and codes of the banks added for issue 10, from a random stream of their own
    (so the statements of the first five layouts stay byte for byte what they were)."""
    st.rng = rng
    need = getattr(family, "needs_font", None)  # a rupee sign, a typewriter look
    if need and not st.style["font"].startswith(need):
        st.style["font"] = "DejaVuSans" if need == "DejaVu" else need
    key = family.bank_key
    if key in banks.BANKS:
        b = banks.BANKS[key]
        st.acct = st.holder.phone if key == "airtel" else b.account_number(rng)
        st.ifsc = banks.ifsc(key, rng)
        st.micr = st.holder.micr_city + b.micr + model.rand_digits(rng, 3)
    if hasattr(family, "prepare"):
        family.prepare(st, rng)


def bank_password(bank, h):
    """The password each bank puts on e-mailed statements, from the holder's details."""
    bank = getattr(layouts.LAYOUTS.get(bank), "bank_key", None) or bank  # a family: its bank's rule
    first4 = h.name.replace(" ", "")[:4]
    return {"hdfc": h.cust_id, "sbi": h.phone[-5:] + h.dob.strftime("%d%m%y"),
            "icici": first4.lower() + h.dob.strftime("%d%m"), "axis": first4.upper() + h.dob.strftime("%d%m"),
            "kotak": h.cust_id}.get(bank, first4.upper() + h.dob.strftime("%Y"))


def _narr_style(bank):
    return bank if bank in narrations.STYLES else "coop"


def render(st):
    """PDF bytes (encrypted when the spec asks) and the page count."""
    lay = layouts.LAYOUTS[st.layout_id](st)
    st.layout = lay
    enc = st.spec["enc"] if st.password else None
    post = st.spec.get("post")
    geometry = [q for q in st.style["quirks"] if q in quirks.GEOMETRY]
    if hasattr(lay, "html"):  # printed by Chromium
        pdf, pages = chromium.render(lay, st)
    else:
        pdf, pages = _draw(lay, st, enc == "rc4" and not post and not geometry)
    if post:
        pdf = producers.rerender(pdf, post, st)
    if geometry:
        pdf = quirks.geometry(pdf, geometry)
    if enc == "aes256" or (enc == "rc4" and (post or geometry or hasattr(lay, "html"))):
        pdf = qpdf_encrypt(pdf, st.password, enc)
    return pdf, pages


def _draw(lay, st, rc4):
    """Drawn by reportlab; a statement with an OCR layer (quirks.py) is drawn, rasterised, and
    drawn again as those images with its text invisible on top."""
    def renderer(images=None):
        R = Renderer(lay, st, images)
        if rc4:
            R.encrypt = pdfencrypt.StandardEncryption(st.password, st.password + "-owner", strength=128)
        return R
    if "ocr" in st.style["quirks"]:
        with tempfile.TemporaryDirectory(prefix="pb-ocr-") as d:
            plain = Renderer(lay, st).render()
            R = renderer(quirks.page_images(plain, d))
            pdf = R.render()
    else:
        R = renderer()
        pdf = R.render()
    st.split_rows = R.split_rows
    return pdf, R.pages


def qpdf_encrypt(pdf, password, enc="aes256"):
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, "in.pdf"), os.path.join(d, "out.pdf")
        with open(src, "wb") as f:
            f.write(pdf)
        weak = [] if enc == "aes256" else ["--allow-weak-crypto"]  # RC4-128, as many banks still use
        bits = ["256"] if enc == "aes256" else ["128", "--use-aes=n"]
        subprocess.run(["qpdf"] + weak + ["--encrypt", password, password + "-owner"] + bits + ["--", src, dst],
                       check=True)
        with open(dst, "rb") as f:
            return f.read()


def rupees(paise):
    return None if paise is None else paise / 100


def _chq_truth(chq):
    return " ".join(chq.split()) if chq else None


def truth(st, pages):
    lay = st.layout
    has_vdate = lay.prints_value_date()
    txns = []
    for e in st.events:
        txns.append({"date": e.date.isoformat(), "value_date": e.value_date.isoformat() if has_vdate else None,
                     "transaction_note": " ".join(e.narration.split()),
                     "chq_num": _chq_truth(lay.printed_chq(e)) if lay.prints_chq() else None,
                     "amount": rupees(e.amount), "transaction_type": "credit" if e.credit else "debit",
                     "balance": rupees(e.balance), "labels": dict(e.labels)})
    return {"bank_name": lay.bank, "page_count": pages, "identity": lay.identity(),
            "other_accounts": lay.other_accounts(),
            "date_range": {"from_date": st.start.isoformat(), "to_date": st.end.isoformat()},
            "opening_bal": rupees(st.opening), "closing_bal": rupees(st.closing),
            "transactions": txns, "password": st.password, "expect_error": None, "tampered": None,
            "generator": {"layout": st.layout_id, "patterns": lay.pattern_tags(), "variant": st.variant,
                          "font": st.style["font"],
                          "page": st.style["page"], "months": st.spec["months"], "encryption": st.spec["enc"]
                          if st.password else None}}


def slice_period(st, lo, hi):
    """The statement of the same account over [lo, hi] (inside st's period): its rows, the
    balance before them as the opening balance, printed two days after hi."""
    s = copy.copy(st)
    evs = [e for e in st.events if lo <= e.date <= hi]
    first = st.events.index(evs[0])
    s.opening = st.events[first - 1].balance if first else st.opening
    s.events = evs
    s.closing = evs[-1].balance
    s.start, s.end = lo, hi
    s.generated = dt.datetime.combine(hi + dt.timedelta(days=2), st.generated.time())
    return s


def make(spec):
    """Spec -> (pdf bytes, truth dict). With pages_target, the density is adjusted until the
    statement has exactly that many pages (or the closest found). With part = [from, to]
    (ISO dates), the statement covers only that part of the spec's period: statements with
    the same spec and different parts belong to one account."""
    st = build(spec)
    if spec.get("part"):
        lo, hi = (dt.date.fromisoformat(x) for x in spec["part"])
        st = slice_period(st, lo, hi)
    pdf, pages = render(st)
    target = spec.get("pages_target")
    if target and pages != target:
        st, pdf, pages = _aim_pages(spec, st, pdf, pages, target)
    t = truth(st, pages)
    if st.spec["zero_txn"]:
        t["expect_error"] = "STATEMENT_NO_TRANSACTIONS"
    return pdf, t, st


def _aim_pages(spec, st, pdf, pages, target):
    """Search the density (transactions a month) that gives exactly `target` pages; the page count
    grows with density but not strictly (each density draws other events), so keep the closest."""
    best = (abs(pages - target), st, pdf, pages)
    tried = {st.spec["density"]}
    density = st.spec["density"]
    for _ in range(14):
        density = max(1, int(round(density * target / max(pages, 1))))
        while density in tried:
            density += 1 if pages < target else -1
        if density < 1:
            break
        tried.add(density)
        st = build(dict(spec, density=density))
        pdf, pages = render(st)
        if abs(pages - target) < best[0]:
            best = (abs(pages - target), st, pdf, pages)
        if pages == target:
            break
    return best[1], best[2], best[3]


def write(out_dir, name, pdf, t):
    path = os.path.join(out_dir, name + ".pdf")
    with open(path, "wb") as f:
        f.write(pdf)
    with open(os.path.join(out_dir, name + ".truth.json"), "w") as f:
        json.dump(t, f, indent=1, sort_keys=False)
        f.write("\n")
    return path
