"""Probe families of session 13 (issue 10): layout traits no family printed before, on banks of
every kind (a regional rural bank, two urban co-operative banks, public and private banks in an
older era, a private bank's monthly e-statements bound into one PDF): column labels in Hindi only,
rupees and paise in columns of their own, the narration on a line of its own under the row's
amounts, whole-rupee amounts written `1,500/-`, the date printed once above each day's rows,
a month-by-month summary table before the transactions, the running totals of debits and
credits carried from page to page, monthly statements bound together (each with its own
letterhead, opening and closing balance), a `Contd...` line at the foot of each page, closing
(and opening) balance lines at every month's end, a cheque's own date in a column beside the
posting date, and one `Amount` label printed over the two amount columns with `Dr`/`Cr` under it.
Held out from tuning (the `probe7` and `probe7-heldout` sets only) until the reader reads them
in general logic. Column words and arrangements as public descriptions of Indian core-banking
and passbook prints describe them; every holder, number and amount made up. A held-out variant
keeps the labels that are the family's pattern (`keep_header`).

| family | what it adds |
|--------|--------------|
| shgb | regional rural bank: every column label in Hindi only (`दिनांक`, `विवरण`, `नामे`, `जमा`, `शेष`), no English word in the table's header |
| bharat | urban co-operative bank: each amount and the balance in two columns, rupees (`1,234`) and paise (`50`), under `Rs.` and `Ps.` |
| boi_ledger | Bank of India's ledger print: the date, cheque number and amounts on the row's line, the narration on the line under it from the table's left edge (variants 2 and 3: `Particulars` under `Voucher Dt`) |
| kalyan | urban co-operative bank: whole-rupee amounts and balances written `1,500/-`, others `1,500.50` |
| fed_day | Federal Bank's daily-grouped print: the date on a bold line of its own above each day's rows, the rows' date cells blank (odd variants: the time of day) |
| rbl_monthly | RBL Bank: a month-by-month summary table (opening, debits, credits, closing) on page 1 before the transactions |
| mahabk_ledger | Bank of Maharashtra ledger: the running totals of debits and credits and the balance carried at each page's foot and brought at the next page's top |
| yes_bound | YES Bank monthly e-statements bound into one PDF: each month on new pages under its own letterhead, period, opening and closing balance lines |
| psb_contd | Punjab & Sind Bank: `Contd...` under the last row of each page but the last (odd variants: `Continued on next page` and `Continued from page N`) |
| indian_month | Indian Bank: a `Closing Balance as on` line after each month's last row (odd variants: an `Opening Balance as on` line at the next month's start too) |
| canara_chq | Canara Bank's older print: a `Chq Date` column, the cheque's own date (days before the posting) on cheque rows only |
| sib_span | South Indian Bank: one `Amount (Rs.)` label centred over the debit and credit columns, `Dr` and `Cr` (odd: `Withdrawal`, `Deposit`) under it |
"""
import datetime as dt

from family import Probe
from layouts import fmt_date, money
from render import Col, Row


class Probe7(Probe):
    """A probe of session 13: measured by the probe7 sets."""
    probe_set = "probe7"
    months = None  # months every statement of the family covers at least (sets.py probe: spec months)

    @classmethod
    def probe_spec(cls, seed, i):
        """What a probe statement of this family keeps whatever the knobs draw (sets.py probe)."""
        return {"months": cls.months + i % 2} if cls.months else {}


def kept(col):
    """A column whose labels are the family's pattern: held-out variants keep them (heldout.py)."""
    col.keep_header = True
    return col


def month_groups(events):
    """[(first day of the month, [events of that month])] in order."""
    out = []
    for e in events:
        m = dt.date(e.date.year, e.date.month, 1)
        if not out or out[-1][0] != m:
            out.append((m, []))
        out[-1][1].append(e)
    return out


def month_end(day):
    nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


HINDI_WORDS = [
    {"date": "दिनांक", "narr": "विवरण", "chq": "चेक नं.", "dr": "नामे", "cr": "जमा", "bal": "शेष"},
    {"date": "तारीख", "narr": "लेनदेन विवरण", "chq": "चेक संख्या", "dr": "निकासी", "cr": "जमा राशि", "bal": "बाकी"},
]


