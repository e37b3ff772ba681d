"""How real producers put text on a page when they do not do it the tidy way (spec `quirks`, a
list of the names below). The page looks the same; its content stream does not. Truth is
unchanged: the statement's rows are what the page shows.

Text (Renderer.text hands every string to Quirks.show):
- `glyphs`: each character its own show, placed by Td from the one before, no space
  characters: word gaps only by position (report writers that place every glyph, as iText and
  some Crystal Reports exports do).
- `tj`: a line's words in one TJ array, the gaps as kerning numbers, no space characters
  (wkhtmltopdf, Word's "Save as PDF").
- `words`: each word its own positioned show, no spaces (an OCR text layer, a print driver).
- `scaled`: the size in the text matrix, the font set at 1 pt (Word, Chromium, many libraries).
- `squeeze`: left-aligned strings wider than 60 pt drawn at 85% width (Tz), as report writers
  fit a field; the others at 100% (Tz is graphics state: it would carry over).
- `fakebold`: bold text drawn twice, 0.3 pt apart (a driver without the bold face); with
  `glyphs`, each glyph twice before the next ("HHDDFFCC" to a naive reader).
- `columns`: a page's text drawn column by column, left to right and top to bottom within
  each (a report writer filling its fields band by band), the footer among them: no reading order.
- `footer_first`: a page's text drawn from the bottom of the page up.
- `form`: each page's content inside a Form XObject the page only invokes.
- `ocr`: the page is an image of itself (rasterised) with the text on top in render mode 3
  (invisible), word by word, each word's baseline off by up to 0.6 pt as OCR boxes are: a
  scanned statement with the scanner's OCR text layer (statement.render draws it twice).
- `hidden`: an indexing line in white at the foot of each page (account, statement id, page)
  and a line drawn outside the page's box: text a viewer never shows.

Page geometry (a post-process through `mutool run`, statement.render):
- `rotate`: landscape content stored on a portrait page with /Rotate 90 (print drivers).
- `offset`: the MediaBox moved off the origin (-40, 25) and the content with it.
- `outlines`: every glyph drawn as a filled shape, no text layer at all (a print driver's "text
  as graphics"; MuPDF's SVG output with text as paths, read back into a PDF).
"""
import io
import os
import random
import subprocess
import tempfile

from reportlab.pdfbase import pdfmetrics

TEXT = ("glyphs", "tj", "words", "scaled", "squeeze", "fakebold", "columns", "footer_first", "form", "ocr",
        "hidden")
GEOMETRY = ("rotate", "offset", "outlines")
ALL = TEXT + GEOMETRY
FAKE_BOLD_SHIFT = 0.3
SQUEEZE = 0.85
OFFSET = (-40, 25)
WHITE = (1, 1, 1)


