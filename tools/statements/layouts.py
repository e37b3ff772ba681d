"""Bank layouts: what each bank prints around and in its transaction table.

A layout knows its header block, column set (order and header words), date and amount formats,
special rows (opening balance, totals, closing balance), footer and summary, and the identity it
prints (which is the ground truth). Variants inside a bank are picked by st.variant.
"""
from render import Col, Row

GEN_TIME = "10:22:15"


def money(paise, group="indian", dec=2, strip=False):
    """Rupees as a bank prints them: 1,23,456.78 (indian), 123,456.78 (western) or 123456.78."""
    neg = paise < 0
    p = abs(paise)
    rup, frac = divmod(p, 100)
    s = str(rup)
    if group == "indian" and len(s) > 3:
        head, tail = s[:-3], s[-3:]
        parts = []
        while len(head) > 2:
            parts.insert(0, head[-2:])
            head = head[:-2]
        if head:
            parts.insert(0, head)
        s = ",".join(parts) + "," + tail
    elif group == "western" and len(s) > 3:
        s = "{:,}".format(rup)
    f = "%02d" % frac
    if strip:
        f = f.rstrip("0")
    out = s + ("." + f if f else "")
    return ("-" + out) if neg else out


def fmt_date(d, fmt):
    """strftime with %-d and %-m (no padding) supported portably."""
    s = d.strftime(fmt.replace("%-d", "{D}").replace("%-m", "{M}"))
    return s.replace("{D}", str(d.day)).replace("{M}", str(d.month))


