"""Probe families of session 14 (issue 10): layout traits no family printed before, on banks of
every kind (three urban co-operative banks and two regional rural banks the corpus never drew, a
foreign bank's Indian arm, public and private banks): text reports whose every line is one
string with the columns set by spaces (line printers and core-banking spool files turned into
PDF), tables drawn in ASCII (`|` between the cells, `+----+` rules), spreadsheet exports with a
ruled grid round every cell and database-style column names, accounting-format cells (the `₹`
at the cell's left edge, the number at its right, `-` for nothing), the time of day with seconds
in the date cell, a landscape table printed sideways on a portrait page, a relationship summary
of every account before the savings table, an NRE account's foreign-currency amount and rate
columns, auto-sweep rows with the linked deposit's balance in a column of its own, amount
columns labelled only `(-)` and `(+)`, two fields stacked in one cell (the value date under the
date, the cheque number under the narration), and a section of pending transactions after the
table that are not in the balance.
Held out from tuning (the `probe8` and `probe8-heldout` sets only) until the reader reads them in
general logic. Column words and arrangements as public descriptions of Indian core-banking
prints, passbook printers and spreadsheet exports describe them; every holder, number and
amount made up. A held-out variant keeps the labels that are the family's pattern (`keep_header`).

| family | what it adds |
|--------|--------------|
| lineprint | Janata Sahakari Bank: a line-printer report, each line one string (Courier, columns by spaces), every printed line numbered, balances `12345.00 CR`, B/F and C/F lines |
| ascii_box | Citizen Credit Co-operative Bank: the table drawn in text, `|` between the cells and `+----+` rules, a narration's further lines inside the box |
| excel_grid | New India Co-operative Bank: a spreadsheet export printed to PDF, every cell ruled, database column names (`TRAN_DATE`, `DR_AMT`), no digit grouping; odd variants dates `2024-01-05 00:00:00` |
| acct_fmt | Dombivli Nagari Sahakari Bank: accounting-format cells, the `₹` at the cell's left edge and the number at its right, the unused amount cell `₹ -` |
| stamp_sec | Kotak: the time of day with its seconds after the date (`05/01/2024 10:32:11`; odd variants `2024-01-05 10:32:11`), a value date column beside it |
| sideways | Telangana Grameena Bank: a landscape table printed sideways on a portrait page, no /Rotate (odd variants /Rotate 270 and the content turned the other way) |
| rel_summary | Citibank: a relationship summary (savings, deposits, a loan `Dr`, the net relationship value) above the savings table on page 1 |
| nre_fcy | Federal Bank NRE account: `FCY Amount` (`USD 1,204.50`) and `Exch. Rate` columns filled on inward remittances only |
| sweep | Indian Overseas Bank: auto-sweep rows (`SWEEP OUT TO TD`, `SWEEP IN FROM TD`) and a column of the linked deposit's balance (odd variants: the balance with the deposit, `Balance with Sweep`) |
| sym_labels | Maharashtra Gramin Bank: the amount columns labelled `(-)` and `(+)` only (odd variants `Out (-)` and `In (+)`) |
| stacked | Punjab National Bank's stacked print: the value date under the date in one cell, the cheque number on the line under the narration, both labels stacked |
| pending | IDFC FIRST Bank: a `Pending Transactions` table after the statement (authorised, not posted, not in the balance) |
"""
import datetime as dt
import random

from family import Probe
from layouts import fmt_date, money
from render import Col, Row, font_pair
import model
from reportlab.pdfbase import pdfmetrics


class Probe8(Probe):
    """A probe of session 14: measured by the probe8 sets."""
    probe_set = "probe8"

    @classmethod
    def probe_spec(cls, seed, i):
        """What a probe statement of this family keeps whatever the knobs draw (sets.py probe)."""
        return {}

    def start_section(self, R, row):
        pass


def kept(col):
    """A column whose labels are the family's pattern: held-out variants keep them (heldout.py)."""
    col.keep_header = True
    return col


def fixed_wrap(text, width):
    """text in lines of at most width characters: broken at spaces, a longer word cut (the
    truth joins a wrap at a space with one space and a cut with nothing, as compare.py reads it)."""
    lines, cur = [], ""
    for w in text.split():
        cand = (cur + " " + w) if cur else w
        if len(cand) <= width:
            cur = cand
            continue
        if cur:
            lines.append(cur)
        while len(w) > width:
            lines.append(w[:width])
            w = w[width:]
        cur = w
    return lines + [cur] if cur else lines or [""]


