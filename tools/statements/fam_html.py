"""Families printed from HTML by Chromium (chromium.py): SBI's net-banking page printed from the
browser, Airtel Payments Bank, DBS Bank India, and an account-aggregator (AA) report."""
import banks
import chromium
import model
from chromium import esc, table_html
from family import Family
from layouts import fmt_date, money
from render import Col


class HtmlFamily(Family):
    valign = "middle"   # a browser centres table cells vertically
    css = ""
    margin_boxes = ""
    producer = "Skia/PDF"

    @property
    def html_valign(self):
        return self.valign

    def html(self):
        st = self.st
        body = [self.html_header(), table_html(self.columns(), self.rows()), self.html_after()]
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>%s</style></head>'
                '<body>%s</body></html>' % (esc(self.title()), chromium.page_css(st, self), "\n".join(body)))

    def title(self):
        return "Account Statement"

    def html_after(self):
        return ""

    def kv_html(self, pairs):
        return '<table class="kv">%s</table>' % "".join(
            "<tr><td>%s</td><td>%s</td></tr>" % (esc(k), esc(v)) for k, v in pairs)

    def summary_html(self, title="Account Summary"):
        dr, cr, _, _ = self.totals()
        heads = ["Opening Balance", "Total Debits", "Total Credits", "Closing Balance"]
        vals = [self.bal(self.st.opening), self.amt(dr), self.amt(cr), self.bal(self.st.closing)]
        return ('<h3>%s</h3><table class="summary"><tr>%s</tr><tr>%s</tr></table>' % (
            esc(title), "".join("<th>%s</th>" % esc(h) for h in heads), "".join("<td>%s</td>" % esc(v) for v in vals)))


class SBIPrint(HtmlFamily):
    """SBI's net-banking account statement page printed from the browser: the page's URL and the
    print time in the page margins, the table header repeated on each page, cells centred."""
    bank_key = "sbi"
    narr_style = "sbi"
    date_fmts = ("%d %b %Y", "%d-%m-%Y")
    patterns = ("browser_print", "html_chromium")
    css = "td { border-bottom: 0.5pt solid #bbb; } th { border-bottom: 1pt solid #333; background: #e8eef8; }"

    @property
    def margin_boxes(self):
        when = fmt_date(self.st.generated, "%d/%m/%Y, %H:%M")
        return ('@top-left { content: "%s"; font-size: 7pt; } @top-center { content: "State Bank of India"; '
                'font-size: 7pt; } @bottom-left { content: "https://retail.onlinesbi.sbi/retail/'
                'accountstatement.htm"; font-size: 7pt; } @bottom-right { content: counter(page) "/" '
                'counter(pages); font-size: 7pt; }' % when)

    def table(self):
        return [Col("date", ["Txn Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Ref No./Cheque No."], wrap=True), Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"),
                Col("bal", ["Balance"], "r")]

    def html_header(self):
        st, h = self.st, self.h
        title = {"MR": "Mr. ", "MS": "Ms. ", "MRS": "Mrs. "}.get(h.title, "M/S ")
        pairs = [("Account Name", ": " + title + h.name), ("Address", ": " + h.address_lines[0])] + \
            [("", "  " + a) for a in h.address_lines[1:]] + [
            ("Account Number", ": " + st.acct), ("Account Description", ": REGULAR SB CHQ-INDIVIDUALS"),
            ("Branch", ": " + h.branch), ("IFS Code", ": " + st.ifsc), ("MICR Code", ": " + st.micr),
            ("Balance as on " + fmt_date(st.start, "%d %b %Y"), ": " + money(st.opening))]
        return ("<h1>Account Statement</h1>" + self.kv_html(pairs) +
                "<p><b>Account Statement from %s to %s</b></p>" % (fmt_date(st.start, "%d %b %Y"),
                                                                  fmt_date(st.end, "%d %b %Y")))


