"""Probe families of session 10 (issue 10): banks no other family prints (two banks merged away
in 2019-2020 and one in 2020, a regional rural bank, a state co-operative bank, two urban
co-operative banks, two small finance banks, a payments bank) in the layout traits the tuned
families print least: amounts with Cr/Dr on every amount, a 1990s dot-matrix print, column labels
over two lines, per-page opening and closing rows, day and page totals, landscape pages in a very
small font, narrations with tab stops, the column header printed again in the middle of a page.
Held out from tuning (the `probe4` and `probe4-heldout` sets only) until the reader reads them in
general logic. Column words and arrangements as public descriptions of these banks' statements and
of core-banking report prints describe them; every holder, number and amount made up.

| family | what it adds |
|--------|--------------|
| dena | a 1990s dot-matrix print: Courier capitals, dashes typed under the labels, `01-JAN-24` dates, every amount with its side (`1500.00DR` under Withdrawals, `2000.00CR` under Deposits, the balance `CR`), no grouping, `B/F`/`C/F` lines |
| andhra | landscape; every column label over two lines (`Txn`/`Date`, `Value`/`Date`, `Cheque`/`No.`, `Withdrawal`/`Amount (Rs.)`...), balance `x Cr`, a Page Total line |
| lvb | `Jan 01, 2024` dates; every page opens with a dated `Opening Balance` row and ends with a `Closing Balance` row |
| kvgb | regional rural bank (the sponsor bank named under the letterhead), a very small font, each new month under a banner line and the column labels printed again in the middle of the page |
| gscb | state co-operative bank: ISO dates, narrations whose parts are set at tab stops (wide gaps inside the cell), dated Opening/Closing rows, a TOTAL row |
| jio | payments bank outside the catalogue: ISO dates and a Time column, one signed Amount column (`-1,234.00` out, `1,234.00` in), a transaction id |
| svc | urban co-operative bank: a `Day Total` row after each day of several transactions, value date and cheque columns, balance with a `Dr/Cr` column of its own |
| nkgsb | landscape in a very small font: Sr No, Tran Id, value date, tab-stop narrations, a Dr/Cr column after the balance |
| capital | small finance bank: newest first, one Amount column with `Cr`/`Dr` on every amount, the balance `Cr`, `01 January 2024` dates |
| nesfb | small finance bank: two-line labels with the side under the word (`Withdrawal`/`(Dr)`), value date and cheque, Page Total lines and a Grand Total after the last row |
"""
from family import Probe
from layouts import fmt_date, money
from render import Col, Row


class Probe4(Probe):
    """A probe of session 10: measured by the probe4 sets, not the session 8-9 probe set."""
    probe_set = "probe4"


def two_line(*labels):
    """Column labels printed over two lines: 'Value Date' -> ['Value', 'Date']."""
    return [lab.split(" ", 1) if " " in lab else [lab] for lab in labels]


def tab_stops(text, stop=4):
    """A narration whose first word is set at a tab stop from the rest ('NEFT    CR-...'): a
    core-banking narration with a tab kept when printed. Whitespace collapses in the truth."""
    head, _, rest = text.partition(" ")
    return head + " " * stop + rest if rest else text