# ----------------------------------------------------------------------------------------------
class TextReport(Probe8):
    """A report printed as text: each line of the table one string in Courier, its columns set by
    spaces (a core-banking spool file or a line printer's output turned into PDF). The table is
    one column (`line`); fields() names the report's fields, their labels, widths and alignment."""
    needs_font = "Courier"
    narr_width = 32

    def labels(self):
        """Each field's label, a held-out variant's words where it has them."""
        words = dict(self.field_labels)
        if self.mut:
            for k in words:
                if k in self.mut.words:
                    words[k] = " ".join(self.mut.words[k])
        return words

    def fields(self):
        """[(key, width, align)] of the report's columns, wide enough for every value."""
        if not hasattr(self, "_fields"):
            self._fields = self.measure_fields()
        return self._fields

    def measure_fields(self):
        evs = self.st.events
        lab = self.labels()
        amt = max([len(self.amt(e.amount)) for e in evs] + [len(lab["dr"]), len(lab["cr"])])
        out = []
        for key in self.field_order:
            if key == "narr":
                w = max(self.narr_width, len(lab[key]))
            elif key in ("dr", "cr"):
                w = amt
            elif key == "bal":
                w = max([len(self.bal(e.balance)) for e in evs] + [len(self.bal(self.st.opening)), len(lab[key])])
            elif key == "chq":
                w = max([len(self.printed_chq(e) or "") for e in evs] + [len(lab[key])])
            elif key in ("date", "vdate"):
                w = max(len(self.d(self.st.start)), len(lab[key]))
            elif key == "ln":
                w = max(4, len(lab[key]))
            else:
                w = len(lab[key])
            out.append((key, w, "r" if key in ("dr", "cr", "bal", "ln") else "l"))
        return out

    def join(self, cells):
        """One line of the report: the cells padded to their fields' widths."""
        parts = []
        for key, w, al in self.fields():
            s = cells.get(key, "")
            parts.append(s.rjust(w) if al == "r" else s.ljust(w))
        return self.sep.join(parts).rstrip()

    sep = "  "

    def table(self):
        lab = self.labels()
        head = self.join(lab)
        rule = "-" * len(self.join({k: "x" * w for k, w, _ in self.fields()}))
        return [Col("line", [head, rule])]

    def prints_chq(self):
        return "chq" in self.field_order

    def prints_value_date(self):
        return "vdate" in self.field_order

    def text_rows(self, e, i):
        """The lines of event e: its cells on the first, the narration's further lines under it."""
        narr = fixed_wrap(" ".join(e.narration.split()), dict((k, w) for k, w, _ in self.fields())["narr"])
        c = self.txn_cells(e, i)
        c["narr"] = narr[0]
        rows = [Row({"line": self.join(c)}, event=e)]
        for more in narr[1:]:
            rows.append(Row({"line": self.join({"narr": more})}, kind="cont"))
        return rows

    def rows(self):
        out = []
        for i, e in enumerate(self.printed_events()):
            out += self.text_rows(e, i)
        return self.opening_rows() + out + self.closing_rows()

    def balance_row(self, kind, label, day, paise, bold=False):
        cells = {"narr": label, "bal": self.bal(paise)}
        if self.label_rows_dated:
            cells["date"] = self.d(day)
        return Row({"line": self.join(cells)}, kind=kind, bold=bold)

    def carry_row(self, R, y, kind):
        label = self.bf_label if kind == "bf" else self.cf_label
        if not label:
            return y
        cells = {"narr": label, "bal": self.bal(R.last_balance)}
        if kind == "bf" and R.last_date:
            cells["date"] = self.d(R.last_date)
        R.draw_cell(R.cols[0], y, self.join(cells))
        return y - R.lead


