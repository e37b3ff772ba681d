"""The corpus sets: lists of statement specs (see statement.DEFAULTS for the keys).

smoke:   small, every layout family and special file once, fast enough for `make test` under ASan.
full:    the variations of each family (fonts, page sizes, months, passwords, producers, patterns).
heldout: every family with held-out mutations (heldout.py) and seeds no other set uses: the
         estimate of accuracy on layouts never seen. Never tune a reader on it.
probe, probe-heldout: the probe families (fam_probe*.py, held out until read), plain and with the
         held-out mutations.
bench:   N 10-page statements plus one 100-page statement.
scan-smoke, scan-full, scan-heldout: statements of those kinds printed, stamped, marked by hand
         and scanned into image-only PDFs (scan.py), plus phone photos that must be refused.
"""
import random

BANKS = ["hdfc", "sbi", "icici", "axis", "kotak"]
GENERIC = ["coop", "coop_drcr", "coop_od", "sfb"]
FONTS = ["Helvetica", "Times", "Courier", "DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed"]
PAGES = ["A4", "Letter", "A4-landscape", "Letter-landscape"]


def available(bank):
    import layouts
    return bank in layouts.LAYOUTS


def families():
    """The layout families added for issue 10, in a stable order."""
    import layouts
    return [k for k in layouts.LAYOUTS if k not in layouts.LEGACY and k not in layouts.PROBE]


# Per family, what its smoke statement adds to the defaults: a period across a new year for
# yearless dates, a second account, a summary on a page of its own, another producer, a password.
SMOKE_EXTRA = {
    "hdfc_old": {"summary_new_page": True, "months": 2},
    "hdfc_new": {"password": "auto", "enc": "rc4"},
    "sbi_yono": {"font": "DejaVuSerif"},
    "icici_ca": {"corporate": True, "page": "A4-landscape"},
    "kotak_drcr": {"od_limit": 20000000, "opening": -1500000},
    "pnb": {"months": 2},
    "canara": {"post": "cairo"},
    "canara_epass": {"second_account": "loan"},
    "bob": {"months": 2},
    "union": {"post": "mutool"},
    "boi": {"font": "Times"},
    "idfc": {"second_account": "fd", "deposits": 1},  # a grid of one deposit
    "federal": {"page": "A4-landscape"},
    "au": {"summary_new_page": True},
    "ujjivan": {"months": 2},
    "saraswat": {"months": 2, "font": "Courier"},
    "paytm": {"months": 2},
    "hsbc": {"start": "2023-12-01", "months": 2},
    "indian": {"variant": 2, "start": "2024-12-01", "months": 2, "density": 18},
    "iob": {"variant": 0},
    "bandhan": {"font": "DejaVuSans"},
    "citi": {"start": "2024-11-01", "months": 3, "density": 15},
    "foreign_uk": {"start": "2023-12-01", "months": 2},
    "aa_export": {"months": 2},
    "central": {"page": "A4-landscape", "months": 2},
    "jkb": {"months": 2},
    "ippb": {"months": 2},
    "karnataka": {"variant": 1},
    "dcb": {"months": 3, "density": 30},
    "deutsche": {"start": "2023-12-01", "months": 2},
    "uco": {"months": 2},
    "idbi": {"months": 2},
    "esaf": {"months": 2},
    "mahabk": {"variant": 3, "months": 2},  # each month under a banner and the labels printed again
    "tmb": {"variant": 3, "months": 2, "density": 45},  # Day Total rows under narration-above rows
}


def family_smoke(seed):
    out = []
    for i, fam in enumerate(families()):
        spec = {"name": "%s_smoke" % fam, "bank": fam, "family": fam, "months": 1, "seed": seed, "density": 25,
                "variant": 0, "font": FONTS[i % len(FONTS)], "size": [7.5, 8, 8.5][i % 3]}
        spec.update(SMOKE_EXTRA.get(fam, {}))
        out.append(spec)
    return out


def pattern_smoke(seed):
    """The patterns of issue 10 on the first five layouts too."""
    return [
        {"name": "hdfc_summary_newpage", "bank": "hdfc", "family": "hdfc", "months": 1, "density": 22,
         "seed": seed, "summary_new_page": True},
        {"name": "kotak_cairo", "bank": "kotak", "family": "kotak", "months": 1, "density": 20, "seed": seed,
         "variant": 1, "post": "cairo"},
        {"name": "axis_mutool", "bank": "axis", "family": "axis", "months": 1, "density": 20, "seed": seed,
         "post": "mutool"},
        {"name": "pnb_loan_section", "bank": "pnb", "family": "pnb", "months": 1, "density": 18, "seed": seed,
         "second_account": "loan", "variant": 1},
    ]


