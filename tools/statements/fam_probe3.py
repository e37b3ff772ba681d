"""Probe families of session 9 (issue 10): banks and eras no other family prints, among them the
statements of banks merged away in 2019-2020 (Syndicate, Corporation, Oriental Bank of Commerce,
Allahabad, Vijaya: customers still upload their older statements), a co-operative bank, a small
finance bank's app export and a passbook printer. Held out from tuning (subclasses of `Probe`: the
`probe` set only) until the reader reads them in general logic. Column words and arrangements as
public descriptions of these banks' statements and of core-banking report prints describe them;
every holder, number and amount made up.

| family | what it adds |
|--------|--------------|
| syndicate | merged-bank era (pre-2020): `Tran Date`, `Chq No`, `Particulars`, `Debit`, `Credit`, `Balance`, `Init. Br` (the booking branch's code after the balance), balance `1,234.00 Cr` |
| corporation | one Amount column with a `D`/`C` letter column after it, value date before the date, `Remarks` as the narration label |
| obc | capital labels, `dd-MON-yyyy` dates, the balance's side glued on (`12,345.00CR`), a page number line at the head of every page |
| allahabad | the holder and the account in a grid (labels in a row, values under them), `Withdrawals`/`Deposits`, a `Page Total` line under every page's rows |
| vijaya | a passbook printer: Courier, the account lines and column labels on the first page only, `B/F`/`C/F` lines at page breaks, a line number before every row, two-digit years `01/04/19`, no digit grouping |
| csb | the narration on the line above the date line, a `Txn Id` column, balances after every day's last row only; odd variants `Deposits` before `Withdrawals` |
| nainital | words no phrase knows: `Paid Out`, `Paid In`, `Running Total`, `Details`, and the `Opening Balance` row dated |
| tjsb | co-operative bank: dotted dates `01.04.2024`, `Sr.No` and `Instrument No` columns, dated opening and closing balance rows, a Total row |
| fincare | small finance bank app export: newest first, one signed Amount column `+1,234.00`/`-1,234.00`, the time under the date |
"""
from family import Probe
from layouts import fmt_date, money
from render import Col, Row