class Airtel(HtmlFamily):
    """Airtel Payments Bank: the account number is the mobile number, rupee signs in the column
    words, Transaction ID column, rows in the app's card-like style."""
    bank_key = "airtel"
    narr_style = "wallet"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    prints = ("name", "account_number", "ifsc", "address")
    patterns = ("html_chromium", "detail_block", "currency_symbol")
    css = "tr.txn td { border-bottom: 0.5pt solid #ddd; } th { background: #e40000; color: #fff; }"

    def table(self):
        return [Col("date", ["Date"]), Col("tranid", ["Transaction ID"]), Col("narr", ["Description"], wrap=True),
                Col("dr", ["Debit (\u20b9)"], "r"), Col("cr", ["Credit (\u20b9)"], "r"),
                Col("bal", ["Balance (\u20b9)"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["tranid"] = "%d" % (10 ** 11 + (int(self.st.acct[-6:]) * 31 + 7919 * i) % (9 * 10 ** 11))
        return c

    def html_header(self):
        st, h = self.st, self.h
        return ("<h1>airtel payments bank</h1><p>Savings Account Statement</p>" + self.kv_html([
            ("Name", h.name), ("Address", ", ".join(h.address_lines)), ("Account Number", st.acct),
            ("IFSC", st.ifsc), ("Statement Period", self.period("%d-%m-%Y", " to "))]) + "<br>")

    def html_after(self):
        return self.summary_html()


class DBS(HtmlFamily):
    """DBS Bank India (digibank): debits printed as negative numbers in the Debit column, a
    Running Balance, the account details in a grid."""
    bank_key = "dbs"
    narr_style = "private"
    date_fmts = ("%d-%b-%Y", "%d/%m/%Y")
    patterns = ("html_chromium", "negative_debit", "account_in_grid")
    css = "thead th { border-top: 1pt solid #000; border-bottom: 1pt solid #000; } .grid th, .grid td " \
          "{ text-align: left; padding: 1pt 8pt 1pt 0; }"

    def table(self):
        return [Col("date", ["Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Transaction Details"], wrap=True),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Running Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        if not e.credit:
            c["dr"] = "-" + money(e.amount)
        return c

    def html_header(self):
        st, h = self.st, self.h
        heads = ["Account Number", "Account Type", "Currency", "IFSC", "MICR"]
        vals = [st.acct, "Savings", "INR", st.ifsc, st.micr]
        return ("<h1>DBS</h1><p>DBS Bank India Limited &nbsp; Consolidated Statement</p><p><b>%s</b><br>%s</p>"
                '<table class="grid"><tr>%s</tr><tr>%s</tr></table><p>Statement period: %s</p>' % (
                    esc(h.name), "<br>".join(esc(a) for a in h.address_lines),
                    "".join("<th>%s</th>" % esc(x) for x in heads), "".join("<td>%s</td>" % esc(x) for x in vals),
                    esc(self.period("%d-%b-%Y", " to "))))

    def html_after(self):
        return self.summary_html()


AA_BANKS = ["canara", "federal", "idfc", "yes", "union", "pnb", "indusind", "au"]
MODES = {"upi_out": "UPI", "upi_in": "UPI", "upi_merchant": "UPI", "atm": "ATM", "pos": "CARD", "pg": "CARD",
         "cash_dep": "CASH", "emi": "OTHERS", "chq_in": "CHEQUE", "chq_out": "CHEQUE"}


class AAExport(HtmlFamily):
    """An account-aggregator report as an FIU's app prints it: the FIP's data (ReBIT deposit
    schema) laid out as Profile, Summary and Transactions: ISO timestamps with the time and zone
    as the transaction date, a masked account number, DEBIT/CREDIT in a Type column."""
    narr_style = "private"
    date_fmts = ("%Y-%m-%d",)
    prints = ("name", "account_number", "ifsc", "micr", "address")
    patterns = ("aa_export", "html_chromium", "iso_date", "drcr_column", "masked_account")
    css = "th, td { border: 0.5pt solid #999; } h2 { font-size: 10pt; margin: 8pt 0 2pt 0; }"

    @staticmethod
    def prepare(st, rng):
        key = rng.choice(AA_BANKS)
        b = banks.BANKS[key]
        st.aa_bank = key
        st.style["page"] = "A4-landscape"  # the report's wide transaction table
        digits = b.account_number(rng)
        st.acct = "X" * (len(digits) - 4) + digits[-4:]
        st.ifsc = banks.ifsc(key, rng)
        st.micr = st.holder.micr_city + b.micr + model.rand_digits(rng, 3)
        st.pan = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5)) + model.rand_digits(rng, 4) + \
            rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")

    def __init__(self, st):
        super().__init__(st)
        b = banks.BANKS[st.aa_bank]
        self.bank, self.bname = b.catalogue, b.name

    def table(self):
        return [Col("tranid", ["Txn ID"]), Col("date", ["Transaction Timestamp"]), Col("vdate", ["Value Date"]),
                Col("mode", ["Mode"], "c"), Col("drcr", ["Type"], "c"), Col("amt", ["Amount"], "r"),
                Col("bal", ["Current Balance"], "r"), Col("narr", ["Narration"], wrap=True),
                Col("chq", ["Reference"])]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        secs = (int(self.st.acct[-4:]) * 13 + 3677 * i) % 50000 + 25000
        c["date"] = "%sT%02d:%02d:%02d+05:30" % (e.date.isoformat(), secs // 3600, secs // 60 % 60, secs % 60)
        c["tranid"] = "M%d" % (10 ** 9 + (int(self.st.acct[-4:]) * 97 + 104729 * i) % (9 * 10 ** 9))
        c["mode"] = MODES.get(e.kind, "FT")
        c["drcr"] = "CREDIT" if e.credit else "DEBIT"
        c["amt"] = "%.2f" % (e.amount / 100)
        c["bal"] = "%.2f" % (e.balance / 100)
        return c

    def title(self):
        return "Financial Information Report"

    def html_header(self):
        st, h = self.st, self.h
        profile = [("Name", h.name), ("Date of Birth", h.dob.isoformat()), ("Mobile", "XXXXXX" + h.phone[-4:]),
                   ("Email", h.email[:2] + "XXXXX@gmail.com"), ("PAN", st.pan),
                   ("Address", ", ".join(h.address_lines)), ("CKYC Compliance", "true")]
        summary = [("FIP", self.bname), ("Account Type", "DEPOSIT / SAVINGS"), ("Masked Account Number", st.acct),
                   ("IFSC Code", st.ifsc), ("MICR Code", st.micr), ("Branch", h.branch),
                   ("Opening Date", st.opened.isoformat()), ("Status", "ACTIVE"), ("Currency", "INR"),
                   ("Current Balance", "%.2f" % (st.closing / 100))]
        return ("<h1>Financial Information Report</h1><p>Consent handle %s via Account Aggregator. Data "
                "as shared by the Financial Information Provider.</p><h2>Profile</h2>%s<h2>Summary</h2>%s"
                "<h2>Transactions (%s to %s)</h2>" % (
                    "%08x-4b1e-4c2a-9d3e-%012x" % (int(st.acct[-4:]) * 7919, int(h.cust_id) * 31),
                    self.kv_html(profile), self.kv_html(summary), st.start.isoformat(), st.end.isoformat()))


LAYOUTS = {"sbi_print": SBIPrint, "airtel": Airtel, "dbs": DBS, "aa_export": AAExport}