def smoke(seed, count=None):
    out = []
    for bank in BANKS + GENERIC:
        if not available(bank):
            continue
        fam = "generic" if bank in GENERIC else bank
        out.append({"name": "%s_1m" % bank, "bank": bank, "family": fam, "months": 1, "seed": seed,
                    "density": 25, "variant": 0})
        out.append({"name": "%s_3m_wrap" % bank, "bank": bank, "family": fam, "months": 3, "seed": seed,
                    "density": 18, "variant": 1, "font": "Times", "size": 8.5, "bounces": True,
                    "page": "Letter", "password": "auto" if bank in ("hdfc", "axis") else None,
                    "enc": "rc4"})
    out += variety(seed)
    if available("hdfc"):
        out.append({"name": "hdfc_12m_long", "bank": "hdfc", "family": "hdfc", "months": 12, "density": 76, "pages_target": 41,
                    "seed": seed, "font": "Courier", "size": 7, "bounces": True})
    if available("kotak"):
        out.append({"name": "kotak_od_2m", "bank": "kotak", "family": "kotak", "months": 2, "density": 20,
                    "seed": seed, "variant": 2, "od_limit": 30000000, "opening": -2500000, "font": "DejaVuSerif"})
    if available("coop"):
        out.append({"name": "coop_2m_headonce", "bank": "coop", "family": "generic", "months": 2, "density": 40,
                    "seed": seed, "variant": 2, "page": "A4-landscape", "font": "Courier"})
    if available("sbi"):
        out.append({"name": "sbi_6m_aes", "bank": "sbi", "family": "sbi", "months": 6, "density": 20, "seed": seed,
                    "font": "DejaVuSans", "password": "sbi%d" % seed, "enc": "aes256", "page": "A4-landscape",
                    "variant": 2})
    out += family_smoke(seed) + pattern_smoke(seed)
    out += specials(seed)
    return out


def variety(seed):
    """Short statements covering each layout's other variants, fonts and page sizes."""
    out = []
    for j, bank in enumerate(BANKS + GENERIC):
        if not available(bank):
            continue
        fam = "generic" if bank in GENERIC else bank
        for k, variant in enumerate((2, 3)):
            i = 2 * j + k
            out.append({"name": "%s_v%d" % (bank, variant), "bank": bank, "family": fam, "seed": seed,
                        "months": 1 + i % 2, "density": 22, "variant": variant, "font": FONTS[i % len(FONTS)],
                        "size": [7, 7.5, 8, 8.5, 9][i % 5], "page": PAGES[i % len(PAGES)], "grid": i % 3 == 0,
                        "bounces": i % 2 == 1, "password": "auto" if i % 4 == 1 else None,
                        "enc": "aes256" if i % 8 == 1 else "rc4"})
    return out


