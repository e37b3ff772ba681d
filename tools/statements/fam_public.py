"""Public sector banks: PNB (branch print and PNB ONE app), Canara (statement and ePassbook), Bank
of Baroda, Union Bank of India, Bank of India, Indian Bank. Column words follow what public
parsers list for these banks; holders, numbers and branch codes are made up."""
from family import Family
from layouts import fmt_date, money
from render import Col


class PNB(Family):
    """Branch statement: narration in the last column, balances with a Cr. suffix, the full
    letterhead and account block on every page (a row split by a page break has it in between)."""
    bank_key = "pnb"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Oracle Reports"
    patterns = ("narration_last_column", "balance_suffix", "page_break_letterhead")

    def bal(self, paise):
        return self.drcr(paise, (" Dr.", " Cr."))

    def __init__(self, st):
        super().__init__(st)
        if self.v == 3:  # a report writer's tight cells: labels of neighbouring columns closer than a space
            self.o["pad"] = 2

    def variant_patterns(self):
        return ("unknown_label_after_balance",) if self.v == 3 else ()

    def table(self):
        # variant 3: the narration's label in words no reader knows, right after the balance's
        narr = ["Purpose of Payment"] if self.v == 3 else ["Narration"]
        return [Col("date", ["Txn Date"]), Col("chq", ["Cheque", "No."]), Col("dr", ["Withdrawal"], "r"),
                Col("cr", ["Deposit"], "r"), Col("bal", ["Balance"], "r"), Col("narr", narr, wrap=True)]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, [self.bname, "Branch Office : %s, %s" % (st.branch_addr, h.city)])
        R.text(R.W - R.margin, R.H - R.margin - 10, "STATEMENT OF ACCOUNT", bold=True, align="r")
        R.text(R.W - R.margin, R.H - R.margin - 10 - R.lead, "Page %d" % n, align="r")
        left = [("Customer Name", h.name), ("Address", h.address_lines[0])] + [("", a) for a in h.address_lines[1:]]
        right = [("Account No", st.acct), ("Account Type", "SAVINGS FUND-GENERAL"), ("IFSC Code", st.ifsc),
                 ("MICR Code", st.micr), ("Statement Period", self.period("%d/%m/%Y"))]
        yl = self.labelled(R, R.margin, y, left)
        yr = self.labelled(R, R.W / 2 + 20, y, right)
        return min(yl, yr) - R.lead

    def summary(self, R):
        self.summary_grid(R, "Account Summary")


