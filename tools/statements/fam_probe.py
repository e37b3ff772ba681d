"""Probe families (issue 10, session 7): layouts with patterns the other families lack or show only
once. A family subclassing `Probe` is held out from tuning (sets.py `probe`; in no other set)
until the reader reads it in general logic; then it subclasses `Family` and joins the smoke,
full and heldout sets like any other. The nine below were read by session 7's reader work
(probe seed 1: 27/36 -> 36/36 exact) and joined the tuning sets. Column words and arrangements as public descriptions of
these banks' statements list them (header lists of public parsers: a serial column, Branch Code
beside the cheque number, a merged Withdrawal (Dr)/Deposit (Cr) amount, a cheque column between
the amounts and the balance); every holder, number and amount made up.

| family | what it adds |
|--------|--------------|
| central | landscape, Sr. + Post Date + Value Date + Branch Code + Cheque No. columns, balance `x Cr`/`x Dr`, thin rules under every row, Page Total + Carried/Brought Forward lines |
| jkb | one Amount column printed `-1,234.00 Dr` (minus and Dr) / `1,234.00 Cr`, balance `x Cr`, the cheque column after the balance |
| ippb | payments bank: an unsigned `Amount` column (no sign, no Dr/Cr: the balance chain alone says which way; the opening balance printed above so that it can for the oldest row too), `\u20b9 ` in every cell, newest first |
| karnataka | a header whose words the reader mostly does not know (only Date and Balance; odd variants only Balance), an `Amount (INR)` cell merged over the two amount columns above their labels, narration above and below the date line |
| dcb | ISO dates, `INR` before every amount, newest first over many pages, no rules |
| deutsche | foreign bank in India: yearless dates `01.04.` across a new year, a one-word `Value` column, a printed opening balance line |
| fino | payments bank: S.No, date and time in one cell (`2024-04-01 10:22`), a transaction-id column, `(INR)` labels |
| bob_app | the narration first and the date in the middle: NARRATION, DEPOSIT(CR), DATE, CHQ.NO., WITHDRAWAL(DR), BALANCE(INR) |
| uco | one amount column labelled `Withdrawal (Dr)/` over `Deposit (Cr)`, amounts `1,234.00(Dr)` |
"""

from family import Family
from layouts import fmt_date, money
from render import Col


