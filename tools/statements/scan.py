"""Scanned statements (issue 17): a generated statement printed, marked by hand and scanned.

Each page of the drawn PDF is rendered by MuPDF (`mutool draw`) at the scan's resolution, then,
on the paper before it is scanned, a rubber stamp and handwriting (ticks beside rows, a circle
or an underline at an amount, a signature) are added in translucent ink that never hides a digit
(placed where the page is blank or around the words, never through them); then the scanner:
uneven lighting, paper tone and faded ink, optical blur, sensor noise, dust (salt and pepper), the
page slightly rotated on the glass, JPEG compression. The pages are wrapped as an image-only PDF
(one DCT image a page, no text layer) with a scanner's producer. The truth is the statement's,
unchanged (the same rows, identity and period), plus `generator.scan` (what was done) and the
`scanned` pattern; a scan has no password.

`photo()` is a phone photograph that cannot be read (perspective, blur wider than a stroke, a
shadow; 72-200 dpi): it must be refused (PDF_IS_IMAGE).

Deterministic: every choice and every noise pixel comes from random.Random(seed); MuPDF, Pillow
and libjpeg give the same bytes for the same input. Needs python3-pil and mupdf-tools.
"""
import copy
import datetime as dt
import glob
import io
import math
import os
import random
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
SCANNERS = ["Canon iR-ADV C5535", "HP Digital Sending Device", "KONICA MINOLTA bizhub C364e",
            "Xerox WorkCentre 7845", "EPSON Scan", "RICOH MP 2555", "Brother MFC-L2740DW"]
INKS = {"blue": (40, 60, 170), "violet": (95, 45, 150), "red": (185, 35, 45), "black": (35, 35, 40)}
STAMP_TEXTS = [["CERTIFIED TRUE COPY"], ["VERIFIED"], ["RECEIVED"], ["AUTHORISED SIGNATORY"],
               ["BRANCH MANAGER"], ["CERTIFIED TRUE COPY", "BRANCH MANAGER"]]
AMOUNT = re.compile(r"^[-+(]?(?:Rs\.?|INR|\u20b9)?\d{1,3}(?:,\d{2,3})*\.\d{1,2}\)?(?:Cr|Dr|CR|DR)?\.?$")


def choose(rng, over=None):
    """The scan's parameters, drawn from rng; `over` fixes some of them (a set's choices)."""
    p = {"dpi": rng.choice([150, 200, 200, 240, 300, 300]),
         "angle": round(rng.choice([-1, 1]) * rng.uniform(0.3, 1.5), 2),
         "jpeg_quality": rng.randint(40, 85),
         "noise": round(rng.uniform(2.0, 9.0), 1),
         "salt": round(rng.uniform(0.0002, 0.002), 5),
         "blur": round(rng.uniform(0.3, 0.9), 2),
         "color": rng.random() < 0.4,
         "light": round(rng.uniform(0.78, 0.95), 2),
         "paper": rng.randint(228, 250),
         "ink": rng.randint(10, 60),
         "stamp": rng.random() < 0.85,
         "marks": rng.random() < 0.85}
    p.update(over or {})
    return p


# ---------------------------------------------------------------- the drawn pages
def _mutool(args):
    r = subprocess.run(["mutool"] + args, capture_output=True, timeout=600)
    if r.returncode != 0:
        raise RuntimeError("mutool %s failed: %s" % (args[0], r.stderr[-600:].decode(errors="replace")))
    return r.stdout


def render_pages(pdf, dpi, color, password=None):
    """Every page as a Pillow image at dpi, and the words on it (text, box in pixels)."""
    with tempfile.TemporaryDirectory(prefix="pb-scan-") as d:
        src = os.path.join(d, "in.pdf")
        with open(src, "wb") as f:
            f.write(pdf)
        pw = ["-p", password] if password else []
        _mutool(["draw", "-q"] + pw + ["-r", str(dpi), "-c", "rgb" if color else "gray",
                                       "-o", os.path.join(d, "p%04d.png"), src])
        pages = []
        for p in sorted(glob.glob(os.path.join(d, "p*.png"))):
            with Image.open(p) as im:
                im.load()
                pages.append(im.copy())
        xml = _mutool(["draw", "-q"] + pw + ["-F", "stext", "-o", "-", src])
    words = _words(xml, dpi / 72.0)
    return pages, (words + [[] for _ in pages])[:len(pages)]


