"""Other PDF producers than reportlab, applied to a drawn statement (spec `post`):

- `cairo`: poppler's `pdftocairo -pdf` redraws the pages through cairo: glyph-by-glyph text
  positioning, re-subset fonts, other content streams (fonts must be embedded: base-14 fonts
  would be replaced by other metrics, so statement.build picks an embedded DejaVu font).
- `mutool`: MuPDF's `mutool convert` rewrites the pages through its PDF device: CID fonts with
  Identity-H encoding and a ToUnicode map, no Info dictionary.

And the garbage text layers (special files): a font without usable ToUnicode, so the text a
reader extracts is U+FFFD (`no_tounicode`) or glyph ids taken for characters (`identity_cmap`,
text like "LPUBL ,PUBL" for "kotak Kotak"), while the page looks perfect. On simple (TrueType
subset) fonts, `simple_fonts`: custom glyph names ("/g65" for "A", as some report writers
name them) and no ToUnicode, in every font or only the bold one of the headings and column
names (the page still shows every glyph; the text is U+FFFD), or a ToUnicode map giving the
bold font's glyph ids of a standard-order TrueType font ("'DWH" for "Date"); a ToUnicode map
giving the body font's letters other letters (`wrong_letters`: every character still a valid
letter, digits and punctuation right, so rows read and balances chain while narrations and the
holder's name are nonsense); or the ToUnicode map only removed, which leaves a readable text
layer (the codes are the characters).

All outputs are pinned to the statement's generation time, so the bytes are deterministic.
"""
import os
import re
import subprocess
import tempfile

IDENTITY_CMAP = (
    "/CIDInit /ProcSet findresource begin\\n12 dict begin\\nbegincmap\\n/CIDSystemInfo << /Registry "
    "(Adobe) /Ordering (UCS) /Supplement 0 >> def\\n/CMapName /Adobe-Identity-UCS def\\n/CMapType 2 def\\n"
    "1 begincodespacerange\\n<0000> <FFFF>\\nendcodespacerange\\n1 beginbfrange\\n<0000> <FFFF> <0000>\\n"
    "endbfrange\\nendcmap\\nCMapName currentdict /CMap defineresource pop\\nend\\nend\\n")

# mutool run: every font's ToUnicode stream replaced (identity) or removed (none).
TOUNICODE_JS = """
var pdf = new PDFDocument(scriptArgs[0]);
var mode = scriptArgs[2];
var n = pdf.countObjects();
for (var i = 1; i < n; i++) {
  var o = pdf.newIndirect(i, 0);
  if (!o.isDictionary()) continue;
  var t = o.get("ToUnicode");
  if (!(t && t.isStream && t.isStream())) continue;
  if (mode == "identity") t.writeStream("%s"); else o.delete("ToUnicode");
}
pdf.save(scriptArgs[1], "compress");
""" % IDENTITY_CMAP

# mutool run: every simple TrueType font (or those whose BaseFont holds scriptArgs[3]) loses its
# ToUnicode map; mode "glyphnames" also names its glyphs /g0 ... /g255 in a Differences encoding,
# mode "glyphids" gets one mapping each code to code - 29 (a standard-order font's glyph ids).
SIMPLE_FONT_JS = """
var pdf = new PDFDocument(scriptArgs[0]);
var mode = scriptArgs[2], only = scriptArgs[3];
var n = pdf.countObjects();
for (var i = 1; i < n; i++) {
  var o = pdf.newIndirect(i, 0);
  if (!o.isDictionary()) continue;
  var t = o.get("Type"), st = o.get("Subtype");
  if (!t || t.toString() != "/Font" || !st || st.toString() != "/TrueType") continue;
  if (only && o.get("BaseFont").toString().indexOf(only) < 0) continue;
  o.delete("ToUnicode");
  if (mode == "glyphids") {  // a standard-order font's glyph ids taken for the text: c - 29
    o.put("ToUnicode", pdf.addStream(GLYPH_ID_CMAP));
  } else if (mode == "glyphnames") {
    var d = pdf.newArray();
    d.push(0);
    for (var c = 0; c < 256; c++) d.push(pdf.newName("g" + c));
    var e = pdf.newDictionary();
    e.put("Differences", d);
    o.put("Encoding", e);
  }
}
pdf.save(scriptArgs[1], "compress");
""".replace("GLYPH_ID_CMAP", '"%s"' % (
    "/CIDInit /ProcSet findresource begin\\n12 dict begin\\nbegincmap\\n/CIDSystemInfo << /Registry (Adobe) "
    "/Ordering (UCS) /Supplement 0 >> def\\n/CMapName /Glyph-Ids def\\n/CMapType 2 def\\n1 begincodespacerange\\n"
    "<00> <FF>\\nendcodespacerange\\n1 beginbfrange\\n<20> <7E> <0003>\\nendbfrange\\nendcmap\\n"
    "CMapName currentdict /CMap defineresource pop\\nend\\nend\\n"))


def _run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError("%s failed: %s" % (cmd[0], r.stderr[-600:]))


def _through(pdf, fn):
    with tempfile.TemporaryDirectory(prefix="pb-post-") as d:
        src, dst = os.path.join(d, "in.pdf"), os.path.join(d, "out.pdf")
        with open(src, "wb") as f:
            f.write(pdf)
        fn(src, dst, d)
        with open(dst, "rb") as f:
            return f.read()


