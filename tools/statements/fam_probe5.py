"""Probe families of session 11 (issue 10): banks no other family prints (a regional rural bank
of the Hindi belt, a district central co-operative bank, three urban co-operative banks, two
foreign banks' Indian arms, a small finance bank that was an urban co-operative bank, a bank merged
away in 2020) in layout traits no family printed before: column labels in Hindi and English, dates
without leading zeros, vertical rules with the text touching them, every second row shaded, the
balance between the two amount columns, a rupee sign on every amount with western grouping on the
amounts and Indian on the balances, a summary table above the transactions in the same words, a
narrow narration column wrapping to three or four lines, tables of standing instructions and tax
deducted after the transactions, a numeric voucher column beside the amounts, narrations that
begin with a date, the account's identity above the table on every page, the page's balances in
free text above and below the table, statements of a thousand rows and more.
Held out from tuning (the `probe5` and `probe5-heldout` sets only) until the reader reads them in
general logic. Column words and arrangements as public descriptions of these banks' statements and
of core-banking report prints describe them; every holder, number and amount made up.

| family | what it adds |
|--------|--------------|
| crgb | regional rural bank: every column label in Hindi and English (Hindi over English, or `दिनांक / Date` on one line), a Hindi letterhead line, `7/12/26` dates (no leading zeros) |
| pdcc | district central co-operative bank: vertical rules between all columns with the cells' text touching them (almost no padding), `07.12.2026` dates, a serial column |
| kalupur | urban co-operative bank: the balance between the two amount columns (`Withdrawal`, `Balance`, `Deposit`), `7-Dec-2026` dates |
| sbm | foreign bank's Indian arm: `₹` before every amount and balance, western grouping on the amounts and Indian on the balances, `07 Dec 26` dates, a summary table above the transactions with dates and the same column words |
| shinhan | foreign bank's Indian arm: a narrow narration column wrapping to three or four lines, credits before debits, ISO dates |
| shivalik | small finance bank (an urban co-operative bank before): after the transactions a Standing Instructions table and a TDS table, both with dates and amounts |
| united | merged away in 2020: very long statements (a year at 90+ rows a month), the page's opening balance as free text above the table and its closing balance below it |
| msnu | urban co-operative bank: a right-aligned numeric voucher number on every row just before the debits, narrations that begin with a date or quote one |
| apna | urban co-operative bank: every second row shaded, credits before debits, `7/12/2026` dates |
| abhy | urban co-operative bank: the account's identity block repeated above the table on every page, `INR` before every amount and balance |
"""
import datetime as dt

from family import Probe
from layouts import fmt_date, money
from render import Col, Row


class Probe5(Probe):
    """A probe of session 11: measured by the probe5 sets."""
    probe_set = "probe5"


HINDI = {"date": "दिनांक", "narr": "विवरण", "chq": "चेक नं.", "dr": "नामे", "cr": "जमा", "bal": "शेष",
         "vdate": "मूल्य दिनांक"}


class CRGB(Probe5):
    """Chhattisgarh Rajya Gramin Bank, a regional rural bank: every column label in Hindi and
    English (even variants: the Hindi word over the English one; odd: `दिनांक / Date` on one
    line), the bank's name in Hindi over the English letterhead, dates without leading zeros."""
    bank_key = "crgb"
    narr_style = "psu"
    date_fmts = ("%-d/%-m/%y", "%-d/%-m/%Y")
    producer = "CRGB CBS Reports"
    patterns = ("regional_rural_bank", "bilingual_labels", "date_no_leading_zero")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def columns(self):
        """The English labels (held-out words too) with the Hindi word over them or before them."""
        cols = super().columns()
        for c in cols:
            if c.key in HINDI:
                c.header = ["%s / %s" % (HINDI[c.key], " ".join(c.header))] if self.v % 2 else [HINDI[c.key]] + c.header
        return cols

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["छत्तीसगढ़ राज्य ग्रामीण बैंक", "Chhattisgarh Rajya Gramin Bank",
                                           "खाता विवरण / Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class PDCC(Probe5):
    """Pune District Central Co-operative Bank: a ruled table, a vertical rule between every two
    columns and the cells' text almost touching the rules (spec pad ~1 point), dotted dates."""
    bank_key = "pdcc"
    narr_style = "psu"
    date_fmts = ("%d.%m.%Y",)
    col_rules = True
    producer = "PDCC Bank CBS"
    patterns = ("district_cooperative_bank", "column_rules", "text_touching_rules", "dotted_date", "serial_column")

    def table(self):
        return [Col("sno", ["Sr."], "r"), Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Chq No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Pune District Central Co-operative Bank Ltd.", "Account Statement"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d.%m.%Y"))])