class Dena(Probe4):
    """Dena Bank's dot-matrix ledger print of an older era: Courier capitals, dashes typed under
    every label, two-digit-year month-name dates, every amount printed with its side (CR/DR glued
    on) in both amount columns and the balance, no grouping, B/F and C/F at page breaks."""
    bank_key = "dena"
    narr_style = "psu"
    needs_font = "Courier"
    group = "none"
    bf_label = "B/F"
    cf_label = "C/F"
    date_fmts = ("%d-%b-%y",)
    producer = "DENA CBS PRINT"
    patterns = ("merged_bank_era", "dot_matrix", "amount_drcr_every_amount", "balance_suffix", "bf_reprint",
                "month_name_two_digit_year")

    def d(self, day):
        return super().d(day).upper()

    def table(self):
        def dash(word):
            return [word, "-" * len(word)]
        return [Col("date", dash("DATE")), Col("narr", dash("PARTICULARS"), wrap=True), Col("chq", dash("CHQ NO")),
                Col("dr", dash("WITHDRAWALS"), "r"), Col("cr", dash("DEPOSITS"), "r"), Col("bal", dash("BALANCE"), "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        side = "cr" if e.credit else "dr"
        c[side] = self.drcr(self.flow(e), ("DR", "CR"))
        return c

    def bal(self, paise):
        return self.drcr(paise, ("DR", "CR"))

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin - 10
        R.text(R.W / 2, top, "DENA BANK", bold=True, align="c")
        R.text(R.W - R.margin, top, "PAGE : %d" % n, align="r")
        y = top - R.lead
        R.text(R.W / 2, y, "%s BRANCH" % h.branch.upper(), align="c")
        y -= R.lead
        R.text(R.W / 2, y, "STATEMENT OF ACCOUNT FROM %s TO %s" % (self.d(st.start), self.d(st.end)), align="c")
        y -= 1.5 * R.lead
        if n > 1:
            return y
        y = self.labelled(R, R.margin, y, [("A/C NO", st.acct), ("NAME", self.printed_name().upper())] +
                          [("ADDRESS" if i == 0 else "", a.upper()) for i, a in enumerate(h.address_lines)] +
                          [("IFSC", st.ifsc), ("MICR", st.micr)])
        return y - 0.5 * R.lead

    def footer_lines(self):
        return ["*** COMPUTER PRINTOUT - NO SIGNATURE REQUIRED ***"]


class Andhra(Probe4):
    """Andhra Bank's landscape statement: every column label over two lines, value date and cheque
    number columns, the balance with a Cr/Dr suffix, a Page Total line under every page's rows."""
    bank_key = "andhra"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    page_totals = True
    producer = "Andhra Bank Finacle"
    patterns = ("merged_bank_era", "landscape", "multiline_header", "value_date_column", "balance_suffix",
                "page_totals")

    def table(self):
        h = two_line("Txn Date", "Value Date", "Cheque No.", "Transaction Particulars")
        return [Col("date", h[0]), Col("vdate", h[1]), Col("chq", h[2]), Col("narr", h[3], wrap=True),
                Col("dr", ["Withdrawal", "Amount (Rs.)"], "r"), Col("cr", ["Deposit", "Amount (Rs.)"], "r"),
                Col("bal", ["Balance", "(Rs.)"], "r")]

    def bal(self, paise):
        return self.drcr(paise)

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["ANDHRA BANK", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class LVB(Probe4):
    """Lakshmi Vilas Bank: US-style `Jan 01, 2024` dates; each page begins with an `Opening
    Balance` row dated the last date before it and ends with a `Closing Balance` row (the
    statement's own opening and closing rows on the first and last page)."""
    bank_key = "lvb"
    narr_style = "private"
    date_fmts = ("%b %d, %Y",)
    opening_label = "Opening Balance"
    closing_label = "Closing Balance"
    bf_label = "Opening Balance"
    cf_label = "Closing Balance"
    label_rows_dated = True
    producer = "LVB Internet Banking"
    patterns = ("merged_bank_era", "us_date", "per_page_opening_closing", "opening_row", "closing_row")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Lakshmi Vilas Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%b %d, %Y"))])


class KVGB(Probe4):
    """Karnataka Vikas Grameena Bank (a regional rural bank; its sponsor bank named under the
    letterhead): a very small font, and each new month opened by a banner line and the column
    labels printed again in the middle of the page."""
    bank_key = "kvgb"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "KVGB CBS"
    month_banners = True
    patterns = ("regional_rural_bank", "small_font", "header_repeated_mid_page", "sponsor_bank_named")

    def table(self):
        return [Col("sno", ["Sl No"], "r"), Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Chq No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Karnataka Vikas Grameena Bank", "(Sponsored by Canara Bank)",
                                           "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("From", self.d(st.start)), ("To", self.d(st.end))])


class GSCB(Probe4):
    """The Gujarat State Co-operative Bank: ISO dates, narrations set at tab stops (a wide gap
    after the first word), dated Opening and Closing Balance rows and a TOTAL row."""
    bank_key = "gscb"
    narr_style = "psu"
    date_fmts = ("%Y-%m-%d",)
    opening_label = "Opening Balance"
    closing_label = "Closing Balance"
    label_rows_dated = True
    producer = "GSCB Core Banking"
    patterns = ("state_cooperative_bank", "iso_date", "tabbed_narration", "opening_row", "closing_row",
                "totals_row")

    def table(self):
        return [Col("date", ["Tran Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Instrument No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["narr"] = tab_stops(c["narr"])
        return c

    def closing_rows(self):
        dr, cr, _, _ = self.totals()
        return super().closing_rows() + [Row({"narr": "TOTAL", "dr": self.amt(dr), "cr": self.amt(cr)},
                                             kind="total", bold=True)]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Gujarat State Co-operative Bank Ltd.", "Account Statement"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%Y-%m-%d"))], left=self.name_address_pairs())


class Jio(Probe4):
    """Jio Payments Bank's app statement (a bank the catalogue does not list: bank_name null):
    ISO dates and the time in a column of its own, a transaction id, one signed Amount column
    (money out `-1,234.00`, money in `1,234.00`)."""
    bank_key = "jio"
    narr_style = "wallet"
    date_fmts = ("%Y-%m-%d",)
    producer = "JioPayments Bank App"
    prints = ("name", "account_number", "ifsc")
    patterns = ("payments_bank", "iso_date", "signed_amount", "time_column", "bank_not_in_catalogue")

    def table(self):
        return [Col("date", ["Date"]), Col("time", ["Time"]), Col("tid", ["Transaction ID"]),
                Col("narr", ["Description"], wrap=True), Col("amt", ["Amount"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["time"] = self.clock(i, 71, 840, 420)
        c["tid"] = self.ref_id(i, "JPB", 9, 5, 31, 4099)
        c["amt"] = self.signed(self.flow(e))
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Jio Payments Bank", "Account Statement"])
        if n > 1:
            return y
        y = self.kv(R, R.margin, y, [("Name", h.name), ("Account Number", st.acct), ("IFSC", st.ifsc),
                                     ("Statement Period", self.period("%Y-%m-%d"))])
        return y - R.lead


class SVC(Probe4):
    """SVC Co-operative Bank: a bold `Day Total` row after each day of two or more transactions,
    value date and cheque columns, the balance's side in a Dr/Cr column of its own."""
    bank_key = "svc"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%b-%Y")
    producer = "SVC Bank Statement"
    day_totals = True
    patterns = ("cooperative_bank", "day_totals", "value_date_column", "drcr_after_balance")

    def table(self):
        return [Col("date", ["Tran Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Chq No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r"), Col("side", ["Dr/Cr"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        self.balance_and_side(c, e)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["SVC Co-operative Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class NKGSB(Probe4):
    """NKGSB Co-operative Bank's landscape ledger in a very small font: Sr No, a transaction id,
    the value date, narrations set at tab stops, a Dr/Cr column after the balance."""
    bank_key = "nkgsb"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d/%m/%y")
    producer = "NKGSB Bank CBS"
    patterns = ("cooperative_bank", "landscape", "small_font", "tabbed_narration", "serial_column",
                "drcr_after_balance")

    def table(self):
        return [Col("sno", ["Sr No"], "r"), Col("date", ["Tran Date"]), Col("vdate", ["Value Date"]),
                Col("tid", ["Tran Id"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawal"], "r"), Col("cr", ["Deposit"], "r"), Col("bal", ["Balance"], "r"),
                Col("side", ["Dr/Cr"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["narr"] = tab_stops(c["narr"], 6)
        c["tid"] = self.ref_id(i, "M", 8, 5, 23, 6151)
        self.balance_and_side(c, e)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["NKGSB Co-op. Bank Ltd.", "Account Ledger"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("From", self.d(st.start)), ("To", self.d(st.end))])


class Capital(Probe4):
    """Capital Small Finance Bank: newest first, one Amount column with Cr/Dr on every amount, the
    balance with Cr, `01 January 2024` dates."""
    bank_key = "capital"
    narr_style = "private"
    order = "newest"
    date_fmts = ("%d %B %Y",)
    producer = "Capital SFB Net Banking"
    patterns = ("newest_first", "amount_drcr_suffix", "balance_suffix", "full_month_name_date")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Ref No"]),
                Col("amt", ["Amount"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = self.drcr(self.flow(e))
        return c

    def bal(self, paise):
        return self.drcr(paise)

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Capital Small Finance Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d %B %Y"))])


class NESFB(Probe4):
    """North East Small Finance Bank: two-line labels with the side under the word
    (`Withdrawal`/`(Dr)`, `Deposit`/`(Cr)`), value date and cheque columns, a Page Total line on
    every page and a Grand Total row after the last transaction."""
    bank_key = "nesfb"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    page_totals = True
    producer = "NESFB Statement"
    patterns = ("multiline_header", "value_date_column", "page_totals", "totals_row")

    def table(self):
        h = two_line("Transaction Date", "Value Date", "Cheque Number", "Closing Balance")
        return [Col("date", h[0]), Col("vdate", h[1]), Col("narr", ["Narration"], wrap=True), Col("chq", h[2]),
                Col("dr", ["Withdrawal", "(Dr)"], "r"), Col("cr", ["Deposit", "(Cr)"], "r"), Col("bal", h[3], "r")]

    def closing_rows(self):
        dr, cr, _, _ = self.totals()
        return [Row({"narr": "Grand Total", "dr": self.amt(dr), "cr": self.amt(cr)}, kind="total", bold=True)]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["North East Small Finance Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())])


LAYOUTS = {"dena": Dena, "andhra": Andhra, "lvb": LVB, "kvgb": KVGB, "gscb": GSCB, "jio": Jio, "svc": SVC,
           "nkgsb": NKGSB, "capital": Capital, "nesfb": NESFB}
