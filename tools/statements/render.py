"""Draws a statement table with reportlab's canvas: columns sized to their content, narrations
wrapped, rows broken across pages, repeated headers, page totals and B/F-C/F lines.

A layout (layouts.py) supplies the bank-specific parts: header block, column set, formats,
footer and summary. Drawing is done twice: once to count pages, once for real, so layouts can
print "Page 3 of 41". No randomness is drawn here: all choices were made before.
"""
import io
import os

from reportlab.lib.pagesizes import A4, letter, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from quirks import Quirks

DEJAVU = "/usr/share/fonts/truetype/dejavu"
FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold"),
    "Times": ("Times-Roman", "Times-Bold"),
    "Courier": ("Courier", "Courier-Bold"),
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold"),
    "DejaVuSerif": ("DejaVuSerif", "DejaVuSerif-Bold"),
    "DejaVuSansCondensed": ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold"),
}
_registered = set()
# Devanagari (bilingual Hindi/English labels): drawn in a font that has it, embedded like DejaVu
DEVANAGARI = ("Lohit-Devanagari", "/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf")


def dejavu_available():
    return os.path.exists(os.path.join(DEJAVU, "DejaVuSans.ttf"))


def font_pair(family):
    reg, bold = FONTS[family]
    for name in (reg, bold):
        if name.startswith("DejaVu") and name not in _registered:
            pdfmetrics.registerFont(TTFont(name, os.path.join(DEJAVU, name + ".ttf")))
            _registered.add(name)
    return reg, bold


def is_devanagari(ch):
    return "\u0900" <= ch <= "\u097f"


def script_runs(s):
    """s cut into (devanagari, text) runs; spaces and punctuation stay with the run they follow."""
    runs = []
    for ch in s:
        deva = is_devanagari(ch) or (ch in " /.-:()" and bool(runs) and runs[-1][0])
        if runs and runs[-1][0] == deva:
            runs[-1][1] += ch
        else:
            runs.append([deva, ch])
    return runs


def devanagari_font():
    name, path = DEVANAGARI
    if name not in _registered:
        pdfmetrics.registerFont(TTFont(name, path))
        _registered.add(name)
    return name


def page_size(name):
    size = {"A4": A4, "Letter": letter}[name.split("-")[0]]
    return landscape(size) if name.endswith("-landscape") else size


class Col:
    def __init__(self, key, header, align="l", wrap=False, head_align=None, wrap_w=None, overflow=False):
        """wrap: the cell wraps over several lines; wrap_w fixes a wrapped column's width
        (otherwise wrapped columns share what the others leave); overflow: a wrapped cell's text
        runs on into the next column when that row leaves it empty (as spreadsheet-like report
        writers print)."""
        self.key, self.header, self.align, self.wrap, self.wrap_w = key, header, align, wrap, wrap_w
        self.head_align = head_align or align
        self.overflow = overflow
        self.x = self.w = 0


class Row:
    """A table row: cells by column key. kind: txn, opening, closing, total, bf, cf; newpage: the next
    rows start a page of their own (a statement of the next period bound in the same PDF)."""

    def __init__(self, cells, kind="txn", bold=False, event=None):
        self.cells, self.kind, self.bold, self.event = cells, kind, bold, event
        self.lines = None  # wrapped narration, set by the renderer


def wrap_text(text, font, size, width):
    """Greedy wrap: break at spaces, else after '/' or '-', else anywhere."""
    words = text.split(" ")
    lines, cur = [], ""
    sw = lambda s: pdfmetrics.stringWidth(s, font, size)
    for w in words:
        cand = (cur + " " + w) if cur else w
        if sw(cand) <= width:
            cur = cand
            continue
        if cur:
            lines.append(cur)
            cur = ""
        while sw(w) > width:
            cut = _cut_point(w, font, size, width)
            lines.append(w[:cut])
            w = w[cut:]
        cur = w
    if cur:
        lines.append(cur)
    return lines or [""]


def wrap_cell(text, font, size, width, detail_size=None):
    """Wrapped lines of a cell and how many belong to its first paragraph: a newline in the text
    starts a detail line (printed under the row, e.g. a UPI sender and VPA), in detail_size."""
    paras = text.split("\n")
    lines = wrap_text(paras[0], font, size, width)
    first = len(lines)
    for p in paras[1:]:
        lines += wrap_text(p, font, detail_size or size, width)
    return lines, first