def specials(seed):
    base = {"bank": "hdfc" if available("hdfc") else "sbi", "months": 2, "density": 20}
    sb = dict(base, bank="sbi") if available("sbi") else base
    return [
        {"name": "special_image_only", "special": "image", "family": "special", "seed": seed, "base": base},
        {"name": "special_truncated", "special": "truncated", "family": "special", "seed": seed, "base": base},
        {"name": "special_garbage", "special": "garbage", "family": "special", "seed": seed},
        {"name": "special_not_pdf", "special": "not_pdf", "family": "special", "seed": seed},
        {"name": "special_empty", "special": "empty", "family": "special", "seed": seed},
        {"name": "special_wrong_password", "special": "wrong_password", "family": "special", "seed": seed,
         "base": sb},
        dict(base, name="special_zero_txn", family="special", seed=seed, zero_txn=True, months=1),
        dict(sb, name="tamper_producer", family="special", seed=seed, tamper="producer"),
        dict(base, name="tamper_moddate", family="special", seed=seed, tamper="moddate"),
        dict(sb, name="tamper_incremental", family="special", seed=seed, tamper="incremental"),
        dict(base, name="tamper_balance", family="special", seed=seed, tamper="balance"),
        {"name": "dup", "special": "duplicate", "family": "special", "seed": seed,
         "base": dict(base, density=15)},
        {"name": "special_garbage_font", "special": "garbage_font", "family": "special", "seed": seed,
         "base": dict(base, bank="union", months=1)},
        {"name": "special_garbage_cmap", "special": "garbage_cmap", "family": "special", "seed": seed,
         "base": dict(base, bank="pnb", months=1)},
        {"name": "special_garbage_glyphnames", "special": "garbage_glyphnames", "family": "special", "seed": seed,
         "base": dict(base, bank="canara", months=1)},
        {"name": "special_garbage_bold_glyphnames", "special": "garbage_bold_glyphnames", "family": "special",
         "seed": seed, "base": dict(base, bank="hdfc", months=1)},
        {"name": "special_garbage_bold_glyphids", "special": "garbage_bold_glyphids", "family": "special",
         "seed": seed, "base": dict(base, bank="union", months=1)},
        {"name": "special_no_tounicode", "special": "no_tounicode", "family": "special", "seed": seed,
         "base": dict(base, bank="kotak", months=1)},
        {"name": "special_garbage_wrong_letters", "special": "garbage_wrong_letters", "family": "special",
         "seed": seed, "base": dict(base, bank="hdfc", months=1)},
        # producers' own ways with the text layer (quirks.py)
        dict(base, name="special_quirk_glyphs_fakebold", family="special", seed=seed, bank="kotak", months=1,
             quirks=["glyphs", "fakebold", "footer_first"]),
        dict(base, name="special_quirk_tj_form", family="special", seed=seed, bank="pnb", months=1,
             quirks=["tj", "columns", "form", "hidden", "offset"]),
        dict(base, name="special_quirk_ocr_rotate", family="special", seed=seed, bank="sbi", months=1,
             quirks=["ocr", "rotate"]),
    ]


def full(seed, count=None):
    rng = random.Random(seed)
    out = []
    for bank in BANKS + GENERIC:
        if not available(bank):
            continue
        fam = "generic" if bank in GENERIC else bank
        n = 14 if bank in BANKS else 6
        for i in range(n):
            months = rng.choice([1, 1, 2, 3, 3, 6, 6, 9, 12])
            spec = {"name": "%s_%02d" % (bank, i), "bank": bank, "family": fam, "seed": seed * 1000 + i,
                    "months": months, "variant": i % 4, "font": rng.choice(FONTS),
                    "size": rng.choice([7, 7.5, 8, 8, 8.5, 9]), "page": rng.choice(PAGES),
                    "density": rng.choice([12, 20, 30, 45]), "bounces": rng.random() < 0.4,
                    "break_rows": rng.random() < 0.7, "grid": rng.random() < 0.3,
                    "leading": rng.choice([1.15, 1.25, 1.25, 1.4]), "margin": rng.choice([20, 28, 28, 40]),
                    "pad": rng.choice([2.5, 3, 3, 4]), "compress": rng.choice([0, 1, 1])}
            if bank in BANKS and rng.random() < 0.15:
                spec["od_limit"] = rng.choice([100000, 300000, 500000]) * 100  # overdraft facility
            if rng.random() < 0.25:
                spec["password"] = "auto"  # the bank's own rule (customer ID, name + birth date, ...)
                spec["enc"] = rng.choice(["rc4", "aes256"])
            if i == n - 1:
                spec.update(months=12, density=76, pages_target=rng.choice([40, 44, 52]))  # 40+ pages
            out.append(spec)
    out += family_full(seed)
    out += family_valign(seed)
    out += specials(seed)
    return out


def _knobs(rng, fam, i):
    """Random variation of one family statement (full and heldout sets)."""
    spec = {"months": rng.choice([1, 1, 2, 3, 3, 6, 12]), "variant": i % 4, "font": rng.choice(FONTS),
            "size": rng.choice([7, 7.5, 8, 8, 8.5, 9]), "page": rng.choice(PAGES),
            "density": rng.choice([12, 20, 30, 45]), "bounces": rng.random() < 0.4,
            "break_rows": rng.random() < 0.8, "leading": rng.choice([1.15, 1.25, 1.25, 1.4]),
            "margin": rng.choice([20, 28, 28, 40]), "pad": rng.choice([2.5, 3, 3, 4])}
    r = rng.random()
    if r < 0.15:
        spec["second_account"] = rng.choice(["loan", "fd"])
    elif r < 0.3:
        spec["summary_new_page"] = True
    if rng.random() < 0.2:
        spec["post"] = rng.choice(["cairo", "mutool"])
    if rng.random() < 0.2:
        spec["password"] = "pw%d" % rng.randint(1000, 9999)
        spec["enc"] = rng.choice(["rc4", "aes256"])
    if rng.random() < 0.25:
        spec["start"] = "%d-%02d-01" % (rng.choice([2022, 2023, 2024]), rng.choice([10, 11, 12]))
    if fam in HTML_FAMILIES:
        spec["months"] = min(spec["months"], 3)  # Chromium is slow to start: keep them short
        spec.pop("post", None)
    return spec