class Layout:
    bank = None
    valign = "top"          # single-line cells of a wrapped row: top (narration runs below the
    #                         date line), middle (centred: narration above and below), bottom (above)
    order = "oldest"        # "newest": the latest transaction printed first
    balance_rows = "all"    # "day_end": a balance printed only on the last transaction of each day
    detail_small = False    # detail lines under a row (after a newline in the narration) in a smaller font
    page_totals = False
    carry_forward = False
    row_rules = False       # a thin rule under every row (a ruled table)
    row_shading = False     # every second transaction row on a light fill
    col_rules = False       # vertical rules between the columns
    two_up = False          # the table printed in two halves of the page side by side (render.py)
    probe = False           # a probe family (fam_probe.py): only in the probe set
    producer = "ReportLab PDF Library - www.reportlab.com"
    creator = None
    date_fmt = "%d/%m/%Y"
    group = "indian"
    prints = ("name", "account_number", "ifsc", "micr", "address")  # identity fields the page shows
    patterns = ()           # the issue-10 patterns this layout exercises (truth generator.patterns)

    def __init__(self, st):
        self.st, self.h, self.o = st, st.holder, st.style
        self.v = st.variant

    # ----- printed identity (ground truth) -----
    def identity(self):
        h = self.h
        full = {"name": h.name, "account_number": self.st.acct, "ifsc": self.st.ifsc, "micr": self.st.micr,
                "address": ", ".join(h.address_lines)}
        out = {k: (v if k in self.prints else None) for k, v in full.items()}
        out["account_category"] = "corporate" if h.corporate else "individual"
        return out

    def pattern_tags(self):
        """The patterns this statement exercises (truth generator.patterns, compare.py per pattern)."""
        tags = set(self.patterns) | set(self.variant_patterns())
        spec = self.st.spec
        for cond, tag in ((self.order == "newest", "newest_first"),
                          (self.valign == "middle", "narration_centred_vertically"),
                          (self.valign == "bottom", "narration_above"),
                          (self.balance_rows == "day_end", "rows_without_balance"),
                          (self.carry_forward, "bf_reprint"),
                          (self.two_up, "two_tables_side_by_side"),
                          (spec.get("second_account"), "multi_account"),
                          (spec.get("summary_new_page"), "summary_new_page"),
                          (getattr(self.st, "split_rows", 0), "page_break_split"),
                          (spec.get("post") == "cairo", "producer_cairo"),
                          (spec.get("post") == "mutool", "producer_mutool"),
                          ("ifsc" not in self.prints, "no_ifsc_printed")):
            if cond:
                tags.add(tag)
        tags.update("quirk_" + q for q in spec.get("quirks") or ())  # how the producer drew it (quirks.py)
        return sorted(tags)

    def variant_patterns(self):
        return ()

    @classmethod
    def first_rows_one_side(cls, spec):
        """(credit, n): the statement's first n transactions all credits (True) or all debits, so
        that its first page prints nothing under the other side's label; None: as they fall."""
        return None

    def other_accounts(self):
        """Other accounts printed in the same PDF (truth other_accounts): none by default."""
        return []

    def printed_name(self):
        return self.h.title + " " + self.h.name if self.h.title else self.h.name

    # ----- formats -----
    def d(self, day):
        return fmt_date(day, self.date_fmt) if day else ""

    def amt(self, paise):
        return money(paise, self.group)

    def bal(self, paise):
        return money(paise, self.group)

    # ----- rows -----
    def rows(self):
        return self.opening_rows() + [self.txn_row(e, i) for i, e in enumerate(self.printed_events())] \
            + self.closing_rows()

    def printed_events(self):
        """The events in the order the statement prints them."""
        return self.st.events[::-1] if self.order == "newest" else list(self.st.events)

    def shows_balance(self, e):
        """Whether e's row prints its balance (day_end: only the day's last transaction)."""
        if self.balance_rows != "day_end":
            return True
        if not hasattr(self, "_day_end"):
            last = {}
            for x in self.st.events:
                last[x.date] = x
            self._day_end = {id(x) for x in last.values()}
        return id(e) in self._day_end

    def opening_rows(self):
        return []

    def closing_rows(self):
        return []

    def txn_cells(self, e, i):
        return {"date": self.d(e.date), "vdate": self.d(e.value_date), "narr": e.narration,
                "chq": self.printed_chq(e) or "", "dr": "" if e.credit else self.amt(e.amount),
                "cr": self.amt(e.amount) if e.credit else "",
                "bal": self.bal(e.balance) if self.shows_balance(e) else "",
                "sno": str(i + 1)}

    def txn_row(self, e, i):
        return Row(self.txn_cells(e, i), event=e)

    def printed_chq(self, e):
        """What the Chq/Ref column prints for e (None: blank)."""
        return e.chq

    def prints_chq(self):
        return any(c.key == "chq" for c in self.columns())

    def prints_value_date(self):
        return any(c.key == "vdate" for c in self.columns())

    # ----- page furniture -----
    def header_on_page(self, n):
        return True

    def doc_info(self, c):
        info = c._doc.info
        info.producer = self.st.producer_override or self.producer
        info.creator = self.st.producer_override or self.creator or self.producer
        info.author = self.st.author if hasattr(self.st, "author") else ""
        info.title = "Statement of Account"
        info.subject = ""
        gen = self.st.generated
        stamp = "D:%s+05'30'" % gen.strftime("%Y%m%d%H%M%S")
        info._dateFormatter = lambda *a: stamp

    def footer_lines(self):
        return []

    def footer_size(self, R):
        """Footer font: one point below the body, smaller still if a line would leave the page."""
        size = R.size - 1
        widest = max([R.width(x, size=size) for x in self.footer_lines()] + [1])
        return min(size, size * (R.W - 2 * R.margin) / widest)

    def footer_height(self, R):
        return len(self.footer_lines()) * self.footer_size(R) * 1.2 + R.lead

    def footer(self, R, n, total):
        size = self.footer_size(R)
        y = R.margin + len(self.footer_lines()) * size * 1.2
        for line in self.footer_lines():
            R.text(R.margin, y, line.replace("{n}", str(n)).replace("{N}", str(total)), size=size)
            y -= size * 1.2

    def after_table(self, R):
        pass

    def page_total_row(self, R, y):
        """The 'Page Total' line under a page's rows (drawn only when page_totals is set): the
        page's debits and credits in their columns."""
        if not R.page_rows:
            return
        cells = {"narr": "Page Total", "dr": self.amt(R.page_dr), "cr": self.amt(R.page_cr)}
        for col in R.cols:
            R.draw_cell(col, y, cells.get(col.key, ""), bold=True)

    def carry_row(self, R, y, kind):
        return y

    def totals(self):
        dr = sum(e.amount for e in self.st.events if not e.credit)
        cr = sum(e.amount for e in self.st.events if e.credit)
        ndr = sum(1 for e in self.st.events if not e.credit)
        return dr, cr, ndr, len(self.st.events) - ndr


