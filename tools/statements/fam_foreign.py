"""Foreign banks in India (HSBC, Standard Chartered, Citibank; DBS is printed from HTML, fam_html.py)
and a statement of a bank outside India (bank_name null)."""
import model
from family import Family
from layouts import fmt_date, money
from render import Col


class HSBC(Family):
    """Dates without a year (the year comes from the statement period, which may cross a new
    year), deposits before withdrawals, a balance only on each day's last transaction, the
    opening balance printed as BALANCE BROUGHT FORWARD."""
    bank_key = "hsbc"
    narr_style = "private"
    balance_rows = "day_end"
    date_fmts = ("%d %b", "%d%b")
    opening_label, closing_label, label_rows_dated = "BALANCE BROUGHT FORWARD", "BALANCE CARRIED FORWARD", True
    producer = "HSBC Statement Service"
    patterns = ("yearless_date", "printed_opening")

    def date_cell(self, day):
        return fmt_date(day, self.date_fmt).upper() if self.v % 2 else fmt_date(day, self.date_fmt)

    def d(self, day):
        return self.date_cell(day) if day else ""

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Transaction Details"], wrap=True),
                Col("cr", ["Deposits"], "r"), Col("dr", ["Withdrawals"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.letterhead(R, ["HSBC", "The Hongkong and Shanghai Banking Corporation Limited"])
        R.text(R.W - R.margin, R.H - R.margin - 10, "Statement period: %s" % self.period("%d %b %Y"),
               align="r")
        if n > 1:
            return y
        return self.holder_and_account(R, y, [("Account Number", st.acct), ("Account Type", "Savings Account"),
                                        ("IFSC", st.ifsc), ("MICR", st.micr), ("Branch", h.city)])


class StandardChartered(Family):
    """Deposit before Withdrawal, dd Mon yy dates, a Cheque column, summary after the table."""
    bank_key = "scb"
    narr_style = "private"
    date_fmts = ("%d %b %y", "%d/%m/%y")
    producer = "Standard Chartered eStatement"

    def table(self):
        return [Col("date", ["Date"]), Col("vdate", ["Value", "Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Cheque"]), Col("cr", ["Deposit"], "r"), Col("dr", ["Withdrawal"], "r"),
                Col("bal", ["Balance"], "r")]

    def printed_chq(self, e):
        return e.chq if e.kind.startswith("chq") else None

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Standard Chartered", "Statement of Account"],
                                    [("Account No.", st.acct), ("Currency", "INR"), ("IFSC", st.ifsc),
                                     ("MICR", st.micr), ("Period", self.period("%d %b %Y"))])

    def summary(self, R):
        self.summary_grid(R, "Account Summary")


class Citi(Family):
    """BALANCE BROUGHT FORWARD / CARRIED FORWARD with the date at every page boundary."""
    bank_key = "citi"
    narr_style = "private"
    bf_label = "BALANCE BROUGHT FORWARD"
    cf_label = "BALANCE CARRIED FORWARD"
    opening_label, label_rows_dated = "OPENING BALANCE", True
    date_fmts = ("%d/%m/%Y", "%d-%b-%Y")
    producer = "Citibank e-Statement"

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Transaction Details"], wrap=True),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["citibank", "Citibank N.A. - Statement of Account"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Statement Period", self.period("%d/%m/%Y"))])


UK_TOWNS = [("LEICESTER", "LE1"), ("BRADFORD", "BD7"), ("SLOUGH", "SL1"), ("CROYDON", "CR0"), ("LUTON", "LU2")]


class ForeignUK(Family):
    """A bank outside India (made up): sort code and account number, no IFSC, pounds; bank_name
    must be null. Dates dd Mon yy, balances only at the end of a day."""
    bank_key = None
    narr_style = "uk"
    balance_rows = "day_end"
    date_fmts = ("%d %b %y",)
    opening_label, closing_label, label_rows_dated = "BALANCE BROUGHT FORWARD", "BALANCE CARRIED FORWARD", True
    producer = "Northbridge Statements"
    prints = ("name", "account_number", "address")
    patterns = ("foreign_bank", "printed_opening")

    @staticmethod
    def prepare(st, rng):
        town, pc = rng.choice(UK_TOWNS)
        st.acct = model.rand_digits(rng, 8)
        st.sort_code = "%s-%s-%s" % (model.rand_digits(rng, 2), model.rand_digits(rng, 2), model.rand_digits(rng, 2))
        st.ifsc = st.micr = None
        st.holder.address_lines = ["FLAT %d, %d %s" % (rng.randint(1, 40), rng.randint(2, 200),
                                                        rng.choice(["HIGH STREET", "STATION ROAD", "CHURCH LANE"])),
                                   town, "%s %d%s" % (pc, rng.randint(1, 9), rng.choice(["AB", "DQ", "HT", "XN"]))]

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Payment type and details"], wrap=True),
                Col("dr", ["Paid out"], "r"), Col("cr", ["Paid in"], "r"), Col("bal", ["Balance"], "r")]

    def amt(self, paise):
        return money(paise, "western")

    def bal(self, paise):
        return money(abs(paise), "western") + (" D" if paise < 0 else "")

    def page_header(self, R, n):
        st, h = self.st, self.h
        return self.standard_header(R, n, ["Northbridge Bank plc", "Your Current Account statement"],
                                    [("Sort code", st.sort_code), ("Account number", st.acct),
                                     ("Statement date", fmt_date(st.end, "%d %B %Y")),
                                     ("Period", self.period("%d %B %Y"))], left=[h.name] + h.address_lines)

    def footer_lines(self):
        return ["Northbridge Bank plc is authorised by the Prudential Regulation Authority. Page {n} of {N}"]


LAYOUTS = {"hsbc": HSBC, "scb": StandardChartered, "citi": Citi, "foreign_uk": ForeignUK}