HTML_FAMILIES = ("sbi_print", "airtel", "dbs", "aa_export")


def family_full(seed):
    rng = random.Random("families/%d" % seed)
    out = []
    for fam in families():
        for i in range(6):
            spec = {"name": "%s_%02d" % (fam, i), "bank": fam, "family": fam, "seed": seed * 1000 + 500 + i}
            spec.update(_knobs(rng, fam, i))
            out.append(spec)
    return out


def family_valign(seed):
    """Each family whose cells sit at the top of a row, once more with them at the foot (the
    narration printed above the date line) or centred: the vertical alignment as a class of its
    own, with the other patterns (detail blocks, second accounts, newest first, page breaks)."""
    import layouts
    rng = random.Random("valign/%d" % seed)
    out = []
    for k, fam in enumerate(f for f in families() if f not in HTML_FAMILIES and layouts.LAYOUTS[f].valign == "top"):
        spec = {"name": "%s_va" % fam, "bank": fam, "family": fam, "seed": seed * 1000 + 700 + k,
                "valign": "middle" if k % 4 == 3 else "bottom"}
        spec.update(_knobs(rng, fam, k))
        out.append(spec)
    return out


def heldout(seed, count=None):
    """Held-out mutations of every family (the first five too), seeds from their own range."""
    import layouts
    rng = random.Random("heldout/%d" % seed)
    out = []
    for fam in list(layouts.LEGACY[:5]) + families():
        for i in range(count or 3):
            spec = {"name": "%s_held%02d" % (fam, i), "bank": fam, "family": fam, "heldout": True,
                    "seed": 900000 + seed * 100 + i}
            spec.update(_knobs(rng, fam, i))
            out.append(spec)
    return out


# What each probe family's statements keep whatever the random knobs draw (its pattern).
PROBE_EXTRA = {
    "central": {"page": "A4-landscape"},
    "dcb": {"months": 6, "density": 45},
    "deutsche": {"start": "2023-11-01", "months": 3},
    "ippb": {"months": 2},
    "idbi": {"months": 2},
    "esaf": {"months": 2},
    "andhra": {"page": "A4-landscape"},
    "kvgb": {"size": 6, "months": 3},
    "nkgsb": {"page": "A4-landscape", "size": 6},
    "svc": {"density": 45},
    "pdcc": {"pad": 0.8},  # the cells' text touching the column rules
    "united": {"months": 12, "density": 95},  # a thousand rows and more
}


def probe_families(name):
    """The probe families a probe set measures (each Probe names its set: probe or probe4)."""
    import layouts
    return [f for f in layouts.PROBE if layouts.LAYOUTS[f].probe_set == name]


def _probe_spec(fam, seed, i):
    """What a probe family asks of each statement of its own (fam_probe6.py probe_spec: an era's
    years, an overdrawn opening, a corporate holder), else nothing."""
    import layouts
    own = getattr(layouts.LAYOUTS[fam], "probe_spec", None)
    return own(seed, i) if own else {}


def probe(seed, count=None, name="probe"):
    """The probe families (fam_probe*.py): layouts and patterns the tuned families lack, held out
    from tuning (in no other set) until the reader reads them in general logic. count (default 4)
    statements each with the full set's random variation, the family's pattern kept."""
    rng = random.Random("%s/%d" % (name, seed))
    out = []
    for fam in probe_families(name):
        for i in range(count or 4):
            spec = {"name": "%s_probe%02d" % (fam, i), "bank": fam, "family": fam, "seed": 950000 + seed * 100 + i}
            spec.update(_knobs(rng, fam, i))
            spec.update(PROBE_EXTRA.get(fam, {}))
            spec.update(_probe_spec(fam, seed, i))
            out.append(spec)
    return out