class Kalupur(Probe5):
    """The Kalupur Commercial Co-operative Bank: the balance printed between the withdrawal and
    the deposit columns; dates without a leading zero on the day."""
    bank_key = "kalupur"
    narr_style = "psu"
    date_fmts = ("%-d-%b-%Y", "%-d/%m/%Y")
    producer = "KCCB Statement"
    patterns = ("cooperative_bank", "balance_between_amounts", "date_no_leading_zero")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawal"], "r"), Col("bal", ["Balance"], "r"), Col("cr", ["Deposit"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Kalupur Commercial Co-operative Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class SBM(Probe5):
    """SBM Bank India (a foreign bank's Indian arm): `₹` before every amount and balance, the
    amounts in western grouping (`₹123,456.00`) and the balances in Indian (`₹1,23,456.00`),
    `07 Dec 26` dates, and above the transactions a summary table in the same words (From, To,
    Opening Balance, Debits, Credits, Closing Balance) with the period's dates in its one row."""
    bank_key = "sbm"
    narr_style = "private"
    needs_font = "DejaVu"  # the rupee sign
    group = "western"
    date_fmts = ("%d %b %y", "%d/%m/%y")
    producer = "SBM Bank India e-Statement"
    patterns = ("foreign_bank_india", "rupee_sign_every_amount", "mixed_grouping", "summary_table_before",
                "two_digit_year")

    def amt(self, paise):
        return "₹" + money(paise, "western")

    def bal(self, paise):
        return ("-₹" if paise < 0 else "₹") + money(abs(paise), "indian")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Reference"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        y = self.standard_header(R, n, ["SBM Bank (India) Limited", "Account Statement"],
                                 [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                  ("Period", self.period("%d %b %Y"))])
        if n > 1:
            return y
        dr, cr, _, _ = self.totals()
        R.text(R.margin, y, "Account Summary", bold=True)
        y -= 1.3 * R.lead
        cols = [Col("from", ["From"]), Col("to", ["To"]), Col("open", ["Opening Balance"], "r"),
                Col("dr", ["Debits"], "r"), Col("cr", ["Credits"], "r"), Col("close", ["Closing Balance"], "r")]
        vals = {"from": self.d(st.start), "to": self.d(st.end), "open": self.bal(st.opening), "dr": self.amt(dr),
                "cr": self.amt(cr), "close": self.bal(st.closing)}
        step = (R.W - 2 * R.margin) / len(cols)
        for i, c in enumerate(cols):
            x = R.margin + step * i + (step - 4 if c.align == "r" else 0)
            R.text(x, y, c.header[0], bold=True, align=c.align)
            R.text(x, y - R.lead, vals[c.key], align=c.align)
        return y - 3 * R.lead


class Shinhan(Probe5):
    """Shinhan Bank India (a foreign bank's Indian arm): a narrow narration column, so most
    narrations wrap to three or four lines; credits before debits; ISO dates."""
    bank_key = "shinhan"
    narr_style = "psu"
    date_fmts = ("%Y-%m-%d",)
    producer = "Shinhan Bank India Internet Banking"
    patterns = ("foreign_bank_india", "narration_wraps_many_lines", "credit_before_debit", "iso_date")

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("vdate", ["Value Date"]),
                Col("narr", ["Description"], wrap=True, wrap_w=88), Col("chq", ["Cheque No"]),
                Col("cr", ["Deposit"], "r"), Col("dr", ["Withdrawal"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Shinhan Bank India", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%Y-%m-%d"))])