class PNBOne(Family):
    """App statement: latest transaction first, one Amount column with a DR/CR Type column."""
    bank_key = "pnb"
    order = "newest"
    date_fmts = ("%d/%m/%Y",)
    producer = "iText 7.1.16 (AGPL-version)"
    patterns = ("drcr_column", "remarks_last_column")

    def table(self):
        return [Col("date", ["Date"]), Col("chq", ["Instrument ID"]), Col("amt", ["Amount"], "r"),
                Col("drcr", ["Type"], "c"), Col("bal", ["Balance"], "r"), Col("narr", ["Remarks"], wrap=True)]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = self.amt(e.amount)
        c["drcr"] = "CR" if e.credit else "DR"
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["PNB ONE", "Punjab National Bank"], size_add=6)
        if n > 1:
            return y
        R.text(R.margin, y, "Account Statement", bold=True, size=R.size + 2)
        y -= 1.6 * R.lead
        pairs = [("Name", h.name), ("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                 ("Address", ", ".join(h.address_lines)), ("From", self.period("%d/%m/%Y", "   To ")),
                 ("Opening Balance", money(st.opening)), ("Closing Balance", money(st.closing))]
        y = self.kv(R, R.margin, y, pairs)
        return y - R.lead

    def footer_lines(self):
        return ["***Generated through PNB ONE***  This is a system generated statement.  Page {n} of {N}"]


class Canara(Family):
    """Branch statement: Branch code and Ref/Chq columns, 'Withdraws', opening balance printed
    above the table."""
    bank_key = "canara"
    date_fmts = ("%d-%m-%Y", "%d-%b-%Y")
    producer = "Crystal Reports"
    patterns = ("printed_opening", "ledger_words")

    def table(self):
        return [Col("date", ["Trans Date"]), Col("vdate", ["Value Date"]), Col("br", ["Branch"], "c"),
                Col("chq", ["Ref/Chq.No"]), Col("narr", ["Description"], wrap=True),
                Col("dr", ["Withdraws"], "r"), Col("cr", ["Deposit"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["br"] = self.h.branch_code if e.kind in ("cash_dep", "chq_in", "chq_out") else "8421"
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["CANARA BANK", "Account Statement"], align="c")
        if n > 1:
            return y
        left = [("Account Holder Name", h.name), ("Address", h.address_lines[0])] + \
            [("", a) for a in h.address_lines[1:]]
        right = [("Account Number", st.acct), ("Branch", h.branch), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                 ("Searched By", "From %s To %s" % (self.d(st.start), self.d(st.end)))]
        yl = self.labelled(R, R.margin, y, left)
        yr = self.labelled(R, R.W / 2 + 20, y, right)
        y = min(yl, yr) - 0.5 * R.lead
        R.text(R.margin, y, "Opening Balance : %s" % money(st.opening), bold=True)
        R.text(R.W / 2 + 20, y, "Closing Balance : %s" % money(st.closing), bold=True)
        return y - 2 * R.lead


class CanaraEPassbook(Family):
    """ePassbook: the account number inside the title sentence, narration lines printed above the
    date line (cells aligned to the bottom), Opening/Closing Balance rows."""
    bank_key = "canara"
    valign = "bottom"
    date_fmts = ("%d-%m-%Y",)
    producer = "Canara ePassbook"
    prints = ("name", "account_number", "ifsc", "address")
    patterns = ("account_in_sentence",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("cr", ["Deposits"], "r"),
                Col("dr", ["Withdrawals"], "r"), Col("bal", ["Balance"], "r")]

    def opening_rows(self):
        return [self.balance_row("opening", "Opening Balance", self.st.start, self.st.opening, bold=True)]

    def closing_rows(self):
        return [self.balance_row("closing", "Closing Balance", self.st.end, self.st.closing, bold=True)]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Canara Bank", "ePassbook"])
        if n > 1:
            return y
        R.text(R.margin, y, "Statement for A/c %s Between %s and %s" % (
            st.acct, fmt_date(st.start, "%d-%b-%Y"), fmt_date(st.end, "%d-%b-%Y")), bold=True)
        y -= 1.5 * R.lead
        y = self.lines_at(R, R.margin, y, ["Customer Id : %s" % h.cust_id, "Name : %s" % h.name] +
                          ["Address : " + h.address_lines[0]] + ["          " + a for a in h.address_lines[1:]] +
                          ["Branch : %s   IFSC : %s" % (h.branch, st.ifsc)])
        return y - R.lead


class BankOfBaroda(Family):
    """Serial numbers, value date as the last column, BALANCE B/F with a date reprinted at the top
    of every later page (and C/F at the foot in variant 1); the account number is inside a sentence."""
    bank_key = "bob"
    bf_label = "BALANCE B/F"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Finacle Statement Generator"
    patterns = ("value_date_last", "account_in_sentence")

    def __init__(self, st):
        super().__init__(st)
        if self.v % 2 == 1:
            self.cf_label = "BALANCE C/F"

    def table(self):
        return [Col("sno", ["S.No"], "c"), Col("date", ["Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Cheque No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r"), Col("vdate", ["Value Date"])]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Bank of Baroda", "%s BRANCH, %s" % (h.branch, h.city)])
        if n > 1:
            return y
        y = self.lines_at(R, R.margin, y, [self.printed_name()] + h.address_lines, bold_first=True)
        y -= 0.5 * R.lead
        R.text(R.margin, y, "This is the statement of your Savings Account No. %s for the period %s" % (
            st.acct, self.period("%d-%m-%Y")))
        y -= R.lead
        R.text(R.margin, y, "IFSC : %s    MICR : %s    Customer ID : %s" % (st.ifsc, st.micr, h.cust_id))
        return y - 2 * R.lead

    def summary(self, R):
        self.summary_grid(R)


class Union(Family):
    """One amount column with (Dr)/(Cr) after the number, balances with (Cr); the holder's name
    printed only after the account number on one line (no label)."""
    bank_key = "union"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Union Bank of India - Finacle"
    patterns = ("amount_drcr_suffix", "balance_suffix", "name_after_account")

    def amt(self, paise):
        return money(paise)

    def bal(self, paise):
        return self.drcr(paise, (" (Dr)", " (Cr)"))

    def table(self):
        return [Col("tranid", ["Tran Id"]), Col("date", ["Tran Date"]), Col("narr", ["Remarks"], wrap=True),
                Col("amt", ["Amount (Rs.)"], "r"), Col("bal", ["Balance (Rs.)"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = self.amt(e.amount) + (" (Cr)" if e.credit else " (Dr)")
        c["tranid"] = "S%08d" % (int(self.st.acct[-7:]) + 7919 * i)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Union Bank of India", "Statement of Account"], align="c")
        if n > 1:
            return y
        R.text(R.margin, y, "%s   %s" % (st.acct, h.name), bold=True)
        y = self.lines_at(R, R.margin, y - R.lead, h.address_lines)
        pairs = [("Branch", h.branch), ("IFSC", st.ifsc), ("MICR", st.micr), ("Period", self.period("%d/%m/%Y")),
                 ("Customer Id", h.cust_id)]
        yr = self.kv(R, R.W / 2 + 40, y + (len(h.address_lines) + 1) * R.lead, pairs)
        return min(y, yr) - R.lead


class BankOfIndia(Family):
    """Instrument Id column; no IFSC printed (only a branch code), while narrations name other banks
    and their IFSCs ('Bank of India' is also inside 'State Bank of India')."""
    bank_key = "boi"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "BOI Star Connect"
    prints = ("name", "account_number", "address")
    patterns = ("counterparty_ifsc", "bank_name_substring")

    def __init__(self, st):
        super().__init__(st)
        self.sides_under_span = self.v == 3 and not self.mut
        if self.sides_under_span:  # one label centred over both sides' columns (render.py header_spans)
            self.header_spans = ((("dr", "cr"), "Amount (INR)"),)

    def variant_patterns(self):
        return ["amount_label_spanning_columns"] if self.sides_under_span else []

    def table(self):
        if self.sides_under_span:  # the sides' own labels 'Dr' and 'Cr' on the line under the span
            return [Col("sno", ["", "Sl No"], "c"), Col("date", ["", "Txn Date"]), Col("chq", ["", "Instrument Id"]),
                    Col("narr", ["", "Narration"], wrap=True), Col("dr", ["", "Dr"], "r"),
                    Col("cr", ["", "Cr"], "r"), Col("bal", ["", "Balance"], "r")]
        return [Col("sno", ["Sl No"], "c"), Col("date", ["Txn Date"]), Col("chq", ["Instrument Id"]),
                Col("narr", ["Narration"], wrap=True), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Bank of India", "%s Branch (Branch Code %s)" % (h.branch, h.branch_code)])
        if n > 1:
            return y
        pairs = [("Name", self.printed_name()), ("Address", h.address_lines[0])] + \
            [("", a) for a in h.address_lines[1:]] + [("Account No", st.acct), ("Statement Period", self.period())]
        y = self.labelled(R, R.margin, y, pairs)
        return y - R.lead

    def summary(self, R):
        self.summary_grid(R, "Summary")


class IndianBank(Family):
    """Post date before value date, a balance printed only on each day's last transaction, and the
    opening balance printed above the table. Variant 2 prints dates without the year (dd/mm)."""
    bank_key = "indian"
    balance_rows = "day_end"
    date_fmts = ("%d/%m/%y", "%d/%m/%Y", "%d/%m")
    producer = "Indian Bank - IB Statement"
    patterns = ("printed_opening",)

    def table(self):
        return [Col("date", ["Post Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Details"], wrap=True),
                Col("chq", ["Chq.No."]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["INDIAN BANK", "Account Statement"], align="c")
        if n > 1:
            return y
        pairs = [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr), ("Branch", h.branch),
                 ("Period", self.period("%d/%m/%Y"))]
        y = self.holder_and_account(R, y, pairs, dx=30, after=0.4)
        R.text(R.margin, y, "Opening Balance as on %s : %s" % (fmt_date(st.start, "%d/%m/%Y"), money(st.opening)),
               bold=True)
        return y - 2 * R.lead


class IOB(Family):
    """Indian Overseas Bank: the value date in brackets under the transaction date in one column,
    a Transaction Type column, (Rs) in the amount column words."""
    bank_key = "iob"
    date_fmts = ("%d-%b-%y", "%d-%m-%Y")
    producer = "IOB Statement Generator"
    patterns = ("value_date_under_date", "extra_columns")

    def prints_value_date(self):
        return True

    def table(self):
        return [Col("date", ["Date", "(Value Date)"], wrap=True, wrap_w=58), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Ref No./Cheque No."]), Col("ttype", ["Transaction", "Type"], "c"),
                Col("dr", ["Debit(Rs)"], "r"), Col("cr", ["Credit(Rs)"], "r"), Col("bal", ["Balance(Rs)"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["date"] = self.d(e.date) + " (" + self.d(e.value_date) + ")" if self.v % 2 else \
            self.d(e.date) + "\n(" + self.d(e.value_date) + ")"
        c["ttype"] = {"cash_dep": "CASH", "atm": "CASH", "chq_in": "CLG", "chq_out": "CLG"}.get(e.kind, "TRF")
        return c

    def printed_chq(self, e):
        return e.chq if e.kind.startswith("chq") else None

    def page_header(self, R, n):
        st, h = self.st, self.h
        return self.standard_header(R, n, ["Indian Overseas Bank", "%s Branch" % h.branch],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", self.period("%d-%b-%Y"))], dx=30)


LAYOUTS = {"pnb": PNB, "pnb_one": PNBOne, "canara": Canara, "canara_epass": CanaraEPassbook,
           "bob": BankOfBaroda, "union": Union, "boi": BankOfIndia, "indian": IndianBank,
           "iob": IOB}