def pin_dates(pdf, when):
    """Every PDF date set to `when` (same length, so offsets stay valid)."""
    return re.sub(rb"D:\d{14}", b"D:" + when.strftime("%Y%m%d%H%M%S").encode(), pdf)


def rerender(pdf, how, st):
    if how == "cairo":
        out = _through(pdf, lambda s, d, _: _run(["pdftocairo", "-pdf", s, d]))
    elif how == "mutool":
        out = _through(pdf, lambda s, d, _: _run(["mutool", "convert", "-F", "pdf", "-o", d, s]))
    else:
        raise ValueError("unknown producer %r" % how)
    return pin_dates(out, st.generated)


def garbage_text(pdf, mode):
    """Rewrite through MuPDF (CID fonts), then break every ToUnicode map: mode 'none' removes
    them, 'identity' maps glyph ids to themselves."""
    def fn(src, dst, d):
        mid = os.path.join(d, "mid.pdf")
        js = os.path.join(d, "tounicode.js")
        with open(js, "w") as f:
            f.write(TOUNICODE_JS)
        _run(["mutool", "convert", "-F", "pdf", "-o", mid, src])
        _run(["mutool", "run", js, mid, dst, "identity" if mode == "identity" else "none"])
    return _through(pdf, fn)


def simple_fonts(pdf, mode, only=""):
    """The simple TrueType fonts of a reportlab statement drawn in a TTF font (all, or those whose
    name holds `only`, e.g. "Bold") without ToUnicode; mode 'glyphnames' also gives their glyphs
    custom names, 'glyphids' a map to glyph ids (code - 29), 'drop' only removes the map."""
    def fn(src, dst, d):
        js = os.path.join(d, "simple.js")
        with open(js, "w") as f:
            f.write(SIMPLE_FONT_JS)
        _run(["mutool", "run", js, src, dst, mode] + ([only] if only else []))
    return same_id(_through(pdf, fn))


# A PDF string: hex <...> or literal (...) with backslash escapes (MuPDF escapes every paren).
_PDF_STRING = rb"(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()])*\))"
_FILE_ID = re.compile(rb"/ID\s*\[\s*" + _PDF_STRING + rb"\s*" + _PDF_STRING + rb"\s*\]", re.S)


def same_id(pdf):
    """MuPDF's save gives the file ID's second half fresh bytes (random, seeded by the clock's
    second): both halves the first, for the same bytes from the same seed. MuPDF prints a string
    as a literal (...) when that is shorter than hex, as for random bytes now and then (~1 save in
    100): either form is matched. The ID sits in the trailer, after the cross-reference table, so
    a change of its length moves no offset."""
    return _FILE_ID.sub(lambda m: b"/ID[" + m.group(1) + m.group(1) + b"]", pdf)


# mutool run: every simple TrueType font whose BaseFont does not hold scriptArgs[2] (the body
# font, not the bold one) gets the ToUnicode map LETTERS_CMAP.
WRONG_LETTERS_JS = """
var pdf = new PDFDocument(scriptArgs[0]);
var except = scriptArgs[2];
var n = pdf.countObjects();
for (var i = 1; i < n; i++) {
  var o = pdf.newIndirect(i, 0);
  if (!o.isDictionary()) continue;
  var t = o.get("Type"), st = o.get("Subtype");
  if (!t || t.toString() != "/Font" || !st || st.toString() != "/TrueType") continue;
  if (o.get("BaseFont").toString().indexOf(except) >= 0) continue;
  o.put("ToUnicode", pdf.addStream(LETTERS_CMAP));
}
pdf.save(scriptArgs[1], "compress");
"""


def letters_cmap(perm):
    """A ToUnicode map of a reportlab TrueType subset (code = character, 0-127) whose letters
    read as others: perm[i] is the letter the i-th letter of the alphabet reads as."""
    out = []
    for c in range(128):
        ch = chr(c)
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            ch = chr(base + perm[c - base])
        out.append("<%02X> <%04X>" % (c, ord(ch)))
    return ("/CIDInit /ProcSet findresource begin\\n12 dict begin\\nbegincmap\\n/CIDSystemInfo << /Registry "
            "(Adobe) /Ordering (UCS) /Supplement 0 >> def\\n/CMapName /Wrong-Letters def\\n/CMapType 2 def\\n"
            "1 begincodespacerange\\n<00> <7F>\\nendcodespacerange\\n128 beginbfchar\\n" +
            "\\n".join(out) + "\\nendbfchar\\nendcmap\\nCMapName currentdict /CMap defineresource pop\\n"
            "end\\nend\\n")


def wrong_letters(pdf, perm, except_font="Bold"):
    """The simple TrueType fonts of a reportlab statement drawn in a TTF font, but the bold one,
    read their letters as others (perm, see letters_cmap): a valid but wrong ToUnicode map."""
    def fn(src, dst, d):
        js = os.path.join(d, "letters.js")
        with open(js, "w") as f:
            f.write(WRONG_LETTERS_JS.replace("LETTERS_CMAP", '"%s"' % letters_cmap(perm)))
        _run(["mutool", "run", js, src, dst, except_font])
    return same_id(_through(pdf, fn))