class Shivalik(Probe5):
    """Shivalik Small Finance Bank (an urban co-operative bank until 2021): after the
    transactions, a Standing Instructions table (dated, with amounts) and a TDS table (the
    quarters' interest and tax deducted): tables of dates and amounts that are no transactions."""
    bank_key = "shivalik"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Shivalik SFB Statement"
    patterns = ("small_finance_bank", "standing_instructions_table", "tds_table_after")

    def table(self):
        return [Col("date", ["Txn Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Ref No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Shivalik Small Finance Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())

    def after_table(self, R):
        super().after_table(R)
        st = self.st
        acct = int(st.acct[-4:])
        si = []
        for k in range(2):
            start = st.start - dt.timedelta(days=40 + 90 * k)
            si.append(Row({"sino": "SI%06d" % (acct * 7 + k), "start": self.d(start), "freq": "Monthly",
                           "amt": self.amt((acct % 50 + 10 + 25 * k) * 10000),
                           "ben": "RD A/C XX%04d" % ((acct + 17 * k) % 10000),
                           "next": self.d(st.end + dt.timedelta(days=5 + k))}, kind="other"))
        R.section(["Standing Instructions"],
                  [Col("sino", ["SI No"]), Col("start", ["Start Date"]), Col("freq", ["Frequency"]),
                   Col("amt", ["Amount"], "r"), Col("ben", ["Beneficiary"], wrap=True), Col("next", ["Next Due Date"])],
                  si)
        fy = st.start.year if st.start.month > 3 else st.start.year - 1
        tds = []
        for q, end in enumerate([dt.date(fy, 6, 30), dt.date(fy, 9, 30), dt.date(fy, 12, 31)]):
            interest = (acct % 900 + 150 * (q + 1)) * 100
            tds.append(Row({"q": "Q%d FY %d-%02d" % (q + 1, fy, (fy + 1) % 100), "upto": self.d(end),
                            "int": self.amt(interest), "tds": self.amt(interest // 10)}, kind="other"))
        R.section(["Interest and TDS Summary"],
                  [Col("q", ["Quarter"]), Col("upto", ["Up to"]), Col("int", ["Interest Paid"], "r"),
                   Col("tds", ["TDS Deducted"], "r")], tds)


class United(Probe5):
    """United Bank of India (merged into PNB in 2020): a year of 90 and more rows a month, so a
    thousand rows over thirty pages and more; each page after the first opens with its opening
    balance as free text above the labels, and every page ends with its closing balance below
    the rows (a sentence, not a row of the table)."""
    bank_key = "united"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "UBI Finacle Statement"
    patterns = ("merged_bank_era", "very_long_statement", "page_balance_free_text")

    def table(self):
        return [Col("date", ["Tran Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        y = self.standard_header(R, n, ["UNITED BANK OF INDIA", "Statement of Account"],
                                 [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                  ("Period", self.period())])
        if n > 1:
            R.text(R.margin, y, "Balance brought forward from page %d : %s" % (n - 1, self.bal(R.last_balance)))
            y -= 1.5 * R.lead
        return y

    def footer_lines(self):
        return ["Page {n} of {N}"]

    def footer_height(self, R):
        return super().footer_height(R) + 1.5 * R.lead

    def footer(self, R, n, total):
        if R.page_rows and not R.in_section:
            y = R.margin + super().footer_height(R) + 0.3 * R.lead
            R.text(R.margin, y, "Closing balance of page %d : %s" % (n, self.bal(R.last_balance)), bold=True)
        super().footer(R, n, total)


class MSNU(Probe5):
    """The Mehsana Urban Co-operative Bank: a voucher number right-aligned on every row just
    before the debits (five or six digits, a number column beside the amounts), and narrations
    that begin with a date (`05/11/2024 CHQ DEP ...`) or quote one at their end."""
    bank_key = "msnu"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y",)
    producer = "MUCB Core Banking"
    patterns = ("cooperative_bank", "numeric_column_beside_amounts", "date_in_narration")

    @staticmethod
    def prepare(st, rng):
        for i, e in enumerate(st.events):
            when = fmt_date(e.date - dt.timedelta(days=rng.randint(1, 6)), "%d/%m/%Y")
            if i % 4 == 0:
                e.narration = when + " " + e.narration
            elif i % 4 == 2:
                e.narration = e.narration + " DT " + when

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("vno", ["Voucher No"], "r"),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["vno"] = str((int(self.st.acct[-5:]) * 13 + 37 * i) % 900000 + 10000)
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Mehsana Urban Co-operative Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))])


class Apna(Probe5):
    """Apna Sahakari Bank: every second transaction row on a grey fill, the credits before the
    debits, `7/12/2026` dates (day and month without leading zeros)."""
    bank_key = "apna"
    narr_style = "psu"
    date_fmts = ("%-d/%-m/%Y",)
    row_shading = True
    producer = "Apna Bank CBS"
    patterns = ("cooperative_bank", "row_shading", "credit_before_debit", "date_no_leading_zero")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq/Ref No"]),
                Col("cr", ["Credit"], "r"), Col("dr", ["Debit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Apna Sahakari Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class Abhyudaya(Probe5):
    """Abhyudaya Co-operative Bank: the account's identity (holder, account number, IFSC,
    period) in a block above the table on every page, and `INR` before every amount and
    balance."""
    bank_key = "abhy"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "Abhyudaya Bank e-Statement"
    patterns = ("cooperative_bank", "identity_every_page", "currency_code_in_cells")

    def amt(self, paise):
        return "INR " + money(paise)

    def bal(self, paise):
        return self.signed(paise, "INR ")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        y = self.letterhead(R, ["Abhyudaya Co-operative Bank Ltd.", "Statement of Account"])
        return self.holder_and_account(R, y, [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                              ("Period", self.period())])


LAYOUTS = {"crgb": CRGB, "pdcc": PDCC, "kalupur": Kalupur, "sbm": SBM, "shinhan": Shinhan, "shivalik": Shivalik,
           "united": United, "msnu": MSNU, "apna": Apna, "abhy": Abhyudaya}