class LinePrint(TextReport):
    """Janata Sahakari Bank (Pune): a line-printer statement, every line one string, each printed
    line numbered (a passbook printer's line counter, continuing over the pages), amounts without
    grouping, balances `12345.00 CR`, `B/F` and `C/F` lines at the page breaks, opening and
    closing lines."""
    bank_key = "janata"
    narr_style = "coop"
    date_fmts = ("%d/%m/%Y", "%d-%m-%y")
    producer = "JSB Report Spooler"
    field_order = ("ln", "date", "narr", "chq", "dr", "cr", "bal")
    field_labels = {"ln": "LN", "date": "DATE", "narr": "PARTICULARS", "chq": "CHQ.NO.", "dr": "WITHDRAWAL",
                    "cr": "DEPOSIT", "bal": "BALANCE"}
    bf_label, cf_label = "B/F", "C/F"
    opening_label, closing_label = "OPENING BALANCE", "CLOSING BALANCE"
    patterns = ("cooperative_bank", "one_string_per_line", "printed_line_numbers")

    def amt(self, paise):
        return money(paise, "plain")

    def bal(self, paise):
        return money(abs(paise), "plain") + (" DR" if paise < 0 else " CR")

    def rows(self):
        rows = super().rows()
        n = 0
        for r in rows:  # every printed line numbered, the narration's further lines too
            if r.kind in ("txn", "cont"):
                n += 1
                r.cells["line"] = str(n).rjust(self.fields()[0][1]) + r.cells["line"][self.fields()[0][1]:]
        return rows

    def page_header(self, R, n):
        st, h = self.st, self.h
        x, y = R.margin, R.H - R.margin - 10
        lines = ["JANATA SAHAKARI BANK LTD., PUNE" + " " * 24 + "PAGE NO : %d" % n,
                 "BRANCH : %s" % h.branch.upper() + " " * 10 + "RUN DATE : %s" % st.generated.strftime("%d/%m/%Y"),
                 "STATEMENT OF ACCOUNT FROM %s TO %s" % (fmt_date(st.start, "%d/%m/%Y"), fmt_date(st.end, "%d/%m/%Y"))]
        if n == 1:
            lines += ["A/C NO   : %s" % st.acct, "NAME     : %s" % self.printed_name(),
                      "ADDRESS  : %s" % h.address_lines[0]] + ["           %s" % a for a in h.address_lines[1:]] + \
                     ["IFSC     : %s    MICR : %s" % (st.ifsc, st.micr)]
        for line in lines:
            R.text(x, y, line)
            y -= R.lead
        return y - R.lead


class AsciiBox(TextReport):
    """Citizen Credit Co-operative Bank: the table drawn in text, `|` between the cells and
    `+----+` rules above and under the labels and under each page's last row; a narration's
    further lines inside the box, the other cells blank."""
    bank_key = "citizen"
    narr_style = "coop"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "CCBL CBS Text Report"
    field_order = ("date", "narr", "chq", "dr", "cr", "bal")
    field_labels = {"date": "Date", "narr": "Particulars", "chq": "Chq No", "dr": "Debit", "cr": "Credit",
                    "bal": "Balance"}
    sep = " | "
    narr_width = 30
    patterns = ("cooperative_bank", "one_string_per_line", "ascii_box_table")

    def join(self, cells):
        return "| " + super().join(cells).ljust(self.inner()) + " |"

    def inner(self):
        return sum(w for _, w, _ in self.fields()) + len(self.sep) * (len(self.field_order) - 1)

    def rule(self):
        return "+" + "+".join("-" * (w + 2) for _, w, _ in self.fields()) + "+"

    def table(self):
        return [Col("line", [self.rule(), self.join(self.labels()), self.rule()])]

    def __init__(self, st):
        super().__init__(st)
        self.carry_forward = True  # the box closed at each page's foot (carry_row), no B/F line

    def pattern_tags(self):
        return [t for t in super().pattern_tags() if t != "bf_reprint"]

    def rows(self):
        return super().rows() + [Row({"line": self.rule()}, kind="rule")]

    def carry_row(self, R, y, kind):
        if kind == "cf":
            R.draw_cell(R.cols[0], y + 0.3 * R.lead, self.rule())
        return y

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Citizen Credit Co-operative Bank Ltd.", "(Multi-State Scheduled Bank)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


# ----------------------------------------------------------------------------------------------
EXCEL_WORDS = [
    {"date": "TRAN_DATE", "vdate": "VALUE_DATE", "narr": "TRAN_PARTICULAR", "chq": "CHQ_NUM", "dr": "DR_AMT",
     "cr": "CR_AMT", "bal": "BALANCE_AMT"},
    {"date": "Txn_Date", "vdate": "Value_Dt", "narr": "Narration_Text", "chq": "Ref_No", "dr": "Withdrawal_Amt",
     "cr": "Deposit_Amt", "bal": "Closing_Bal"},
]


