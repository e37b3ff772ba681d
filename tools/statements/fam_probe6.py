"""Probe families of session 12 (issue 10): banks no other family prints (a payments bank and a
small finance bank the catalogue does not list, two foreign banks' Indian arms and a third's,
a State Bank associate and a private bank merged away in 2017 and 2015, a regional rural bank's
Kisan Credit Card account, an urban and a state co-operative bank, another regional rural bank's
passbook, Axis Bank when it was UTI Bank, Airtel's app) in layout traits no family printed
before: the time of day with AM/PM in the date's cell, ordinal dates (`7th Dec 2026`), the
balance's side before the number (`CR 12,345.00`), American month-first dates, `07DEC16` dates,
an account overdrawn all period with the balance printed `-1,23,456.00`, a `+`/`-` column (or a
`(-)`/`(+)` mark) beside one amount column, right-aligned narrations, reversal rows undoing a
debit on the same day, column labels of two and three letters (`Dr`, `Cr`, `Bal`), dates with
the weekday (`Mon, 07 Dec 2026`), a passbook print with no column labels at all, and a
typographic minus (U+2212) on debits.
Held out from tuning (the `probe6` and `probe6-heldout` sets only) until the reader reads them
in general logic. Column words and arrangements as public descriptions of these banks'
statements and of core-banking prints describe them; every holder, number and amount made up.
A held-out variant keeps the family's date pattern (`d` is overridden: heldout.py replaces only
`date_fmt`) and, where the labels are the pattern, the labels (`keep_header`).

| family | what it adds |
|--------|--------------|
| nsdl | payments bank outside the catalogue: the time of day with AM/PM in the date's cell (`07-12-2026 02:32 PM`) |
| unity | small finance bank outside the catalogue: ordinal dates (`7th Dec 2026`, `1st January 2027`) |
| barclays | foreign bank's Indian arm: the balance's side before the number (`CR 12,345.00`, `DR 1,200.00`), `Payments`/`Receipts` columns |
| boa | foreign bank's Indian arm, a corporate current account: American month-first dates (`12/07/2026`) |
| sbbj | State Bank of Bikaner and Jaipur (merged into SBI in 2017), 2015-2016: `07DEC16` dates |
| kgb | regional rural bank, a Kisan Credit Card account: overdrawn most or all of the period, balances `-1,23,456.00` |
| bassein | urban co-operative bank: one Amount column and its direction as `+`/`-` in a column of its own (odd variants: `1,234.00 (-)`) |
| mscb | state co-operative bank: narrations right-aligned in their column |
| uti | Axis Bank as UTI Bank (2005-2006): a debit undone on the same day by a `REV:` row for the same amount |
| vysya | ING Vysya Bank (merged into Kotak in 2015), 2012-2014: column labels `Dr`, `Cr`, `Bal` |
| airtel_app | Airtel Payments Bank's app statement: dates with the weekday (`Mon, 07 Dec 2026`) |
| apgvb | regional rural bank's passbook print: no column labels on any page |
| mufg | foreign bank's Indian arm: one signed Amount column with a typographic minus (`−1,234.00`, U+2212) |
"""
import datetime as dt

import model
from family import Probe
from layouts import fmt_date, money
from render import Col


class Probe6(Probe):
    """A probe of session 12: measured by the probe6 sets."""
    probe_set = "probe6"
    era = None  # years the statements of an older era start in (sets.py probe: spec start)

    @classmethod
    def probe_spec(cls, seed, i):
        """What a probe statement of this family keeps whatever the knobs draw (sets.py probe)."""
        if not cls.era:
            return {}
        return {"start": "%d-%02d-01" % (cls.era[i % len(cls.era)], (seed * 7 + i * 5) % 12 + 1)}


def kept(col):
    """A column whose labels are the family's pattern: held-out variants keep them (heldout.py)."""
    col.keep_header = True
    return col


def twelve_hour(hhmm):
    """'14:32' -> '02:32 PM'."""
    h, m = (int(x) for x in hhmm.split(":"))
    return "%02d:%02d %s" % ((h - 1) % 12 + 1, m, "PM" if h >= 12 else "AM")