def page_words(pdf, dpi, password=None):
    """The words of every page (text, box in pixels at dpi), as scan() saw them."""
    with tempfile.TemporaryDirectory(prefix="pb-scan-") as d:
        src = os.path.join(d, "in.pdf")
        with open(src, "wb") as f:
            f.write(pdf)
        xml = _mutool(["draw", "-q"] + (["-p", password] if password else []) + ["-F", "stext", "-o", "-", src])
    return _words(xml, dpi / 72.0)


def _words(xml, scale):
    """Words of each page from MuPDF's structured text: [(text, (x0, y0, x1, y1))] in pixels."""
    out = []
    for page in ET.fromstring(xml).iter("page"):
        out.append([])
        i = len(out) - 1
        for line in page.iter("line"):
            cur, box = [], None
            for ch in list(line.iter("char")) + [None]:
                c = None if ch is None else ch.get("c")
                if c is None or not c.strip():
                    if cur:
                        out[i].append(("".join(cur), tuple(v * scale for v in box)))
                    cur, box = [], None
                    continue
                q = [float(v) for v in ch.get("quad").split()]
                b = (min(q[0::2]), min(q[1::2]), max(q[0::2]), max(q[1::2]))
                box = b if box is None else (min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3]))
                cur.append(c)
    return out


# ---------------------------------------------------------------- marks on the paper
def _font(size, bold=True):
    return ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"), size)


def _ink_layer(img, mask, ink, opacity):
    """Ink of colour `ink` laid where mask is set: multiplied with the paper, so the print under it
    stays as dark as it was (a stamp or a pen never hides a digit, it crosses it)."""
    if img.mode == "L":
        ink = (int(0.299 * ink[0] + 0.587 * ink[1] + 0.114 * ink[2]),)
        solid = Image.new("L", img.size, ink[0])
    else:
        solid = Image.new("RGB", img.size, ink)
    inked = ImageChops.multiply(img, solid)
    alpha = mask.point(lambda v: int(v * opacity))
    return Image.composite(inked, img, alpha)


def _noise_image(rng, size):
    """Uniform noise, one byte a pixel, from rng (Pillow's own noise is not seedable)."""
    return Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))