def probe_heldout(seed, count=None, name="probe"):
    """The held-out mutations (heldout.py) of the probe families: the heldout set's measure of
    layouts never seen, for families not yet in it. Measuring only, like probe and heldout."""
    rng = random.Random("%s-heldout/%d" % (name, seed))
    out = []
    for fam in probe_families(name):
        for i in range(count or 3):
            spec = {"name": "%s_held%02d" % (fam, i), "bank": fam, "family": fam, "heldout": True,
                    "seed": 900000 + seed * 100 + i}
            spec.update(_knobs(rng, fam, i))
            spec.update(PROBE_EXTRA.get(fam, {}))
            spec.update(_probe_spec(fam, seed, i))
            out.append(spec)
    return out


def probe4(seed, count=None):
    """Session 10's probe families (fam_probe4.py), measured apart from the older probes."""
    return probe(seed, count, "probe4")


def probe4_heldout(seed, count=None):
    return probe_heldout(seed, count, "probe4")


def probe5(seed, count=None):
    """Session 11's probe families (fam_probe5.py), measured apart from the older probes."""
    return probe(seed, count, "probe5")


def probe5_heldout(seed, count=None):
    return probe_heldout(seed, count, "probe5")


def probe6(seed, count=None):
    """Session 12's probe families (fam_probe6.py), measured apart from the older probes."""
    return probe(seed, count, "probe6")


def probe6_heldout(seed, count=None):
    return probe_heldout(seed, count, "probe6")


def probe7(seed, count=None):
    """Session 13's probe families (fam_probe7.py), measured apart from the older probes."""
    return probe(seed, count, "probe7")


def probe7_heldout(seed, count=None):
    return probe_heldout(seed, count, "probe7")


def probe8(seed, count=None):
    """Session 14's probe families (fam_probe8.py), measured apart from the older probes."""
    return probe(seed, count, "probe8")


def probe8_heldout(seed, count=None):
    return probe_heldout(seed, count, "probe8")


def gaps(seed, count=None):
    """Session 12's gap families (fam_gaps.py: the layouts docs/extraction.md lists as Known gaps)."""
    return probe(seed, count, "gaps")


def gaps_heldout(seed, count=None):
    return probe_heldout(seed, count, "gaps")


# What the PDF producers of real statements do to the text layer (quirks.py), alone and as some
# producers combine them; the geometry ones also on statements printed by Chromium.
QUIRK_MIXES = [["glyphs"], ["tj"], ["words"], ["fakebold"], ["glyphs", "fakebold"], ["columns"], ["footer_first"],
               ["form"], ["ocr"], ["hidden"], ["rotate"], ["offset"], ["tj", "columns", "form"],
               ["ocr", "rotate"], ["glyphs", "footer_first", "offset"], ["scaled"], ["squeeze", "words"],
               ["scaled", "fakebold", "columns"], ["outlines"]]


def quirks(seed, count=None):
    """count (default 2) statements of tuned families per mix of QUIRK_MIXES, with the full set's
    random variation (no re-rendering producer: it would redraw the text its own way)."""
    import quirks as q
    rng = random.Random("quirks/%d" % seed)
    fams = [f for f in families() if f not in HTML_FAMILIES] + [b for b in BANKS if available(b)]
    out = []
    for k, mix in enumerate(QUIRK_MIXES):
        for i in range(count or 2):
            fam = rng.choice(fams if set(mix) - set(q.GEOMETRY) else fams + list(HTML_FAMILIES))
            spec = {"name": "%s_%s_%d" % ("_".join(mix), fam, i), "bank": fam, "family": fam,
                    "seed": 970000 + seed * 100 + 10 * k + i, "quirks": mix}
            spec.update(_knobs(rng, fam, i))
            spec.pop("post", None)
            spec["months"] = min(spec["months"], 3)
            out.append(spec)
    return out


def bench(seed, count=None):
    n = count or 20
    out = []
    banks = [b for b in BANKS if available(b)] or ["hdfc"]
    for i in range(n):
        b = banks[i % len(banks)]
        out.append({"name": "bench_%s_%03d" % (b, i), "bank": b, "seed": seed * 100 + i, "months": 2,
                    "density": {"hdfc": 80}.get(b, 100), "pages_target": 10})
    out.append({"name": "bench_100p", "bank": banks[0], "seed": seed, "months": 12, "density": 170,
                "pages_target": 100})
    return out


