"""Gap families of session 12 (issue 10, docs/extraction.md "Known gaps"): layouts the reader
could not read when they were drawn. Held out from tuning (the `gaps` and `gaps-heldout` sets
only) until the reader reads them in general logic.

| family | what it adds |
|--------|--------------|
| split_central | Central Bank of India: narrow `Post Date` and `Value Date` columns, each date printed over two lines (`07/12/` over `2026`) |
| split_uco | UCO Bank: a narrow `Date` column printing `07 Dec` over `2026` (odd variants `07-Dec-` over `2026`) |
| split_iob | Indian Overseas Bank: a column narrower still, the date over three lines (`07-` / `12-` / `2026`, or `07-12-` over `2026` in a small font), a serial number before it; variant 2 prints ISO dates (`2026/12/` over `07`) |
| split_words | Bank of Maharashtra's branch print: dates in words in a narrow `Date (Value Date)` column, `01 December` over `2024` (odd variants `01` / `December` / `2024`), the value date in brackets under the date wrapped the same way (`(02 December` over `2024)`) (session 14) |
| rs_ps | Abhyudaya Co-operative Bank's ledger print: each amount and the balance in two columns of their own, the rupees under `Rs.` and the paise under `Ps.`, the money label centred over the pair (odd variants: over the rupees' column, an opening balance line split the same way); variant 2 prints the rupees without grouping commas under `Rs` / `Ps`; variant 3 one line of labels, the money word over the rupees and `Ps.` beside it (session 14) |
| two_up | Indian Bank's ledger print two-up: the table in two halves of the page side by side, the same labels over both on one line, the left half filled first (session 13) |

Variant 3 of each centres a row's cells vertically on its wrapped narration (session 13): the
date's first piece prints on the narration's first line, the amounts on the line under it, the
year under those (a wrapped date whose row prints its amounts on another line than the date's
first piece). split_uco's variant 2 prints two-digit years (`07-12-` over `26`).

The year goes to the second line at the date's last separator whatever the date format (a
held-out variant's `date_fmt` too), as a narrow column's wrap puts it; the column is as narrow
as its label allows.
"""
from fam_probe7 import rupees_paise
from family import Probe
from layouts import fmt_date
from render import Col


class Gaps(Probe):
    """A gap family of session 12: measured by the gaps sets."""
    probe_set = "gaps"
    narrow = 48  # the date column's width in points: the day and month fit in any font and size

    def __init__(self, st):
        super().__init__(st)
        if not self.mut and self.v % 4 == 3:
            self.valign = "middle"  # cells centred on the wrapped narration (a held-out mutation's too)


def split_year(text):
    """'07/12/2026' -> '07/12/\\n2026', '07 Dec 2026' -> '07 Dec\\n2026': the line break a narrow
    column puts at the date's last separator (a space is dropped, a '/' or '-' kept)."""
    for i in range(len(text) - 1, 0, -1):
        c = text[i]
        if c == " ":
            return text[:i] + "\n" + text[i + 1:]
        if c in "/-.":
            return text[:i + 1] + "\n" + text[i + 1:]
    return text


class SplitDates(Gaps):
    """Dates wrapped in a narrow column: the day and month on the row's line, the year under."""
    narr_style = "psu"

    def d(self, day):
        return split_year(fmt_date(day, self.date_fmt)) if day else ""

    def date_col(self, key, words):
        return Col(key, words, wrap=True, wrap_w=self.narrow)