class Quirks:
    def __init__(self, R, names, page_images=None):
        unknown = set(names) - set(ALL)
        if unknown:
            raise ValueError("unknown quirks %s" % sorted(unknown))
        self.R, self.names = R, set(names)
        self.page_images = page_images  # the rasterised pages under an OCR layer
        self.buffered = []

    def active(self):
        return bool(self.names & set(TEXT))

    def show(self, font, size, x, y, s, bold, align="l"):
        """Draws s with its left end at x (after the alignment, align, was applied)."""
        if "columns" in self.names or "footer_first" in self.names:
            self.buffered.append((font, size, x, y, s, bold, align))
            return
        self._emit(font, size, x, y, s, bold, align)

    def _emit(self, font, size, x, y, s, bold, align="l", color=None):
        double = bold and "fakebold" in self.names
        glyphs = "glyphs" in self.names
        shifts = [0, FAKE_BOLD_SHIFT] if double and not glyphs else [0]
        # the size in the matrix where shows are placed by matrix (glyphs and tj move by Td/TJ)
        scaled = "scaled" in self.names and not glyphs and "tj" not in self.names
        c = self.R.c
        if color:
            c.saveState()
        for dx in shifts:
            t = c.beginText()
            t.setFont(font, 1 if scaled else size)
            k = 1.0
            if "squeeze" in self.names:
                k = SQUEEZE if align == "l" and _width(s, font, size) > 60 else 1.0
                t.setHorizScale(100 * k)
            if color:
                t.setFillColorRGB(*color)
            if self.page_images is not None:
                t.setTextRenderMode(3)
            if glyphs:
                _glyphs(t, font, size, x + dx, y, s, double, k)
            elif "tj" in self.names:
                _tj(t, font, size, x + dx, y, s)
            elif "words" in self.names or self.page_images is not None:
                _words(t, font, size, x + dx, y, s, self.page_images is not None, scaled, k)
            else:
                _place(t, size, x + dx, y, scaled)
                t.textOut(s)
            c.drawText(t)
        if color:
            c.restoreState()

    def page_start(self, n):
        c = self.R.c
        if self.page_images is not None and n <= len(self.page_images):
            c.drawImage(self.page_images[n - 1], 0, 0, self.R.W, self.R.H)
        if "form" in self.names:
            c.beginForm("page%d" % n)

    def page_end(self, n):
        c = self.R.c
        if "hidden" in self.names:
            self._hidden(n)
        if self.buffered:
            foot = "footer_first" in self.names
            key = (lambda b: (b[3], b[2])) if foot else (lambda b: (round(b[2] / 40), -b[3], b[2]))
            for b in sorted(self.buffered, key=key):
                self._emit(*b)
            self.buffered = []
        if "form" in self.names:
            c.endForm()
            c.doForm("page%d" % n)

    def _hidden(self, n):
        R = self.R
        st = R.st
        line = "IDX %s %s %s P%04d" % (st.acct, st.start.strftime("%Y%m"), st.end.strftime("%Y%m"), n)
        self._emit(R.reg, 6, R.margin, R.margin / 3, line, False, color=WHITE)
        # a template row the report writer left outside the page, beside the table: the page's
        # box cuts it off (a viewer shows nothing of it)
        self._emit(R.reg, R.size, R.margin - R.W, R.H / 2, "%s TEMPLATE ROW 0.00 0.00 0.00" % st.start.strftime("%d/%m/%Y"), False)


def _width(s, font, size):
    return pdfmetrics.stringWidth(s, font, size)


def _glyphs(t, font, size, x, y, s, double=False, k=1.0):
    """Every character its own show, each placed by Td from the one before; no spaces. double:
    each shown twice, the second FAKE_BOLD_SHIFT to the right; k: the horizontal scale (Tz)."""
    t.setTextOrigin(x, y)
    last = x
    for i, ch in enumerate(s):
        if ch == " ":
            continue
        at = x + k * _width(s[:i], font, size)
        t.moveCursor(at - last, 0)
        last = at
        t.textOut(ch)
        if double:
            t.moveCursor(FAKE_BOLD_SHIFT, 0)
            last += FAKE_BOLD_SHIFT
            t.textOut(ch)


def _runs(s):
    """(offset, word) of the runs of non-space characters of s."""
    out, i = [], 0
    for w in s.split(" "):
        if w:
            out.append((i, w))
        i += len(w) + 1
    return out


def _place(t, size, x, y, scaled):
    """The text matrix at (x, y); scaled: the size in the matrix (the font set at 1)."""
    if scaled:
        t.setTextTransform(size, 0, 0, size, x, y)
    else:
        t.setTextOrigin(x, y)


def _words(t, font, size, x, y, s, jitter=False, scaled=False, k=1.0):
    """Each word its own show at its own origin; no spaces. jitter: each word's baseline off by
    up to 0.6 pt (an OCR layer's word boxes), drawn from the word and its place; k: the
    horizontal scale (Tz)."""
    for i, w in _runs(s):
        at = x + k * _width(s[:i], font, size)
        dy = random.Random("%.1f/%.1f/%s" % (at, y, w)).uniform(-0.6, 0.6) if jitter else 0
        _place(t, size, at, y + dy, scaled)
        t.textOut(w)