# ---------------------------------------------------------------- scans (issue 17)
# scan-smoke: one short statement (1-3 pages) of ten families of different kinds, resolutions
# spread over 150-300 dpi, and one phone photo; make test can afford to OCR it.
SCAN_SMOKE = [("hdfc", {"density": 20}, 300), ("sbi", {"variant": 0}, 200), ("icici", {"variant": 1}, 240),
              ("kotak", {"variant": 0}, 150), ("coop", {"family": "generic"}, 300), ("pnb", {}, 200),
              ("canara", {}, 300), ("bob", {"months": 2, "density": 15}, 240), ("indian", {}, 200),
              ("paytm", {}, 300)]


def _scan_base(spec):
    """A statement to scan: no password (a scan has none), drawn once (no other producer)."""
    for k in ("password", "enc", "post"):
        spec.pop(k, None)
    spec["months"] = min(spec.get("months", 1), 2)
    return spec


def _photo(seed, bank, i, dpi=None):
    """A phone photo that cannot be read (scan.photo), at dpi (default: drawn from the seed)."""
    return {"name": "scan_photo_%02d" % i, "bank": bank, "family": bank, "seed": seed * 10 + i, "months": 1,
            "density": 20, "scan": "photo", "photo": {"dpi": dpi} if dpi else {}}


def _scan_extras(rng, held):
    """What a scan-full (or held-out) statement's scan has beyond a flatbed's clean scan
    (scan.EXTRAS): none for a third of them, else one or two conditions (two of them rarely
    together: a fax is not photocopied)."""
    import scan
    if rng.random() < (0.2 if held else 0.35):
        return {}
    names = rng.sample(scan.EXTRAS, 2 if rng.random() < 0.35 else 1)
    if "fax" in names and "copy" in names:
        names.remove("copy")
    return {"extra": sorted(names), "held": held}


def scan_smoke(seed, count=None):
    out = []
    for i, (fam, extra, dpi) in enumerate(SCAN_SMOKE):
        if not available(fam):
            continue
        spec = {"name": "scan_%s" % fam, "bank": fam, "family": fam, "seed": seed, "months": 1, "density": 22,
                "font": FONTS[i % len(FONTS)], "size": [8, 8.5, 9][i % 3], "scan": {"dpi": dpi}}
        spec.update(extra)
        out.append(_scan_base(spec))
    out += [_photo(seed, "hdfc", 0, 72), _photo(seed, "sbi", 1, 200)]
    return out


def scan_full(seed, count=None):
    """count (default 2) scans of every layout, random statements and scanner settings."""
    import layouts
    rng = random.Random("scan-full/%d" % seed)
    more = random.Random("scan-full-extra/%d" % seed)  # a stream of its own: the statements stay
    out = []
    for fam in [k for k in layouts.LAYOUTS if k not in layouts.PROBE]:
        for i in range(count or 2):
            spec = {"name": "scan_%s_%02d" % (fam, i), "bank": fam, "seed": seed * 1000 + 700 + i,
                    "family": "generic" if fam in GENERIC else fam}
            spec.update(_knobs(rng, fam, i))
            spec["scan"] = _scan_extras(more, held=False)
            out.append(_scan_base(spec))
    out += [_photo(seed, fam, i, dpi) for i, (fam, dpi) in enumerate((("hdfc", 72), ("sbi", 150), ("pnb", 200)))]
    return out


def scan_heldout(seed, count=None):
    """A scan of each held-out statement kind (heldout.py mutations), seeds of their own, most
    with held-out variants of scan-full's harder conditions."""
    more = random.Random("scan-heldout-extra/%d" % seed)
    out = []
    for spec in heldout(seed, count or 1):
        spec = dict(spec, name="scan_" + spec["name"], seed=spec["seed"] + 50, scan=_scan_extras(more, held=True))
        out.append(_scan_base(spec))
    out.append(_photo(seed + 500, "kotak", 0))
    return out


SETS = {"smoke": smoke, "full": full, "heldout": heldout, "bench": bench, "probe": probe, "probe-heldout": probe_heldout,
        "probe4": probe4, "probe4-heldout": probe4_heldout, "probe5": probe5, "probe5-heldout": probe5_heldout,
        "probe6": probe6, "probe6-heldout": probe6_heldout, "probe7": probe7, "probe7-heldout": probe7_heldout,
        "probe8": probe8, "probe8-heldout": probe8_heldout,
        "gaps": gaps, "gaps-heldout": gaps_heldout,
        "quirks": quirks,
        "scan-smoke": scan_smoke, "scan-full": scan_full, "scan-heldout": scan_heldout}


def specs(name, seed, count=None):
    return SETS[name](seed, count)
