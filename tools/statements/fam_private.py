"""Private sector banks: IDFC FIRST, IndusInd, YES, Federal, RBL."""
from family import Family
from layouts import fmt_date, money
from render import Col


class IDFC(Family):
    """dd-Mon-yyyy dates; variant 0 prints who sent a UPI payment and their VPA under the row. An
    account summary grid on top lists the savings account (and the deposits of a second account)
    with their balances; the account number is in that grid."""
    bank_key = "idfc"
    narr_style = "detail"
    detail_small = True
    date_fmts = ("%d-%b-%Y", "%d %b %Y")
    producer = "Apache FOP Version 2.8"
    patterns = ("detail_block", "account_in_grid")

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]),
                Col("narr", ["Particulars"], wrap=True), Col("chq", ["Cheque No."]), Col("dr", ["Debit"], "r"),
                Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["IDFC FIRST Bank", "Statement of Account"])
        if n > 1:
            return y
        yl = self.lines_at(R, R.margin, y, ["CUSTOMER NAME : " + h.name] + h.address_lines)
        pairs = [("Customer ID", h.cust_id), ("Account Branch", h.branch), ("IFSC", st.ifsc), ("MICR", st.micr),
                 ("Statement Period", self.period("%d-%b-%Y"))]
        yr = self.kv(R, R.W / 2 + 40, y, pairs)
        y = min(yl, yr) - 0.6 * R.lead
        R.text(R.margin, y, "ACCOUNT SUMMARY", bold=True)
        y -= 1.3 * R.lead
        heads = ["Account Type", "Account Number", "Currency", "Balance"]
        rows = [["Savings Account", st.acct, "INR", money(st.closing)]]
        if st.spec.get("second_account"):
            s = self.second()
            bal = s.entries[-1][4] if s.kind == "loan" and s.entries else sum(x[2] for x in s.entries)
            rows.append(["Loan Account" if s.kind == "loan" else "Fixed Deposit", s.acct, "INR", money(bal)])
        step = (R.W - 2 * R.margin) / 4
        for i, hd in enumerate(heads):
            R.text(R.margin + step * i, y, hd, bold=True)
        for row in rows:
            y -= R.lead
            for i, v in enumerate(row):
                R.text(R.margin + step * i, y, v)
        return y - 2 * R.lead

    def summary(self, R):
        self.summary_grid(R)