def _tj(t, font, size, x, y, s):
    """One TJ array of the words, the gaps as kerning (thousandths of the size); a word
    whose encoding switches fonts (a TrueType subset boundary) gets a show of its own."""
    t.setTextOrigin(x, y)
    parts, pos = [], 0.0
    for i, w in _runs(s):
        at = _width(s[:i], font, size)
        code = t._formatText(w)
        if code.count(" Tj") != 1 or " Tf" in code:
            if parts:
                t._code.append("[%s] TJ" % " ".join(parts))
                parts = []
            t.setTextOrigin(x + at, y)
            t._code.append(code)
            t.setTextOrigin(x, y)
            pos = 0.0
            continue
        gap = at - pos
        if parts or gap > 0.01:
            parts.append("%.1f" % (-gap * 1000.0 / size))
        parts.append(code[:-len(" Tj")])
        pos = at + _width(w, font, size)
    if parts:
        t._code.append("[%s] TJ" % " ".join(parts))


# mutool run: every page's content moved (and turned for `rotate`) into a MediaBox off the origin
# or a portrait MediaBox with /Rotate 90. Args: in out.
GEOMETRY_JS = """
var pdf = new PDFDocument(scriptArgs[0]);
var rot = ROT, dx = DX, dy = DY;  // written in: MuJS reads "-40" as NaN
var n = pdf.countPages();
for (var i = 0; i < n; i++) {
  var p = pdf.findPage(i);
  var mb = p.get("MediaBox");
  var w = mb.get(2).valueOf() - mb.get(0).valueOf(), h = mb.get(3).valueOf() - mb.get(1).valueOf();
  var cm = rot == 90 ? "0 1 -1 0 " + (h + dx) + " " + dy : "1 0 0 1 " + dx + " " + dy;
  var box = rot == 90 ? [dx, dy, dx + h, dy + w] : [dx, dy, dx + w, dy + h];
  var arr = pdf.newArray();
  arr.push(pdf.addStream("q " + cm + " cm\\n"));
  var old = p.get("Contents");
  if (old.isArray()) { for (var k = 0; k < old.length; k++) arr.push(old.get(k)); } else arr.push(old);
  arr.push(pdf.addStream("\\nQ\\n"));
  p.put("Contents", arr);
  p.put("MediaBox", box);
  p.delete("CropBox");
  if (rot) p.put("Rotate", rot);
}
pdf.save(scriptArgs[1], "compress");
"""


def geometry(pdf, names):
    """The page geometry quirks of names applied through MuPDF."""
    import producers
    if "outlines" in names:
        pdf = outlines(pdf)
    rot = 90 if "rotate" in names else 0
    dx, dy = OFFSET if "offset" in names else (0, 0)
    if not rot and not dx and not dy:
        return pdf

    def fn(src, dst, d):
        js = os.path.join(d, "geometry.js")
        with open(js, "w") as f:
            f.write(GEOMETRY_JS.replace("ROT", str(rot)).replace("DX", str(dx)).replace("DY", str(dy)))
        producers._run(["mutool", "run", js, src, dst])
    return producers.same_id(producers._through(pdf, fn))


def outlines(pdf):
    """Every page drawn as SVG with its glyphs as paths, and the SVGs back into one PDF: the
    same page, no text layer."""
    import producers

    def fn(src, dst, d):
        producers._run(["mutool", "draw", "-q", "-F", "svg", "-O", "text=path", "-o", os.path.join(d, "p%04d.svg"), src])
        pages = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".svg"))
        producers._run(["mutool", "convert", "-F", "pdf", "-o", dst] + pages)
    return producers.same_id(producers._through(pdf, fn))


def page_images(pdf, d, dpi=150):
    """The pages of pdf rasterised (grey PNGs in directory d), as a scanner sees them: images
    for reportlab's drawImage."""
    src = os.path.join(d, "drawn.pdf")
    with open(src, "wb") as f:
        f.write(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", src, os.path.join(d, "p")], check=True)
    from reportlab.lib.utils import ImageReader
    out = []
    for f in sorted(f for f in os.listdir(d) if f.startswith("p") and f.endswith(".png")):
        with open(os.path.join(d, f), "rb") as fh:  # by content: reportlab names a file's image by its path
            out.append(ImageReader(io.BytesIO(fh.read())))
    return out
