"""The base of the layout families added for issue 10 (many banks, eras and patterns).

A family is a Layout (layouts.py) that names its bank (banks.py), its narration style
(narrations.py) and its table, and composes its page from the header blocks here. Patterns that
many families share live here too: Balance B/F reprints at the top of a page, a second account
(loan or fixed deposit) printed after the savings table, amounts with signs, currency symbols
or Dr/Cr suffixes, and the held-out mutations (sets.py `heldout`).
"""
import datetime as dt
import random

import banks
import heldout
import model
from layouts import Layout, fmt_date, money
from render import Col, Row


class Family(Layout):
    bank_key = None          # banks.BANKS key; None: a bank outside India (bank_name null)
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y",)
    bf_label = None          # "BALANCE B/F": reprinted with the last date at the top of each later page
    cf_label = None          # "BALANCE C/F": at the bottom of each page but the last
    opening_label = None     # "Opening Balance": a row with the opening balance before the first
    closing_label = None     # ... and one with the closing balance after the last transaction
    label_rows_dated = False  # those rows carry the period's first/last date
    prints = ("name", "account_number", "ifsc", "micr", "address")
    producer = "JasperReports Library version 6.20.0"

    def __init__(self, st):
        super().__init__(st)
        b = banks.BANKS.get(self.bank_key)
        self.bank = b.catalogue if b else None
        self.bname = b.name if b else ""
        self.date_fmt = self.date_fmts[self.v % len(self.date_fmts)]
        self.carry_forward = bool(self.bf_label or self.cf_label)
        self.mut = heldout.Mutation(st) if st.spec.get("heldout") else None
        if self.mut:
            self.date_fmt = self.mut.date_fmt(self.date_fmt)
            self.valign = self.mut.valign(self.valign)
        elif st.spec.get("valign") and self.valign == "top":
            self.valign = st.spec["valign"]  # the full set's alignment variants: cells centred or at the foot

    def set_labels_close(self):
        """Column labels as close as the words inside them: no slack between columns and a narrow
        pad, so that labels wider than their cells stand half an em apart, as far as a wide space
        (in a monospaced font 0.75 em, a space and a quarter: report writers print on its grid)."""
        mono = "Courier" in self.st.style["font"] or "Mono" in self.st.style["font"]
        self.st.style["slack"], self.st.style["pad"] = 0, self.st.style["size"] * (0.375 if mono else 0.25)

    # ----- the table -----
    def table(self):
        """The column set (Col list) of this family and variant."""
        raise NotImplementedError

    def columns(self):
        cols = self.table()
        return self.mut.columns(cols) if self.mut else cols

    def variant_patterns(self):
        tags = ["heldout"] if self.mut else []
        if "%Y" not in self.date_fmt and "%y" not in self.date_fmt:
            tags.append("yearless_date")  # the year comes from the statement period
        return tags

    # ----- rows -----
    def prints_month_banners(self):
        """Whether each new month opens under a banner line and the column labels printed again
        (in the middle of a page): `month_banners` families, or a variant's choice."""
        return getattr(self, "month_banners", False)

    def prints_day_totals(self):
        """Whether a bold `Day Total` row follows each day of two or more transactions:
        `day_totals` families, or a variant's choice."""
        return getattr(self, "day_totals", False)

    def rows(self):
        rows = super().rows()
        if self.prints_month_banners():
            rows = self.with_month_banners(rows)
        return self.with_day_totals(rows) if self.prints_day_totals() else rows

    def with_day_totals(self, rows):
        """After the last row of each day of two or more transactions, a bold `Day Total` row
        with the day's debits and credits in their columns."""
        out, day = [], []
        for r in rows:
            e = r.event
            if day and (e is None or e.date != day[-1].date):
                out += self.day_total(day)
                day = []
            if e is not None:
                day.append(e)
            out.append(r)
        return out + self.day_total(day)

    def day_total(self, day):
        if len(day) < 2:
            return []
        dr = sum(x.amount for x in day if not x.credit)
        cr = sum(x.amount for x in day if x.credit)
        return [Row({"narr": "Day Total", "dr": self.amt(dr) if dr else "", "cr": self.amt(cr) if cr else ""},
                    kind="total", bold=True)]

    def with_month_banners(self, rows):
        """Before the first row of each month after the first: a bold banner naming the month in
        the narration column and the column labels again (their first lines), as ledger prints
        that group a statement by month set them."""
        out, month = [], None
        labels = {c.key: c.header[0] for c in self.columns()}
        for r in rows:
            e = r.event
            if e is not None and month and (e.date.year, e.date.month) != month:
                out.append(Row({"narr": "Transactions of %s" % fmt_date(e.date, "%B %Y")}, kind="banner", bold=True))
                out.append(Row(dict(labels), kind="header", bold=True))
            if e is not None:
                month = (e.date.year, e.date.month)
            out.append(r)
        return out

    # ----- formats -----
    def drcr(self, paise, marks=(" Dr", " Cr")):
        """1,234.50 Dr / 1,234.50 Cr: the sign as a suffix."""
        return money(abs(paise), self.group) + (marks[0] if paise < 0 else marks[1])

    @staticmethod
    def flow(e):
        """e's amount with its direction: paise in positive, out negative."""
        return e.amount if e.credit else -e.amount

    def balance_and_side(self, c, e):
        """The balance unsigned in cells c and its side (`Dr`/`Cr`) in a column of its own."""
        c["bal"] = money(abs(e.balance), self.group)
        c["side"] = "Dr" if e.balance < 0 else "Cr"

    def signed(self, paise, cur="", plus=""):
        """-1,234.50 / +1,234.50 (plus="+"), with a currency symbol before the number."""
        sign = "-" if paise < 0 else plus
        return sign + cur + money(abs(paise), self.group)

    def d_long(self, day, fmt="%d %b %Y"):
        return fmt_date(day, fmt)

    def period(self, fmt="%d-%m-%Y", sep=" to "):
        return fmt_date(self.st.start, fmt) + sep + fmt_date(self.st.end, fmt)

    def clock(self, i, step, span, first):
        """A made-up time of day of row i ('HH:MM'): minutes from `first`, within `span` minutes."""
        minutes = (int(self.st.acct[-3:]) + step * i) % span + first
        return "%02d:%02d" % (minutes // 60, minutes % 60)

    def ref_id(self, i, prefix, width, tail, mult, step):
        """A made-up transaction id of row i: prefix and `width` digits drawn from the account
        number's last `tail` digits."""
        n = (int(self.st.acct[-tail:]) * mult + step * i) % 10 ** width
        return prefix + "%0*d" % (width, n)

    # ----- header blocks -----
    def letterhead(self, R, lines, align="l", size_add=7):
        """Bank name (large) and its office lines at the top; returns the y below them."""
        top = R.H - R.margin
        x = {"l": R.margin, "c": R.W / 2, "r": R.W - R.margin}[align]
        y = top - 10
        for i, line in enumerate(lines):
            R.text(x, y, line, bold=(i == 0), size=R.size + size_add if i == 0 else R.size, align=align)
            y -= (R.size + size_add) * 0.9 if i == 0 else R.lead
        return y - R.lead * 0.6

    def lines_at(self, R, x, y, lines, bold_first=False):
        for i, line in enumerate(lines):
            R.text(x, y, line, bold=bold_first and i == 0)
            y -= R.lead
        return y

    def kv(self, R, x, y, pairs, sep=" : "):
        """Label : value lines (label column as wide as its widest label)."""
        return R.kv_block(x, y, pairs, sep=sep)

    def labelled(self, R, x, y, pairs, mark=" :", gap=8):
        """'Label :' then the value in a column of its own; an empty label continues the value
        above (an address over several lines)."""
        lw = max(R.width(k) for k, _ in pairs) + 6
        for k, v in pairs:
            if k:
                R.text(x, y, k + mark)
            R.text(x + lw + gap, y, v)
            y -= R.lead
        return y

    def grid(self, R, y, heads, vals, x0=None, x1=None):
        """A row of labels with their values printed under them (a summary grid)."""
        x0 = R.margin if x0 is None else x0
        x1 = R.W - R.margin if x1 is None else x1
        step = (x1 - x0) / len(heads)
        for i, (hd, v) in enumerate(zip(heads, vals)):
            R.text(x0 + step * i, y, hd, bold=True)
            R.text(x0 + step * i, y - R.lead, v)
        return y - 2.4 * R.lead

    def holder_lines(self, title=True):
        return [self.printed_name() if title else self.h.name] + self.h.address_lines

    def name_address_pairs(self):
        """'Name :' and 'Address :' labels with the holder's values (for `labelled`)."""
        h = self.h
        return [("Name", self.printed_name()), ("Address", h.address_lines[0])] + [("", a) for a in h.address_lines[1:]]

    def holder_and_account(self, R, y, pairs, left=None, dx=40, after=1.0):
        """The first page's identity block: the holder at the left (`left`: lines with the first
        bold, default holder_lines(); or (label, value) pairs printed `labelled`) and the account's
        'Label : value' pairs from dx right of the page's middle. Returns the y `after` lines below both."""
        left = self.holder_lines() if left is None else left
        if left and isinstance(left[0], tuple):
            yl = self.labelled(R, R.margin, y, left)
        else:
            yl = self.lines_at(R, R.margin, y, left, bold_first=True)
        yr = self.kv(R, R.W / 2 + dx, y, pairs)
        return min(yl, yr) - after * R.lead

    def standard_header(self, R, n, lines, pairs, left=None, dx=40, align="l", size_add=7):
        """The page header most families print: the letterhead on every page, and under it on the
        first page only the holder and the account (holder_and_account)."""
        y = self.letterhead(R, lines, align=align, size_add=size_add)
        return y if n > 1 else self.holder_and_account(R, y, pairs, left, dx)

    def footer_lines(self):
        return ["This is a computer generated statement and does not require a signature.  Page {n} of {N}"]

    # ----- special rows -----
    def opening_rows(self):
        return [self.balance_row("opening", self.opening_label, self.st.start, self.st.opening)] \
            if self.opening_label else []

    def closing_rows(self):
        return [self.balance_row("closing", self.closing_label, self.st.end, self.st.closing)] \
            if self.closing_label else []

    def balance_row(self, kind, label, day, paise, bold=False):
        cells = {"narr": label, "bal": self.bal(paise)}
        if self.label_rows_dated:
            cells["date"] = self.d(day)
        return Row(cells, kind=kind, bold=bold)

    def carry_row(self, R, y, kind):
        label = self.bf_label if kind == "bf" else self.cf_label
        if not label:
            return y
        cells = {"narr": label, "bal": self.bal(R.last_balance)}
        if kind == "bf" and R.last_date:
            cells["date"] = self.d(R.last_date)
        for col in R.cols:
            R.draw_cell(col, y, cells.get(col.key, ""), bold=True)
        return y - R.lead

    # ----- after the table -----
    def after_table(self, R):
        self.summary(R)
        if self.st.spec.get("second_account"):
            self.second_section(R)

    def summary(self, R):
        pass

    def summary_grid(self, R, title="Statement Summary"):
        """Opening balance, debits, credits, closing balance: a grid after the table."""
        dr, cr, ndr, ncr = self.totals()
        R.ensure_space(5 * R.lead)
        y = R.y - R.lead
        R.text(R.margin, y, title, bold=True)
        y = self.grid(R, y - 1.4 * R.lead, ["Opening Balance", "Total Debits", "Total Credits", "Closing Balance"],
                      [self.bal(self.st.opening), self.amt(dr), self.amt(cr), self.bal(self.st.closing)])
        R.y = y

    # ----- a second account in the same PDF -----
    def second(self):
        if not hasattr(self, "_second"):
            self._second = SecondAccount(self.st, self.st.spec["second_account"])
        return self._second

    def second_section(self, R):
        s = self.second()
        R.section(s.title_lines(self), s.columns(), s.rows(self))

    def other_accounts(self):
        # a statement printed from HTML (Chromium) prints no second section
        if not self.st.spec.get("second_account") or hasattr(self, "html"):
            return []
        return [self.second().truth(self)]


class Probe(Family):
    """A probe family (fam_probe*.py): held out from tuning, in the probe sets only, until the
    reader reads it in general logic; then it subclasses Family and joins the tuning sets."""
    probe = True
    probe_set = "probe"  # the set that measures it (sets.py probe; fam_probe4.py's: probe4)


class SecondAccount:
    """A loan or fixed-deposit account of the same customer, printed after the savings table. Its
    balances are not the statement's: a reader must keep the accounts apart."""

    def __init__(self, st, kind):
        rng = random.Random("%s/%s/second" % (st.spec["seed"], st.spec.get("name", "")))
        self.kind = kind
        self.acct = model.rand_digits(rng, len(st.acct)) if len(st.acct) > 8 else model.rand_digits(rng, 12)
        self.type_name = "LOAN" if kind == "loan" else "FIXED DEPOSIT"
        self.entries = []
        if kind == "loan":
            out = model.rupees(rng, 200000, 900000, 1000)
            emi = model.rupees(rng, 5000, 20000, 1)
            self.sanctioned = out + model.rupees(rng, 10000, 100000, 1000)
            d = dt.date(st.start.year, st.start.month, 5)
            self.opening = out
            while d <= st.end and out > 0:
                if d >= st.start:
                    interest = out * 9 // 1200
                    out += interest
                    self.entries.append((d, "INTEREST DEBITED", interest, True, out))
                    paid = min(emi, out)  # the last EMI closes the loan: never an outstanding below zero
                    out -= paid
                    self.entries.append((d, "EMI RECOVERED FROM SB A/C %s" % st.acct[-4:], paid, False, out))
                d = model.month_add(d, 1)
        else:
            deposits = rng.randint(1, 3)
            for _ in range(st.spec.get("deposits") or deposits):  # spec deposits: how many, else drawn
                opened = st.start - dt.timedelta(days=rng.randint(30, 700))
                principal = model.rupees(rng, 10000, 300000, 1000)
                rate = rng.choice([650, 700, 725, 750, 775])
                days = rng.choice([365, 444, 730, 1095])
                mat = principal + principal * rate * days // (100 * 100 * 365)
                self.entries.append((opened, model.rand_digits(rng, 12), principal, rate, opened +
                                     dt.timedelta(days=days), mat))

    def truth(self, lay):
        """The account as a reader must give it (truth other_accounts[]): its number and kind, the
        holder and period of the statement it is printed in, and for a loan its rows and balances (the
        outstanding printed 'Dr': negative). A deposit grid has no rows: STATEMENT_NO_TRANSACTIONS."""
        st = lay.st
        txns = [{"date": d.isoformat(), "value_date": None, "transaction_note": text, "chq_num": None,
                 "amount": amt / 100, "transaction_type": "debit" if debit else "credit", "balance": -bal / 100 if bal else 0.0}
                for d, text, amt, debit, bal in self.entries] if self.kind == "loan" else []
        out = {"account_number": self.acct, "account_type": self.type_name, "rows": len(self.entries),
               "identity": {"name": lay.identity()["name"], "account_number": self.acct,
                            "account_type": self.type_name},
               "date_range": {"from_date": st.start.isoformat(), "to_date": st.end.isoformat()},
               "transactions": txns, "expect_error": None if txns else "STATEMENT_NO_TRANSACTIONS"}
        if txns:
            out.update(opening_bal=-self.opening / 100, closing_bal=txns[-1]["balance"])
        return out

    def title_lines(self, lay):
        if self.kind == "loan":
            return ["LOAN ACCOUNT DETAILS", "Loan Account No : %s    Sanctioned Amount : %s    Type : HOME LOAN" % (
                self.acct, money(self.sanctioned)),
                "Outstanding at the start of the period : %s Dr" % money(self.opening)]
        return ["FIXED DEPOSIT DETAILS", "Customer's deposits linked to this account (Deposit A/c No. %s)" % self.acct]

    def columns(self):
        if self.kind == "loan":
            return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("dr", ["Debit"], "r"),
                    Col("cr", ["Credit"], "r"), Col("bal", ["Outstanding"], "r")]
        return [Col("fdno", ["Deposit No"]), Col("open", ["Open Date"]), Col("prin", ["Principal"], "r"),
                Col("rate", ["ROI %"], "r"), Col("mat", ["Maturity Date"]), Col("matamt", ["Maturity Amount"], "r")]

    def rows(self, lay):
        out = []
        if self.kind == "loan":
            for d, text, amt, debit, bal in self.entries:
                out.append(Row({"date": lay.d(d), "narr": text, "dr": money(amt) if debit else "",
                                "cr": "" if debit else money(amt), "bal": money(bal) + " Dr"}, kind="other"))
            return out
        for opened, no, principal, rate, mat, matamt in self.entries:
            out.append(Row({"fdno": no, "open": lay.d(opened), "prin": money(principal),
                            "rate": "%.2f" % (rate / 100), "mat": lay.d(mat), "matamt": money(matamt)},
                           kind="other"))
        return out