class Syndicate(Probe):
    """Syndicate Bank before its merger into Canara Bank: the booking branch's code in a column
    after the balance, balances with a Cr/Dr suffix."""
    bank_key = "syndicate"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Syndicate Bank CBS"
    patterns = ("merged_bank_era", "branch_code_column", "balance_suffix")

    def table(self):
        return [Col("date", ["Tran Date"]), Col("chq", ["Chq No"]), Col("narr", ["Particulars"], wrap=True),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r"),
                Col("br", ["Init.", "Br"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["br"] = "%04d" % (int(self.st.acct[-4:]) % 9000 + 1000) if e.kind in ("cash_dep", "chq_in") else "9999"
        return c

    def bal(self, paise):
        return self.drcr(paise)

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["SYNDICATE BANK", "Statement of Account"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("From", self.d(st.start)), ("To", self.d(st.end))],
                                    left=self.name_address_pairs())


class Corporation(Probe):
    """Corporation Bank: the value date first, one Amount column and a one-letter `D`/`C` column
    after it, `Remarks` for the narration."""
    bank_key = "corporation"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Corporation Bank Finacle"
    patterns = ("merged_bank_era", "drcr_column", "value_date_first")

    def table(self):
        return [Col("vdate", ["Value Date"]), Col("date", ["Post Date"]), Col("narr", ["Remarks"], wrap=True),
                Col("chq", ["Ref No"]), Col("amt", ["Amount"], "r"), Col("drcr", ["D/C"]),
                Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = money(e.amount, self.group)
        c["drcr"] = "C" if e.credit else "D"
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Corporation Bank", "Account Statement"],
                                    [("A/c No", st.acct), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                                     ("Statement Period", self.period("%d/%m/%Y"))])


class OBC(Probe):
    """Oriental Bank of Commerce: capital labels, `01-APR-2019` dates, the balance's side glued to
    the number (`12,345.00CR`), `PAGE n` at the head of every page."""
    bank_key = "obc"
    narr_style = "psu"
    date_fmts = ("%d-%b-%Y",)
    producer = "OBC Finacle Report"
    patterns = ("merged_bank_era", "balance_suffix", "page_furniture")

    def d(self, day):
        return super().d(day).upper()

    def table(self):
        return [Col("date", ["TXN DATE"]), Col("narr", ["DESCRIPTION"], wrap=True), Col("chq", ["CHEQUE NO"]),
                Col("dr", ["DR AMOUNT"], "r"), Col("cr", ["CR AMOUNT"], "r"), Col("bal", ["BALANCE"], "r")]

    def bal(self, paise):
        return self.drcr(paise, ("DR", "CR"))

    def page_header(self, R, n):
        st = self.st
        R.text(R.W - R.margin, R.H - R.margin, "PAGE %d" % n, align="r")
        return self.standard_header(R, n, ["ORIENTAL BANK OF COMMERCE", "STATEMENT OF ACCOUNT"],
                                    [("ACCOUNT NO", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("PERIOD", self.period("%d-%m-%Y").upper())],
                                    left=[self.printed_name().upper()] + [a.upper() for a in self.h.address_lines])


class Allahabad(Probe):
    """Allahabad Bank: the holder and the account in a grid under the letterhead (the labels in a
    row, their values under them), and a `Page Total` line with the page's debits and credits
    under every page's rows."""
    bank_key = "allahabad"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Allahabad Bank Statement"
    page_totals = True
    prints = ("name", "account_number", "ifsc", "micr")
    patterns = ("merged_bank_era", "identity_grid", "page_totals")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Cheque No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        y = self.letterhead(R, ["ALLAHABAD BANK", "Statement of Account"])
        if n > 1:
            return y
        y = self.grid(R, y, ["Account Holder", "Account Number", "IFSC", "MICR"],
                      [self.printed_name(), st.acct, st.ifsc, st.micr])
        R.text(R.margin, y, "Statement for the period %s" % self.period("%d/%m/%Y"))
        return y - 1.6 * R.lead


class Vijaya(Probe):
    """A passbook printer's pages (Vijaya Bank era): Courier, the account lines and the column
    labels on the first page only (later pages go on with the rows, as a passbook's pre-printed
    pages would), `B/F` and `C/F` balance lines where a page ends and the next begins, a running
    line number before every row, two-digit years, amounts without grouping."""
    bank_key = "vijaya"
    narr_style = "psu"
    needs_font = "Courier"
    group = "none"
    bf_label = "B/F"
    cf_label = "C/F"
    date_fmts = ("%d/%m/%y", "%d-%m-%y")
    producer = "Passbook Printer Utility"
    prints = ("name", "account_number", "ifsc")
    patterns = ("merged_bank_era", "passbook_print", "two_digit_year", "serial_column", "header_first_page_only",
                "bf_reprint")

    def header_on_page(self, n):
        return n == 1

    def table(self):
        return [Col("sno", ["LN"], "r"), Col("date", ["DATE"]), Col("narr", ["PARTICULARS"], wrap=True),
                Col("chq", ["CHQ.NO"]), Col("dr", ["WITHDRAWALS"], "r"), Col("cr", ["DEPOSITS"], "r"),
                Col("bal", ["BALANCE"], "r")]

    def page_header(self, R, n):
        st = self.st
        top = R.H - R.margin - 10
        if n > 1:
            return top
        R.text(R.margin, top, "VIJAYA BANK", bold=True)
        y = top - R.lead
        R.text(R.margin, y, "A/C NO: %s   NAME: %s" % (st.acct, self.printed_name().upper()))
        y -= R.lead
        R.text(R.margin, y, "IFSC: %s   PERIOD: %s" % (st.ifsc, self.period(self.date_fmt, " - ")))
        return y - 1.5 * R.lead

    def footer_lines(self):
        return []


class CSB(Probe):
    """CSB Bank (Catholic Syrian Bank): the narration starts on the line above the date line, a
    `Txn Id` column, and a balance printed only on each day's last row; odd variants print the
    deposits before the withdrawals."""
    bank_key = "csb"
    narr_style = "private"
    valign = "bottom"
    balance_rows = "day_end"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    producer = "CSB Bank Net Banking"
    patterns = ("narration_above_date", "balance_day_end")

    def table(self):
        money_cols = [Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r")]
        if self.v % 2:
            money_cols.reverse()
        return [Col("date", ["Date"]), Col("tid", ["Txn Id"]), Col("narr", ["Particulars"], wrap=True)] + \
            money_cols + [Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["tid"] = self.ref_id(i, "S", 7, 5, 17, 3571)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["CSB Bank Limited", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())])


class Nainital(Probe):
    """Nainital Bank: column words no phrase table holds (`Details`, `Paid Out`, `Paid In`,
    `Running Total`) and a dated `Opening Balance` row before the first transaction."""
    bank_key = "nainital"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d %b %Y")
    producer = "Nainital Bank Statement"
    opening_label = "Opening Balance"
    label_rows_dated = True
    patterns = ("ledger_words", "opening_row")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Details"], wrap=True), Col("dr", ["Paid Out"], "r"),
                Col("cr", ["Paid In"], "r"), Col("bal", ["Running Total"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Nainital Bank Ltd.", "Account Statement"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))])


class TJSB(Probe):
    """TJSB Sahakari Bank (a co-operative bank): dotted dates, `Sr.No` and `Instrument No`
    columns, dated opening and closing balance rows, a Total row after the last."""
    bank_key = "tjsb"
    narr_style = "psu"
    date_fmts = ("%d.%m.%Y",)
    producer = "TJSB Core Banking"
    opening_label = "OPENING BALANCE"
    closing_label = "CLOSING BALANCE"
    label_rows_dated = True
    patterns = ("cooperative_bank", "dotted_date", "serial_column", "opening_row", "closing_row", "totals_row")

    def table(self):
        return [Col("sno", ["Sr.No"], "r"), Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Instrument No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def closing_rows(self):
        dr, cr, _, _ = self.totals()
        return super().closing_rows() + [Row({"narr": "TOTAL", "dr": self.amt(dr), "cr": self.amt(cr)},
                                             kind="total", bold=True)]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["TJSB SAHAKARI BANK LTD.", "(Multi-State Scheduled Bank)",
                                           "Account Statement"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("From", self.d(st.start)), ("To", self.d(st.end))],
                                    left=self.name_address_pairs())


class Fincare(Probe):
    """A small finance bank's app export (Fincare): newest first, one signed Amount column
    (`+1,234.00` in, `-1,234.00` out), the time of day on a line under the date."""
    bank_key = "fincare"
    narr_style = "wallet"
    order = "newest"
    date_fmts = ("%d %b %Y", "%d/%m/%Y")
    producer = "Fincare Mobile Banking"
    prints = ("name", "account_number", "ifsc", "address")
    patterns = ("newest_first", "signed_amount", "time_under_date")

    def table(self):
        return [Col("date", ["Date"], wrap=True, wrap_w=62), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Reference"]),
                Col("amt", ["Amount"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["date"] = "%s\n%s" % (self.d(e.date), self.clock(i, 53, 720, 540))
        c["amt"] = self.signed(self.flow(e), plus="+")
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Fincare Small Finance Bank", "Account Statement"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc),
                                     ("Period", self.period("%d %b %Y"))], left=self.holder_lines())


LAYOUTS = {"syndicate": Syndicate, "corporation": Corporation, "obc": OBC, "allahabad": Allahabad,
           "vijaya": Vijaya, "csb": CSB, "nainital": Nainital, "tjsb": TJSB, "fincare": Fincare}