def _cut_point(w, font, size, width):
    n = 1
    while n < len(w) and pdfmetrics.stringWidth(w[:n + 1], font, size) <= width:
        n += 1
    for i in range(n, max(1, n // 2), -1):
        if w[i - 1] in "/-@*":
            return i
    return n


class Renderer:
    def __init__(self, layout, st, page_images=None):
        self.L, self.st, self.o = layout, st, st.style
        self.reg, self.bold = font_pair(self.o["font"])
        self.size = self.o["size"]
        self.lead = self.size * self.o.get("leading", 1.25)
        self.W, self.H = page_size(self.o["page"])
        self.margin = self.o.get("margin", 28)
        self.encrypt = None
        self.q = Quirks(self, self.o.get("quirks") or (), page_images)
        # Table rows printed from HTML carry cell padding; report writers pack rows tighter.
        self.row_gap = self.o.get("row_gap", 0.6 * self.lead if layout.valign == "middle" else 2)
        # Two-up pages (layout two_up): the main table printed in two halves of the page, side by
        # side, the left filled first; xoff shifts the cells into the half being filled.
        self.xoff, self.half, self.half_w, self.two_up = 0, 0, 0, False

    # -- text helpers used by layouts --
    def text(self, x, y, s, bold=False, size=None, align="l"):
        size = size or self.size
        f = self.bold if bold else self.reg
        if any(is_devanagari(ch) for ch in s):
            return self.text_runs(x, y, s, f, size, align)
        room = {"l": self.W - self.margin - x, "r": x - self.margin,
                "c": 2 * min(x - self.margin, self.W - self.margin - x)}[align]
        w = pdfmetrics.stringWidth(s, f, size)
        if w > room > 0:  # never let text leave the page: shrink it as a report writer would
            size = size * room / w
        self.c.setFont(f, size)
        if self.q.active():  # a producer of its own way (quirks.py)
            w = pdfmetrics.stringWidth(s, f, size)
            self.q.show(f, size, x - {"l": 0, "r": w, "c": w / 2}[align], y, s, bold, align)
        elif align == "r":
            self.c.drawRightString(x, y, s)
        elif align == "c":
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)

    def text_runs(self, x, y, s, f, size, align):
        """Text mixing Devanagari and Latin (a bilingual label): each run in a font that has it."""
        runs = [(devanagari_font() if deva else f, t) for deva, t in script_runs(s)]
        w = sum(pdfmetrics.stringWidth(t, rf, size) for rf, t in runs)
        x = {"l": x, "r": x - w, "c": x - w / 2}[align]
        for rf, t in runs:
            self.c.setFont(rf, size)
            self.c.drawString(x, y, t)
            x += pdfmetrics.stringWidth(t, rf, size)

    def width(self, s, bold=False, size=None):
        f = self.bold if bold else self.reg
        s = s.replace("\t", "   ")  # an accounting-format cell's two parts (draw_cell) kept apart
        if any(is_devanagari(ch) for ch in s):
            return sum(pdfmetrics.stringWidth(t, devanagari_font() if deva else f, size or self.size)
                       for deva, t in script_runs(s))
        return pdfmetrics.stringWidth(s, f, size or self.size)

    def kv_block(self, x, y, pairs, sep=" : ", label_w=None, bold_label=False):
        """Label/value lines; returns the y below the block."""
        label_w = label_w or max(self.width(k, bold_label) for k, _ in pairs) + (4 if sep.strip() else 12)
        for k, v in pairs:
            self.text(x, y, k, bold=bold_label)
            self.text(x + label_w, y, sep.strip() + " " + v if sep.strip() else v)
            y -= self.lead
        return y

    # -- table geometry --
    def layout_columns(self, cols=None, rows=None):
        """Fixed columns get their widest content plus padding and a random slack; wrapped columns
        share the rest but never less than 32% of the line (banks give narrations the room), so
        the slack shrinks when space is short. Columns never overlap. Without arguments: the
        layout's transaction table."""
        main = cols is None
        below = getattr(self.L, "below_key", None) if main else None  # the main table only
        cols = cols or self.L.columns()
        rows = self.rows if rows is None else rows
        pad = self.o.get("pad", 3)
        avail = self.W - 2 * self.margin
        self.two_up = main and getattr(self.L, "two_up", False)
        if self.two_up:
            gutter = 2.5 * self.size  # the halves kept apart by more than a column gap
            avail = (avail - gutter) / 2
            self.half_w = avail + gutter
        all_cols, cols = cols, [c for c in cols if c.key != below]
        need, slack = {}, {}
        for col in cols:
            if col.wrap and col.wrap_w:
                need[col.key] = max(col.wrap_w, max(self.width(h, bold=True) for h in col.header) + 2 * pad)
                slack[col.key] = 0
            elif not col.wrap:
                vals = [r.cells.get(col.key) or "" for r in rows]
                need[col.key] = max([self.width(v, bold=True) for v in vals] +
                                    [self.width(h, bold=True) for h in col.header]) + 2 * pad
                slack[col.key] = self.o.get("slack", 6) * self.o["jitter"].get(col.key, 1.0)
        wrap = [c for c in cols if c.wrap and not c.wrap_w]
        min_wrap = 0.32 * avail if wrap else 0
        budget = avail - sum(need.values()) - min_wrap
        total_slack = sum(slack.values())
        k = 1.0 if total_slack <= budget else max(0.0, budget) / total_slack if total_slack else 0
        fixed = 0
        for col in cols:
            if col.key in need:
                col.w = need[col.key] + slack[col.key] * k
                fixed += col.w
        for col in wrap:
            col.w = max(min_wrap / len(wrap), (avail - fixed) / len(wrap))
        if fixed + sum(c.w for c in wrap) > avail + 0.5:
            raise ValueError("columns do not fit the page: use a smaller font or a wider page")
        if below and not wrap:  # a table with its narration on a line of its own: spread to the page
            for col in cols:
                col.w += (avail - fixed) / len(cols)
        x = self.margin
        for col in cols:
            col.x = x
            x += col.w
        for col in all_cols:
            if col.key == below:  # printed under the row's line, from the table's left edge
                col.x, col.w = self.margin, avail
        cols = self.cols = all_cols
        for r in rows:
            r.wl, r.first = {}, {}
            for i, col in enumerate(cols):
                if col.wrap:
                    w = col.w - 2 * pad
                    if col.overflow and i + 1 < len(cols) and not r.cells.get(cols[i + 1].key):
                        w += cols[i + 1].w
                    r.wl[col.key], r.first[col.key] = wrap_cell(r.cells.get(col.key) or "",
                                                                self.bold if r.bold else self.reg,
                                                                self.size, w, self.detail_size())
                    if col.key == below and r.cells.get(col.key):
                        r.wl[col.key], r.first[col.key] = [""] + r.wl[col.key], r.first[col.key] + 1
            r.lines = max([len(v) for v in r.wl.values()] + [1])
        self.pad = pad

    def detail_size(self):
        return self.size - 1 if getattr(self.L, "detail_small", False) else self.size

    def draw_cell(self, col, y, s, bold=False, header=False, size=None):
        if not s:
            return
        align = col.head_align if header else col.align
        x = col.x + self.xoff
        if "\t" in s:  # an accounting-format cell: the part before the tab at the left edge, the rest at the right
            left, right = s.split("\t", 1)
            self.text(x + self.pad, y, left, bold=bold, size=size)
            self.text(x + col.w - self.pad, y, right, bold=bold, align="r", size=size)
            return
        if align == "r":
            self.text(x + col.w - self.pad, y, s, bold=bold, align="r", size=size)
        elif align == "c":
            self.text(x + col.w / 2, y, s, bold=bold, align="c", size=size)
        else:
            self.text(x + self.pad, y, s, bold=bold, size=size)

    def draw_table_header(self, y):
        n = max(len(c.header) for c in self.cols)
        top = y + self.lead * 0.8
        self.table_top = top
        if self.o.get("grid"):
            self.c.setLineWidth(0.5)
            self.c.line(self.margin, top, self.W - self.margin, top)
        for keys, label in ([] if self.in_section else getattr(self.L, "header_spans", ())):
            under = [c for c in self.cols if c.key in keys]  # one label centred over several columns
            if under:
                self.text((under[0].x + under[-1].x + under[-1].w) / 2, y, label, bold=True, align="c")
        halves = [0, self.half_w] if self.two_up and not self.in_section else [self.xoff]
        for xoff in halves:  # a two-up page prints the labels over both halves
            self.xoff = xoff
            for i in range(n):
                for col in self.cols:
                    if i < len(col.header):
                        self.draw_cell(col, y - i * self.lead, col.header[i], bold=True, header=True)
        self.xoff = halves[0]
        y -= n * self.lead
        if self.o.get("grid"):
            self.c.line(self.margin, y + self.lead * 0.7, self.W - self.margin, y + self.lead * 0.7)
        return y - self.lead * 0.2

    def draw_row_lines(self, r, y, first, last):
        """Draw wrapped lines [first, last) of row r. Single-line cells go on the row's first line,
        or, when the layout centres cells vertically (an HTML table printed to PDF), at the middle of
        the row's lines on this page (between two lines when their number is even)."""
        if first == 0:
            n = min(r.lines, last)
            shift = {"middle": (n - 1) / 2.0, "bottom": n - 1}.get(self.L.valign, 0) * self.lead
            for col in self.cols:
                if not col.wrap:
                    self.draw_cell(col, y - shift, r.cells.get(col.key) or "", bold=r.bold)
        for i in range(first, last):
            for col in self.cols:
                if col.wrap:
                    lines = r.wl[col.key]
                    if i < len(lines):
                        detail = i >= r.first[col.key]
                        self.draw_cell(col, y, lines[i], bold=r.bold and not detail,
                                       size=self.detail_size() if detail else None)
            y -= self.lead
        return y

    # -- pages --
    def render(self):
        self.rows = self.L.rows()
        while True:  # a font too wide for this page and column set gets smaller, as a bank's would
            try:
                self.layout_columns()
                break
            except ValueError:
                if self.size <= 6:
                    if self.o["page"].endswith("-landscape"):
                        raise
                    # Too many columns for a portrait page even in a small font: the bank prints
                    # it landscape (only families of issue 10 get here; see statement.build).
                    self.o["page"] += "-landscape"
                    self.W, self.H = page_size(self.o["page"])
                    self.size = self.o["size"]
                    self.lead = self.size * self.o.get("leading", 1.25)
                    continue
                self.size -= 0.5
                self.lead = self.size * self.o.get("leading", 1.25)
        self.main_cols = self.cols
        self.total_pages = 0
        buf = self._draw(count_only=True)
        self.total_pages = self.pages
        buf = self._draw(count_only=False)
        return buf

    def _draw(self, count_only):
        out = io.BytesIO()
        self.c = canvas.Canvas(out, pagesize=(self.W, self.H), pageCompression=self.o.get("compress", 1),
                               invariant=1, encrypt=None if count_only else self.encrypt)
        self.L.doc_info(self.c)
        self.pages = 0
        self.last_balance = self.st.opening
        self.last_date = None
        self.cum_dr = self.cum_cr = 0  # the debits and credits so far (ledgers carry them to the next page)
        self.split_rows = 0
        self.in_section = self.summary_broken = False
        self.shaded, self.last_shaded = 0, None
        self.rows_bottom = None  # the foot of the page's last row of the main table (column rules)
        self.cols = self.main_cols
        self.two_up = getattr(self.L, "two_up", False)
        self.half, self.xoff = 0, 0
        self._new_page()
        self._table(self.rows, self.o.get("break_rows") and not self.two_up)
        if self.half:  # what follows the table goes under both halves, full width
            self.y = min(self.y, self.left_bottom)
        self.two_up, self.half, self.xoff = False, 0, 0
        self.L.after_table(self)
        self._end_page(final=True)
        self.c.save()
        return out.getvalue()

    def _table(self, rows, break_rows):
        for r in rows:
            if r.kind == "newpage":  # another statement of the same account starts (layout start_section)
                self._end_page(final=True)
                self.L.start_section(self, r)
                self._new_page()
                continue
            need = r.lines * self.lead + self.row_gap
            if self.y - need < self.bottom and self.two_up and not self.in_section and self.half == 0:
                # the left half is full: the rows go on at the top of the right half
                self.left_bottom, self.half, self.xoff = self.y, 1, self.half_w
                self.y = self.rows_top
            if self.y - need < self.bottom:
                room = int((self.y - self.bottom) // self.lead)
                if r.kind == "txn" and break_rows and 1 <= room < r.lines:
                    # The row starts here and its remaining lines continue under the next page's header.
                    self.split_rows += 1
                    self.shade(r, self.y, room)
                    self.y = self.rows_bottom = self.draw_row_lines(r, self.y, 0, room)
                    self._account(r)
                    self._end_page()
                    self._new_page()
                    self.shade(r, self.y, r.lines - room)
                    self.y = self.rows_bottom = self.draw_row_lines(r, self.y, room, r.lines) - self.row_gap
                    continue
                self._end_page()
                self._new_page()
            self.shade(r, self.y, r.lines)
            self.y = self.draw_row_lines(r, self.y, 0, r.lines) - self.row_gap
            if self.L.row_rules and not self.in_section:
                self.c.setLineWidth(0.3)
                self.c.line(self.margin, self.y + self.lead * 0.7, self.W - self.margin, self.y + self.lead * 0.7)
            self._account(r)
            if not self.in_section:
                self.rows_bottom = self.y

    def shade(self, r, y, lines):
        """Alternate transaction rows on a light fill (layout row_shading), under their text."""
        if not self.L.row_shading or self.in_section or r.kind != "txn" or r.event is None:
            return
        if r is not self.last_shaded:  # a row broken across a page keeps its fill on both
            self.shaded += 1
            self.last_shaded = r
        if self.shaded % 2:
            return
        self.c.setFillGray(0.88)
        top = y + 0.8 * self.size
        self.c.rect(self.margin, top - lines * self.lead - 0.3 * self.size, self.W - 2 * self.margin,
                    lines * self.lead + 0.3 * self.size, stroke=0, fill=1)
        self.c.setFillGray(0)

    def column_rules(self):
        """Vertical rules between the columns (layout col_rules), from the labels' top to the
        page's last row, and a frame round them."""
        if not self.L.col_rules or self.rows_bottom is None:
            return
        bottom = self.rows_bottom + self.lead * 0.7
        self.c.setLineWidth(0.5)
        xs = [c.x for c in self.cols] + [self.cols[-1].x + self.cols[-1].w]
        for x in xs:
            self.c.line(x, self.table_top, x, bottom)
        self.c.line(xs[0], self.table_top, xs[-1], self.table_top)
        self.c.line(xs[0], bottom, xs[-1], bottom)

    def section(self, lines, cols, rows):
        """Another account's table after the main one (a loan or deposit account printed in the
        same PDF): its title lines, its own column header (repeated on new pages), its rows."""
        main = self.cols
        self.ensure_space((len(lines) + 4) * self.lead)
        self.layout_columns(cols, rows)
        self.y -= self.lead
        for i, line in enumerate(lines):
            self.text(self.margin, self.y, line, bold=(i == 0))
            self.y -= self.lead
        self.in_section = True
        self.y = self.draw_table_header(self.y)
        self._table(rows, False)
        self.in_section = False
        self.cols = main
    def _account(self, r):
        if r.kind == "txn" and r.event is not None:
            self.page_rows += 1
            e = r.event
            if e.credit:
                self.page_cr += e.amount
                self.cum_cr += e.amount
            else:
                self.page_dr += e.amount
                self.cum_dr += e.amount
            self.last_balance = e.balance
            self.last_date = e.date

    def _new_page(self):
        self.pages += 1
        self.page_dr = self.page_cr = self.page_rows = 0
        self.c.setPageSize((self.W, self.H))
        self.q.page_start(self.pages)
        reserve = self.L.footer_height(self)
        if self.L.page_totals:
            reserve += 2 * self.lead
        self.bottom = self.margin + reserve
        self.half, self.xoff = 0, 0
        y = self.L.page_header(self, self.pages)
        self.y = self.draw_table_header(y) if self.L.header_on_page(self.pages) or self.in_section else y
        self.rows_top = self.y
        if self.pages > 1 and self.L.carry_forward and not self.in_section:
            self.y = self.L.carry_row(self, self.y, "bf")

    def _end_page(self, final=False):
        self.column_rules()
        self.rows_bottom = None
        if self.L.page_totals and not self.in_section:
            self.L.page_total_row(self, self.y)
        if not final and self.L.carry_forward and not self.in_section:
            self.L.carry_row(self, self.y - (self.lead if self.L.page_totals else 0), "cf")
        self.L.footer(self, self.pages, self.total_pages)
        self.q.page_end(self.pages)
        self.c.showPage()

    def ensure_space(self, h):
        """Start a new page when less than h points remain (for summaries after the table). With
        the spec's summary_new_page, the first summary after the table always starts a new page
        (a summary grid falling on a page of its own, under a repeated letterhead and header)."""
        force = self.st.spec.get("summary_new_page") and not self.summary_broken
        self.summary_broken = True
        if force or self.y - h < self.bottom:
            self._end_page(final=True)
            self._new_page()