class IndusInd(Family):
    """'Withdrawl' (sic) column; the branch name and address printed unlabelled at the top left,
    where a reader looking for a name in capitals finds them first."""
    bank_key = "indusind"
    narr_style = "private"
    date_fmts = ("%d-%b-%Y", "%d/%m/%Y")
    producer = "IndusInd Bank Statement Service"
    patterns = ("branch_lines_look_like_name", "ledger_words")

    @classmethod
    def first_rows_one_side(cls, spec):
        # variant 2: deposits only on the first page, nothing under 'Withdrawl' (a word no phrase
        # knows); variant 3: withdrawals only, nothing under 'Inward' (no phrase knows it either)
        if spec.get("heldout") or spec["variant"] not in (2, 3):
            return None
        return (spec["variant"] == 2, 60)

    def variant_patterns(self):
        return ["unnamed_side_empty_first_page"] if self.v in (2, 3) and not self.mut else []

    def table(self):
        cr = "Inward" if self.v == 3 and not self.mut else "Deposit"
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq./Ref.No."]),
                Col("dr", ["Withdrawl"], "r"), Col("cr", [cr], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        R.text(R.W - R.margin, top - 10, "IndusInd Bank", bold=True, size=R.size + 7, align="r")
        if n > 1:
            return top - 30
        y = self.lines_at(R, R.margin, top - 10, [h.branch, st.branch_addr, h.city + " " + h.pin[:3] + "001"])
        y -= R.lead
        pairs = [("Name of Customer", self.printed_name()), ("Address", h.address_lines[0])] + \
            [("", a) for a in h.address_lines[1:]]
        lw = R.width("Name of Customer") + 10
        for k, v in pairs:
            if k:
                R.text(R.margin, y, k)
            R.text(R.margin + lw, y, v)
            y -= R.lead
        pairs = [("Account No", st.acct), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                 ("Account Type", "INDUS EASY SAVINGS"), ("Period", self.period("%d-%b-%Y", " - "))]
        yr = self.kv(R, R.W / 2 + 40, top - 40, pairs)
        return min(y, yr) - R.lead


class Yes(Family):
    """ISO dates (2024-04-01), Reference Number column, Running Balance."""
    bank_key = "yes"
    narr_style = "private"
    date_fmts = ("%Y-%m-%d",)
    producer = "YES BANK e-Statement"
    patterns = ("iso_date",)

    def variant_patterns(self):
        return {3: ("time_column",), 1: ("narration_right_aligned",)}.get(self.v, ())

    def table(self):
        if self.v == 1:  # narrations flush right, their label too: its last word a column gap (6 pt)
            # from "Reference Number", and "Transaction Reference" is a label of its own elsewhere
            return [Col("date", ["Transaction", "Date"]), Col("vdate", ["Value", "Date"]),
                    Col("narr", ["Particulars of Transaction"], "r", wrap=True), Col("chq", ["Reference Number"]),
                    Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Running Balance"], "r")]
        if self.v == 3:  # each transaction's time of day in a column of its own after its date
            return [Col("date", ["Date"]), Col("time", ["Time (IST)"]), Col("narr", ["Description"], wrap=True),
                    Col("chq", ["Reference Number"]), Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"),
                    Col("bal", ["Running Balance"], "r")]
        return [Col("date", ["Transaction", "Date"]), Col("vdate", ["Value", "Date"]),
                Col("narr", ["Description"], wrap=True), Col("chq", ["Reference Number"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Running Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        if self.v == 3:
            c["time"] = "%02d:%02d" % (9 + (7 * i) % 12, (13 * i) % 60)
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["YES BANK", "Account Statement"])
        if n > 1:
            return y
        pairs = [("Primary Holder", h.name), ("Address", h.address_lines[0])] + \
            [("", a) for a in h.address_lines[1:]] + [("Customer ID", h.cust_id), ("Account Number", st.acct),
                                                     ("IFSC", st.ifsc), ("MICR", st.micr),
                                                     ("Period", self.period("%Y-%m-%d"))]
        return self.labelled(R, R.margin, y, pairs, mark=":", gap=6) - R.lead

    def summary(self, R):
        self.summary_grid(R, "Account Summary")


class Federal(Family):
    """Tran Type and Tran ID columns and a Dr/Cr column after the balance; identity in a grid
    (labels on one line, values on the next)."""
    bank_key = "federal"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Federal Bank FedNet"
    patterns = ("drcr_after_balance", "account_in_grid")

    def bal(self, paise):
        return money(abs(paise))

    def table(self):
        return [Col("date", ["Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("ttype", ["Tran", "Type"], "c"), Col("tranid", ["Tran ID"]), Col("chq", ["Cheque", "Details"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r"),
                Col("drcr", ["Dr/Cr"], "c")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["ttype"] = {"cash_dep": "CSH", "atm": "CSH", "chq_in": "CLG", "chq_out": "CLG"}.get(e.kind, "TFR")
        c["tranid"] = "S%d" % (int(self.st.acct[-8:]) % 90000000 + 10000000 + 613 * i)
        c["drcr"] = "Dr" if e.balance < 0 else "Cr"
        return c

    def printed_chq(self, e):
        return e.chq if e.kind.startswith("chq") else None

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["FEDERAL BANK", "Statement of Account for the period %s" % self.period("%d-%m-%Y")])
        if n > 1:
            return y
        y = self.lines_at(R, R.margin, y, self.holder_lines(), bold_first=True) - 0.5 * R.lead
        y = self.grid(R, y, ["Account Number", "Customer ID", "Account Type", "IFSC", "MICR"],
                      [st.acct, h.cust_id, "SB GENERAL", st.ifsc, st.micr])
        return y - R.lead


class RBL(Family):
    """One signed Amount column (withdrawals negative) and the latest transaction first, so a
    negative amount sits under a lower balance as one reads down the page."""
    bank_key = "rbl"
    narr_style = "private"
    order = "newest"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "RBL Bank MyBank"
    patterns = ("signed_amount",)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Cheque No."]),
                Col("amt", ["Amount (INR)"], "r"), Col("bal", ["Balance (INR)"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = self.signed(e.amount if e.credit else -e.amount)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["RBL BANK", "Account Statement"],
                                    [("Account No.", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("From", fmt_date(st.start, "%d/%m/%Y")), ("To", fmt_date(st.end, "%d/%m/%Y"))])

    def summary(self, R):
        self.summary_grid(R)


class Bandhan(Family):
    """Bandhan Bank: dates like June30, 2025 (no space after the month), amounts and balances
    with INR stuck to the number, one Amount column with a Dr / Cr column."""
    bank_key = "bandhan"
    narr_style = "private"
    date_fmts = ("%B%d, %Y",)
    producer = "Bandhan Bank Statement"
    patterns = ("drcr_column", "currency_symbol", "odd_date_format")

    def amt(self, paise):
        return "INR" + money(paise)

    def bal(self, paise):
        return self.signed(paise, "INR")

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Description"], wrap=True),
                Col("amt", ["Amount"], "r"), Col("drcr", ["Dr / Cr"], "c"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = self.amt(e.amount)
        c["drcr"] = "Cr" if e.credit else "Dr"
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bandhan Bank", "Account Statement"],
                                    [("Account Number", st.acct), ("IFSC Code", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", self.period("%d/%m/%Y"))])


LAYOUTS = {"idfc": IDFC, "indusind": IndusInd, "yes": Yes, "federal": Federal, "rbl": RBL, "bandhan": Bandhan}
