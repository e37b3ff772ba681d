"""Statements printed from HTML by Debian's headless Chromium (`chromium --print-to-pdf`): what a
customer gets when they print a net-banking page, an app's web view or an account-aggregator
report. Chromium (Skia/PDF) lays text out glyph run by glyph run, repeats a table's header on
every page, centres cells vertically and may split a row across pages: other PDFs than
reportlab's, read by the same truth.

Deterministic: the HTML is; the PDF's dates are set to the statement's generation time, and the
PDF is printed untagged (a tagged PDF's structure elements carry DOM node ids, which vary run to
run when the machine is loaded: the 'bytes differ' flake of airtel/dbs/sbi_print). Chromium's own layout decides the page count, read back
from the PDF.
"""
import html as H  # the standard library
import os
import re
import shutil
import subprocess
import tempfile

CHROMIUM = os.environ.get("PB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def esc(s):
    return H.escape(s or "")


def cell_html(s):
    """A cell's text: a newline starts a detail line (small, under the first)."""
    parts = (s or "").split("\n")
    return esc(parts[0]) + "".join('<br><span class="detail">%s</span>' % esc(p) for p in parts[1:])


def table_html(cols, rows, cls="txn"):
    head = "".join('<th class="%s">%s</th>' % (c.align, "<br>".join(esc(w) for w in c.header)) for c in cols)
    body = []
    for r in rows:
        tds = "".join('<td class="%s%s">%s</td>' % (c.align, "" if c.wrap else " nw", cell_html(r.cells.get(c.key, "")))
                      for c in cols)
        body.append('<tr class="%s">%s</tr>' % (r.kind + (" b" if r.bold else ""), tds))
    return '<table class="%s"><thead><tr>%s</tr></thead><tbody>\n%s\n</tbody></table>' % (
        cls, head, "\n".join(body))


BASE_CSS = """
@page { size: %(page)s; margin: %(margin)s; %(margin_boxes)s }
body { font-family: "%(font)s"; font-size: %(size)spt; color: #111; margin: 0; }
table { border-collapse: collapse; width: 100%%; }
th { font-weight: bold; text-align: left; vertical-align: bottom; padding: 2pt 3pt; }
td { padding: %(pad)spt 3pt; vertical-align: %(valign)s; }
th.r, td.r { text-align: right; white-space: nowrap; }
th.c, td.c { text-align: center; }
td.l { overflow-wrap: anywhere; }
td.nw { white-space: nowrap; }
tr.b td { font-weight: bold; }
.detail { font-size: %(detail)spt; color: #555; }
.kv td { padding: 0 6pt 0 0; vertical-align: top; }
h1 { font-size: %(h1)spt; margin: 0 0 2pt 0; }
"""


def page_css(st, lay, extra=""):
    size = st.style["size"]
    page = {"A4": "A4", "Letter": "letter", "A4-landscape": "A4 landscape",
            "Letter-landscape": "letter landscape"}[st.style["page"]]
    font = html_font(st.style["font"])
    boxes = getattr(lay, "margin_boxes", "")
    return BASE_CSS % {"page": page, "margin": "12mm 10mm", "font": font, "size": size, "pad": 1.5,
                       "valign": lay.html_valign, "detail": size - 1, "h1": size + 6,
                       "margin_boxes": boxes} + (lay.css or "") + extra


def html_font(name):
    """The system font Chromium prints with (fonts-dejavu-core, installed by install-deps.sh)."""
    return {"DejaVuSerif": "DejaVu Serif", "Times": "DejaVu Serif", "Courier": "DejaVu Sans Mono",
            "DejaVu Serif": "DejaVu Serif", "DejaVu Sans Mono": "DejaVu Sans Mono"}.get(name, "DejaVu Sans")


def print_pdf(html_text, st):
    """HTML -> PDF bytes with Chromium, dates pinned to the statement's generation time."""
    with tempfile.TemporaryDirectory(prefix="pb-html-") as d:
        src, out = os.path.join(d, "s.html"), os.path.join(d, "s.pdf")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
               "--disable-pdf-tagging",  # tags carry DOM node ids that vary run to run
               "--user-data-dir=" + os.path.join(d, "profile"), "--no-pdf-header-footer",
               "--print-to-pdf=" + out, "file://" + src]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
        if r.returncode != 0 or not os.path.exists(out):
            raise RuntimeError("chromium failed (%s): %s" % (r.returncode, r.stderr[-800:]))
        with open(out, "rb") as f:
            pdf = f.read()
    stamp = st.generated.strftime("%Y%m%d%H%M%S").encode()
    pdf = re.sub(rb"D:\d{14}", b"D:" + stamp, pdf)
    return pdf


def page_count(pdf):
    """Pages of a PDF as poppler counts them."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        r = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True)
    m = re.search(r"Pages:\s+(\d+)", r.stdout)
    if not m:
        raise RuntimeError("pdfinfo cannot count pages: " + r.stderr[-300:])
    return int(m.group(1))


def render(lay, st):
    """PDF bytes and page count of an HTML family."""
    lay.st.split_rows = 0
    pdf = print_pdf(lay.html(), st)
    st.style["font"] = html_font(st.style["font"])  # what the truth's generator.font reports
    return pdf, page_count(pdf)