class SplitCentral(SplitDates):
    bank_key = "central"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Finacle Statement"
    patterns = ("split_date_two_lines", "split_value_date_two_lines")

    def table(self):
        return [self.date_col("date", ["Post", "Date"]), self.date_col("vdate", ["Value", "Date"]),
                Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Central Bank of India", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class SplitUCO(SplitDates):
    bank_key = "uco"
    date_fmts = ("%d %b %Y", "%d-%b-%Y", "%d-%m-%y")
    producer = "UCO Bank e-Statement"
    patterns = ("split_date_two_lines", "month_name_date")

    def table(self):
        return [self.date_col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Cheque No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["UCO BANK", "(A Govt. of India Undertaking)", "Account Statement"],
                                    [("Account Number", st.acct), ("IFSC Code", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", self.period("%d-%b-%Y"))])


class SplitIOB(SplitDates):
    bank_key = "iob"
    date_fmts = ("%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y")
    producer = "IOB Statement"
    narrow = 24
    patterns = ("split_date_two_lines", "serial_number_column")

    def table(self):
        return [Col("sno", ["Sl", "No"], "r"), self.date_col("date", ["Tran", "Date"]),
                Col("narr", ["Description"], wrap=True), Col("chq", ["Chq/Ref"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Indian Overseas Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d-%m-%Y"))], left=self.name_address_pairs())


def split_words(text):
    """'01 December 2024' -> '01\nDecember\n2024': a column narrower than '01 December' puts each
    word of a date in words on a line of its own."""
    return text.replace(" ", "\n")


class SplitWords(SplitDates):
    """Dates in words wrapped in a narrow column, the value date in brackets under the date in the
    same cell, wrapped the same way: '01 December' / '2024' / '(02 December' / '2024)', or (odd
    variants, a narrower column) '01' / 'December' / '2024' / '(02' / 'December' / '2024)'."""
    bank_key = "mahabk"
    date_fmts = ("%d %B %Y",)
    producer = "MAHABANK CBS Statement"
    patterns = ("split_date_two_lines", "month_name_date", "value_date_under_date")

    def __init__(self, st):
        super().__init__(st)
        self.three = self.v % 2 == 1
        self.narrow = 62 if self.three else 86  # 'September' fits, or '(28 September', in any font and size

    def d(self, day):
        if not day:
            return ""
        text = fmt_date(day, self.date_fmt)
        return split_words(text) if self.three and " " in text else split_year(text)

    def prints_value_date(self):
        return True

    def table(self):
        return [self.date_col("date", ["Date", "(Value", "Date)"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Cheque No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["date"] = self.d(e.date) + "\n(" + self.d(e.value_date) + ")"
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bank of Maharashtra", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d %B %Y"))], left=self.name_address_pairs())


class TwoUp(Gaps):
    """Indian Bank's ledger print two-up: the rows fill the left half of the page under its
    labels, then go on in the right half under the same labels printed again on the same line;
    one statement, read left half first."""
    bank_key = "indian"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "IB Ledger Print"
    two_up = True

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("dr", ["Debit"], "r"),
                Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["INDIAN BANK", "Ledger Print"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class RupeesPaise(Gaps):
    """An urban co-operative bank's ledger print: each amount and the balance in two columns of
    their own, the rupees (`1,23,456`) under `Rs.` and the paise (`50`) under `Ps.`, as a
    passbook's ruled paper prints them; the money label centred over the pair (odd variants: over
    the rupees' column, the paise's blank, and an opening balance line split the same way).
    Variant 2 prints the rupees without grouping commas, under `Rs` and `Ps`; variant 3 one line
    of labels, the money word over the rupees and `Ps.` beside it (no `Rs.`)."""
    bank_key = "abhy"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "ABHY CBS Ledger"
    patterns = ("cooperative_bank", "rupee_paise_columns")
    MONEY = (("dr", "Withdrawal"), ("cr", "Deposit"), ("bal", "Balance"))

    def __init__(self, st):
        super().__init__(st)
        self.plain = self.v % 4 == 2
        if self.plain:
            self.group = "none"
        self.spans = self.v % 2 == 0
        self.header_spans = tuple(((key, key + "_ps"), word) for key, word in self.MONEY) if self.spans else ()
        if not self.spans:
            self.opening_label = "Opening Balance"

    def table(self):
        rs, ps = ("Rs", "Ps") if self.plain else ("Rs.", "Ps.")
        if self.v % 4 == 3:  # one line of labels: the money word over the rupees, 'Ps.' beside it
            return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"])] + \
                [c for key, word in self.MONEY for c in (Col(key, [word], "r"), Col(key + "_ps", [ps], "r"))]
        cols = [Col("date", ["", "Date"]), Col("narr", ["", "Particulars"], wrap=True), Col("chq", ["", "Chq No"])]
        for key, word in self.MONEY:
            cols += [Col(key, ["" if self.spans else word, rs], "r"), Col(key + "_ps", ["", ps], "r")]
        return cols

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        side = "cr" if e.credit else "dr"
        c[side], c[side + "_ps"] = rupees_paise(e.amount, self.group)
        c["bal"], c["bal_ps"] = rupees_paise(e.balance, self.group)
        return c

    def balance_row(self, kind, label, day, paise, bold=False):
        row = super().balance_row(kind, label, day, paise, bold)
        row.cells["bal"], row.cells["bal_ps"] = rupees_paise(paise, self.group)
        return row

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Abhyudaya Co-operative Bank Ltd.", "(Multi-State Scheduled Bank)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


# split_words and rs_ps last: the gaps sets draw each family's knobs in this order from one stream
LAYOUTS = {"split_central": SplitCentral, "split_uco": SplitUCO, "split_iob": SplitIOB, "two_up": TwoUp,
           "split_words": SplitWords, "rs_ps": RupeesPaise}
