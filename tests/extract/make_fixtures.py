#!/usr/bin/python3
"""Test-only fixtures for the extraction engine: small statements drawn in
the layout families of HDFC, SBI, ICICI, Axis, Kotak and a generic bank,
with ground truth (X.truth.json, the fields of `passbook parse`) next to
each X.pdf. The full corpus generator lives in tools/statements/; this one
exists so the engine's tests do not depend on it.

usage: make_fixtures.py OUTDIR [--seed N]"""
import json, random, sys, os
from datetime import date, timedelta
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas
from reportlab.pdfbase.pdfmetrics import stringWidth

MON = ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"]

def fmt_date(d, f):
    return {
        "dd/mm/yy": "%02d/%02d/%02d" % (d.day, d.month, d.year % 100),
        "dd/mm/yyyy": "%02d/%02d/%04d" % (d.day, d.month, d.year),
        "dd-mm-yyyy": "%02d-%02d-%04d" % (d.day, d.month, d.year),
        "dd-Mon-yyyy": "%02d-%s-%04d" % (d.day, MON[d.month-1], d.year),
        "dd-Mon-yy": "%02d-%s-%02d" % (d.day, MON[d.month-1], d.year % 100),
        "d Mon yyyy": "%d %s %04d" % (d.day, MON[d.month-1], d.year),
        "dd Mon yyyy": "%02d %s %04d" % (d.day, MON[d.month-1], d.year),
        "dd.mm.yyyy": "%02d.%02d.%04d" % (d.day, d.month, d.year),
        "yyyy-mm-dd": d.isoformat(),
    }[f]

