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
    """strftime with %-d (no padding) supported portably."""
    s = d.strftime(fmt.replace("%-d", "{D}"))
    return s.replace("{D}", str(d.day))


class Layout:
    bank = None
    page_totals = False
    carry_forward = False
    producer = "ReportLab PDF Library - www.reportlab.com"
    creator = None
    date_fmt = "%d/%m/%Y"
    group = "indian"

    def __init__(self, st):
        self.st, self.h, self.o = st, st.holder, st.style
        self.v = st.variant

    # ----- printed identity (ground truth) -----
    def identity(self):
        h = self.h
        return {"name": h.name, "account_number": self.st.acct, "ifsc": self.st.ifsc, "micr": self.st.micr,
                "address": ", ".join(h.address_lines),
                "account_category": "corporate" if h.corporate else "individual"}

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
        return self.opening_rows() + [self.txn_row(e, i) for i, e in enumerate(self.st.events)] \
            + self.closing_rows()

    def opening_rows(self):
        return []

    def closing_rows(self):
        return []

    def txn_cells(self, e, i):
        return {"date": self.d(e.date), "vdate": self.d(e.value_date), "narr": e.narration,
                "chq": e.chq or "", "dr": "" if e.credit else self.amt(e.amount),
                "cr": self.amt(e.amount) if e.credit else "", "bal": self.bal(e.balance),
                "sno": str(i + 1)}

    def txn_row(self, e, i):
        return Row(self.txn_cells(e, i), event=e)

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

    def footer_height(self, R):
        return len(self.footer_lines()) * (R.size - 1) * 1.2 + R.lead

    def footer(self, R, n, total):
        y = R.margin + len(self.footer_lines()) * (R.size - 1) * 1.2
        for line in self.footer_lines():
            R.text(R.margin, y, line.replace("{n}", str(n)).replace("{N}", str(total)), size=R.size - 1)
            y -= (R.size - 1) * 1.2

    def after_table(self, R):
        pass

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

    def columns(self):
        return [Col("date", ["Date"]), Col("narr", ["Narration"], wrap=True),
                Col("chq", ["Chq./Ref.No."]), Col("vdate", ["Value Dt"]),
                Col("dr", ["Withdrawal Amt."], "r"), Col("cr", ["Deposit Amt."], "r"),
                Col("bal", ["Closing Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        R.text(R.margin, top - 10, "HDFC BANK", bold=True, size=R.size + 8)
        R.text(R.margin, top - 20, "We understand your world", size=R.size - 1)
        R.text(R.W - R.margin, top - 10, "Page No .: %d" % n, align="r")
        y = top - 40
        left = [self.printed_name()] + h.address_lines + ["", "JOINT HOLDERS :", "", "Nomination : Registered",
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

    def __init__(self, st):
        super().__init__(st)
        self.date_fmt = ["%-d %b %Y", "%d-%m-%Y", "%d %b %Y"][self.v % 3]

    def columns(self):
        return [Col("date", ["Txn Date"]), Col("vdate", ["Value", "Date"]),
                Col("narr", ["Description"], wrap=True),
                Col("chq", ["Ref No./Cheque", "No."], wrap=True, wrap_w=self.o.get("ref_w", 78)),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def header_on_page(self, n):
        return True

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin
        if n > 1:
            return top - R.lead
        R.text(R.margin, top - 10, "State Bank of India", bold=True, size=R.size + 8)
        y = top - 34
        lw = R.width("Interest Rate(% p.a.)") + 10
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


LAYOUTS = {"hdfc": HDFC, "sbi": SBI}