class ExcelGrid(Probe8):
    """New India Co-operative Bank: the statement exported to a spreadsheet and printed to PDF
    (LibreOffice): every cell ruled, the account's details as label and value cells of a ruled
    grid above, database-style column names, amounts without digit grouping; odd variants print
    the dates as the spreadsheet's date-times (`2024-01-05 00:00:00`)."""
    bank_key = "newindia"
    narr_style = "coop"
    date_fmts = ("%d-%m-%Y", "%Y-%m-%d 00:00:00")
    producer = "LibreOffice 7.3"
    group = "plain"
    row_rules = True
    col_rules = True
    patterns = ("cooperative_bank", "spreadsheet_gridlines", "database_column_names")

    def __init__(self, st):
        super().__init__(st)
        self.o["grid"] = True

    def variant_patterns(self):
        tags = list(super().variant_patterns())
        if "00:00:00" in self.date_fmt:
            tags.append("date_with_midnight_time")
        return tags

    def table(self):
        w = EXCEL_WORDS[self.v % 2]
        return [kept(Col(k, [w[k]], "r" if k in ("dr", "cr", "bal") else "l", wrap=(k == "narr")))
                for k in ("date", "vdate", "narr", "chq", "dr", "cr", "bal")]

    def page_header(self, R, n):
        st = self.st
        y = R.H - R.margin - 10
        R.text(R.margin, y, "Account Statement", bold=True, size=R.size + 3)
        y -= 2 * R.lead
        if n > 1:
            return y
        pairs = [("Account_No", st.acct), ("Account_Name", self.printed_name()),
                 ("Address", ", ".join(self.h.address_lines)), ("IFSC", st.ifsc), ("MICR", st.micr),
                 ("From_Date", fmt_date(st.start, "%d-%m-%Y")), ("To_Date", fmt_date(st.end, "%d-%m-%Y"))]
        lw = max(R.width(k) for k, _ in pairs) + 8
        vw = max(R.width(v) for _, v in pairs) + 8
        R.c.setLineWidth(0.5)
        for k, v in pairs:  # label and value cells, each ruled
            R.c.rect(R.margin, y - 0.3 * R.lead, lw, R.lead, stroke=1, fill=0)
            R.c.rect(R.margin + lw, y - 0.3 * R.lead, vw, R.lead, stroke=1, fill=0)
            R.text(R.margin + 3, y, k)
            R.text(R.margin + lw + 3, y, v)
            y -= R.lead
        return y - 1.5 * R.lead


