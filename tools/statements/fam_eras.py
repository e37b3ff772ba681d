"""Other eras of the five first banks: an older and a newer HDFC statement, SBI's YONO-era
statement, ICICI's current-account statement (Txn Posted Date, Cr/Dr column) and Kotak's
statement with Dr / Cr columns after the amount and after the balance. (SBI's net-banking page
printed from a browser is in fam_html.py.)"""
import datetime as dt

from family import Family
from layouts import fmt_date, money
from render import Col, Row


class HDFCOld(Family):
    """An older HDFC print: a typewriter font, every cell centred vertically in its row, the
    letterhead and account block on every page, a row split by a page break."""
    bank_key = "hdfc"
    narr_style = "hdfc"
    valign = "middle"
    date_fmts = ("%d/%m/%y",)
    producer = "HDFC BANK LTD"
    needs_font = "Courier"
    patterns = ("page_break_letterhead",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq./Ref.No."]),
                Col("vdate", ["Value Dt"]), Col("dr", ["Withdrawal Amt."], "r"), Col("cr", ["Deposit Amt."], "r"),
                Col("bal", ["Closing Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["HDFC BANK LIMITED", "Statement of accounts"], size_add=5)
        R.text(R.W - R.margin, R.H - R.margin - 10, "Page No .: %d" % n, align="r")
        return self.holder_and_account(R, y, [("Account Branch", h.branch), ("Account No", st.acct),
                                        ("Cust ID", h.cust_id), ("RTGS/NEFT IFSC", st.ifsc), ("MICR", st.micr),
                                        ("Period", self.period("%d/%m/%Y"))],
                                       left=[self.printed_name()] + h.address_lines, dx=20)

    def summary(self, R):
        dr, cr, ndr, ncr = self.totals()
        R.ensure_space(5 * R.lead)
        y = R.y - R.lead
        R.text(R.margin, y, "STATEMENT SUMMARY :-", bold=True)
        y = self.grid(R, y - 1.4 * R.lead, ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits",
                                             "Closing Bal"],
                      [money(self.st.opening), str(ndr), str(ncr), money(dr), money(cr), money(self.st.closing)])
        R.y = y


class HDFCNew(Family):
    """A newer HDFC download: the latest transaction first, dd Mon yyyy dates, Dr/Cr in the column
    words, opening and closing balances printed above the table."""
    bank_key = "hdfc"
    narr_style = "hdfc"
    order = "newest"
    date_fmts = ("%d %b %Y", "%d %b, %Y")
    producer = "HDFC Bank NetBanking"
    patterns = ("printed_opening",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq/Ref No."]),
                Col("dr", ["Withdrawal (Dr)"], "r"), Col("cr", ["Deposit (Cr)"], "r"),
                Col("bal", ["Closing Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["HDFC BANK", "Account Statement"])
        if n > 1:
            return y
        y = self.holder_and_account(R, y, [("Account Number", st.acct), ("Customer ID", h.cust_id), ("IFSC", st.ifsc),
                                     ("MICR", st.micr), ("Branch", h.branch),
                                     ("Statement From", self.period("%d %b %Y", " to "))],
                                    left=[h.name] + h.address_lines, dx=20, after=0.5)
        dr, cr, _, _ = self.totals()
        y = self.grid(R, y, ["Opening Balance", "Withdrawals", "Deposits", "Closing Balance"],
                      [money(st.opening), money(dr), money(cr), money(st.closing)])
        return y - R.lead


class SBIYono(Family):
    """SBI's YONO-era statement: a short first narration line with who and which VPA under it,
    Details / Ref No. / Debit / Credit / Balance, dd-mm-yy dates."""
    bank_key = "sbi"
    narr_style = "detail"
    date_fmts = ("%d-%m-%y", "%d %b %Y")
    producer = "SBI YONO"
    patterns = ("detail_block",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Transaction Details"], wrap=True),
                Col("chq", ["Ref No./Cheque No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["State Bank of India", "Account Statement"])
        if n > 1:
            return y
        title = {"MR": "Mr. ", "MS": "Ms. ", "MRS": "Mrs. "}.get(h.title, "M/S ")
        pairs = [("Account Name", title + h.name), ("Address", h.address_lines[0])] + \
            [("", a) for a in h.address_lines[1:]] + [("Account Number", st.acct), ("IFS Code", st.ifsc),
                                                     ("MICR Code", st.micr), ("Branch", h.branch),
                                                     ("Balance as on " + fmt_date(st.start, "%d-%m-%y"),
                                                      money(st.opening))]
        y = self.labelled(R, R.margin, y, pairs)
        R.text(R.margin, y - 0.5 * R.lead, "Account Statement from %s to %s" % (
            fmt_date(st.start, "%d-%m-%Y"), fmt_date(st.end, "%d-%m-%Y")), bold=True)
        return y - 2.5 * R.lead


class ICICICurrent(Family):
    """ICICI current account: Transaction ID, Value Date, Txn Posted Date with the time, ChequeNo.,
    a Cr/Dr column before one Transaction Amount column, Available Balance."""
    bank_key = "icici"
    narr_style = "icici"
    date_fmts = ("%d/%m/%Y",)
    producer = "iText 5.5.13 (c) 2000-2020 iText Group NV"
    patterns = ("drcr_column", "time_after_date", "ledger_words")

    def table(self):
        return [Col("sno", ["No."], "c"), Col("tranid", ["Transaction ID"]), Col("vdate", ["Value Date"]),
                Col("date", ["Txn Posted Date"]), Col("chq", ["ChequeNo."]), Col("narr", ["Description"], wrap=True),
                Col("drcr", ["Cr/Dr"], "c"), Col("amt", ["Transaction", "Amount(INR)"], "r"),
                Col("bal", ["Available", "Balance(INR)"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        secs = (int(self.st.acct[-4:]) * 7 + 4111 * i) % 43200 + 32400
        t = dt.datetime(2000, 1, 1) + dt.timedelta(seconds=secs)
        c["date"] = self.d(e.date) + " " + fmt_date(t, "%I:%M:%S %p")
        c["tranid"] = "S%d" % (30000000 + (int(self.st.acct[-6:]) + 977 * i) % 60000000)
        c["drcr"] = "CR" if e.credit else "DR"
        c["amt"] = money(e.amount)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["ICICI Bank", "Statement of Transactions"])
        if n > 1:
            return y
        y = self.lines_at(R, R.margin, y, [self.printed_name()] + h.address_lines, bold_first=True) - 0.4 * R.lead
        y = self.kv(R, R.margin, y, [("Account Number", "%s ( INR )" % st.acct), ("IFSC Code", st.ifsc),
                                     ("MICR Code", st.micr), ("Transaction Period", self.period("%d/%m/%Y"))])
        return y - R.lead


class KotakDrCr(Family):
    """Kotak with Dr / Cr columns: Sl. No., one Amount column followed by Dr / Cr, and the
    balance followed by its own Dr / Cr."""
    bank_key = "kotak"
    narr_style = "kotak"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Crystal Reports"
    patterns = ("drcr_column", "drcr_after_balance")

    def table(self):
        return [Col("sno", ["Sl. No."], "c"), Col("date", ["Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Chq / Ref number"]), Col("amt", ["Amount"], "r"), Col("drcr", ["Dr / Cr"], "c"),
                Col("bal", ["Balance"], "r"), Col("bdrcr", ["Dr / Cr"], "c")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = money(e.amount)
        c["drcr"] = "CR" if e.credit else "DR"
        c["bal"] = money(abs(e.balance))
        c["bdrcr"] = "DR" if e.balance < 0 else "CR"
        return c

    def opening_rows(self):
        return [Row({"narr": "Opening Balance", "bal": money(abs(self.st.opening)),
                     "bdrcr": "DR" if self.st.opening < 0 else "CR"}, kind="opening")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        return self.standard_header(R, n, ["Kotak Mahindra Bank", "Statement of Account"],
                                    [("Account No", st.acct), ("CRN", "XXXX" + h.cust_id[-4:]), ("IFSC", st.ifsc),
                                     ("MICR", st.micr), ("Period", self.period())], dx=30)

    def footer_lines(self):
        return ["Kotak Mahindra Bank Ltd.  This is a computer generated statement.  Page {n} of {N}"]


class AxisNew(Family):
    """A newer Axis statement: S.No, one Amount column with a Debit/Credit column, and the cheque
    number and branch name printed after the balance."""
    bank_key = "axis"
    narr_style = "axis"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "JasperReports Library version 6.20.0"
    patterns = ("drcr_column", "text_after_balance")

    def table(self):
        return [Col("sno", ["S.No"], "c"), Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]),
                Col("narr", ["Particulars"], wrap=True), Col("amt", ["Amount"], "r"),
                Col("drcr", ["Debit/Credit"], "c"), Col("bal", ["Balance"], "r"), Col("chq", ["Cheque Number"]),
                Col("brname", ["Branch Name"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = money(e.amount)
        c["drcr"] = "Credit" if e.credit else "Debit"
        c["brname"] = self.h.branch if e.kind in ("cash_dep", "chq_in", "chq_out", "atm") else "CPC MUMBAI"
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        return self.standard_header(R, n, ["AXIS BANK", "Account Statement"],
                                    [("Customer ID", h.cust_id), ("Account Number", st.acct), ("IFSC Code", st.ifsc),
                                     ("MICR Code", st.micr), ("Period", self.period("%d/%m/%Y"))],
                                    left=[h.name] + h.address_lines, dx=30, align="r")


LAYOUTS = {"hdfc_old": HDFCOld, "hdfc_new": HDFCNew, "sbi_yono": SBIYono, "icici_ca": ICICICurrent,
           "kotak_drcr": KotakDrCr, "axis_new": AxisNew}