def indian(p, decimals=2):
    neg = p < 0; p = abs(p)
    r, f = divmod(p, 100)
    s = str(r)
    if len(s) > 3:
        head, tail = s[:-3], s[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:]); head = head[:-2]
        if head: groups.insert(0, head)
        s = ",".join(groups) + "," + tail
    if decimals == 2: s += ".%02d" % f
    elif decimals == 1: s += ".%d" % (f // 10)
    return ("-" if neg else "") + s

NAMES = ["RAHUL SHARMA", "PRIYA NAIR", "AMIT KUMAR SINGH", "SNEHA PATIL", "MOHAMMED ARIF KHAN"]
PAYEES = ["SWIGGY", "ZOMATO", "AMAZON PAY", "RELIANCE JIO", "BIGBASKET", "IRCTC", "FLIPKART", "UBER INDIA"]

def narration(rnd, d):
    k = rnd.randrange(9)
    ref = "".join(rnd.choice("0123456789") for _ in range(12))
    p = rnd.choice(PAYEES)
    if k == 0: return ("UPI-%s-%s@OKICICI-ICIC0DC0099-%s-PAYMENT FROM PHONE" % (p, p.lower().replace(" ", ""), ref), None, -1)
    if k == 1: return ("NEFT CR-HDFC0000240-ACME TECHNOLOGIES PVT LTD-SALARY %s %d" % (MON[d.month-1].upper(), d.year), "N%s" % ref[:10], 1)
    if k == 2: return ("ATM WDL-ATM CASH %s MG ROAD BANGALORE" % ref[:4], ref[:6], -1)
    if k == 3: return ("POS %s %s" % (ref[:8], p), None, -1)
    if k == 4: return ("IMPS-%s-RAHUL-SBIN-XXXXXXX1234-FAMILY" % ref, ref, 1)
    if k == 5: return ("ACH D- TP ACH BAJAJ FINANCE-%s" % ref[:9], None, -1)
    if k == 6: return ("CHQ DEP - CLEARING - %s" % ref[:6], ref[:6], 1)
    if k == 7: return ("INTEREST PAID TILL %02d-%s-%d" % (d.day, MON[d.month-1].upper(), d.year), None, 1)
    return ("RTGS DR-SBIN0001234-SHREE TRADERS-%s" % ref[:8], None, -1)

def make_txns(rnd, start, n, opening, overdraft=False):
    txns, bal, d = [], opening, start
    for i in range(n):
        d = d + timedelta(days=rnd.choice([0, 0, 1, 1, 2, 3]))
        note, chq, sign = narration(rnd, d)
        amt = rnd.choice([rnd.randrange(100, 500000), rnd.randrange(10000, 5000000), rnd.randrange(100, 20000) * 100])
        if sign < 0 and bal - amt < (-2000000 if overdraft else 0):
            sign = 1
        bal += sign * amt
        txns.append(dict(date=d, value_date=d, note=note, chq=chq, amount=amt,
                         type="debit" if sign < 0 else "credit", balance=bal))
    return txns

def wrap(text, font, size, width):
    """Word wrap at spaces and after hyphens (as textwrap does); chunks
    longer than the width break by characters."""
    import re
    chunks = [c for c in re.split(r"( |(?<=[A-Za-z0-9@.]-))", text) if c]
    lines, cur = [], ""
    for ch in chunks:
        cand = cur + ch
        if stringWidth(cand.rstrip(" "), font, size) <= width:
            cur = cand; continue
        if cur.strip(): lines.append(cur.strip())
        cur = "" if ch == " " else ch
        while stringWidth(cur, font, size) > width:
            k = len(cur)
            while k > 1 and stringWidth(cur[:k], font, size) > width: k -= 1
            lines.append(cur[:k]); cur = cur[k:]
    if cur.strip(): lines.append(cur.strip())
    return lines

def _old_wrap(text, font, size, width):
    lines, cur = [], ""
    for w in text.split(" "):
        cand = (cur + " " + w) if cur else w
        if stringWidth(cand, font, size) <= width:
            cur = cand; continue
        if cur: lines.append(cur)
        cur = w
        while stringWidth(cur, font, size) > width:
            k = len(cur)
            while k > 1 and stringWidth(cur[:k], font, size) > width: k -= 1
            lines.append(cur[:k]); cur = cur[k:]
    if cur: lines.append(cur)
    return lines

# Column spec: (role, header lines, width, align)
LAYOUTS = {
 "hdfc": dict(bank="hdfc", date="dd/mm/yy", ifsc="HDFC0000123", title="HDFC BANK",
    cols=[("date", ["Date"], 48, "l"), ("note", ["Narration"], 190, "l"), ("chq", ["Chq./Ref.No."], 78, "l"),
          ("vdate", ["Value Dt"], 46, "l"), ("debit", ["Withdrawal Amt."], 68, "r"),
          ("credit", ["Deposit Amt."], 64, "r"), ("balance", ["Closing Balance"], 70, "r")],
    ident="hdfc", summary="hdfc"),
 "sbi": dict(bank="sbi", date="d Mon yyyy", ifsc="SBIN0001234", title="State Bank of India",
    cols=[("date", ["Txn Date"], 58, "l"), ("vdate", ["Value", "Date"], 58, "l"), ("note", ["Description"], 170, "l"),
          ("chq", ["Ref No./Cheque", "No."], 80, "l"), ("debit", ["Debit"], 60, "r"), ("credit", ["Credit"], 60, "r"),
          ("balance", ["Balance"], 70, "r")], ident="sbi"),
 "icici": dict(bank="icici", date="dd/mm/yyyy", ifsc="ICIC0000456", title="ICICI Bank",
    cols=[("sl", ["S No."], 26, "l"), ("vdate", ["Value Date"], 56, "l"), ("date", ["Transaction", "Date"], 58, "l"),
          ("chq", ["Cheque", "Number"], 50, "l"), ("note", ["Transaction Remarks"], 160, "l"),
          ("debit", ["Withdrawal", "Amount (INR )"], 66, "r"), ("credit", ["Deposit", "Amount (INR )"], 66, "r"),
          ("balance", ["Balance (INR )"], 66, "r")], ident="icici"),
 "axis": dict(bank="axis", date="dd-mm-yyyy", ifsc="UTIB0000789", title="AXIS BANK",
    cols=[("date", ["Tran Date"], 56, "l"), ("chq", ["Chq No"], 50, "l"), ("note", ["Particulars"], 200, "l"),
          ("debit", ["Debit"], 64, "r"), ("credit", ["Credit"], 64, "r"), ("balance", ["Balance"], 72, "r"),
          ("br", ["Init.", "Br"], 30, "l")], ident="axis", opening_row="OPENING BALANCE", closing_row="CLOSING BALANCE"),
 "kotak": dict(bank="kotak", date="dd-Mon-yy", ifsc="KKBK0000958", title="Kotak Mahindra Bank",
    cols=[("sl", ["Sl. No."], 30, "l"), ("date", ["Date"], 52, "l"), ("note", ["Description"], 180, "l"),
          ("chq", ["Chq / Ref number"], 80, "l"), ("amount", ["Amount"], 66, "r"), ("drcr", ["Dr / Cr"], 30, "l"),
          ("balance", ["Balance"], 70, "r"), ("baldrcr", ["Dr / Cr"], 30, "l")], ident="kotak",
    opening_row="Opening Balance"),
 "generic": dict(bank=None, date="dd.mm.yyyy", ifsc="ABCD0123456", title="Sample Co-operative Bank Ltd",
    cols=[("date", ["Post Date"], 56, "l"), ("note", ["Transaction Details"], 200, "l"),
          ("debit", ["Withdrawals"], 70, "r"), ("credit", ["Deposits"], 70, "r"), ("balance", ["Balance"], 80, "r")],
    ident="generic", decimals=1),
}

def draw_identity(c, L, acct, y, W):
    s = L["ident"]; x = 40
    c.setFont("Helvetica-Bold", 12); c.drawString(x, y, L["title"]); y -= 20
    c.setFont("Helvetica", 8)
    period = "%s to %s" % (fmt_date(acct["from"], "dd/mm/yyyy"), fmt_date(acct["to"], "dd/mm/yyyy"))
    if s == "hdfc":
        c.drawString(x, y, "MR " + acct["name"])
        for i, a in enumerate(acct["addr"]): c.drawString(x, y - 11 * (i + 1), a)
        right = [("Account Branch", "KORAMANGALA"), ("Account No", acct["acno"]), ("RTGS/NEFT IFSC", acct["ifsc"]),
                 ("MICR", acct["micr"]), ("Account Type", "SAVINGS ACCOUNT"), ("OD Limit", indian(acct["od"]))]
        for i, (k, v) in enumerate(right):
            c.drawString(330, y - 11 * i, k); c.drawString(410, y - 11 * i, ": " + v)
        y -= 11 * 7
        c.drawString(x, y, "Statement From : %s To : %s" % (fmt_date(acct["from"], "dd/mm/yyyy"), fmt_date(acct["to"], "dd/mm/yyyy")))
        return y - 20
    pairs = [("Account Name", acct["name"]), ("Address", acct["addr"][0])]
    pairs += [("", a) for a in acct["addr"][1:]]
    pairs += [("Account Number", acct["acno"]), ("IFS Code", acct["ifsc"]), ("MICR Code", acct["micr"]),
              ("Account Type", "Savings Account"), ("Statement Period", period)]
    if s == "sbi":
        pairs.append(("Balance as on %s" % fmt_date(acct["from"], "d Mon yyyy"), indian(acct["opening"])))
    for k, v in pairs:
        if k: c.drawString(x, y, k); c.drawString(x + 110, y, ": " + v)
        else: c.drawString(x + 118, y, v)
        y -= 11
    return y - 14

def build(path, L, rnd, n_txn, password=None, pagesize=A4, fontsize=7.5):
    W, H = pagesize
    opening = rnd.randrange(100000, 5000000)
    start = date(2024, rnd.randrange(1, 6), 1)
    txns = make_txns(rnd, start, n_txn, opening, overdraft=L["bank"] == "kotak")
    dec = L.get("decimals", 2)
    if dec != 2:  # amounts printed with fewer decimals: keep them whole rupees
        bal = opening - opening % 100; opening = bal
        for t in txns:
            t["amount"] -= t["amount"] % 100
            bal += t["amount"] if t["type"] == "credit" else -t["amount"]; t["balance"] = bal
    acct = dict(name=rnd.choice(NAMES), addr=["FLAT 12 GREEN PARK", "MG ROAD", "BANGALORE 560001"],
                acno="".join(rnd.choice("0123456789") for _ in range(14)), ifsc=L["ifsc"],
                micr="".join(rnd.choice("0123456789") for _ in range(9)), od=0,
                opening=opening, **{"from": start, "to": txns[-1]["date"] + timedelta(days=2)})
    c = canvas.Canvas(path, pagesize=pagesize, encrypt=password)
    c.setAuthor("Bank"); c.setCreator("StatementGen")
    y = draw_identity(c, L, acct, H - 40, W)
    cols = L["cols"]; x0 = 30; lead = fontsize + 2.5
    xs = []; x = x0
    for col in cols: xs.append(x); x += col[2] + 6
    def header(y):
        c.setFont("Helvetica-Bold", fontsize)
        nl = max(len(cl[1]) for cl in cols)
        for (role, hl, w, al), cx in zip(cols, xs):
            for i, t in enumerate(hl):
                yy = y - i * lead
                if al == "r": c.drawRightString(cx + w, yy, t)
                else: c.drawString(cx, yy, t)
        c.setFont("Helvetica", fontsize)
        return y - nl * lead - 4
    page = 1
    def footer():
        c.setFont("Helvetica", 6); c.drawCentredString(W / 2, 20, "Page %d - This is a computer generated statement" % page)
    y = header(y)
    if L.get("opening_row"):
        c.drawString(xs[[r[0] for r in cols].index("note")], y, L["opening_row"])
        bi = [r[0] for r in cols].index("balance")
        c.drawRightString(xs[bi] + cols[bi][2], y, indian(opening, dec)); y -= lead + 2
    for i, t in enumerate(txns):
        cells = {}
        ni = [r[0] for r in cols].index("note")
        note_lines = wrap(t["note"], "Helvetica", fontsize, cols[ni][2])
        need = len(note_lines) * lead + 2
        if y - need < 40:
            footer(); c.showPage(); page += 1; y = H - 40
            c.setFont("Helvetica", 7); c.drawString(40, y, L["title"] + "   Statement of account"); y -= 20
            y = header(y)
        for (role, hl, w, al), cx in zip(cols, xs):
            v = None
            if role == "date": v = fmt_date(t["date"], L["date"])
            elif role == "vdate": v = fmt_date(t["value_date"], L["date"])
            elif role == "sl": v = str(i + 1)
            elif role == "chq": v = t["chq"]
            elif role == "debit" and t["type"] == "debit": v = indian(t["amount"], dec)
            elif role == "credit" and t["type"] == "credit": v = indian(t["amount"], dec)
            elif role == "amount": v = indian(t["amount"], dec)
            elif role == "drcr": v = "DR" if t["type"] == "debit" else "CR"
            elif role == "balance": v = indian(abs(t["balance"]) if "baldrcr" in [r[0] for r in cols] else t["balance"], dec)
            elif role == "baldrcr": v = "DR" if t["balance"] < 0 else "CR"
            elif role == "br": v = "1234"
            elif role == "note":
                for k, ln in enumerate(note_lines): c.drawString(cx, y - k * lead, ln)
            if v is None: continue
            if al == "r": c.drawRightString(cx + w, y, v)
            else: c.drawString(cx, y, v)
        y -= need
    closing = txns[-1]["balance"]
    if L.get("closing_row"):
        c.drawString(xs[[r[0] for r in cols].index("note")], y, L["closing_row"])
        bi = [r[0] for r in cols].index("balance")
        c.drawRightString(xs[bi] + cols[bi][2], y, indian(closing, dec)); y -= lead
    if L.get("summary") == "hdfc" and y > 80:
        y -= 20; c.setFont("Helvetica-Bold", 8); c.drawString(40, y, "STATEMENT SUMMARY :-"); y -= 14
        c.setFont("Helvetica", 8)
        heads = ["Opening Balance", "Dr Count", "Cr Count", "Debits", "Credits", "Closing Bal"]
        dr = sum(t["amount"] for t in txns if t["type"] == "debit"); cr = sum(t["amount"] for t in txns if t["type"] == "credit")
        vals = [indian(opening), str(sum(t["type"] == "debit" for t in txns)), str(sum(t["type"] == "credit" for t in txns)),
                indian(dr), indian(cr), indian(closing)]
        for k, (h, v) in enumerate(zip(heads, vals)):
            c.drawString(40 + k * 85, y, h); c.drawString(40 + k * 85, y - 11, v)
    footer(); c.save()
    truth = dict(bank_name=L["bank"], page_count=page, password=None, expect_error=None,
        identity=dict(name=acct["name"], account_number=acct["acno"], ifsc=acct["ifsc"], micr=acct["micr"]),
        date_range=dict(from_date=acct["from"].isoformat(), to_date=acct["to"].isoformat()),
        opening_bal=opening / 100, closing_bal=closing / 100,
        transactions=[dict(date=t["date"].isoformat(), transaction_note=t["note"], chq_num=t["chq"],
                           amount=t["amount"] / 100, transaction_type=t["type"], balance=t["balance"] / 100) for t in txns])
    with open(path[:-4] + ".truth.json", "w") as f: json.dump(truth, f, indent=1)

def main():
    out = sys.argv[1]; seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(seed)
    for name, L in LAYOUTS.items():
        build(os.path.join(out, name + ".pdf"), L, rnd, rnd.randrange(25, 60))
    build(os.path.join(out, "hdfc_long.pdf"), LAYOUTS["hdfc"], rnd, 400, pagesize=letter)
    from reportlab.lib.pdfencrypt import StandardEncryption
    build(os.path.join(out, "sbi_password.pdf"), LAYOUTS["sbi"], rnd, 20,
          password=StandardEncryption("secret1", ownerPassword="owner1", strength=128))
    t = json.load(open(os.path.join(out, "sbi_password.truth.json"))); t["password"] = "secret1"
    json.dump(t, open(os.path.join(out, "sbi_password.truth.json"), "w"), indent=1)

if __name__ == "__main__":
    main()