def ordinal(n):
    return "%d%s" % (n, "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


class NSDL(Probe6):
    """NSDL Payments Bank (the catalogue does not list it: bank_name null): the time of day with
    AM/PM after the date in the same cell."""
    bank_key = "nsdl"
    narr_style = "wallet"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "NSDL Payments Bank Statement"
    prints = ("name", "account_number", "ifsc")
    patterns = ("payments_bank", "time_in_date_cell_12h", "bank_not_in_catalogue")

    def table(self):
        return [Col("date", ["Transaction Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Reference No"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["date"] += " " + twelve_hour(self.clock(i, 97, 900, 420))
        return c

    def page_header(self, R, n):
        st = self.st
        y = self.letterhead(R, ["NSDL Payments Bank Limited", "Account Statement"])
        if n > 1:
            return y
        y = self.kv(R, R.margin, y, [("Customer Name", self.h.name), ("Account Number", st.acct),
                                     ("IFSC", st.ifsc), ("Statement Period", self.period(self.date_fmt))])
        return y - R.lead


class Unity(Probe6):
    """Unity Small Finance Bank (the catalogue does not list it): ordinal dates, the day's
    number with its suffix (`7th Dec 2026`; odd variants `1st January 2027`)."""
    bank_key = "unity"
    narr_style = "private"
    date_fmts = ("%b %Y", "%B %Y")
    producer = "Unity SFB Statement"
    patterns = ("small_finance_bank", "ordinal_date", "bank_not_in_catalogue")

    def d(self, day):
        return "%s %s" % (ordinal(day.day), fmt_date(day, self.date_fmts[self.v % 2])) if day else ""

    def table(self):
        return [Col("date", ["Txn Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Narration"], wrap=True),
                Col("chq", ["Cheque/Ref No"]), Col("dr", ["Withdrawal"], "r"), Col("cr", ["Deposit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Unity Small Finance Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class Barclays(Probe6):
    """Barclays Bank's Indian arm (the catalogue does not list it): the balance's side before the
    number (`CR 12,345.00`, `DR 1,200.00`), `Payments` and `Receipts` columns, `07-Dec-2026`."""
    bank_key = "barclays"
    narr_style = "private"
    date_fmts = ("%d-%b-%Y", "%d %b %Y")
    producer = "Barclays Bank India Statement"
    patterns = ("foreign_bank_india", "balance_side_before_number", "bank_not_in_catalogue")

    def bal(self, paise):
        return ("DR " if paise < 0 else "CR ") + money(abs(paise), self.group)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Narrative"], wrap=True), Col("chq", ["Cheque No"]),
                Col("dr", ["Payments"], "r"), Col("cr", ["Receipts"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Barclays Bank PLC - India", "Account Statement"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d-%b-%Y"))])


class BofA(Probe6):
    """Bank of America's Indian arm (the catalogue does not list it), a corporate current account:
    American month-first dates (`12/07/2026` is 7 December), also in the period line."""
    bank_key = "boa"
    narr_style = "private"
    date_fmts = ("%m/%d/%Y", "%m-%d-%Y")
    producer = "BofA CashPro Statement"
    patterns = ("foreign_bank_india", "month_first_date", "bank_not_in_catalogue")

    @classmethod
    def probe_spec(cls, seed, i):
        return {"corporate": True}

    def d(self, day):
        return fmt_date(day, self.date_fmts[self.v % 2]) if day else ""

    def table(self):
        return [Col("date", ["Posting Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Customer Reference"]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bank of America, N.A. - India", "Account Statement (MM/DD/YYYY)"],
                                    [("Account Number", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.d(st.start) + " to " + self.d(st.end))])


class SBBJ(Probe6):
    """State Bank of Bikaner and Jaipur (merged into SBI in 2017; the catalogue does not list it),
    statements of 2015-2016: dates as `07DEC16` (day, month letters, two-digit year, no
    separator), the SBI-era column words."""
    bank_key = "sbbj"
    narr_style = "psu"
    date_fmts = ("%d%b%y",)
    era = (2015, 2016)
    producer = "SBBJ Core Banking"
    patterns = ("merged_bank_era", "compact_month_date", "two_digit_year", "bank_not_in_catalogue")

    def d(self, day):
        return fmt_date(day, "%d%b%y").upper() if day else ""

    def table(self):
        return [Col("date", ["Txn Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Ref No./Cheque No."]), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["STATE BANK OF BIKANER AND JAIPUR", "Account Statement"],
                                    [("Account Number", st.acct), ("IFS Code", st.ifsc), ("MICR Code", st.micr),
                                     ("Period", self.period("%d-%m-%Y"))])


class KGB(Probe6):
    """Kerala Gramin Bank, a regional rural bank: a Kisan Credit Card account, overdrawn most or
    all of the period, the balance printed with a minus (`-1,23,456.00`) and no Dr/Cr."""
    bank_key = "kgb"
    narr_style = "psu"
    date_fmts = ("%d-%m-%Y", "%d/%m/%Y")
    producer = "KGB CBS"
    patterns = ("regional_rural_bank", "credit_card_account_overdrawn", "negative_balance_minus")

    @classmethod
    def probe_spec(cls, seed, i):
        return {"od_limit": (300000 + 100000 * (i % 3)) * 100, "opening": -(150000 + 23457 * (seed + i)) * 100 - 37}

    def bal(self, paise):
        return money(paise, self.group)

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Kerala Gramin Bank", "(Sponsored by Canara Bank)",
                                           "KCC Account Statement"],
                                    [("KCC A/c No", st.acct), ("Limit", money(st.od_limit)), ("IFSC", st.ifsc),
                                     ("MICR", st.micr), ("Period", self.period())], left=self.name_address_pairs())


class Bassein(Probe6):
    """Bassein Catholic Co-operative Bank: one Amount column whose direction is a `+` or `-` in a
    column of its own after it (odd variants: `1,234.00 (-)` / `1,234.00 (+)` in the cell)."""
    bank_key = "bassein"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "BCCB Statement"
    patterns = ("cooperative_bank", "amount_sign_mark")

    def table(self):
        cols = [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                Col("amt", ["Amount"], "r")]
        if self.v % 2 == 0:
            cols.append(Col("sign", ["+/-"], "c"))
        return cols + [Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        mark = "+" if e.credit else "-"
        c["amt"] = self.amt(e.amount) + ("" if self.v % 2 == 0 else " (%s)" % mark)
        c["sign"] = mark
        return c

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["Bassein Catholic Co-operative Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))], left=self.name_address_pairs())


class MSCB(Probe6):
    """The Maharashtra State Co-operative Bank: the narrations right-aligned in their column
    (a report writer's alignment), each wrapped line flush right."""
    bank_key = "mscb"
    narr_style = "psu"
    date_fmts = ("%d/%m/%Y", "%d.%m.%Y")
    producer = "MSC Bank Reports"
    patterns = ("state_cooperative_bank", "narration_right_aligned")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], "r", wrap=True), Col("chq", ["Instrument No"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["The Maharashtra State Co-operative Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))])


class UTI(Probe6):
    """Axis Bank when it was UTI Bank (until 2007; IFSC prefix UTIB then as now), statements of
    2005-2006: now and then a debit undone on the same day by a `REV:` row for the same amount
    (a failed transfer reversed), so two rows of one amount and one day cancel out."""
    bank_key = "uti"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y",)
    era = (2005, 2006)
    producer = "UTI Bank Statement"
    patterns = ("bank_renamed_era", "reversal_rows")

    @staticmethod
    def prepare(st, rng):
        out = []
        for e in st.events:
            out.append(e)
            if not e.credit and e.kind not in ("interest", "gst", "sms_charge") and rng.random() < 0.12:
                r = model.Event(e.date, "reversal", e.amount, True)
                r.value_date = e.value_date
                r.narration = ("REV: " + e.narration)[:60]
                r.chq = e.chq
                out.append(r)
        bal = st.opening
        for e in out:
            bal += e.amount if e.credit else -e.amount
            e.balance = bal
        st.events = out
        st.closing = out[-1].balance if out else st.opening

    def table(self):
        return [Col("date", ["Tran Date"]), Col("chq", ["Chq No"]), Col("narr", ["Particulars"], wrap=True),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["UTI Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())], left=self.name_address_pairs())


class Vysya(Probe6):
    """ING Vysya Bank (merged into Kotak Mahindra Bank in 2015; the catalogue does not list it),
    statements of 2012-2014: the amount and balance columns labelled `Dr`, `Cr` and `Bal` only."""
    bank_key = "vysya"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d/%m/%y")
    era = (2012, 2013, 2014)
    producer = "ING Vysya e-Statement"
    patterns = ("merged_bank_era", "short_amount_labels", "bank_not_in_catalogue")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq No"]),
                kept(Col("dr", ["Dr"], "r")), kept(Col("cr", ["Cr"], "r")), kept(Col("bal", ["Bal"], "r"))]

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["ING Vysya Bank Ltd.", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period())])


class AirtelApp(Probe6):
    """Airtel Payments Bank's app statement (a newer print than the browser one, family airtel):
    dates with the weekday (`Mon, 07 Dec 2026`), the mobile number as the account number."""
    bank_key = "airtel"
    narr_style = "wallet"
    date_fmts = ("%a, %d %b %Y", "%A, %d %b %Y")
    producer = "Airtel Thanks App"
    prints = ("name", "account_number", "ifsc")
    patterns = ("payments_bank", "weekday_date")

    def d(self, day):
        return fmt_date(day, self.date_fmts[self.v % 2]) if day else ""

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Reference Number"]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st = self.st
        y = self.letterhead(R, ["Airtel Payments Bank", "Account Statement"])
        if n > 1:
            return y
        y = self.kv(R, R.margin, y, [("Name", self.h.name), ("Account Number", st.acct), ("IFSC", st.ifsc),
                                     ("Statement Period", self.d(st.start) + " - " + self.d(st.end))])
        return y - R.lead


class APGVB(Probe6):
    """Andhra Pradesh Grameena Vikas Bank's passbook print: the column labels are printed on the
    passbook's paper, not by the printer, so the PDF copy has none on any page; the account lines
    at the top of the first page only, Courier, no digit grouping."""
    bank_key = "apgvb"
    narr_style = "psu"
    needs_font = "Courier"
    group = "none"
    date_fmts = ("%d/%m/%Y", "%d-%m-%Y")
    producer = "Passbook Printer Utility"
    prints = ("name", "account_number", "ifsc")
    patterns = ("regional_rural_bank", "passbook_print", "no_column_labels")

    def header_on_page(self, n):
        return False

    def table(self):
        return [Col("date", ["DATE"]), Col("narr", ["PARTICULARS"], wrap=True), Col("chq", ["CHQ NO"]),
                Col("dr", ["WITHDRAWALS"], "r"), Col("cr", ["DEPOSITS"], "r"), Col("bal", ["BALANCE"], "r")]

    def page_header(self, R, n):
        st = self.st
        top = R.H - R.margin - 10
        if n > 1:
            return top
        R.text(R.margin, top, "ANDHRA PRADESH GRAMEENA VIKAS BANK", bold=True)
        y = top - R.lead
        R.text(R.margin, y, "A/C NO: %s   NAME: %s" % (st.acct, self.printed_name().upper()))
        y -= R.lead
        R.text(R.margin, y, "IFSC: %s   PERIOD: %s" % (st.ifsc, self.period(self.date_fmt, " - ")))
        return y - 2 * R.lead

    def footer_lines(self):
        return []


class MUFG(Probe6):
    """MUFG Bank's Indian arm (the catalogue does not list it): one signed Amount column, the
    debits with a typographic minus (U+2212, `−1,234.00`), not a hyphen."""
    bank_key = "mufg"
    narr_style = "private"
    needs_font = "DejaVu"  # the minus sign
    date_fmts = ("%d/%m/%Y", "%d-%b-%Y")
    producer = "MUFG Bank India e-Statement"
    patterns = ("foreign_bank_india", "unicode_minus", "signed_amount", "bank_not_in_catalogue")

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Reference"]),
                Col("amt", ["Amount"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["amt"] = ("" if e.credit else "\u2212") + self.amt(e.amount)
        return c

    def bal(self, paise):
        return ("\u2212" if paise < 0 else "") + money(abs(paise), self.group)

    def page_header(self, R, n):
        st = self.st
        return self.standard_header(R, n, ["MUFG Bank, Ltd. - India Branches", "Statement of Account"],
                                    [("Account No", st.acct), ("IFSC", st.ifsc), ("MICR", st.micr),
                                     ("Period", self.period("%d/%m/%Y"))])


LAYOUTS = {"nsdl": NSDL, "unity": Unity, "barclays": Barclays, "boa": BofA, "sbbj": SBBJ, "kgb": KGB,
           "bassein": Bassein, "mscb": MSCB, "uti": UTI, "vysya": Vysya, "airtel_app": AirtelApp, "apgvb": APGVB,
           "mufg": MUFG}