# --------------------------------------------------------------------------------------------
class HDFC(Layout):
    bank = "hdfc"
    producer = "iText 2.1.7 by 1T3XT"
    date_fmt = "%d/%m/%y"

    def __init__(self, st):
        super().__init__(st)
        self.group = "none" if self.v % 4 == 3 else "indian"

    def columns(self):
        two = self.v % 4 == 2  # narrow print: header words stacked on two lines
        return [Col("date", ["Date"]), Col("narr", ["Narration"], wrap=True),
                Col("chq", ["Chq./Ref.No."]), Col("vdate", ["Value Dt"]),
                Col("dr", ["Withdrawal", "Amt."] if two else ["Withdrawal Amt."], "r"),
                Col("cr", ["Deposit", "Amt."] if two else ["Deposit Amt."], "r"),
                Col("bal", ["Closing", "Balance"] if two else ["Closing Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        R.text(R.margin, top - 10, "HDFC BANK", bold=True, size=R.size + 8)
        R.text(R.margin, top - 20, "We understand your world", size=R.size - 1)
        R.text(R.W - R.margin, top - 10, "Page No .: %d" % n, align="r")
        y = top - 40
        left = [self.printed_name()] + h.address_lines + ["", "JOINT HOLDERS :" + (" " + h.joint if h.joint else ""), "", "Nomination : Registered",
                                                          "Statement From : %s To : %s" % (
                                                              st.start.strftime("%d/%m/%Y"),
                                                              st.end.strftime("%d/%m/%Y"))]
        yl = y
        for i, line in enumerate(left):
            R.text(R.margin, yl, line, bold=(i == 0))
            yl -= R.lead
        x2 = R.W / 2 + 10
        pairs = [("Account Branch", h.branch), ("Address", st.branch_addr), ("City", h.city),
                 ("State", h.state), ("Phone no.", "18002026161"),
                 ("OD Limit", money(st.od_limit, "none") + "   Currency : INR"),
                 ("Email", h.email[:2].upper() + "*****@GMAIL.COM"), ("Cust ID", h.cust_id),
                 ("Account No", st.acct + "   " + ("PRIME" if st.variant == 1 else "OTHER")),
                 ("A/C Open Date", st.opened.strftime("%d/%m/%Y")), ("Account Status", "Regular"),
                 ("RTGS/NEFT IFSC", st.ifsc + "   MICR : " + st.micr),
                 ("Branch Code", h.branch_code + "   Product Code : 100")]
        yr = R.kv_block(x2, y, pairs, label_w=R.width("RTGS/NEFT IFSC") + 8)
        return min(yl, yr) - R.lead

    def footer_lines(self):
        return ["HDFC BANK LIMITED",
                "*Closing balance includes funds earmarked for hold and uncleared funds",
                "Contents of this statement will be considered correct if no error is reported within 30 days of "
                "receipt of statement.",
                "The address on this statement is that on record with the Bank as at the day of requesting this "
                "statement.",
                "State account branch GSTN:27AAACH2702H1Z9",
                "HDFC Bank GSTIN number details are available at "
                "https://www.hdfcbank.com/personal/making-payments/online-payments/gst-details.",
                "Registered Office Address: HDFC Bank House,Senapati Bapat Marg,Lower Parel,Mumbai 400013"]

    def after_table(self, R):
        R.ensure_space(6 * R.lead)
        dr, cr, ndr, ncr = self.totals()
        y = R.y - R.lead
        R.text(R.margin, y, "STATEMENT SUMMARY :-", bold=True)
        y -= R.lead * 1.5
        heads = ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"]
        vals = [self.bal(self.st.opening), str(ndr), str(ncr), self.amt(dr), self.amt(cr), self.bal(self.st.closing)]
        step = (R.W - 2 * R.margin) / 6
        for i, (hd, v) in enumerate(zip(heads, vals)):
            R.text(R.margin + step * (i + 1) - 6, y, hd, bold=True, align="r")
            R.text(R.margin + step * (i + 1) - 6, y - R.lead, v, align="r")
        y -= 3 * R.lead
        gen = self.st.generated
        R.text(R.margin, y, "Generated On: %s Generated By: %s Requesting Branch Code: NET" % (
            gen.strftime("%d/%m/%Y %H:%M:%S"), self.h.cust_id))
        R.text(R.margin, y - R.lead, "This is a computer generated statement and does not require signature.")
        R.y = y - 2 * R.lead


# --------------------------------------------------------------------------------------------
class SBI(Layout):
    bank = "sbi"
    producer = "Oracle BI Publisher 11.1.1.9.0"
    patterns = ("printed_opening",)

    def __init__(self, st):
        super().__init__(st)
        self.date_fmt = ["%-d %b %Y", "%d-%m-%Y", "%d %b %Y"][self.v % 3]

    def columns(self):
        return [Col("date", ["Txn Date"]), Col("vdate", ["Value", "Date"]),
                Col("narr", ["Description"], wrap=True),
                Col("chq", ["Ref No./Cheque", "No."], wrap=True, wrap_w=self.o.get("ref_w", 78))] + \
            ([Col("br", ["Branch", "Code"], "c")] if self.v % 3 == 2 else []) + \
            [Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        # Older SBI statements print the branch that booked the row: digital rows come from 99xxx.
        c["br"] = self.h.branch_code if e.kind in ("cash_dep", "chq_in", "chq_out", "atm") else "99955"
        return c

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        if n > 1:
            return top - R.lead
        R.text(R.margin, top - 10, "State Bank of India", bold=True, size=R.size + 8)
        y = top - 34
        addr = h.address_lines
        title = {"MR": "Mr. ", "MS": "Ms. ", "MRS": "Mrs. "}.get(h.title, "M/S ")
        pairs = [("Account Name", title + h.name), ("Address", addr[0])] + [("", a) for a in addr[1:]] + [
            ("Date", fmt_date(st.generated, "%-d %b %Y")),
            ("Account Number", st.acct),
            ("Account Description", "REGULAR SB CHQ-INDIVIDUALS" if not h.corporate else "CA-GEN-PUB-OTH-ALL-ALL"),
            ("Branch", h.branch), ("Drawing Power", "0.00"), ("Interest Rate(% p.a.)", "2.7"),
            ("MOD Balance", "0.00"), ("CIF No.", st.cif), ("CKYCR Number", "XXXXXXXXXX" + st.cif[-4:]),
            ("IFS Code", st.ifsc), ("MICR Code", st.micr), ("Nomination Registered", "Yes"),
            ("Balance as on " + fmt_date(st.start, "%-d %b %Y"), money(st.opening))]
        lw = max(R.width(k) for k, _ in pairs) + 10
        for k, v in pairs:
            if k:
                R.text(R.margin, y, k)
                R.text(R.margin + lw, y, ":")
            R.text(R.margin + lw + 8, y, v)
            y -= R.lead
        y -= R.lead * 0.5
        R.text(R.margin, y, "Account Statement from %s to %s" % (fmt_date(st.start, "%-d %b %Y"),
                                                                 fmt_date(st.end, "%-d %b %Y")), bold=True)
        return y - 2 * R.lead

    def footer_lines(self):
        return ["Please do not share your ATM, Debit/Credit card number, PIN (Personal Identification Number) and "
                "OTP (One Time Password) with anyone",
                "over mail, SMS, phone call or any other media. Bank never asks for such information.",
                "**This is a computer generated statement and does not require a signature"]



# --------------------------------------------------------------------------------------------
def long_date(d):
    return d.strftime("%B %d, %Y")


class ICICI(Layout):
    """Variant 0/2: net-banking detailed statement (S No., Value Date before Transaction Date).
    Variant 1/3: monthly e-statement (DATE MODE** PARTICULARS DEPOSITS WITHDRAWALS BALANCE, B/F row)."""
    bank = "icici"
    producer = "iText 5.5.10 (c) 2000-2015 iText Group NV"

    def __init__(self, st):
        super().__init__(st)
        self.estatement = self.v % 2 == 1
        self.date_fmt = "%d-%m-%Y" if self.estatement else "%d/%m/%Y"
        # The detailed statement is an HTML table printed to PDF: variant 2 centres cells vertically.
        self.valign = "middle" if self.v % 4 == 2 else "top"

    def columns(self):
        if self.estatement:
            return [Col("date", ["DATE"]), Col("mode", ["MODE**"]), Col("narr", ["PARTICULARS"], wrap=True),
                    Col("cr", ["DEPOSITS"], "r"), Col("dr", ["WITHDRAWALS"], "r"), Col("bal", ["BALANCE"], "r")]
        return [Col("sno", ["S No."], "c"), Col("vdate", ["Value", "Date"]), Col("date", ["Transaction", "Date"]),
                Col("chq", ["Cheque", "Number"]), Col("narr", ["Transaction Remarks"], wrap=True),
                Col("dr", ["Withdrawal", "Amount (INR )"], "r"), Col("cr", ["Deposit", "Amount (INR )"], "r"),
                Col("bal", ["Balance (INR )"], "r")]

    def opening_rows(self):
        if not self.estatement:
            return []
        return [Row({"date": self.d(self.st.start), "narr": "B/F", "bal": self.bal(self.st.opening)}, kind="opening")]

    def closing_rows(self):
        if not self.estatement:
            return []
        dr, cr, _, _ = self.totals()
        return [Row({"narr": "TOTAL", "dr": self.amt(dr), "cr": self.amt(cr)}, kind="total", bold=True)]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        R.text(R.margin, top - 10, "ICICI Bank", bold=True, size=R.size + 8)
        if n > 1:
            return top - 34
        R.text(R.W - R.margin, top - 10, "DETAILED STATEMENT" if not self.estatement else "", bold=True,
               align="r")
        y = top - 34
        yl = y
        for i, line in enumerate([self.printed_name()] + h.address_lines):
            R.text(R.margin, yl, line, bold=(i == 0))
            yl -= R.lead
        x2 = R.W / 2 + 20
        yr = y
        for line in ["Your Base Branch: ICICI BANK LIMITED, %s" % h.branch, st.branch_addr + ", " + h.city,
                     "IFSC Code : %s" % st.ifsc, "MICR Code : %s" % st.micr, "Cust ID : %s" % h.cust_id]:
            R.text(x2, yr, line)
            yr -= R.lead
        y = min(yl, yr) - R.lead
        if self.estatement:
            dr, cr, _, _ = self.totals()
            R.text(R.margin, y, "ACCOUNT SUMMARY", bold=True)
            y -= R.lead * 1.3
            heads = ["Opening Balance", "Deposits", "Withdrawals", "Closing Balance"]
            vals = [self.bal(st.opening), self.amt(cr), self.amt(dr), self.bal(st.closing)]
            step = (R.W - 2 * R.margin) / 4
            for i, (hd, v) in enumerate(zip(heads, vals)):
                R.text(R.margin + step * i, y, hd, bold=True)
                R.text(R.margin + step * i, y - R.lead, v)
            y -= 2.6 * R.lead
            R.text(R.margin, y, "Statement of Transactions in Savings Account Number: %s in INR for the period "
                               "%s - %s" % (st.acct, long_date(st.start), long_date(st.end)), bold=True)
            return y - 2 * R.lead
        rows = [("Account Number", "%s ( INR ) - %s" % (st.acct, h.name)),
                ("Transaction Date from", "%s to %s" % (st.start.strftime("%d/%m/%Y"), st.end.strftime("%d/%m/%Y"))),
                ("Amount from", "-   to   -"), ("Cheque number from", "-   to   -"), ("Transaction remarks", "-"),
                ("Transaction type", "-")]
        lw = R.width("Transaction Date from", bold=True) + 12
        for k, v in rows:
            R.text(R.margin, y, k, bold=True)
            R.text(R.margin + lw, y, v)
            y -= R.lead
        y -= R.lead * 0.5
        R.text(R.margin, y, "Transactions List - %s (INR) - %s" % (h.name, st.acct), bold=True)
        return y - 2 * R.lead

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["mode"] = ""
        return c

    def footer_lines(self):
        return ["Page {n} of {N}"] if not self.estatement else \
            ["Please call from your registered mobile number. Never share your OTP, PIN or CVV with anyone.",
             "Page {n} of {N}"]

    def after_table(self, R):
        legends = ["Legends Used in Account Statement", "INF - Internet Fund Transfer", "ATM - ATM Withdrawal",
                   "BIL - Internet Bill Payment", "CLG - Cheque Clearing", "MMT - Mobile Money Transfer (IMPS)",
                   "NFS - Cash Withdrawal through other bank ATM", "VIN/VPS - Debit Card purchase"]
        R.ensure_space((len(legends) + 2) * R.lead)
        y = R.y - R.lead
        for i, line in enumerate(legends):
            R.text(R.margin, y, line, bold=(i == 0))
            y -= R.lead
        R.y = y


# --------------------------------------------------------------------------------------------
class Axis(Layout):
    bank = "axis"
    producer = "JasperReports Library version 6.4.3"

    def __init__(self, st):
        super().__init__(st)
        self.date_fmt = ["%d-%m-%Y", "%d-%m-%Y", "%d/%m/%Y"][self.v % 3]
        self.group = "none" if self.v % 4 == 3 else "indian"

    def columns(self):
        cols = [Col("date", ["Tran Date"]), Col("chq", ["Chq No"]), Col("narr", ["Particulars"], wrap=True),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]
        if self.v % 2 == 0:
            cols.append(Col("br", ["Init.", "Br"], "c"))
        return cols

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        c["br"] = self.h.branch_code if e.kind in ("cash_dep", "chq_in", "chq_out") else "248"
        return c

    def opening_rows(self):
        return [Row({"narr": "OPENING BALANCE", "bal": self.bal(self.st.opening)}, kind="opening")]

    def closing_rows(self):
        dr, cr, _, _ = self.totals()
        return [Row({"narr": "TRANSACTION TOTAL", "dr": self.amt(dr), "cr": self.amt(cr)}, kind="total", bold=True),
                Row({"narr": "CLOSING BALANCE", "bal": self.bal(self.st.closing)}, kind="closing", bold=True)]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        if n > 1:
            return top - R.lead
        R.text(R.W - R.margin, top - 10, "AXIS BANK", bold=True, size=R.size + 8, align="r")
        y = top - 30
        yl = y
        for i, line in enumerate([h.name, "Joint Holder :-" + (" " + h.joint if h.joint else "")] + h.address_lines):
            R.text(R.margin, yl, line, bold=(i == 0))
            yl -= R.lead
        pairs = [("Customer ID", h.cust_id), ("IFSC Code", st.ifsc), ("MICR Code", st.micr),
                 ("Nominee Registered", "Y"), ("Registered Mobile No", "XXXXXX" + h.phone[-4:]),
                 ("Registered Email ID", h.email[:2].upper() + "XXXXXX@GMAIL.COM"),
                 ("Scheme", "EASY ACCESS SAVINGS ACCOUNT" if not h.corporate else "CURRENT ACCOUNT - NORMAL"),
                 ("CKYC NUMBER", "XXXXXXXXXX" + st.cif[-4:])]
        yr = R.kv_block(R.W / 2 + 20, y, pairs, sep=" :")
        y = min(yl, yr) - R.lead
        R.text(R.W / 2, y, "Statement of Axis Account No :%s for the period (From : %s To : %s)" % (
            st.acct, st.start.strftime("%d-%m-%Y"), st.end.strftime("%d-%m-%Y")), bold=True, align="c")
        return y - 2 * R.lead

    def after_table(self, R):
        lines = ["Unless the constituent notifies the bank immediately of any discrepancy found by him/her in this "
                 "statement of Account,", "it will be taken that he/she has found the account correct.",
                 "The closing balance as shown/displayed includes not only the credit balance and/or overdraft "
                 "limit, but also funds", "which are under clearing.",
                 "REGISTERED OFFICE - AXIS BANK LTD,TRISHUL,Opp. Samartheswar Temple, Near Law Garden, "
                 "Ellisbridge, Ahmedabad . 380006.",
                 "This is a system generated output and requires no signature."]
        R.ensure_space((len(lines) + 2) * R.lead)
        y = R.y - R.lead
        for line in lines:
            R.text(R.margin, y, line, size=R.size - 0.5)
            y -= R.lead
        R.y = y


# --------------------------------------------------------------------------------------------
class Kotak(Layout):
    """Variant 0/2: classic statement, balances with a (Cr)/(Dr) suffix and an OPENING BALANCE row.
    Variant 1/3: newer statement with serial numbers (#) and dd Mon yyyy dates."""
    bank = "kotak"
    producer = "Crystal Reports"

    def variant_patterns(self):
        return ("balance_suffix",) if self.classic else ()

    def __init__(self, st):
        super().__init__(st)
        self.classic = self.v % 2 == 0
        self.date_fmt = "%d-%m-%Y" if self.classic else "%d %b %Y"

    def bal(self, paise):
        if not self.classic:
            return money(paise)
        return money(abs(paise)) + ("(Dr)" if paise < 0 else "(Cr)")

    def columns(self):
        if self.classic:
            return [Col("date", ["Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq/Ref No"]),
                    Col("dr", ["Withdrawal (Dr)"], "r"), Col("cr", ["Deposit (Cr)"], "r"),
                    Col("bal", ["Balance"], "r")]
        return [Col("sno", ["#"], "c"), Col("date", ["Date"]), Col("narr", ["Description"], wrap=True),
                Col("chq", ["Chq/Ref. No."]), Col("dr", ["Withdrawal (Dr.)"], "r"),
                Col("cr", ["Deposit (Cr.)"], "r"), Col("bal", ["Balance"], "r")]

    def opening_rows(self):
        return [Row({"date": self.d(self.st.start) if self.classic else "", "narr": "OPENING BALANCE",
                     "bal": self.bal(self.st.opening)}, kind="opening")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        R.text(R.margin, top - 10, "kotak", bold=True, size=R.size + 10)
        R.text(R.margin + R.width("kotak", True, R.size + 10) + 6, top - 10, "Kotak Mahindra Bank", size=R.size + 2)
        if n > 1:
            return top - 30
        R.text(R.W - R.margin, top - 10, "Account Statement", bold=True, size=R.size + 3, align="r")
        R.text(R.W - R.margin, top - 22, "%s - %s" % (st.start.strftime("%d %b %Y"), st.end.strftime("%d %b %Y")),
               align="r")
        y = top - 40
        yl = y
        for i, line in enumerate([h.name] + h.address_lines):
            R.text(R.margin, yl, line, bold=(i == 0))
            yl -= R.lead
        pairs = [("Account No.", st.acct), ("Period", "%s to %s" % (st.start.strftime("%d-%m-%Y"),
                                                                    st.end.strftime("%d-%m-%Y"))),
                 ("Currency", "INR"), ("Branch", h.branch), ("Nominee Registered", "Yes"), ("IFSC Code", st.ifsc),
                 ("MICR", st.micr), ("Cust.Reln.No.", "XXXX" + h.cust_id[-4:]),
                 ("Account Type", "Savings" if not h.corporate else "Current")]
        yr = R.kv_block(R.W / 2 + 30, y, pairs, sep="")
        return min(yl, yr) - R.lead

    def footer_lines(self):
        return ["Kotak Mahindra Bank Ltd. Regd. Office: 27 BKC, C 27, G Block, Bandra Kurla Complex, Bandra (E), "
                "Mumbai 400051. CIN: L65110MH1985PLC038137", "Page {n} of {N}"]

    def after_table(self, R):
        R.ensure_space(5 * R.lead)
        dr, cr, _, _ = self.totals()
        y = R.y - R.lead
        R.text(R.margin, y, "Statement Summary", bold=True)
        y -= R.lead * 1.4
        heads = ["Opening Balance", "Total Withdrawal", "Total Deposit", "Closing Balance"]
        vals = [self.bal(self.st.opening), self.amt(dr), self.amt(cr), self.bal(self.st.closing)]
        step = (R.W - 2 * R.margin) / 4
        for i, (hd, v) in enumerate(zip(heads, vals)):
            R.text(R.margin + step * i, y, hd, bold=True)
            R.text(R.margin + step * i, y - R.lead, v)
        R.y = y - 2 * R.lead


# --------------------------------------------------------------------------------------------
COOP_BANKS = [("SHREE SAMARTH SAHAKARI BANK LTD.", "XSSB", "Head Office : 112, Shivaji Road, Kolhapur 416002"),
              ("THE JANATA URBAN CO-OPERATIVE BANK LTD.", "XJUB", "Regd. Office : Janata Bhavan, Station Road, "
                                                                  "Satara 415001"),
              ("NAVJEEVAN NAGARI SAHAKARI BANK MARYADIT", "XNNB", "Head Office : Main Road, Jalna 431203")]


class Coop(Layout):
    """An unknown small cooperative bank: recognisable headers, amounts printed with 0, 1 or 2
    decimals, page totals, B/F and C/F lines, Opening/Closing Balance rows."""
    bank = None
    page_totals = True
    carry_forward = True
    producer = "Finacle Report Writer"
    patterns = ("page_totals",)

    def __init__(self, st):
        super().__init__(st)
        self.bank_name, _, self.office = COOP_BANKS[self.st.coop_index]
        self.date_fmt = ["%d/%m/%Y", "%d.%m.%y", "%d-%b-%Y", "%d/%m/%y", "%d-%b-%y"][
            (self.v + self.st.coop_index) % 5]
        self.group = "none" if self.v % 2 == 0 else "indian"

    def amt(self, paise):
        return money(paise, self.group, strip=True)

    bal = amt

    def columns(self):
        return [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Chq.No."]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def opening_rows(self):
        return [Row({"date": self.d(self.st.start), "narr": "Opening Balance", "bal": self.bal(self.st.opening)},
                    kind="opening")]

    def closing_rows(self):
        return [Row({"date": self.d(self.st.end), "narr": "Closing Balance", "bal": self.bal(self.st.closing)},
                    kind="closing", bold=True)]

    def account_type(self):
        return "SAVINGS" if not self.h.corporate else "CURRENT"

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        R.text(R.W / 2, top - 10, self.bank_name, bold=True, size=R.size + 5, align="c")
        R.text(R.W / 2, top - 21, self.office, align="c")
        R.text(R.W / 2, top - 34, "STATEMENT OF ACCOUNT", bold=True, size=R.size + 1, align="c")
        y = top - 50
        if n > 1:
            R.text(R.margin, y, "A/c No. : %s    %s" % (st.acct, h.name))
            return y - 1.6 * R.lead
        left = [("A/c No.", st.acct), ("Name", self.printed_name()), ("Address", h.address_lines[0])] + \
            [("", a) for a in h.address_lines[1:]]
        lw = R.width("A/c No.") + 8
        yl = y
        for k, v in left:
            if k:
                R.text(R.margin, yl, k)
                R.text(R.margin + lw, yl, ":")
            R.text(R.margin + lw + 8, yl, v)
            yl -= R.lead
        pairs = [("Branch", h.branch), ("IFSC", st.ifsc), ("MICR", st.micr), ("A/c Type", self.account_type()),
                 ("Period", "%s To %s" % (st.start.strftime("%d/%m/%Y"), st.end.strftime("%d/%m/%Y")))]
        pairs += self.extra_pairs()
        yr = R.kv_block(R.W / 2 + 40, y, pairs)
        return min(yl, yr) - R.lead

    def extra_pairs(self):
        return []

    def header_on_page(self, n):
        # Variant 2 prints the column header on the first page only, as some core-banking exports do.
        return n == 1 or self.v % 4 != 2

    def footer_lines(self):
        return ["This is a computer generated statement.                    Page {n} of {N}"]

    def carry_row(self, R, y, kind):
        label = "B/F" if kind == "bf" else "C/F"
        cells = {"narr": label, "bal": self.bal(R.last_balance)}
        for col in R.cols:
            R.draw_cell(col, y, cells.get(col.key, ""), bold=True)
        return y - R.lead


class CoopDrCr(Coop):
    """One amount column plus a Dr/Cr marker (variant 0: its own column; 1: suffix in the cell)."""
    patterns = ()

    def variant_patterns(self):
        return ("drcr_column",) if self.v % 2 == 0 else ("amount_drcr_suffix",)

    def columns(self):
        cols = [Col("date", ["Date"]), Col("narr", ["Particulars"], wrap=True), Col("chq", ["Cheque No"]),
                Col("amt", ["Amount"], "r")]
        if self.v % 2 == 0:
            cols.append(Col("drcr", ["Dr/Cr"], "c"))
        cols.append(Col("bal", ["Balance"], "r"))
        return cols

    def txn_cells(self, e, i):
        c = super().txn_cells(e, i)
        mark = "Cr" if e.credit else "Dr"
        c["amt"] = self.amt(e.amount) + ("" if self.v % 2 == 0 else " " + mark)
        c["drcr"] = mark
        return c

    def page_total_row(self, R, y):
        pass

    page_totals = False


class CoopOD(Coop):
    """A current account with an overdraft limit: balances carry a Dr/Cr suffix and go below zero."""
    page_totals = False
    patterns = ("balance_suffix", "overdraft")

    def __init__(self, st):
        super().__init__(st)
        self.date_fmt = ["%d/%m/%Y", "%d-%m-%Y"][self.v % 2]

    def amt(self, paise):
        return money(paise, "indian")

    def bal(self, paise):
        dr, cr = (" DR", " CR") if self.v % 4 == 3 else (" Dr", " Cr")
        return money(abs(paise), "indian") + (dr if paise < 0 else cr)

    def columns(self):
        return [Col("date", ["Date"]), Col("vdate", ["Value Date"]), Col("narr", ["Particulars"], wrap=True),
                Col("chq", ["Chq No"]), Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"),
                Col("bal", ["Balance"], "r")]

    def account_type(self):
        return "CC/OD"

    def extra_pairs(self):
        return [("OD Limit", money(self.st.od_limit)), ("Drawing Power", money(self.st.od_limit))]


class SmallFinance(Coop):
    """An unknown small finance bank: other header words (Sl No, Txn Date, Transaction Details,
    Ref/Chq No, Debit (INR), Credit (INR), Running Balance (INR)), dd-Mon-yyyy dates, no page totals."""
    page_totals = False
    carry_forward = False
    row_rules = False       # a thin rule under every row (a ruled table)
    probe = False           # a probe family (fam_probe.py): only in the probe set
    producer = "Apache FOP Version 2.6"
    patterns = ()

    def __init__(self, st):
        super().__init__(st)
        self.bank_name, self.office = SFB_BANKS[self.st.coop_index]
        self.date_fmt = ["%d-%b-%Y", "%d %b %Y", "%d-%m-%Y", "%d/%m/%Y"][self.v % 4]
        self.group = "indian"

    def amt(self, paise):
        return money(paise, "indian")

    bal = amt

    def columns(self):
        return [Col("sno", ["Sl No"], "c"), Col("date", ["Txn Date"]), Col("vdate", ["Value Date"]),
                Col("narr", ["Transaction Details"], wrap=True), Col("chq", ["Ref/Chq No"]),
                Col("dr", ["Debit (INR)"], "r"), Col("cr", ["Credit (INR)"], "r"),
                Col("bal", ["Running Balance (INR)"], "r")]

    def opening_rows(self):
        return []

    def closing_rows(self):
        return []

    def header_on_page(self, n):
        return True

    def after_table(self, R):
        dr, cr, ndr, ncr = self.totals()
        R.ensure_space(5 * R.lead)
        y = R.y - R.lead
        for k, v in (("Opening Balance", self.bal(self.st.opening)), ("Total Debits (%d)" % ndr, self.amt(dr)),
                     ("Total Credits (%d)" % ncr, self.amt(cr)), ("Closing Balance", self.bal(self.st.closing))):
            R.text(R.margin, y, k, bold=True)
            R.text(R.margin + 150, y, v)
            y -= R.lead
        R.y = y

    def footer_lines(self):
        return ["This is a system generated statement and does not require a signature. "
                "Report discrepancies within 15 days.", "Page {n} of {N}"]


SFB_BANKS = [("SAHYADRI SMALL FINANCE BANK LIMITED", "Registered Office: 4th Floor, Trade Centre, Pune 411001"),
             ("NARMADA SMALL FINANCE BANK LTD", "Corporate Office: Plot 7, MP Nagar Zone II, Bhopal 462011"),
             ("KAVERI SMALL FINANCE BANK LIMITED", "Registered Office: 21, Residency Road, Bengaluru 560025")]


LAYOUTS = {"hdfc": HDFC, "sbi": SBI, "icici": ICICI, "axis": Axis, "kotak": Kotak, "coop": Coop,
           "coop_drcr": CoopDrCr, "coop_od": CoopOD,
           "sfb": SmallFinance}
LEGACY = tuple(LAYOUTS)  # the layouts of issue 4 (their statements stay byte for byte the same)


def _register_families():
    """The families of issue 10 live in modules of their own (they import this one)."""
    import fam_eras
    import fam_estatement
    import fam_foreign
    import fam_gaps
    import fam_html
    import fam_private
    import fam_probe
    import fam_probe2
    import fam_probe3
    import fam_probe4
    import fam_probe5
    import fam_probe6
    import fam_probe7
    import fam_probe8
    import fam_public
    import fam_small
    for mod in (fam_eras, fam_public, fam_private, fam_small, fam_foreign, fam_html, fam_estatement, fam_probe,
                fam_probe2, fam_probe3, fam_probe4, fam_probe5, fam_probe6, fam_probe7, fam_probe8, fam_gaps):
        LAYOUTS.update(mod.LAYOUTS)
    PROBE.extend(k for k, v in LAYOUTS.items() if v.probe)


PROBE = []  # the probe families: held out from tuning (sets.py probe), in no other set


_register_families()