class Central(Family):
    """Public-sector ledger print on a landscape page: serial number, posting and value dates, the
    branch code and cheque number in columns of their own, balances with a Cr/Dr suffix, a thin rule
    under every row, page totals and carried/brought forward balances at page boundaries."""
    bank_key = "central"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    bf_label = "Brought Forward"
    cf_label = "Carried Forward"
    page_totals = True
    row_rules = True
    producer = "Finacle CBS Report"
    patterns = ("landscape", "serial_column", "branch_code_column", "balance_suffix", "page_totals",
                "ruled_rows")

    def bal(self, paise):
        return self.drcr(paise, (" Dr", " Cr"))

    def table(self):
        return [Col("sno", ["Sr."], "r"), Col("date", ["Post Date"]), Col("vdate", ["Value Date"]),
                Col("br", ["Branch", "Code"]), Col("chq", ["Cheque No."]), Col("narr", ["Particulars"], wrap=True),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["br"] = "%05d" % (int(self.st.ifsc[-4:]) if e.kind in ("cash_dep", "cash_wd", "chq_in", "chq_out")
                            else 1900 + (i * 7) % 90)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["CENTRAL BANK OF INDIA", "%s Branch  -  Statement of Account" % h.branch],
                            align="c", size_add=5)
        if n > 1:
            R.text(R.margin, y, "Account No. %s" % st.acct)
            return y - 1.6 * R.lead
        return self.holder_and_account(R, y, [("Account No.", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                        ("From", fmt_date(st.start, "%d/%m/%Y")), ("To", fmt_date(st.end, "%d/%m/%Y"))],
                                       left=self.name_address_pairs(), dx=60)


class JKBank(Family):
    """One Amount column whose debits carry both a minus and Dr (`-1,234.00 Dr`), credits `Cr`; a
    balance with Cr; the cheque number printed after the balance."""
    bank_key = "jkb"
    narr_style = "psu"
    date_fmts = ("%d-%b-%Y", "%d/%m/%Y")
    producer = "J&K Bank e-Statement"
    patterns = ("amount_minus_dr", "balance_suffix", "chq_after_balance")

    def bal(self, paise):
        return self.drcr(paise, (" Dr", " Cr"))

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("amt", ["Amount"], "r"),
                Col("bal", ["Balance"], "r"), Col("chq", ["Cheque No"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = ("" if e.credit else "-") + money(e.amount) + (" Cr" if e.credit else " Dr")
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Jammu & Kashmir Bank Ltd.", "Account Statement"],
                                    [("A/C No", st.acct), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                                     ("Period", self.period("%d-%b-%Y"))])


class IPPB(Family):
    """Payments-bank app statement: latest first, one unsigned Amount column (neither a sign nor
    Dr/Cr: only the running balance says whether money came in or went out), the rupee sign with
    a space before every amount."""
    bank_key = "ippb"
    narr_style = "wallet"
    order = "newest"
    date_fmts = ("%d/%m/%Y", "%d %b %Y")
    producer = "IPPB Mobile Banking"
    prints = ("name", "account_number", "ifsc")
    patterns = ("amount_unsigned", "currency_symbol", "payments_bank")
    needs_font = "DejaVu"

    def amt(self, paise):
        return "\u20b9 " + money(paise)

    bal = amt

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("amt", ["Amount"], "r"),
                Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = self.amt(e.amount)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["India Post Payments Bank", "Account Statement"])
        if n > 1:
            return y
        pairs = [("Customer Name", h.name), ("Account Number", st.acct), ("IFSC", st.ifsc),
                 ("Statement Period", self.period("%d/%m/%Y", " - "))]
        # the opening balance printed: the chain can vouch for the oldest row too (without it
        # no reader can tell which way the oldest unsigned amount went: reconcile.c flags it)
        pairs.append(("Opening Balance", self.amt(st.opening)))
        y = self.kv(R, R.margin, y, pairs)
        return y - R.lead

    def footer_lines(self):
        return ["India Post Payments Bank. This is a system generated statement.  Page {n} of {N}"]


class Karnataka(Family):
    """A header in words of the bank's own (only Date and Balance are common statement words; odd
    variants print 'Dated' and 'Summary': Balance alone), with
    'Amount (INR)' printed once, centred over the two amount columns' labels; single-line cells
    centred vertically in a wrapped row (narration above and below the date line)."""
    bank_key = "karnataka"
    narr_style = "private"
    valign = "middle"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    producer = "KBL Statement Server"
    patterns = ("header_few_known", "merged_header")

    def table(self):
        # 'Token' prints the references, but no reader can know the word: a column of its own
        # (chq_num null), never narration
        # odd variants: 'Balance' is the only word a reader may know
        date, narr = (["Date"], ["Summary of Entry"]) if self.v % 2 == 0 else (["Dated"], ["Summary"])
        return [Col("date", date), Col("narr", narr, wrap=True), Col("tok", ["Token"]),
                Col("dr", ["Outgo"], "r"), Col("cr", ["Income"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["tok"] = c.pop("chq")
        return c

    def page_header(self, R, n):
        st = self.st
        y = self.letterhead(R, ["Karnataka Bank Ltd.", "Statement of Account"], align="c")
        if n == 1:
            y = self.holder_and_account(R, y, [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                         ("Period", self.period())])
        # the merged cell above the amounts' own labels (a two-level header)
        cols = {c.key: c for c in getattr(R, "cols", [])}
        if "dr" in cols and "cr" in cols and not R.in_section:
            x0, x1 = cols["dr"].x, cols["cr"].x + cols["cr"].w
            R.text((x0 + x1) / 2, y, "Amount (INR)", bold=True, align="c")
            y -= R.lead
        return y


class DCB(Family):
    """ISO dates, INR before every amount and balance, latest first, many pages, no rules."""
    bank_key = "dcb"
    narr_style = "private"
    order = "newest"
    date_fmts = ("%Y-%m-%d",)
    producer = "DCB Bank Statement"
    patterns = ("iso_date", "currency_code_in_cells")

    def amt(self, paise):
        return "INR " + money(paise)

    def bal(self, paise):
        return self.signed(paise, "INR ")

    def table(self):
        return [Col("date", ["Txn Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq/Ref No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["DCB BANK", "Statement of Account"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%Y-%m-%d"))])


class Deutsche(Family):
    """A foreign bank in India: dates without the year (`01.04.`) over a period that may cross a new
    year, the value date under a one-word 'Value' label, a printed opening balance line."""
    bank_key = "deutsche"
    narr_style = "private"
    date_fmts = ("%d.%m.", "%d.%m")
    opening_label, label_rows_dated = "Opening Balance", True
    producer = "Deutsche Bank AG India"
    patterns = ("yearless_date", "printed_opening", "foreign_bank_india")

    def table(self):
        return [Col("date", ["Date"]), Col("vdate", ["Value"]), Col("narr", ["Particulars"], wrap=True),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        y = self.letterhead(R, ["Deutsche Bank", "Deutsche Bank AG, India Branches - Account Statement"])
        R.text(R.W - R.margin, R.H - R.margin - 10, "Period %s" % self.period("%d.%m.%Y", " - "), align="r")
        if n > 1:
            return y
        return self.holder_and_account(R, y, [("Account No.", st.acct), ("Currency", "INR"), ("IFSC", st.ifsc),
                                        ("MICR", st.micr)])


class Fino(Family):
    """Payments-bank statement: S.No, the date and time of day in one cell, a transaction id, and
    Debit/Credit/Balance labelled (INR)."""
    bank_key = "fino"
    narr_style = "wallet"
    date_fmts = ("%Y-%m-%d",)
    producer = "Fino Payments Bank"
    prints = ("name", "account_number", "ifsc")
    patterns = ("serial_column", "time_in_date_cell", "payments_bank")

    def __init__(self, st):
        super().__init__(st)
        if self.v in (1, 3) and not self.mut:  # labels as close as the words inside them
            self.set_labels_close()

    def variant_patterns(self):
        return list(super().variant_patterns()) + (["labels_close"] if self.v in (1, 3) and not self.mut else [])

    def table(self):
        if self.v == 1 and not self.mut:  # the narration under words no phrase knows a space after the id's label
            return [Col("sno", ["S.No"], "r"), Col("date", ["Date Time"]), Col("tid", ["Transaction ID No."]),
                    Col("narr", ["Purpose of Txn"], wrap=True), Col("dr", ["Debit (INR)"], "r"),
                    Col("cr", ["Credit (INR)"], "r"), Col("bal", ["Balance (INR)"], "r")]
        if self.v == 3 and not self.mut:  # ... a space after the balance's label, the narrations last
            return [Col("sno", ["S.No"], "r"), Col("date", ["Date Time"]), Col("tid", ["Transaction ID"]),
                    Col("dr", ["Debit (INR)"], "r"), Col("cr", ["Credit (INR)"], "r"),
                    Col("bal", ["Balance (INR)"], "r"), Col("narr", ["Purpose of Txn"], wrap=True)]
        return [Col("sno", ["S.No"], "r"), Col("date", ["Date Time"]), Col("tid", ["Transaction ID"]),
                Col("narr", ["Narration"], wrap=True), Col("dr", ["Debit (INR)"], "r"),
                Col("cr", ["Credit (INR)"], "r"), Col("bal", ["Balance (INR)"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["date"] = self.d(e.date) + " " + self.clock(i, 97, 780, 480)
        c["tid"] = self.ref_id(i, "FT", 10, 6, 13, 7919)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Fino Payments Bank", "Account Statement"])
        if n > 1:
            return y
        y = self.kv(R, R.margin, y, [("Name", h.name), ("Account No", st.acct), ("IFSC", st.ifsc),
                                     ("From", self.d(st.start)), ("To", self.d(st.end))])
        return y - R.lead


class BoBApp(Family):
    """Bank of Baroda's app print: the narration first and the date in the middle (Narration,
    Deposit(Cr), Date, Chq.No., Withdrawal(Dr), Balance(INR)), the deposit before the withdrawal."""
    bank_key = "bob"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "bob World Statement"
    patterns = ("date_not_first", "narration_first")

    def table(self):
        return [Col("narr", ["NARRATION"], wrap=True), Col("cr", ["DEPOSIT(CR)"], "r"), Col("date", ["DATE"]),
                Col("chq", ["CHQ.NO."]), Col("dr", ["WITHDRAWAL(DR)"], "r"), Col("bal", ["BALANCE(INR)"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bank of Baroda", "Account Statement"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", self.period("%d/%m/%Y"))])


class UCO(Family):
    """One amount column labelled 'Withdrawal (Dr)/Deposit (Cr)' (both directions named in one
    header cell), amounts with the marker right after the number (`1,234.00(Dr)`)."""
    bank_key = "uco"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    producer = "UCO Bank Statement"
    patterns = ("merged_amount_header", "amount_drcr_suffix")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq/Ref No."]),
                Col("amt", ["Withdrawal (Dr)/", "Deposit (Cr)"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = money(e.amount) + ("(Cr)" if e.credit else "(Dr)")
        return c

    def page_header(self, R, n):
        st = self.st
        codes = [("IFSC", st.ifsc), ("MICR", st.micr)]
        # variant 3: the codes under the address in the holder's label column, their values lined
        # up with the address lines (labels shorter than 'Address')
        left, right = (self.name_address_pairs() + codes, []) if self.v % 4 == 3 else (self.name_address_pairs(), codes)
        return self.standard_header(R, n, ["UCO BANK", "(A Govt. of India Undertaking)  Statement of Account"],
                                    [("Account No", st.acct)] + right + [("Period", self.period())], left=left,
                                    align="c")

    def variant_patterns(self):
        return list(super().variant_patterns()) + (["codes_under_address"] if self.v % 4 == 3 else [])


LAYOUTS = {"central": Central, "jkb": JKBank, "ippb": IPPB, "karnataka": Karnataka, "dcb": DCB,
           "deutsche": Deutsche, "fino": Fino, "bob_app": BoBApp, "uco": UCO}