def _ink_darkness(img, cell):
    """A coarse map of how much print each cell of `cell` pixels holds (0 = blank)."""
    g = img.convert("L") if img.mode != "L" else img
    w, h = max(1, g.width // cell), max(1, g.height // cell)
    small = ImageChops.invert(g).resize((w, h), Image.BOX)
    return small, list(small.getdata()), w, h


def _blank_spot(img, fw, fh, rng, boxes):
    """Top-left corner (pixels) of a fw x fh footprint on the least printed part of the page,
    off every word's box when such a place exists (a stamp never sits on a digit then)."""
    cell = max(8, img.width // 90)
    _, data, w, h = _ink_darkness(img, cell)
    occ = [0] * (w * h)
    for b in boxes:
        for y in range(max(0, int(b[1] // cell)), min(h, int(b[3] // cell) + 1)):
            for x in range(max(0, int(b[0] // cell)), min(w, int(b[2] // cell) + 1)):
                occ[y * w + x] = 1
    ink_sum, occ_sum = _integral(data, w, h), _integral(occ, w, h)
    cw, ch = max(1, -(-fw // cell)), max(1, -(-fh // cell))
    margin = max(1, w // 30)
    best = []
    for y in range(margin, max(margin + 1, h - ch - margin)):
        for x in range(margin, max(margin + 1, w - cw - margin)):
            ink = _box_sum(ink_sum, x, y, cw, ch)
            hit = _box_sum(occ_sum, x, y, cw, ch) > 0
            best.append((ink + (10 ** 9 if hit else 0), rng.random(), x * cell, y * cell))
    best.sort()
    return (best[0][2], best[0][3]) if best else (0, 0)


def _integral(data, w, h):
    s = [[0] * (w + 1) for _ in range(h + 1)]
    for y in range(h):
        row = 0
        for x in range(w):
            row += data[y * w + x]
            s[y + 1][x + 1] = s[y][x + 1] + row
    return s


def _box_sum(s, x, y, cw, ch):
    return s[y + ch][x + cw] - s[y][x + cw] - s[y + ch][x] + s[y][x]


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def stamp(img, rng, p, dpi, when, words, over=None):
    """A rubber stamp (round or oblong, one or two lines and a date) in blue, violet or red ink,
    unevenly inked, slightly turned, on the least printed part of the page (over: pressed across
    the rows at opacity over['opacity'], centred on the amount at fraction over['at'])."""
    texts = list(rng.choice(STAMP_TEXTS))
    if rng.random() < 0.6:
        texts.append(when.strftime("%d %b %Y").upper())
    round_ = rng.random() < 0.4
    fs = int(dpi * rng.uniform(0.10, 0.14))
    font = _font(fs)
    tw = max(font.getlength(t) for t in texts)
    pad = fs * 0.8
    if round_:
        side = int(max(tw + 2 * pad, fs * len(texts) * 2.2) * 1.05)
        size = (side, side)
    else:
        size = (int(tw + 2 * pad), int(fs * 1.35 * len(texts) + 2 * pad))
    layer = Image.new("L", size, 0)
    d = ImageDraw.Draw(layer)
    lw = max(2, dpi // 90)
    if round_:
        d.ellipse((lw, lw, size[0] - lw, size[1] - lw), outline=255, width=lw)
        d.ellipse((lw * 4, lw * 4, size[0] - lw * 4, size[1] - lw * 4), outline=255, width=max(1, lw // 2))
    else:
        d.rounded_rectangle((lw, lw, size[0] - lw, size[1] - lw), radius=fs // 2, outline=255, width=lw)
    y = (size[1] - fs * 1.35 * len(texts)) / 2
    for t in texts:
        d.text(((size[0] - font.getlength(t)) / 2, y), t, font=font, fill=255)
        y += fs * 1.35
    # Uneven inking: holes where the rubber did not touch, a little spread.
    holes = _noise_image(rng, size).point(lambda v: 0 if v < 60 else 255)
    layer = ImageChops.multiply(layer, holes).filter(ImageFilter.GaussianBlur(dpi / 300.0))
    layer = layer.rotate(rng.uniform(-18, 18), resample=Image.BICUBIC, expand=True)
    boxes = [b for _, b in words]
    if over:  # pressed across the rows: centred on an amount
        amounts = [b for t, b in words if AMOUNT.match(t)] or boxes or [(0, 0, img.width, img.height)]
        b = amounts[int(over["at"] * len(amounts))]
        x = max(0, min(img.width - layer.width, int((b[0] + b[2] - layer.width) / 2)))
        y = max(0, min(img.height - layer.height, int((b[1] + b[3] - layer.height) / 2)))
    else:
        x, y = _blank_spot(img, layer.width, layer.height, rng, boxes)
    mask = Image.new("L", img.size, 0)
    mask.paste(layer, (x, y))
    ink = INKS[rng.choice(["blue", "violet", "violet", "red"])]
    opacity = over["opacity"] if over else rng.uniform(0.55, 0.85)
    return _ink_layer(img, mask, ink, opacity), {"box": [x, y, x + layer.width, y + layer.height], "text": texts}


def _stroke(d, pts, width, fill=255):
    d.line([(round(x), round(y)) for x, y in pts], fill=fill, width=width, joint="curve")


def _tick(rng, x, y, s):
    """A handwritten tick whose short stroke starts at (x, y), s pixels tall."""
    a = [(x, y), (x + s * 0.3 + rng.uniform(-1, 1) * s * 0.05, y + s * 0.45)]
    b = [a[1], (x + s * 0.9, y - s * 0.55 + rng.uniform(-1, 1) * s * 0.1)]
    mid = ((a[1][0] + b[1][0]) / 2 + rng.uniform(-1, 1) * s * 0.06, (a[1][1] + b[1][1]) / 2)
    return [a[0], a[1], mid, b[1]]


def _signature(rng, x, y, w, h):
    pts = []
    n = rng.randint(3, 6)
    k = rng.uniform(2.5, 4.5)
    for i in range(120):
        t = i / 119.0
        pts.append((x + t * w + math.sin(t * math.pi * 2 * n) * w * 0.04,
                    y + h * 0.5 - math.sin(t * math.pi * k) * h * 0.35 * (1 - t * 0.5)
                    + math.cos(t * math.pi * 2 * n) * h * 0.18))
    return pts


def handwriting(img, rng, dpi, words, signature):
    """Pen marks an officer makes on a statement: ticks beside a few rows (in the margin right of
    the printed lines), a circle around an amount or a line under it, and a signature on the
    blank part of the page. Returns the image and what was drawn."""
    layer = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(layer)
    pen = max(2, dpi // 100)
    done = []
    amounts = [(t, b) for t, b in words if AMOUNT.match(t)]
    if amounts:
        s = dpi * 0.12
        for t, b in rng.sample(amounts, min(len(amounts), rng.randint(1, 4))):
            line_right = max([w[2] for _, w in words if abs(w[1] - b[1]) < s * 0.5] + [b[2]])
            x = line_right + dpi * 0.08
            if x + s > img.width - dpi * 0.05:
                continue
            _stroke(d, _tick(rng, x, (b[1] + b[3]) / 2, s), pen)
            done.append("tick")
        t, b = rng.choice(amounts)
        if rng.random() < 0.5:
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
            rx, ry = (b[2] - b[0]) * 0.5 * 1.35 + pen * 2, (b[3] - b[1]) * 0.5 * 1.7 + pen * 2
            pts = [(cx + rx * math.cos(a) * (1 + 0.04 * math.sin(3 * a)), cy + ry * math.sin(a))
                   for a in [i * 2 * math.pi / 60 + 0.3 for i in range(66)]]
            _stroke(d, pts, pen)
            done.append("circle")
        else:
            y = b[3] + pen * 2
            _stroke(d, [(b[0] - pen, y), ((b[0] + b[2]) / 2, y + rng.uniform(-1, 1) * pen),
                        (b[2] + pen * 3, y + rng.uniform(-1.5, 1.5) * pen)], pen)
            done.append("underline")
    if signature:
        w, h = int(dpi * rng.uniform(1.0, 1.5)), int(dpi * 0.4)
        x, y = _blank_spot(img, w, h, rng, [b for _, b in words])
        _stroke(d, _signature(rng, x, y, w, h), pen)
        done.append("signature")
    ink = INKS[rng.choice(["blue", "blue", "black"])]
    return _ink_layer(img, layer, ink, 0.9), done


# ---------------------------------------------------------------- the scanner
def _illumination(rng, size, low):
    """Uneven lighting: a smooth field from a few random levels between low and 1."""
    gx, gy = rng.randint(2, 4), rng.randint(2, 5)
    small = Image.new("L", (gx, gy))
    small.putdata([int(255 * rng.uniform(low, 1.0)) for _ in range(gx * gy)])
    return small.resize(size, Image.BICUBIC)


def _gauss_table(sigma):
    """Uniform byte -> gaussian offset around 128 (inverse normal CDF, a lookup table)."""
    from statistics import NormalDist
    nd = NormalDist(0, sigma)
    return [max(0, min(255, int(round(128 + nd.inv_cdf((u + 0.5) / 256))))) for u in range(256)]


def scanner(img, rng, p):
    """What the scanner does to a marked page: paper tone and faded ink, uneven light, optical blur,
    sensor noise, dust, the page turned on the glass."""
    lo, hi = p["ink"], p["paper"]
    img = img.point(lambda v: int(lo + v * (hi - lo) / 255.0))
    field = _illumination(rng, img.size, p["light"])
    if img.mode == "RGB":
        tint = Image.merge("RGB", (field, field, field.point(lambda v: int(v * 0.96))))
        img = ImageChops.multiply(img, tint)
    else:
        img = ImageChops.multiply(img, field)
    img = img.filter(ImageFilter.GaussianBlur(p["blur"] * p["dpi"] / 300.0))
    noise = _noise_image(rng, img.size).point(_gauss_table(p["noise"]))
    if img.mode == "RGB":
        noise = Image.merge("RGB", (noise, noise, noise))
    img = ImageChops.add(img, noise, 1.0, -128)
    d = ImageDraw.Draw(img)  # dust and fibres on the glass: dark specks and white holes
    for _ in range(int(p["salt"] * img.width * img.height / 20)):
        x, y, r = rng.randrange(img.width), rng.randrange(img.height), rng.choice([0, 0, 1, 1, 2])
        v = lo + 20 if rng.random() < 0.6 else hi
        d.ellipse((x - r, y - r, x + r, y + r), fill=v if img.mode == "L" else (v, v, v))
    fill = hi if img.mode == "L" else (hi, hi, hi)
    return img.rotate(p["angle"], resample=Image.BICUBIC, expand=True, fillcolor=fill)


# ---------------------------------------------------------------- what customers' scans also have
# Conditions beyond a clean flatbed scan of a fresh print (a set asks for them by name: scan-full
# gives some to part of its statements, scan-heldout held-out variants of them, for measuring
# only). Their parameters come from a random stream of their own: a scan without them is byte
# for byte the scan it was.
EXTRAS = ("copy", "holes", "fax", "highlight", "fold", "skew", "bleed", "stamp_over")
MM = 1 / 25.4  # inches in a millimetre


def _extra_copy(rng, held):
    """A photocopy (of a photocopy): grey toner fog over the paper, print spread thicker and
    darker, the copier's lid shadow as a black band along an edge, toner specks."""
    return {"scanner": {"paper": rng.randint(165, 190) if held else rng.randint(188, 215),
                        "ink": rng.randint(0, 15), "color": False},
            "spread": 3, "edges": rng.sample(["left", "right", "top", "bottom"], 2 if held else 1),
            "edge_mm": round(rng.uniform(2, 8), 1), "specks": round(rng.uniform(0.0005, 0.002), 5)}


def _extra_holes(rng, held):
    """A file punch's two holes in the left margin (four, or along the top when held out), dark
    where the scanner's lid is black, a faint ring where it is white."""
    return {"where": rng.choice(["top", "left4"]) if held else "left", "dark": rng.random() < 0.7,
            "inset_mm": round(rng.uniform(9, 12.5), 1), "d_mm": round(rng.uniform(5.5, 6.5), 1)}


def _extra_fax(rng, held):
    """A fax: 1 bit a pixel at fine resolution (standard, half the lines, when held out), a few
    lost scan lines, the sending machine's header line at the top of every page."""
    return {"scanner": {"dpi": 200, "color": False}, "level": rng.randint(105, 150),
            "standard": held, "dropouts": rng.randint(0, 6),
            "header": "FROM : +91 %d %d %04d" % (rng.randint(11, 99), rng.randint(2000, 2999), rng.randint(0, 9999))}


def _extra_highlight(rng, held):
    """A highlighter drawn over a few rows (yellow; green or pink when held out)."""
    return {"ink": rng.choice([(140, 235, 110), (250, 150, 200)]) if held else (255, 236, 60),
            "rows": rng.randint(2, 6), "pick": rng.random()}


def _extra_fold(rng, held):
    """Creases of a letter folded in three (and once across its width when held out)."""
    return {"across": [1 / 3.0, 2 / 3.0], "down": [0.5] if held else [], "dark": rng.randint(25, 60)}


def _extra_skew(rng, held):
    """A page laid crooked on the glass: 1.5-3 degrees (3-4.5 held out)."""
    lo, hi = (3.0, 4.5) if held else (1.5, 3.0)
    return {"scanner": {"angle": round(rng.choice([-1, 1]) * rng.uniform(lo, hi), 2)}}


def _extra_bleed(rng, held):
    """Thin paper: the back of the page shows through, mirrored and faint."""
    return {"strength": round(rng.uniform(0.14, 0.22) if held else rng.uniform(0.07, 0.14), 3)}


def _extra_stamp_over(rng, held):
    """A second stamp pressed over the rows themselves (CERTIFIED TRUE COPY across the amounts)."""
    return {"opacity": round(rng.uniform(0.45, 0.7) if held else rng.uniform(0.3, 0.5), 2), "at": rng.random()}


def extras(rng, names, held=False):
    """The parameters of the named conditions; 'scanner' holds what they set of choose()'s."""
    e = {"names": list(names), "held": bool(held), "scanner": {}}
    for n in names:
        e[n] = globals()["_extra_" + n](rng, held)
        e["scanner"].update(e[n].pop("scanner", {}))
    e["rng"] = rng
    return e


def _lines_of(words, tol):
    """Printed lines: words grouped by their top, each line's box."""
    lines = []
    for _, b in sorted(words, key=lambda w: (w[1][1], w[1][0])):
        if lines and abs(lines[-1][1] - b[1]) < tol:
            l = lines[-1]
            lines[-1] = (min(l[0], b[0]), min(l[1], b[1]), max(l[2], b[2]), max(l[3], b[3]))
        else:
            lines.append(tuple(b))
    return lines


def _highlight(img, e, dpi, words):
    rows = [l for l in _lines_of([w for w in words if AMOUNT.match(w[0])], dpi * 0.05)]
    if not rows:
        return img
    n = min(len(rows), e["rows"])
    first = int(e["pick"] * (len(rows) - n + 1))
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    for l in _lines_of([w for w in words if any(abs(w[1][1] - r[1]) < dpi * 0.05 for r in rows[first:first + n])],
                       dpi * 0.05):
        h = l[3] - l[1]
        d.rectangle((l[0] - dpi * 0.04, l[1] - h * 0.25, l[2] + dpi * 0.04, l[3] + h * 0.25), fill=255)
    return _ink_layer(img, mask, e["ink"], 0.85)


def _holes(img, e, dpi):
    """Punched holes: a disk of the lid's colour where the paper is missing."""
    d = ImageDraw.Draw(img)
    r, inset = e["d_mm"] * MM * dpi / 2, e["inset_mm"] * MM * dpi
    step = 80 * MM * dpi  # the standard two-hole spacing
    if e["where"] == "top":
        centres = [(img.width / 2 + k * step / 2, inset) for k in (-1, 1)]
    elif e["where"] == "left4":
        centres = [(inset, img.height / 2 + k * step / 2) for k in (-3, -1, 1, 3)]
    else:
        centres = [(inset, img.height / 2 + k * step / 2) for k in (-1, 1)]
    lid = 20 if e["dark"] else 255
    for x, y in centres:
        box = (x - r, y - r, x + r, y + r)
        if img.mode == "L":
            d.ellipse(box, fill=lid, outline=None if e["dark"] else 170)
        else:
            d.ellipse(box, fill=(lid,) * 3, outline=None if e["dark"] else (170,) * 3)
    return img


def _fold(img, e, dpi):
    """A crease: a thin dark line with a soft shadow on one side of it."""
    shade = Image.new("L", img.size, 255)
    d = ImageDraw.Draw(shade)
    w = max(1, dpi // 150)
    band = int(dpi * 0.06)
    for f in e["across"]:
        y = int(img.height * f)
        for k in range(band):
            d.line((0, y + k, img.width, y + k), fill=255 - int(e["dark"] * 0.5 * (1 - k / band)))
        d.line((0, y, img.width, y), fill=255 - e["dark"] * 2, width=w)
    for f in e["down"]:
        x = int(img.width * f)
        for k in range(band):
            d.line((x + k, 0, x + k, img.height), fill=255 - int(e["dark"] * 0.5 * (1 - k / band)))
        d.line((x, 0, x, img.height), fill=255 - e["dark"] * 2, width=w)
    if img.mode == "RGB":
        shade = Image.merge("RGB", (shade, shade, shade))
    return ImageChops.multiply(img, shade)


def _bleed(img, e):
    """The back of the sheet seen through it: the page mirrored, faint, multiplied in."""
    back = ImageOps.mirror(img).point(lambda v: int(255 - (255 - v) * e["strength"]))
    return ImageChops.multiply(img, back)


def on_paper(img, e, dpi, words, page):
    """What happens to the printed sheet before it reaches the scanner (e: extras())."""
    if "bleed" in e:
        img = _bleed(img, e["bleed"])
    if "highlight" in e and page == 0:
        img = _highlight(img, e["highlight"], dpi, words)
    if "stamp_over" in e and page == 0:
        img, _ = stamp(img, e["rng"], {}, dpi, dt.date(2024, 1, 1), words, over=e["stamp_over"])
    if "copy" in e:
        img = img.filter(ImageFilter.MinFilter(e["copy"]["spread"]))
    if "fold" in e:
        img = _fold(img, e["fold"], dpi)
    if "holes" in e:
        img = _holes(img, e["holes"], dpi)
    return img


def _copy_edges(img, e, p):
    """The copier's lid shadow along edges and toner specks: after the copier's own scan."""
    d = ImageDraw.Draw(img)
    band = int(e["edge_mm"] * MM * p["dpi"])
    rng = random.Random("copy/%s/%s" % (img.size, e["edge_mm"]))
    for side in e["edges"]:
        for k in range(0, img.height if side in ("left", "right") else img.width, 4):
            b = band + rng.randint(-2, 2)
            if side == "left":
                d.rectangle((0, k, b, k + 4), fill=10)
            elif side == "right":
                d.rectangle((img.width - b, k, img.width, k + 4), fill=10)
            elif side == "top":
                d.rectangle((k, 0, k + 4, b), fill=10)
            else:
                d.rectangle((k, img.height - b, k + 4, img.height), fill=10)
    for _ in range(int(e["specks"] * img.width * img.height / 20)):
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        d.point((x, y), fill=rng.randint(40, 120))
    return img


def _fax(img, e, page, pages, when):
    """A fax machine's page: its header line, then 1 bit a pixel, lost lines, standard mode."""
    d = ImageDraw.Draw(img)
    fs = max(10, img.height // 120)
    head = "%s   %s   P.%03d/%03d" % (when.strftime("%d-%b-%Y %H:%M").upper(), e["header"], page + 1, pages)
    d.rectangle((0, 0, img.width, fs * 2), fill=255)
    d.text((fs * 2, fs // 2), head, font=_font(fs, bold=False), fill=0)
    img = img.point(lambda v: 255 if v > e["level"] else 0).convert("1", dither=Image.NONE)
    rng = random.Random("fax/%s/%d" % (e["header"], page))
    d = ImageDraw.Draw(img)
    for _ in range(e["dropouts"]):
        y = rng.randrange(fs * 3, img.height)
        d.line((0, y, img.width, y), fill=1)
    if e["standard"]:  # 98 lines an inch: every line sent twice as tall
        img = img.resize((img.width, img.height // 2), Image.NEAREST).resize(img.size, Image.NEAREST)
    return img


def after_scan(img, e, p, page, pages, when):
    """What the copier or the fax does to the scanned page (e: extras())."""
    if "copy" in e:
        img = _copy_edges(img, e["copy"], p)
    if "fax" in e:
        img = _fax(img if img.mode == "L" else img.convert("L"), e["fax"], page, pages, when)
    return img


# ---------------------------------------------------------------- the PDF
def wrap(images, dpi, quality, producer, when):
    """An image-only PDF: one JPEG (DCT) image a page, page size from the scan resolution."""
    buf = io.BytesIO()
    stamp_ = when.timetuple()
    images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi),
                   quality=quality, title="Scan", producer=producer, creator=producer,
                   creationDate=stamp_, modDate=stamp_)
    return buf.getvalue()


def scan(pdf, truth, seed, over=None, password=None):
    """(scanned PDF bytes, truth) of a drawn statement: see the module's doc."""
    rng = random.Random("scan/%s" % seed)
    over = dict(over or {})
    extra = extras(random.Random("scan-extra/%s" % seed), over.pop("extra", None) or [], over.pop("held", False))
    p = choose(rng, over)
    p.update(extra.get("scanner", {}))
    when = dt.datetime.fromisoformat(truth["date_range"]["to_date"]) + dt.timedelta(days=rng.randint(3, 40),
                                                                                    hours=rng.randint(9, 17))
    pages, words = render_pages(pdf, p["dpi"], p["color"], password)
    stamp_page = len(pages) - 1 if rng.random() < 0.7 else 0
    marks_page = rng.randrange(len(pages))
    done = {"stamp": None, "marks": []}
    out = []
    for i, img in enumerate(pages):
        if p["stamp"] and i == stamp_page:
            img, done["stamp"] = stamp(img, rng, p, p["dpi"], when, words[i])
        if p["marks"] and i == marks_page:
            img, marks = handwriting(img, rng, p["dpi"], words[i], signature=(i == stamp_page))
            done["marks"] = marks
        img = on_paper(img, extra, p["dpi"], words[i], i)
        out.append(after_scan(scanner(img, rng, p), extra, p, i, len(pages), when))
    data = wrap(out, p["dpi"], p["jpeg_quality"], rng.choice(SCANNERS), when)
    t = copy.deepcopy(truth)
    t["password"] = None
    g = t.setdefault("generator", {})
    g["encryption"] = None
    g["patterns"] = list(g.get("patterns") or []) + ["scanned"]
    st = done["stamp"] or {}
    g["scan"] = dict(p, stamp=bool(st), stamp_text=st.get("text"), stamp_page=stamp_page + 1 if st else None,
                     stamp_box=st.get("box"), marks=done["marks"])
    if extra["names"]:
        g["scan"]["extra"] = {k: v for k, v in extra.items() if k not in ("scanner", "rng")}
    return data, t


def photo(pdf, truth, seed, password=None, over=None):
    """A phone photo of the printed statement that cannot be read: perspective, motion blur that
    spans more than a letter's stroke at any resolution (a sharp-pixelled photo is as unreadable
    as a coarse one: refusing it must not hinge on the dpi), a shadow across it, on a desk. Its
    truth expects PDF_IS_IMAGE; `generator.photo` says how it was taken."""
    rng = random.Random("photo/%s" % seed)
    p = {"dpi": rng.choice([72, 90, 150, 200]), "blur": round(rng.uniform(0.028, 0.04), 3),
         "tilt": round(rng.uniform(0.10, 0.18), 3), "jpeg_quality": rng.randint(30, 45)}
    p.update(over or {})
    pages, _ = render_pages(pdf, p["dpi"], True, password)
    out = []
    for img in pages:
        w, h = img.size
        desk = Image.new("RGB", (int(w * 1.25), int(h * 1.2)), (rng.randint(90, 140), rng.randint(70, 110), 60))
        desk.paste(img, ((desk.width - w) // 2, (desk.height - h) // 2))
        W, H = desk.size
        k = p["tilt"]  # the top of the page farther from the lens: narrower
        quad = (-W * k, 0, 0, H, W, H, W * (1 + k), 0)  # where the output's corners come from
        img = desk.transform((W, H), Image.QUAD, quad, Image.BICUBIC)
        img = img.filter(ImageFilter.BoxBlur(p["blur"] * p["dpi"]))
        img = ImageChops.multiply(img, Image.merge("RGB", [_illumination(rng, img.size, 0.45)] * 3))
        out.append(img)
    data = wrap(out, p["dpi"], p["jpeg_quality"], "Android Camera", dt.datetime(2024, 7, 1, 18, 5, 0))
    t = copy.deepcopy(truth)
    t["password"] = None
    t["expect_error"] = "PDF_IS_IMAGE"
    g = t.setdefault("generator", {})
    g["encryption"] = None
    g["patterns"] = ["phone_photo"]
    g["photo"] = p
    return data, t