class AcctFormat(Probe8):
    """Dombivli Nagari Sahakari Bank: amounts in the spreadsheet's accounting format, the `₹` at
    the left edge of the cell and the number at its right, the unused amount cell `₹ -`, an
    overdrawn balance in parentheses."""
    bank_key = "dnsb"
    narr_style = "coop"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "DNS Bank Statement"
    needs_font = "DejaVu"
    patterns = ("cooperative_bank", "accounting_format_cells", "currency_symbol")

    def amt(self, paise):
        return "₹\t" + money(paise, self.group)

    def bal(self, paise):
        s = money(abs(paise), self.group)
        return "₹\t" + ("(%s)" % s if paise < 0 else s)

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["cr" if not e.credit else "dr"] = "₹\t-"
        return c

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Ref No"]),
                Col("dr", ["Withdrawal"], "r"), Col("cr", ["Deposit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["DNS Bank", "Dombivli Nagari Sahakari Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class StampSec(Probe8):
    """Kotak Mahindra Bank's net-banking download: the transaction date with the time of day to
    the second (`05/01/2024 10:32:11`; odd variants `2024-01-05 10:32:11`), times rising through
    each day, a value date column beside it."""
    bank_key = "kotak"
    narr_style = "private"
    date_fmts = ("%d/%m/%Y", "%Y-%m-%d")
    producer = "Kotak Net Banking"
    patterns = ("datetime_with_seconds",)

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Chq/Ref No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def times(self):
        """Each event's time of day in seconds, rising through its day."""
        if not hasattr(self, "_times"):
            self._times, per_day = {}, {}
            for e in self.st.events:
                per_day.setdefault(e.date, []).append(e)
            seed = int(self.st.acct[-4:])
            for day, evs in per_day.items():
                step = 50000 // (len(evs) + 1)
                for j, e in enumerate(evs):
                    self._times[id(e)] = 21600 + step * (j + 1) + (seed * 7 + j * 131 + day.day * 17) % step
        return self._times

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        t = self.times()[id(e)]
        c["date"] += " %02d:%02d:%02d" % (t // 3600, t // 60 % 60, t % 60)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Kotak Mahindra Bank", "Account Statement"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class Sideways(Probe8):
    """Telangana Grameena Bank: a landscape table printed sideways on a portrait page with no
    /Rotate (the text runs up the page, as a print driver that turned the page itself leaves
    it); odd variants the content turned the other way and the page given /Rotate 270."""
    bank_key = "tgb"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "TGB CBS Reports"
    patterns = ("regional_rural_bank", "landscape_turned_on_portrait")

    @classmethod
    def probe_spec(cls, seed, i):
        return {"page": ("A4-landscape", "Letter-landscape")[i % 2]}

    def variant_patterns(self):
        return list(super().variant_patterns()) + ["page_rotate_270" if self.v % 2 else "text_sideways_no_rotate"]

    def table(self):
        return [Col("date", ["Tran Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Chq No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def turn_page(self, R):
        """The landscape page drawn on a portrait one: turned a quarter left (odd: right, and the
        page marked /Rotate 270 so that a viewer shows it upright)."""
        c = R.c
        if self.v % 2:
            c.setPageRotation(270)  # reportlab then writes the MediaBox portrait: the size stays as shown
            c.translate(0, R.W)
            c.rotate(-90)
        else:
            c.setPageSize((R.H, R.W))
            c.translate(R.H, 0)
            c.rotate(90)

    def page_header(self, R, n):
        st = self.st
        self.turn_page(R)
        return self.standard_header(R, n, ["Telangana Grameena Bank", "(Sponsored by State Bank of India)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class RelSummary(Probe8):
    """Citibank: page 1 opens with a summary of the customer's relationship (the savings account,
    fixed deposits, a home loan's principal outstanding, the net relationship value), each with
    its account number and balance, before the savings account's own table."""
    bank_key = "citi"
    narr_style = "private"
    date_fmts = ("%d %b %Y", "%d/%m/%Y")
    producer = "Citibank Online"
    patterns = ("relationship_summary_first",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Transaction Details"], wrap=True), Col("chq", ["Reference"]),
                Col("dr", ["Withdrawals (INR)"], "r"), Col("cr", ["Deposits (INR)"], "r"),
                Col("bal", ["Balance (INR)"], "r")]

    def relationship(self):
        rng = random.Random("%s/relationship" % self.st.acct)
        rows = [("Savings Account", self.st.acct, "INR", self.st.closing)]
        for _ in range(rng.randint(1, 2)):
            rows.append(("Time Deposit", model.rand_digits(rng, 10), "INR", model.rupees(rng, 50000, 500000, 1000)))
        rows.append(("Home Loan", model.rand_digits(rng, 12), "INR", -model.rupees(rng, 400000, 2500000, 1)))
        return rows

    def page_header(self, R, n):
        st = self.st
        y = self.standard_header(R, n, ["citibank", "Your Citibank Account Statement as on " + fmt_date(st.end, "%b %d, %Y")],
                                 [("Statement Period", self.period("%b %d, %Y")), ("IFSC", st.ifsc), ("MICR", st.micr)])
        if n > 1:
            return y
        R.text(R.margin, y, "A summary of your relationship with us", bold=True)
        y -= 1.4 * R.lead
        heads = ["Relationship Type", "Account Number", "Currency", "Balance"]
        step = (R.W - 2 * R.margin) / len(heads)
        rows = self.relationship()
        for i, row in enumerate([heads] + [[a, b, c, self.bal(abs(d)) + (" Dr" if d < 0 else "")]
                                           for a, b, c, d in rows]):
            for k, cell in enumerate(row):
                if k == 3:
                    R.text(R.margin + step * 4 - 6, y, cell, bold=i == 0, align="r")
                else:
                    R.text(R.margin + step * k, y, cell, bold=i == 0)
            y -= R.lead
        R.text(R.margin, y, "Net Relationship Value (INR) = %s" % self.bal(sum(r[3] for r in rows)), bold=True)
        y -= 2 * R.lead
        R.text(R.margin, y, "Savings Account Details for Account Number: %s In INR" % st.acct, bold=True)
        return y - 1.5 * R.lead


class NreFcy(Probe8):
    """Federal Bank NRE savings account: an `FCY Amount` column (`USD 1,204.50`) and an `Exch.
    Rate` column (`83.1250`) filled on the inward remittances only, before the rupee amounts."""
    bank_key = "federal"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    producer = "FedNet NRI Statement"
    patterns = ("nre_account", "foreign_currency_columns")
    CURRENCIES = (("USD", 8200, 8400), ("AED", 2230, 2290), ("GBP", 10300, 10700))

    def remitted(self, e, i):
        """(currency amount, rate) of an inward remittance, or None: the larger credits."""
        if not e.credit or e.amount < 500000 or i % 3 == 1:
            return None
        cur, lo, hi = self.CURRENCIES[int(self.st.acct[-2:]) % 3]
        rate = (lo + (i * 37 + int(self.st.acct[-3:])) % (hi - lo)) * 100 + i % 97  # 1/10000 rupee
        cents = e.amount * 10000 // rate
        return "%s %s" % (cur, money(cents, "western")), "%d.%04d" % (rate // 10000, rate % 10000)

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        r = self.remitted(e, i)
        if r:
            c["fcy"], c["rate"] = r
        return c

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Tran Ref"]),
                kept(Col("fcy", ["FCY Amount"], "r")), kept(Col("rate", ["Exch. Rate"], "r")),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Federal Bank Ltd", "NRI Banking - Statement of Account"],
                                    [("Account Number", st.acct), ("Account Type", "NRE SAVINGS"), ("Currency", "INR"),
                                     ("IFSC", st.ifsc), ("MICR", st.micr), ("Period", self.period())],
                                    left=self.name_address_pairs())


class Sweep(Probe8):
    """Indian Overseas Bank auto-sweep savings account: the balance above a threshold swept into
    a linked term deposit (`SWEEP OUT TO TD`) and back when a debit needs it (`SWEEP IN FROM
    TD`); a column after the balance gives the deposit's balance (`Linked TD Bal`; odd variants
    the balance with the deposit, `Balance with Sweep`, which moves with every row but the sweeps)."""
    bank_key = "iob"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "IOB CBS Statement"
    patterns = ("sweep_rows", "second_balance_column")

    @staticmethod
    def prepare(st, rng):
        """Sweep rows among the events: the ledger balance over the threshold goes to the deposit
        after a credit; a debit the balance cannot meet brings it back first. The ledger never
        falls below what it was without the sweeps."""
        bals = sorted(e.balance for e in st.events) or [st.opening]
        threshold = max(1000000, bals[len(bals) // 2] // 500000 * 500000)
        td = "%s%s" % (st.acct[:4], model.rand_digits(rng, 8))
        out, ledger, pool = [], st.opening, 0
        for e in st.events:
            delta = e.amount if e.credit else -e.amount
            if not e.credit and pool and ledger + delta < threshold // 4:
                back = min(pool, -(-(threshold // 4 - ledger - delta) // 100000) * 100000)
                ledger, pool = ledger + back, pool - back
                out.append(Sweep.sweep_event(e.date, back, True, td, ledger))
            ledger += delta
            e.balance = ledger
            out.append(e)
            if e.credit and ledger > threshold + 1000000:
                gone = (ledger - threshold) // 100000 * 100000
                ledger, pool = ledger - gone, pool + gone
                out.append(Sweep.sweep_event(e.date, gone, False, td, ledger))
        st.events[:] = out
        st.closing = ledger if out else st.opening
        st.sweep_pool = Sweep.pools(st)

    @staticmethod
    def sweep_event(day, amount, back, td, balance):
        e = model.Event(day, "fd_close" if back else "fd_open", amount, back, fd=td)
        e.narration = ("SWEEP IN FROM TD %s" if back else "SWEEP OUT TO TD %s") % td
        e.balance = balance
        e.sweep = True
        return e

    @staticmethod
    def pools(st):
        """The deposit's balance after each event."""
        out, pool = {}, 0
        for e in st.events:
            if getattr(e, "sweep", False):
                pool += -e.amount if e.credit else e.amount
            out[id(e)] = pool
        return out

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        pool = self.st.sweep_pool[id(e)]
        c["td"] = money(pool + e.balance if self.v % 2 else pool, self.group)
        return c

    def table(self):
        td = ["Balance with", "Sweep"] if self.v % 2 else ["Linked TD", "Bal"]
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r"),
                kept(Col("td", td, "r"))]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Indian Overseas Bank", "Statement of Account (Auto Sweep Savings)"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class SymLabels(Probe8):
    """Maharashtra Gramin Bank: the amount columns labelled only by their sign, `(-)` and `(+)`
    (odd variants `Out (-)` and `In (+)`)."""
    bank_key = "mahagram"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "MGB CBS"
    patterns = ("regional_rural_bank", "sign_only_amount_labels")

    def table(self):
        dr, cr = ("Out (-)", "In (+)") if self.v % 2 else ("(-)", "(+)")
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                kept(Col("dr", [dr], "r")), kept(Col("cr", [cr], "r")), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Maharashtra Gramin Bank", "(Sponsored by Bank of Maharashtra)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class Stacked(Probe8):
    """Punjab National Bank's stacked print: two fields in one cell, the value date under the
    date (labels `Txn Date` over `Value Date`) and the cheque number on the line under the
    narration (labels `Particulars` over `Cheque No`)."""
    bank_key = "pnb"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "PNB Finacle Statement"
    patterns = ("two_fields_stacked_in_cell",)

    def prints_chq(self):
        return True

    def prints_value_date(self):
        return True

    def date_width(self):
        reg, bold = font_pair(self.o["font"])
        return pdfmetrics.stringWidth(self.d(self.st.end), bold, self.o["size"]) + 2 * self.o.get("pad", 3) + 2

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["date"] = self.d(e.date) + "\n" + self.d(e.value_date)
        if c.get("chq"):
            c["narr"] = e.narration + "\n" + c["chq"]
        return c

    def table(self):
        return [kept(Col("date", ["Txn Date", "Value Date"], wrap=True, wrap_w=self.date_width())),
                kept(Col("narr", ["Particulars", "Cheque No"], wrap=True)),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Punjab National Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class Pending(Probe8):
    """IDFC FIRST Bank: after the statement a `Pending Transactions` table (card and UPI debits
    authorised on the last days, not yet posted, so in no balance), with its own labels."""
    bank_key = "idfc"
    narr_style = "private"
    date_fmts = ("%d %b %Y", "%d/%m/%Y")
    producer = "IDFC FIRST Bank e-Statement"
    patterns = ("pending_transactions_section",)
    MERCHANTS = ("AMAZON PAY INDIA", "SWIGGY BANGALORE", "BIGBASKET", "IRCTC E-TICKET", "ZOMATO LTD", "FLIPKART")

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Cheque No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def pending_rows(self):
        rng = random.Random("%s/pending" % self.st.acct)
        rows = []
        for k in range(rng.randint(2, 4)):
            day = self.st.end - dt.timedelta(days=rng.randint(0, 2))
            what = rng.choice(["POS AUTH %sXXXXXX%s %s" % (rng.choice("45"), model.rand_digits(rng, 4),
                                                            rng.choice(self.MERCHANTS)),
                               "UPI/%s/PENDING/%s" % (model.rand_digits(rng, 12), rng.choice(self.MERCHANTS))])
            rows.append(Row({"date": self.d(day), "narr": what, "amt": self.amt(model.rupees(rng, 120, 9000, 1)),
                             "status": "PENDING"}, kind="other"))
        return rows

    def after_table(self, R):
        R.section(["Pending Transactions", "(authorised, not yet posted to the account; not included in the balance)"],
                  [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("amt", ["Amount"], "r"),
                   Col("status", ["Status"])], self.pending_rows())
        super().after_table(R)

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["IDFC FIRST Bank", "Statement of Account"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", self.period("%d %b %Y"))], left=self.name_address_pairs())


LAYOUTS = {"lineprint": LinePrint, "ascii_box": AsciiBox, "excel_grid": ExcelGrid, "acct_fmt": AcctFormat,
           "stamp_sec": StampSec, "sideways": Sideways, "rel_summary": RelSummary, "nre_fcy": NreFcy,
           "sweep": Sweep, "sym_labels": SymLabels, "stacked": Stacked, "pending": Pending}
