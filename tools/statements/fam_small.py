"""Small finance banks (AU, Equitas, Ujjivan), co-operative banks (Saraswat, Cosmos) and payments
banks (Paytm; Airtel is printed from HTML, fam_html.py)."""
import datetime as dt

from family import Family
from layouts import fmt_date, money
from render import Col, Row


class AU(Family):
    """Amounts and balances with the rupee sign (an embedded font that has it), a summary grid
    after the table."""
    bank_key = "au"
    narr_style = "private"
    date_fmts = ("%d %b %Y", "%d-%m-%Y")
    producer = "AU Bank Statement Engine"
    patterns = ("currency_symbol",)
    needs_font = "DejaVu"

    def amt(self, paise):
        return "\u20b9" + money(paise)

    def bal(self, paise):
        return self.signed(paise, "\u20b9")

    def table(self):
        return [Col("date", ["Trans Date"]), Col("vdate", ["Value Date"]),
                Col("narr", ["Description/Narration"], wrap=True), Col("chq", ["Cheque/Reference No."]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        return self.standard_header(R, n, ["AU SMALL FINANCE BANK", "Account Statement"],
                                    [("Account Number", st.acct), ("Customer ID", h.cust_id), ("IFSC", st.ifsc),
                                     ("MICR", st.micr), ("Branch", h.branch),
                                     ("Statement Period", self.period("%d %b %Y"))])

    def summary(self, R):
        self.summary_grid(R, "Account Summary")


class Equitas(Family):
    """A narrow narration column whose text runs on into the Reference column when that cell is
    empty (a report writer that does not clip)."""
    bank_key = "equitas"
    narr_style = "psu"
    date_fmts = ("%d-%b-%Y", "%d/%m/%Y")
    producer = "Equitas Report Server"
    patterns = ("text_overflow",)

    def variant_patterns(self):
        return ("balance_before_amounts",) if self.v == 3 else ()

    def table(self):
        narr = Col("narr", ["Narration"], wrap=True, wrap_w=110, overflow=True)
        if self.v == 3:  # the balance before the amounts, its label's first word known to no reader
            return [Col("date", ["Date"]), narr, Col("chq", ["Reference No."]), Col("bal", ["Avbl Balance"], "r"),
                    Col("dr", ["Withdrawal"], "r"), Col("cr", ["Deposit"], "r")]
        return [Col("date", ["Date"]), narr, Col("chq", ["Reference No."]), Col("dr", ["Withdrawal"], "r"),
                Col("cr", ["Deposit"], "r"), Col("bal", ["Closing Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Equitas Small Finance Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC Code", st.ifsc), ("MICR", st.micr),
                                     ("Statement From", self.period("%d-%b-%Y", " To "))], align="c")


class Ujjivan(Family):
    """Cells centred in their columns, letterhead and account block on every page, rows split by
    page breaks."""
    bank_key = "ujjivan"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    producer = "Ujjivan SFB Statement"
    patterns = ("narration_centred_horizontally", "page_break_letterhead")

    def table(self):
        return [Col("date", ["Txn Date"], "c"), Col("vdate", ["Value Date"], "c"),
                Col("narr", ["Description"], "c", wrap=True), Col("chq", ["Cheque No"], "c"),
                Col("dr", ["Debit"], "r", head_align="c"), Col("cr", ["Credit"], "r", head_align="c"),
                Col("bal", ["Balance"], "r", head_align="c")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Ujjivan Small Finance Bank", "Account Statement  -  Page %d" % n], align="c")
        R.text(R.margin, y, "Name : %s" % h.name)
        R.text(R.W / 2 + 20, y, "Account No : %s" % st.acct)
        y -= R.lead
        R.text(R.margin, y, "Address : %s" % ", ".join(h.address_lines[:2]))
        R.text(R.W / 2 + 20, y, "IFSC : %s   MICR : %s" % (st.ifsc, st.micr))
        y -= R.lead
        R.text(R.margin, y, "          %s" % ", ".join(h.address_lines[2:]))
        R.text(R.W / 2 + 20, y, "Period : %s" % self.period())
        return y - 2 * R.lead


class Saraswat(Family):
    """Co-operative bank ledger: terse column words, balances with a Dr/Cr column after them,
    B/F and C/F lines at page boundaries."""
    bank_key = "saraswat"
    narr_style = "coop"
    bf_label = "B/F"
    cf_label = "C/F"
    date_fmts = ("%d/%m/%Y", "%d.%m.%Y")
    producer = "Saraswat Bank CBS"
    patterns = ("drcr_after_balance", "ledger_words")

    def __init__(self, st):
        super().__init__(st)
        if self.v == 1 and not self.mut:  # labels as close as the words inside them over right-aligned amounts
            self.set_labels_close()

    def variant_patterns(self):
        return ["labels_close_right"] if self.v == 1 and not self.mut else []

    def bal(self, paise):
        return money(abs(paise))

    def table(self):
        if self.v == 1 and not self.mut:  # the debits' label a word no phrase knows, a space before the credits'
            # (wider than its amounts): only where the debits end tells the labels apart
            return [Col("date", ["Tran Dt"]), Col("narr", ["Narr"], wrap=True), Col("chq", ["Instr No"]),
                    Col("dr", ["Outgo"], "r"), Col("cr", ["Credit Amount"], "r"), Col("bal", ["Bal Amt"], "r"),
                    Col("drcr", ["Dr/Cr"], "c")]
        return [Col("date", ["Tran Dt"]), Col("narr", ["Narr"], wrap=True), Col("chq", ["Instr No"]),
                Col("dr", ["Debit Amt"], "r"), Col("cr", ["Credit Amt"], "r"), Col("bal", ["Bal Amt"], "r"),
                Col("drcr", ["Dr/Cr"], "c")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["drcr"] = "Dr" if e.balance < 0 else "Cr"
        return c

    def carry_row(self, R, y, kind):
        y2 = super().carry_row(R, y, kind)
        if y2 != y:
            for col in R.cols:
                if col.key == "drcr":
                    R.draw_cell(col, y, "Dr" if R.last_balance < 0 else "Cr", bold=True)
        return y2

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, [self.bname, "(Scheduled Bank)  %s Branch" % h.branch], align="c", size_add=5)
        R.text(R.margin, y, "Ac No : %s   Name : %s" % (st.acct, h.name), bold=True)
        y -= R.lead
        if n > 1:
            return y - R.lead
        y = self.lines_at(R, R.margin, y, ["Address : " + ", ".join(h.address_lines),
                                            "IFSC : %s   MICR : %s   Period : %s" % (st.ifsc, st.micr,
                                                                                    self.period("%d/%m/%Y"))])
        return y - R.lead


class Cosmos(Family):
    """A ledger report: Posting Dt., Voucher No, Withdrawls, Lodgements, Running Bal and an Entry
    User column; the report title carries the account number and then the name."""
    bank_key = "cosmos"
    narr_style = "coop"
    date_fmts = ("%d/%m/%Y", "%d-%b-%y")
    producer = "Crystal Reports"
    patterns = ("ledger_words", "name_after_account", "extra_columns")

    def table(self):
        return [Col("date", ["Posting", "Dt."]), Col("vno", ["Voucher", "No"]),
                Col("narr", ["Particulars"], wrap=True), Col("dr", ["Withdrawls"], "r"),
                Col("cr", ["Lodgements"], "r"), Col("bal", ["Running", "Bal"], "r"), Col("user", ["Entry", "User"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["vno"] = str(1000 + (int(self.st.acct[-4:]) + 17 * i) % 9000)
        c["user"] = {"cash_dep": "CASH%s" % self.h.branch_code[:2], "chq_in": "CLGUSR", "chq_out": "CLGUSR"}.get(
            e.kind, "SYSTEM" if e.kind in ("interest", "sms_charge", "gst", "minbal_charge") else "MBUSER")
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, [self.bname, "%s BRANCH" % h.branch], align="c", size_add=5)
        R.text(R.W / 2, y, "LEDGER REPORT FOR A/C NO. %s  %s" % (st.acct, h.name), bold=True, align="c")
        y -= 1.2 * R.lead
        R.text(R.W / 2, y, "From %s To %s" % (fmt_date(st.start, "%d/%m/%Y"), fmt_date(st.end, "%d/%m/%Y")),
               align="c")
        y -= 1.4 * R.lead
        if n > 1:
            return y
        y = self.lines_at(R, R.margin, y, h.address_lines)
        R.text(R.margin, y, "IFSC : %s    MICR : %s" % (st.ifsc, st.micr))
        return y - 2 * R.lead

    def opening_rows(self):
        return [Row({"narr": "Opening Balance", "bal": self.bal(self.st.opening)}, kind="opening")]

    def closing_rows(self):
        dr, cr, _, _ = self.totals()
        return [Row({"narr": "Total", "dr": self.amt(dr), "cr": self.amt(cr)}, kind="total", bold=True),
                Row({"narr": "Closing Balance", "bal": self.bal(self.st.closing)}, kind="closing", bold=True)]


class Paytm(Family):
    """App statement: latest first, the time under the date, signed amounts with a currency prefix
    (- Rs.500.00 / + Rs.1,000.00), references and VPAs in small detail lines under each row."""
    bank_key = "paytm"
    narr_style = "wallet"
    order = "newest"
    detail_small = True
    date_fmts = ("%d %b %Y",)
    producer = "Paytm Payments Bank"
    prints = ("name", "account_number", "ifsc")
    patterns = ("signed_amount", "currency_symbol", "detail_block", "time_under_date")

    def table(self):
        return [Col("date", ["DATE & TIME"], wrap=True, wrap_w=62),
                Col("narr", ["TRANSACTION DETAILS"], wrap=True), Col("amt", ["AMOUNT"], "r"),
                Col("bal", ["AVAILABLE BALANCE"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        minutes = (int(self.st.acct[-3:]) + 131 * i) % 840 + 420
        c["date"] = self.d(e.date) + "\n" + fmt_date(dt.datetime(2000, 1, 1, minutes // 60, minutes % 60), "%I:%M %p")
        c["amt"] = ("+ Rs." if e.credit else "- Rs.") + money(e.amount)
        c["bal"] = "Rs." + money(e.balance)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["Paytm Payments Bank", "Savings Account Statement"])
        if n > 1:
            return y
        y = self.kv(R, R.margin, y, [("Account Holder", h.name), ("Account Number", st.acct), ("IFSC", st.ifsc),
                                     ("Statement Period", self.period("%d %b %Y", " - "))])
        y -= 0.5 * R.lead
        y = self.grid(R, y, ["Opening Balance", "Total Money In", "Total Money Out", "Closing Balance"],
                      ["Rs." + money(st.opening), "Rs." + money(self.totals()[1]), "Rs." + money(self.totals()[0]),
                       "Rs." + money(st.closing)])
        return y - R.lead

    def footer_lines(self):
        return ["Paytm Payments Bank Ltd. This is a system generated statement.  Page {n} of {N}"]


LAYOUTS = {"au": AU, "equitas": Equitas, "ujjivan": Ujjivan, "saraswat": Saraswat, "cosmos": Cosmos,
           "paytm": Paytm}