class SHGB(Probe7):
    """Sarva Haryana Gramin Bank, a regional rural bank: every column label in Hindi only (the
    statement printed in Hindi), two- and three-word Hindi labels in odd variants; the account
    lines in English and Hindi."""
    bank_key = "shgb"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "SHGB CBS Reports"
    patterns = ("regional_rural_bank", "hindi_only_labels")

    def table(self):
        w = HINDI_WORDS[self.v % 2]
        return [kept(Col(k, [w[k]], "r" if k in ("dr", "cr", "bal") else "l", wrap=(k == "narr")))
                for k in ("date", "narr", "chq", "dr", "cr", "bal")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["सर्व हरियाणा ग्रामीण बैंक", "Sarva Haryana Gramin Bank",
                                           "खाता विवरण / Statement of Account"],
                                    [("खाता संख्या / Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("अवधि / Period", self.period("%d-%m-%Y"))], left=self.name_address_pairs())


def rupees_paise(paise, group="indian"):
    """12345650 -> ('1,23,456', '50'): the rupees and the paise of an amount apart."""
    whole = money(abs(paise) - abs(paise) % 100, group)[:-3]
    return ("-" if paise < 0 else "") + whole, "%02d" % (abs(paise) % 100)


class Bharat(Probe7):
    """Bharat Co-operative Bank (Mumbai): a ledger whose amounts and balance each take two
    columns, the rupees under `Rs.` and the paise under `Ps.` (as a passbook's ruled paper
    prints them), the money labels over both."""
    bank_key = "bharat"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%y")
    producer = "Bharat Bank CBS"
    patterns = ("cooperative_bank", "rupee_paise_columns")

    def table(self):
        words = (("Withdrawals", "Deposits", "Balance"), ("Debit", "Credit", "Balance"))[self.v % 2]
        cols = [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"])]
        for key, word in zip(("dr", "cr", "bal"), words):
            cols += [kept(Col(key, [word, "Rs."], "r")), kept(Col(key + "_ps", ["", "Ps."], "r"))]
        return cols

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        side = "cr" if e.credit else "dr"
        c[side], c[side + "_ps"] = rupees_paise(e.amount)
        c["bal"], c["bal_ps"] = rupees_paise(e.balance)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bharat Co-operative Bank (Mumbai) Ltd.", "(Scheduled Bank)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class BOILedger(Probe7):
    """Bank of India's ledger print: on the row's line the dates, the cheque number and the
    amounts spread over the page; the narration on the line under it, from the table's left edge,
    its label `Particulars` on the header's second line under `Date` (variants 2 and 3: under
    `Voucher Dt`)."""
    bank_key = "boi"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "BOI Star CBS"
    below_key = "narr"
    patterns = ("narration_line_below",)

    def __init__(self, st):
        super().__init__(st)
        self.valign = "top"  # the narration's own line is under the row's: no other alignment

    def table(self):
        # variants 2 and 3: a qualifying word no label phrase knows before `Dt`, printed over
        # `Particulars` (the word belongs to the label beside it on its line, not the one under it)
        cols = [Col("date", ["Voucher Dt" if self.v // 2 % 2 else "Date"])]
        if self.v % 2:
            cols.append(Col("vdate", ["Value Date"]))
        return cols + [Col("chq", ["Chq No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                       Col("bal", ["Balance"], "r"), kept(Col("narr", ["", "Particulars"], wrap=True))]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bank Of India", "Relationship beyond banking", "Account Ledger"],
                                    [("Account No", st.acct), ("IFSC Code", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d-%m-%Y"))], left=self.name_address_pairs())


def slash_dash(paise, group="indian"):
    """150000 -> '1,500/-' (whole rupees, as receipts and ledgers write them); 150050 -> '1,500.50'."""
    s = money(paise, group)
    return s[:-3] + "/-" if paise % 100 == 0 else s


class Kalyan(Probe7):
    """Kalyan Janata Sahakari Bank: whole-rupee amounts and balances written `1,500/-`, the
    others with their paise (`1,500.50`)."""
    bank_key = "kalyan"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d.%m.%Y")
    producer = "KJSB Statement"
    patterns = ("cooperative_bank", "amount_slash_dash")

    def amt(self, paise):
        return slash_dash(paise, self.group)

    def bal(self, paise):
        return slash_dash(paise, self.group)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawal"], "r"), Col("cr", ["Deposit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Kalyan Janata Sahakari Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class FedDay(Probe7):
    """Federal Bank's print grouped by day: the date on a bold line of its own above the day's
    rows, in the date column; the rows' own date cells blank (odd variants: the time of day)."""
    bank_key = "federal"
    narr_style = "private"
    date_fmts = ("%d %b %Y", "%d-%m-%Y")
    producer = "FedNet Statement"
    patterns = ("date_heading_line",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Tran Ref"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def rows(self):
        out, day = [], None
        for i, e in enumerate(self.printed_events()):
            if e.date != day:
                day = e.date
                out.append(Row({"date": self.d(day)}, kind="banner", bold=True))
            r = self.txn_row(e, i)
            r.cells["date"] = self.clock(i, 53, 720, 480) if self.v % 2 else ""
            out.append(r)
        return out

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Federal Bank Ltd", "Statement of Account"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d %b %Y"))])


class RBLMonthly(Probe7):
    """RBL Bank: a month-by-month summary (month, opening balance, debits, credits, closing
    balance, in a table of its own with labels) on page 1 before the transaction table."""
    bank_key = "rbl"
    narr_style = "private"
    date_fmts = ("%d/%m/%Y", "%d-%b-%Y")
    producer = "RBL Bank e-Statement"
    months = 2
    patterns = ("monthly_summary_before",)

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("narr", ["Transaction Details"], wrap=True),
                Col("chq", ["Cheque ID"]), Col("dr", ["Withdrawal Amt"], "r"), Col("cr", ["Deposit Amt"], "r"),
                Col("bal", ["Balance"], "r")]

    def month_rows(self):
        out, bal = [], self.st.opening
        for m, evs in month_groups(self.st.events):
            dr = sum(e.amount for e in evs if not e.credit)
            cr = sum(e.amount for e in evs if e.credit)
            label = fmt_date(m, "%b %Y" if self.v % 2 == 0 else "%B-%Y")
            out.append([label, self.bal(bal), self.amt(dr), self.amt(cr), self.bal(evs[-1].balance)])
            bal = evs[-1].balance
        return out

    def page_header(self, R, n):
        st = self.st
        y = self.standard_header(R, n, ["RBL Bank", "Account Statement"],
                                 [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                  ("Period", self.period("%d/%m/%Y"))])
        if n > 1:
            return y
        R.text(R.margin, y, "Monthly Summary", bold=True)
        y -= 1.4 * R.lead
        heads = ["Month", "Opening Balance", "Total Debits", "Total Credits", "Closing Balance"]
        step = (R.W - 2 * R.margin) / len(heads)
        for row_i, row in enumerate([heads] + self.month_rows()):
            for k, cell in enumerate(row):
                if k == 0:
                    R.text(R.margin, y, cell, bold=row_i == 0)
                else:
                    R.text(R.margin + step * (k + 1) - 6, y, cell, bold=row_i == 0, align="r")
            y -= R.lead
        return y - 1.5 * R.lead


class MahaLedger(Probe7):
    """Bank of Maharashtra's ledger: at the foot of each page but the last the debits and
    credits so far and the balance (`TOTAL C/F`), at the top of the next page the same line
    again (`TOTAL B/F`); odd variants `Carried Over` / `Brought Over`."""
    bank_key = "mahabk"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Mahabank CBS"
    months = 2
    patterns = ("cumulative_totals_carried",)

    def __init__(self, st):
        super().__init__(st)
        self.bf_label, self.cf_label = (("TOTAL B/F", "TOTAL C/F"), ("Brought Over", "Carried Over"))[self.v % 2]
        self.carry_forward = True

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def carry_row(self, R, y, kind):
        cells = {"narr": self.bf_label if kind == "bf" else self.cf_label, "dr": self.amt(R.cum_dr),
                 "cr": self.amt(R.cum_cr), "bal": self.bal(R.last_balance)}
        for col in R.cols:
            R.draw_cell(col, y, cells.get(col.key, ""), bold=True)
        return y - R.lead

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bank of Maharashtra", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class YesBound(Probe7):
    """YES BANK's monthly e-statements of one account bound into one PDF: each month starts a
    page under its own letterhead and account block with that month's period, an `Opening
    Balance` line first and a `Closing Balance` line last (the next month's opening)."""
    bank_key = "yes"
    narr_style = "private"
    date_fmts = ("%d/%m/%Y", "%d %b %Y")
    producer = "YES BANK e-Statement"
    months = 2
    patterns = ("monthly_statements_bound",)

    def __init__(self, st):
        super().__init__(st)
        self.section = None

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]),
                Col("narr", ["Description"], wrap=True), Col("chq", ["Reference No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Running Balance"], "r")]

    def rows(self):
        out, bal = [], self.st.opening
        for k, (m, evs) in enumerate(month_groups(self.printed_events())):
            if k:
                row = Row({}, kind="newpage")
                row.month = m
                out.append(row)
            out.append(Row({"narr": "Opening Balance", "bal": self.bal(bal)}, kind="opening", bold=True))
            out += [self.txn_row(e, self.st.events.index(e)) for e in evs]
            bal = evs[-1].balance
            out.append(Row({"narr": "Closing Balance", "bal": self.bal(bal)}, kind="closing", bold=True))
        return out

    def start_section(self, R, row):
        self.section = (row.month, R.pages + 1)

    def page_header(self, R, n):
        st = self.st
        if n == 1:
            self.section = (dt.date(st.start.year, st.start.month, 1), 1)
        m, first = self.section
        lo, hi = max(m, st.start), min(month_end(m), st.end)
        period = fmt_date(lo, "%d/%m/%Y") + " to " + fmt_date(hi, "%d/%m/%Y")
        return self.standard_header(R, 1 if n == first else n, ["YES BANK", "Statement of Account"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", period)])


class PSBContd(Probe7):
    """Punjab & Sind Bank: `Contd...` under the last row of each page but the last, at the
    table's right edge (odd variants: `Continued on next page` under the rows and `Continued
    from page N` above the next page's first row, in the narration column)."""
    bank_key = "psb"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "PSB CBS Statement"
    patterns = ("continued_lines",)

    def __init__(self, st):
        super().__init__(st)
        self.carry_forward = True

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def carry_row(self, R, y, kind):
        narr = next(c for c in R.cols if c.key == "narr")
        if self.v % 2 == 0:
            if kind == "cf":
                R.text(R.W - R.margin, y - 0.3 * R.lead, "Contd...", align="r")
            return y
        text = "Continued on next page" if kind == "cf" else "Continued from page %d" % (R.pages - 1)
        R.text(narr.x + R.pad, y, text)
        return y - R.lead

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Punjab & Sind Bank", "(A Govt. of India Undertaking)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class IndianMonth(Probe7):
    """Indian Bank: after each month's last row a `Closing Balance as on <month's end>` line with
    the balance; odd variants also an `Opening Balance as on <1st>` line before the next month's
    first row; variants 2 and 3 print those lines' dates in the date column too."""
    bank_key = "indian"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%b-%Y")
    producer = "Indian Bank e-Statement"
    months = 2
    patterns = ("month_end_balance_lines",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def month_line(self, label, day, paise):
        cells = {"narr": "%s as on %s" % (label, fmt_date(day, "%d/%m/%Y")), "bal": self.bal(paise)}
        if self.v % 4 >= 2:
            cells["date"] = self.d(day)
        return Row(cells, kind="closing" if label.startswith("Closing") else "opening", bold=True)

    def rows(self):
        out = []
        groups = month_groups(self.printed_events())
        for k, (m, evs) in enumerate(groups):
            if k and self.v % 2:
                out.append(self.month_line("Opening Balance", max(m, self.st.start), groups[k - 1][1][-1].balance))
            out += [self.txn_row(e, self.st.events.index(e)) for e in evs]
            out.append(self.month_line("Closing Balance", min(month_end(m), self.st.end), evs[-1].balance))
        return out

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Indian Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class CanaraChq(Probe7):
    """Canara Bank's older print: a `Chq Date` column (odd variants `Instrument Date`, after
    the cheque number) holding the cheque's own date, days before the posting, on cheque rows
    only; no value-date column."""
    bank_key = "canara"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Canara Bank CBS"
    patterns = ("instrument_date_column",)

    def table(self):
        idate = kept(Col("idate", ["Instrument Date"] if self.v % 2 else ["Chq Date"]))
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]), idate,
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        if e.kind.startswith("chq") and e.chq:
            c["idate"] = self.d(e.date - dt.timedelta(days=2 + (i * 7) % 23))
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Canara Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class SIBSpan(Probe7):
    """South Indian Bank: one label `Amount (Rs.)` centred over the debit and credit columns,
    their own labels `Dr` and `Cr` (odd variants `Withdrawal` and `Deposit`) on the line under it."""
    bank_key = "sib"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    producer = "SIB e-Statement"
    header_spans = ((("dr", "cr"), "Amount (Rs.)"),)
    patterns = ("amount_label_spanning_columns",)

    def table(self):
        dr, cr = ("Dr", "Cr") if self.v % 2 == 0 else ("Withdrawal", "Deposit")
        return [Col("date", ["", "Date"]), Col("narr", ["", "Particulars"], wrap=True), Col("chq", ["", "Chq No"]),
                kept(Col("dr", ["", dr], "r")), kept(Col("cr", ["", cr], "r")), Col("bal", ["", "Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["South Indian Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())])


LAYOUTS = {"shgb": SHGB, "bharat": Bharat, "boi_ledger": BOILedger, "kalyan": Kalyan, "fed_day": FedDay,
           "rbl_monthly": RBLMonthly, "mahabk_ledger": MahaLedger, "yes_bound": YesBound, "psb_contd": PSBContd,
           "indian_month": IndianMonth, "canara_chq": CanaraChq, "sib_span": SIBSpan}
