"""How each bank words a transaction: narration text and the Chq/Ref column.

One function per bank; each maps an event kind to (narration, chq_ref). The shapes follow
what those banks print on net-banking statements (UPI-..., BY TRANSFER-UPI/CR/..., UPI/P2A/...,
ACH D-, NWD-, ATM WDL-, Int.Pd:, ...). chq_ref is None when the bank leaves the column blank.
"""
import copy

from model import rand_digits, BANKS


def _ref12(rng):
    return rng.choice("3456") + rand_digits(rng, 11)


def _utr(rng, prefix="N"):
    return rng.choice(["SBIN", "HDFC", "ICIC", "UTIB", "KKBK", "BARB"]) + prefix + rand_digits(rng, 11)


def _ifsc(bank, rng):
    return bank[1] + "0" + rand_digits(rng, 6)


def _other(rng):
    return rng.choice(BANKS)


def hdfc(e, h, rng):
    p, k = e.params, e.kind
    ref = _ref12(rng)
    pad = lambda s: str(s).rjust(16, "0")
    if k == "salary":
        tag = (rng.choice(["SALARY FOR ", "SAL "]) + p["month"] + " " + "20" + p["yy"]) if p["word"] \
            else p["month"] + p["yy"] + " PAYROLL"
        return "NEFT CR-%s-%s-%s-%s" % (p["ifsc"], p["employer"], tag, _utr(rng)), pad(rand_digits(rng, 10))
    if k == "reimb":
        return "NEFT CR-%s-%s-REIMB %s%s-%s" % (p["ifsc"], p["employer"], p["month"], p["yy"], _utr(rng)), \
            pad(rand_digits(rng, 10))
    if k in ("upi_out", "upi_in", "upi_merchant"):
        b = _other(rng)
        vpa = p["name"].split()[0].lower() + rand_digits(rng, 2) + "@" + rng.choice(["okaxis", "ybl", "paytm"])
        return "UPI-%s-%s-%s-%s-%s" % (p["name"], vpa, _ifsc(b, rng), ref, p["remark"].upper()), pad(ref)
    if k in ("neft_out",):
        return "NEFT DR-%s-%s-NETBANK, MUM-%s-%s" % (_ifsc(_other(rng), rng), p["name"], _utr(rng), p["remark"]), \
            pad(rand_digits(rng, 10))
    if k in ("neft_in",):
        return "NEFT CR-%s-%s-%s-%s" % (_ifsc(_other(rng), rng), p["name"], p["remark"], _utr(rng)), \
            pad(rand_digits(rng, 10))
    if k in ("imps_out", "imps_in"):
        b = _other(rng)
        return "IMPS-%s-%s-%s-XXXXXXXX%s-%s" % (ref, p["name"], b[2], rand_digits(rng, 4), p["remark"]), pad(ref)
    if k == "rtgs_in":
        return "RTGS CR-%s-%s-%s" % (_ifsc(_other(rng), rng), p["name"], _utr(rng, "R")), pad(rand_digits(rng, 10))
    if k == "emi":
        return "ACH D- %s-%s" % (p["lender"], p["umrn"][-10:]), pad(rand_digits(rng, 10))
    if k == "ach_bounce_chg":
        return "ACH DEBIT RETURN CHARGES %s-%s" % (e.date.strftime("%d%m%y"), p["lender"]), pad("0")
    if k == "atm":
        return "%s-%s-%s-%s" % (rng.choice(["NWD", "ATW", "EAW"]), h.card,
                                "S1A" + rand_digits(rng, 5), h.city), pad(rand_digits(rng, 6))
    if k == "pos":
        return "POS %s %s" % (h.card, p["name"]), pad(rand_digits(rng, 12))
    if k == "pg":
        return "POS %s %s*%s" % (h.card, p["pg"], p["name"]), pad(rand_digits(rng, 12))
    if k == "bill":
        return "BILLPAY DR-%s-%s" % (p["name"], rand_digits(rng, 8)), pad(rand_digits(rng, 10))
    if k == "refund":
        return "REFUND-%s-%s" % (p["name"], rand_digits(rng, 10)), pad(rand_digits(rng, 10))
    if k == "cash_dep":
        return "CASH DEPOSIT BY - SELF - %s" % h.branch, pad("0")
    if k in ("self_out", "self_in"):
        dr = "DR" if k == "self_out" else "CR"
        return "NEFT %s-%s-%s-SELF TRANSFER-%s" % (dr, _ifsc(p["bank"], rng), p["name"], _utr(rng)), \
            pad(rand_digits(rng, 10))
    if k == "chq_out":
        return "CHQ PAID-MICR CTS-%s-%s" % (h.city[:2], p["name"]), pad(p["chq"])
    if k == "chq_in":
        return "CHQ DEP - MICR CTS - %s" % h.city, pad(p["chq"])
    if k == "chq_in_return":
        return "CHQ DEP RET-%s-%s" % (p["reason"], p["name"]), pad(p["chq"])
    if k == "chq_out_return":
        return "CHQ RET-I/W-%s-%s" % (p["reason"], p["name"]), pad(p["chq"])
    if k == "chq_ret_chg":
        return "%s CHQ RETURN CHGS %s" % (p["way"], p["chq"]), pad(p["chq"])
    if k == "interest":
        return "CREDIT INTEREST CAPITALISED", pad("0")
    if k == "sms_charge":
        return "SMS CHGS FOR %s" % p["period"], pad("0")
    if k == "fd_open":
        return "FD THROUGH NET BANKING-%s" % p["fd"], pad("0")
    if k == "fd_close":
        return "FD CLOSURE PROCEEDS-%s" % p["fd"], pad("0")
    if k == "minbal_charge":
        return "AVG BAL NON MAINTENANCE CHGS-%s" % p["period"], pad("0")
    if k == "gst":
        return "IGST-%s-RATE 18.0 -27" % p["what"], pad("0")
    raise ValueError(k)


def sbi(e, h, rng):
    p, k = e.params, e.kind
    ref = _ref12(rng)
    to = "TRANSFER TO %s" % rand_digits(rng, 13)
    frm = "TRANSFER FROM %s" % rand_digits(rng, 13)
    if k == "salary":
        tag = ("SALARY " + p["month"] + " " + p["yy"]) if p["word"] else (p["month"] + p["yy"])
        return "BY TRANSFER-NEFT*%s*%s*%s*%s" % (p["ifsc"], _utr(rng), p["employer"], tag), frm
    if k == "reimb":
        return "BY TRANSFER-NEFT*%s*%s*%s*REIMB" % (p["ifsc"], _utr(rng), p["employer"]), frm
    if k in ("upi_out", "upi_merchant"):
        b = _other(rng)
        return "TO TRANSFER-UPI/DR/%s/%s/%s/%s/%s--" % (ref, p["name"][:20], b[1],
                                                        p["name"].split()[0].lower() + "@" + "ybl",
                                                        p["remark"][:10]), to
    if k == "upi_in":
        b = _other(rng)
        return "BY TRANSFER-UPI/CR/%s/%s/%s/%s/%s--" % (ref, p["name"][:20], b[1],
                                                        p["name"].split()[0].lower() + "@" + "okaxis",
                                                        p["remark"][:10]), frm
    if k == "neft_out":
        return "TO TRANSFER-INB NEFT %s %s %s" % (_utr(rng), p["name"], p["remark"]), to
    if k == "neft_in":
        return "BY TRANSFER-NEFT*%s*%s*%s*%s" % (_ifsc(_other(rng), rng), _utr(rng), p["name"], p["remark"]), frm
    if k == "imps_out":
        return "TO TRANSFER-INB IMPS/P2A/%s/XX%s/%s--" % (ref, rand_digits(rng, 4), p["name"]), to
    if k == "imps_in":
        return "BY TRANSFER-IMPS/P2A/%s/%s/%s--" % (ref, p["name"], _other(rng)[2]), frm
    if k == "rtgs_in":
        return "BY TRANSFER-RTGS %s %s" % (_utr(rng, "R"), p["name"]), frm
    if k == "emi":
        return "DEBIT-ACHDr %s %s" % (p["umrn"], p["lender"]), None
    if k == "ach_bounce_chg":
        return "DEBIT-ACH RETURN CHARGES %s" % p["lender"], None
    if k == "atm":
        return "ATM WDL-ATM CASH %s %s %s" % (rand_digits(rng, 4), h.branch, h.city), None
    if k in ("pos", "pg"):
        name = p["name"] if k == "pos" else p["pg"] + " " + p["name"]
        return "TO TRANSFER-POS %s %s" % (rand_digits(rng, 12), name), to
    if k == "bill":
        return "TO TRANSFER-INB BillPay %s %s" % (p["name"], rand_digits(rng, 9)), to
    if k == "refund":
        return "BY TRANSFER-REFUND %s %s" % (p["name"], rand_digits(rng, 10)), frm
    if k == "cash_dep":
        return rng.choice(["CASH DEPOSIT-CASH DEPOSIT SELF", "CSH DEP (CDM)-%s %s" % (rand_digits(rng, 6), h.branch)]), None
    if k == "self_out":
        return "TO TRANSFER-INB IMPS/P2A/%s/%s/SELF--" % (ref, p["name"]), to
    if k == "self_in":
        return "BY TRANSFER-IMPS/P2A/%s/%s/SELF--" % (ref, p["name"]), frm
    if k == "chq_out":
        return "TO CLEARING-%s" % p["name"], str(p["chq"])
    if k == "chq_in":
        return "BY CLEARING-%s %s" % (p["bank"][0], p["name"]), str(p["chq"])
    if k == "chq_in_return":
        return "CHEQUE RETURN-%s-%s" % (p["reason"], p["name"]), str(p["chq"])
    if k == "chq_out_return":
        return "RETURN-INWARD CHQ %s" % p["reason"], str(p["chq"])
    if k == "chq_ret_chg":
        return "DEBIT-CHQ RETURN CHARGES %s" % p["chq"], None
    if k == "interest":
        return "CREDIT INTEREST--", None
    if k == "sms_charge":
        return "DEBIT-SMS CHARGES %s" % p["period"], None
    if k == "fd_open":
        return "TO TRANSFER-TRANSFER TO FD/RD A/c %s" % p["fd"], to
    if k == "fd_close":
        return "BY TRANSFER-FD CLOSURE %s" % p["fd"], frm
    if k == "minbal_charge":
        return "DEBIT-MIN BAL CHGS %s" % p["period"], None
    if k == "gst":
        return "DEBIT-GST ON %s" % p["what"], None
    raise ValueError(k)


def icici(e, h, rng):
    p, k = e.params, e.kind
    ref = _ref12(rng)
    if k == "salary":
        tag = ("SALARY " + p["month"] + p["yy"]) if p["word"] else ("PAY " + p["month"] + p["yy"])
        return "NEFT-%s-%s-%s-%s" % (_utr(rng), p["employer"], tag, p["ifsc"]), None
    if k == "reimb":
        return "NEFT-%s-%s-REIMBURSEMENT-%s" % (_utr(rng), p["employer"], p["ifsc"]), None
    if k in ("upi_out", "upi_in", "upi_merchant"):
        b = _other(rng)
        vpa = p["name"].split()[0].lower() + "@" + rng.choice(["okicici", "ybl", "paytm"])
        return "UPI/%s/%s/%s/%s/%s" % (ref, p["remark"], vpa, b[0], "ICI" + rand_digits(rng, 10)), None
    if k == "neft_out":
        return "NEFT-%s-%s-%s-%s" % (_utr(rng), p["name"], p["remark"], _ifsc(_other(rng), rng)), None
    if k == "neft_in":
        return "NEFT-%s-%s-%s-%s" % (_utr(rng), p["name"], p["remark"], _ifsc(_other(rng), rng)), None
    if k in ("imps_out", "imps_in"):
        return "MMT/IMPS/%s/%s/%s/%s" % (ref, p["remark"], p["name"], _other(rng)[0]), None
    if k == "rtgs_in":
        return "RTGS-%s-%s-%s" % (_utr(rng, "R"), p["name"], _ifsc(_other(rng), rng)), None
    if k == "emi":
        return "ACH/%s/%s" % (p["lender"], p["umrn"]), None
    if k == "ach_bounce_chg":
        return "ACH RTN CHGS/%s/%s" % (e.date.strftime("%d-%m-%y"), p["lender"]), None
    if k == "atm":
        return "%s/CASH WDL/%s/%s" % (rng.choice(["ATM", "NFS"]), e.date.strftime("%d-%m-%y"),
                                     "S1A" + rand_digits(rng, 5)), None
    if k == "pos":
        return "VPS/%s/%s/%s" % (p["name"], rand_digits(rng, 12), h.city), None
    if k == "pg":
        return "VIN/%s*%s/%s/%s" % (p["pg"], p["name"], e.date.strftime("%Y%m%d"), rand_digits(rng, 10)), None
    if k == "bill":
        return "BIL/ONL/%s/%s/%s" % (rand_digits(rng, 9), p["name"], rand_digits(rng, 10)), None
    if k == "refund":
        return "REFUND/%s/%s" % (p["name"], rand_digits(rng, 10)), None
    if k == "cash_dep":
        return "BY CASH-%s" % h.branch, None
    if k in ("self_out", "self_in"):
        return "INF/INFT/%s/SELF/%s" % (rand_digits(rng, 9), p["name"]), None
    if k == "chq_out":
        return "CLG/%s/%s/%s" % (p["name"], p["chq"], e.date.strftime("%d.%m.%Y")), str(p["chq"]).rjust(6, "0")
    if k == "chq_in":
        return "CLG/%s/%s/%s" % (p["name"], p["bank"][2], e.date.strftime("%d.%m.%Y")), str(p["chq"]).rjust(6, "0")
    if k == "chq_in_return":
        return "RTN CHQ/%s/%s" % (p["reason"], p["name"]), str(p["chq"]).rjust(6, "0")
    if k == "chq_out_return":
        return "I/W CHQ RTN/%s/%s" % (p["reason"], p["name"]), str(p["chq"]).rjust(6, "0")
    if k == "chq_ret_chg":
        return "CHQ RTN CHGS %s" % p["chq"], None
    if k == "interest":
        return "%s:Int.Pd:%s to %s" % (rand_digits(rng, 12), e.date.replace(day=1).strftime("%d-%m-%Y"),
                                       e.date.strftime("%d-%m-%Y")), None
    if k == "sms_charge":
        return "SMS Chgs %s" % p["period"], None
    if k == "fd_open":
        return "TRF TO FD NO %s" % p["fd"], None
    if k == "fd_close":
        return "FD CLOSURE PROCEEDS/%s" % p["fd"], None
    if k == "minbal_charge":
        return "Non Maint Chgs %s" % p["period"], None
    if k == "gst":
        return "GST @18% on " + p["what"], None
    raise ValueError(k)


def axis(e, h, rng):
    p, k = e.params, e.kind
    ref = _ref12(rng)
    if k == "salary":
        tag = ("SALARY " + p["month"] + " " + p["yy"]) if p["word"] else (p["month"] + " 20" + p["yy"])
        return "NEFT/%s/%s/%s/%s" % (_utr(rng), p["employer"], p["ifsc"][:4], tag), None
    if k == "reimb":
        return "NEFT/%s/%s/%s/REIMB" % (_utr(rng), p["employer"], p["ifsc"][:4]), None
    if k in ("upi_out", "upi_in"):
        return "UPI/P2A/%s/%s/%s/%s" % (ref, p["name"], _other(rng)[0], p["remark"]), None
    if k == "upi_merchant":
        return "UPI/P2M/%s/%s/%s/%s" % (ref, p["name"], p["remark"], _other(rng)[0]), None
    if k in ("neft_out", "neft_in"):
        return "NEFT/%s/%s/%s/%s" % (_utr(rng), p["name"], _other(rng)[2], p["remark"]), None
    if k in ("imps_out", "imps_in"):
        return "IMPS/P2A/%s/%s/%s/%s" % (ref, rand_digits(rng, 10), p["name"], p["remark"]), None
    if k == "rtgs_in":
        return "RTGS/%s/%s/%s" % (_utr(rng, "R"), p["name"], _other(rng)[2]), None
    if k == "emi":
        return "ACH-DR-%s-%s" % (p["lender"], p["umrn"][-12:]), None
    if k == "ach_bounce_chg":
        return "NACH DEBIT RETURN CHARGES-%s" % p["lender"], None
    if k == "atm":
        return "ATM-CASH-AXIS/%s/%s" % (rand_digits(rng, 6), h.city), None
    if k == "pos":
        return "POS/%s/%s/%s" % (p["name"], h.city, e.date.strftime("%d%m%y")), None
    if k == "pg":
        return "ECOM PUR/%s*%s/%s" % (p["pg"], p["name"], e.date.strftime("%d%m%y")), None
    if k == "bill":
        return "BRN-BILL PAY/%s/%s" % (p["name"], rand_digits(rng, 10)), None
    if k == "refund":
        return "REFUND/%s/%s" % (p["name"], rand_digits(rng, 10)), None
    if k == "cash_dep":
        return "BY CASH-%s" % h.branch, None
    if k in ("self_out", "self_in"):
        return "IMPS/P2A/%s/%s/%s/SELF" % (ref, p["acct"], p["name"]), None
    if k == "chq_out":
        return "CLG/%s/%s" % (p["name"], p["bank"][2]), str(p["chq"]).rjust(6, "0")
    if k == "chq_in":
        return "CLG/%s/%s" % (p["name"], p["bank"][2]), str(p["chq"]).rjust(6, "0")
    if k == "chq_in_return":
        return "O/W RTN CHQ/%s/%s" % (p["reason"], p["name"]), str(p["chq"]).rjust(6, "0")
    if k == "chq_out_return":
        return "I/W RTN CHQ/%s/%s" % (p["reason"], p["name"]), str(p["chq"]).rjust(6, "0")
    if k == "chq_ret_chg":
        return "%s CHQ RETURN CHARGES" % p["way"], None
    if k == "interest":
        return "%s:Int.Pd:%s to %s" % (rand_digits(rng, 15), e.date.replace(day=1).strftime("%d-%m-%Y"),
                                       e.date.strftime("%d-%m-%Y")), None
    if k == "sms_charge":
        return "SMS Alert Charges %s" % p["period"], None
    if k == "fd_open":
        return "TRF TO FD/%s" % p["fd"], None
    if k == "fd_close":
        return "FD CLOSURE/%s" % p["fd"], None
    if k == "minbal_charge":
        return "Min Bal Charges for %s" % p["period"], None
    if k == "gst":
        return "GST @18% on " + p["what"], None
    raise ValueError(k)


def kotak(e, h, rng):
    p, k = e.params, e.kind
    ref = _ref12(rng)
    if k == "salary":
        tag = ("SALARY " + p["month"] + p["yy"]) if p["word"] else (p["month"] + "-20" + p["yy"])
        return "NEFT %s %s %s" % (_utr(rng), p["employer"], tag), "NEFTINW-" + rand_digits(rng, 10)
    if k == "reimb":
        return "NEFT %s %s EXP REIMB" % (_utr(rng), p["employer"]), "NEFTINW-" + rand_digits(rng, 10)
    if k in ("upi_out", "upi_in", "upi_merchant"):
        return "UPI/%s/%s/%s" % (p["name"], ref, p["remark"]), "UPI-" + ref
    if k in ("neft_out",):
        return "NEFT TO %s %s" % (p["name"], p["remark"]), "NEFTOUT-" + rand_digits(rng, 10)
    if k in ("neft_in",):
        return "NEFT %s %s" % (_utr(rng), p["name"]), "NEFTINW-" + rand_digits(rng, 10)
    if k in ("imps_out", "imps_in"):
        return "IMPS-%s-%s-%s" % (ref, p["name"], p["remark"]), "IMPS-" + ref
    if k == "rtgs_in":
        return "RTGS %s %s" % (_utr(rng, "R"), p["name"]), "RTGSINW-" + rand_digits(rng, 10)
    if k == "emi":
        return "NACH-DR-%s-%s" % (p["lender"], p["umrn"][-12:]), "NACHDR" + rand_digits(rng, 8)
    if k == "ach_bounce_chg":
        return "Chrg: NACH Return %s" % p["lender"], None
    if k == "atm":
        return "ATL/%s/%s" % (rand_digits(rng, 6), h.city), None
    if k == "pos":
        return "PCD/%s/%s/%s" % (h.card[-4:], p["name"], h.city), None
    if k == "pg":
        return "PCD/%s/%s %s/%s" % (h.card[-4:], p["pg"], p["name"], h.city), None
    if k == "bill":
        return "BILLPAY %s %s" % (p["name"], rand_digits(rng, 8)), None
    if k == "refund":
        return "REFUND %s %s" % (p["name"], rand_digits(rng, 10)), None
    if k == "cash_dep":
        return "CASH DEPOSIT AT %s" % h.branch, None
    if k in ("self_out", "self_in"):
        return "IMPS-%s-%s-SELF" % (ref, p["name"]), "IMPS-" + ref
    if k == "chq_out":
        return "CLG TO %s" % p["name"], str(p["chq"])
    if k == "chq_in":
        return "CHQ DEP %s %s" % (p["bank"][2], p["name"]), str(p["chq"])
    if k == "chq_in_return":
        return "CHQ RETURN %s %s" % (p["reason"], p["name"]), str(p["chq"])
    if k == "chq_out_return":
        return "I/W CHQ RETURN %s" % p["reason"], str(p["chq"])
    if k == "chq_ret_chg":
        return "Chrg: %s Chq Return %s" % (p["way"], p["chq"]), None
    if k == "interest":
        return "Int.Pd:%s:%s to %s" % (rand_digits(rng, 10), e.date.replace(day=1).strftime("%d-%m-%Y"),
                                       e.date.strftime("%d-%m-%Y")), None
    if k == "sms_charge":
        return "Chrg: SMS Alert Charges %s" % p["period"], None
    if k == "fd_open":
        return "Sweep Transfer To: %s" % p["fd"], None
    if k == "fd_close":
        return "Sweep Transfer From: %s" % p["fd"], None
    if k == "minbal_charge":
        return "Chrg: Min Bal Non-Maintenance %s" % p["period"], None
    if k == "gst":
        return "GST on Chrg %s" % p["what"], None
    raise ValueError(k)


def coop(e, h, rng):
    """A small cooperative bank's terse core-banking narrations."""
    p, k = e.params, e.kind
    ref = _ref12(rng)
    if k == "salary":
        tag = "SALARY" if p["word"] else p["month"] + p["yy"]
        return "By NEFT/%s/%s/%s" % (_utr(rng), p["employer"], tag), None
    if k == "reimb":
        return "By NEFT/%s/%s/EXP" % (_utr(rng), p["employer"]), None
    if k in ("upi_out", "upi_merchant"):
        return "To UPI/%s/%s/%s" % (ref, p["name"], p["remark"]), None
    if k == "upi_in":
        return "By UPI/%s/%s/%s" % (ref, p["name"], p["remark"]), None
    if k in ("neft_out", "imps_out"):
        return "To %s/%s/%s" % (k[:4].upper(), _utr(rng), p["name"]), None
    if k in ("neft_in", "imps_in", "rtgs_in"):
        return "By %s/%s/%s" % (k[:4].upper(), _utr(rng), p["name"]), None
    if k == "emi":
        return "To ACH DR/%s/%s" % (p["lender"], p["umrn"][-8:]), None
    if k == "ach_bounce_chg":
        return "ACH Return Charges %s" % p["lender"], None
    if k == "atm":
        return "ATM Cash Wdl %s %s" % (rand_digits(rng, 6), h.city), None
    if k in ("pos", "pg"):
        return "POS Purchase %s" % (p["name"] if k == "pos" else p["pg"] + " " + p["name"]), None
    if k == "bill":
        return "Bill Pay %s" % p["name"], None
    if k == "refund":
        return "Refund %s" % p["name"], None
    if k == "cash_dep":
        return "By Cash", None
    if k == "self_out":
        return "To Self %s A/c %s" % (p["bank"][2], p["acct"][-4:]), None
    if k == "self_in":
        return "By Self %s A/c %s" % (p["bank"][2], p["acct"][-4:]), None
    if k == "chq_out":
        return "To Chq %s" % p["name"], str(p["chq"])
    if k == "chq_in":
        return "By Clg %s %s" % (p["bank"][2], p["name"]), str(p["chq"])
    if k == "chq_in_return":
        return "Clg Return %s" % p["reason"], str(p["chq"])
    if k == "chq_out_return":
        return "Inward Chq Return %s" % p["reason"], str(p["chq"])
    if k == "chq_ret_chg":
        return "Chq Return Charges", None
    if k == "interest":
        return "Int. Credited", None
    if k == "sms_charge":
        return "SMS Charges", None
    if k == "fd_open":
        return "To FD A/c %s" % p["fd"][-6:], None
    if k == "fd_close":
        return "By FD A/c %s Closed" % p["fd"][-6:], None
    if k == "minbal_charge":
        return "Min Bal Charges", None
    if k == "gst":
        return "GST on Charges", None
    raise ValueError(k)


STYLES = {"hdfc": hdfc, "sbi": sbi, "icici": icici, "axis": axis, "kotak": kotak, "coop": coop}


# Issue 12's kinds (model._extras) in the legacy styles: NACH debits to insurers and fund
# platforms, credit-card bills, a relative's support (worded as the style's UPI credit), a loan
# disbursal (as its NEFT credit) and a UPI reversal.
_NACH = {"hdfc": "ACH D- {name}-{u10}", "sbi": "DEBIT-ACHDr {umrn} {name}", "icici": "ACH/{name}/{umrn}",
         "axis": "ACH-DR-{name}-{u12}", "kotak": "NACH-DR-{name}-{u12}", "coop": "To ACH DR/{name}/{u8}"}
_CARD = {"hdfc": "IB BILLPAY DR-{name}-XXXXXXXXXXXX{last4}", "sbi": "TO TRANSFER-INB BillPay {name} {d9}",
         "icici": "BIL/ONL/{d9}/{name}/{d10}", "axis": "BRN-BILL PAY/{name}/{d10}",
         "kotak": "CC PAYMENT {name} XX{last4}", "coop": "Bill Pay {name} XX{last4}"}
_REV = {"hdfc": "REV-UPI-{name}-{ref}-REVERSAL", "sbi": "BY TRANSFER-UPI/REV/{ref}/{name}--",
        "icici": "UPI/REV/{ref}/{name}/REVERSAL", "axis": "UPI/REV/{ref}/{name}/FAILED TXN",
        "kotak": "UPI REVERSAL {ref} {name}", "coop": "By UPI Rev/{ref}/{name}"}


def _shim(e, kind, **params):
    """The same event worded as another kind (a relative's support as a UPI credit)."""
    x = copy.copy(e)
    x.kind = kind
    x.params = dict(e.params, **params)
    return x


def _with_issue12(style, base):
    def fn(e, h, rng):
        k, p = e.kind, e.params
        if k == "family_in":
            return base(_shim(e, "upi_in"), h, rng)
        if k == "disbursal":
            return base(_shim(e, "neft_in", name=p["lender"], remark="LOAN DISBURSAL"), h, rng)
        if k in ("insurance", "sip", "cc_bill", "reversal"):
            f = {"name": p.get("name", ""), "umrn": p.get("umrn", ""), "u8": p.get("umrn", "")[-8:],
                 "u10": p.get("umrn", "")[-10:], "u12": p.get("umrn", "")[-12:], "last4": p.get("last4", ""),
                 "ref": _ref12(rng), "d9": rand_digits(rng, 9), "d10": rand_digits(rng, 10)}
            table = _NACH if k in ("insurance", "sip") else _CARD if k == "cc_bill" else _REV
            return table[style].format(**f), None
        return base(e, h, rng)
    return fn


STYLES = {name: _with_issue12(name, fn) for name, fn in STYLES.items()}


# ---------------------------------------------------------------------------------------------
# Styles of the banks added for issue 10. One table per style: event kind -> (narration, chq/ref)
# templates over the fields below. A newline in a narration starts a detail line printed under
# the row (who sent a UPI payment, their VPA); the truth joins the lines with a space.

def _fields(e, h, rng):
    p = e.params
    cp = _other(rng)
    name = p.get("name") or ""
    f = {"ref": _ref12(rng), "utr": _utr(rng), "utr_r": _utr(rng, "R"), "cp_ifsc": _ifsc(cp, rng),
         "cp_bank": cp[0], "cp_code": cp[2], "cp_pfx": cp[1], "d4": rand_digits(rng, 4),
         "d6": rand_digits(rng, 6), "d9": rand_digits(rng, 9), "d10": rand_digits(rng, 10),
         "atm": "S1A" + rand_digits(rng, 5), "city": h.city, "branch": h.branch, "card4": h.card[-4:],
         "card": h.card, "name": name, "name12": name[:12], "date6": e.date.strftime("%d%m%y"),
         "vpa": (name.split()[0].lower() + rand_digits(rng, 2) + "@" + rng.choice(
             ["oksbi", "okaxis", "ybl", "paytm", "okhdfcbank", "ibl"])) if name else "",
         "remark": (p.get("remark") or "").upper(), "own4": h.other_account[-4:]}
    f.update({k: v for k, v in p.items() if isinstance(v, (str, int))})
    if e.kind == "disbursal":
        f["name"], f["remark"] = p["lender"], "LOAN DISBURSAL"
    f["u12"] = (p.get("umrn") or "")[-12:]
    f["chq"] = str(p.get("chq", ""))
    if e.kind == "salary":
        f["saltag"] = ("SALARY " + p["month"] + " 20" + p["yy"]) if p["word"] else (p["month"] + p["yy"])
    if e.kind in ("salary", "reimb"):
        f["emp_ifsc"] = p["ifsc"]
    if e.kind in ("chq_out", "chq_in", "chq_in_return", "self_out", "self_in"):
        f["cp_bank"], f["cp_code"] = p["bank"][0], p["bank"][2]
    if e.kind in ("interest",):
        f["q1"] = e.date.replace(day=1).strftime("%d-%m-%Y")
        f["q2"] = e.date.strftime("%d-%m-%Y")
    return f


ISSUE12 = {  # model._extras kinds, per table style: NACH, card bills, support, disbursal, reversal
    "PSU": {"insurance": ("ACH DR/{name}/{umrn}", None), "sip": ("ACH DR/{name}/{umrn}", None),
            "cc_bill": ("BBPS/{name}/{d9}", None), "family_in": ("UPI/CR/{ref}/{name12}/{cp_pfx}/{vpa}/FAMILY", "{ref}"),
            "disbursal": ("NEFT/{utr}/{cp_ifsc}/{name}/{remark}", None), "reversal": ("UPI/REV/{ref}/{name12}", "{ref}")},
    "PRIVATE": {"insurance": ("NACH-DR-{name}-{umrn}", None), "sip": ("NACH-DR-{name}-{umrn}", None),
                "cc_bill": ("CC PAYMENT-{name}-XX{card4}", None), "family_in": ("UPI/{ref}/CR/{name}/{cp_code}/{vpa}", "{ref}"),
                "disbursal": ("NEFT-{utr}-{name}-{cp_ifsc}-{remark}", "{utr}"),
                "reversal": ("UPI/{ref}/REV/{name}/{cp_code}", "{ref}")},
    "WALLET": {"insurance": ("Auto debit to {name}\nNACH UMRN: {umrn}", None),
               "sip": ("Auto debit to {name}\nNACH UMRN: {umrn}", None),
               "cc_bill": ("Credit card bill paid {name}\nCard XX{card4}", None),
               "family_in": ("Received from {name}\nUPI Ref No: {ref}\nFrom: {vpa}", None),
               "disbursal": ("Money received from {name}\nNEFT Ref No: {utr}\n{remark}", None),
               "reversal": ("Reversal of payment to {name}\nUPI Ref No: {ref}", None)},
    "UK": {"insurance": ("DD {name}", None), "sip": ("DD {name}", None), "cc_bill": ("DD {name}", None),
           "family_in": ("FPI {name} {ref}", None), "disbursal": ("FPI {name} LOAN", None),
           "reversal": ("CARD REFUND {name}", None)},
}


def _style(table):
    def style(e, h, rng):
        if e.kind not in table:  # a kind added after these tables: the co-operative wording
            return coop(e, h, rng)
        f = _fields(e, h, rng)
        narr, chq = table[e.kind]
        return narr.format(**f), (chq.format(**f) if chq else None)
    return style


PSU = {  # public sector banks on Finacle: slash-separated, counterparty IFSC in NEFT rows
    "salary": ("NEFT/{utr}/{employer}/{saltag}/{emp_ifsc}", None),
    "reimb": ("NEFT/{utr}/{employer}/REIMB {month}{yy}/{emp_ifsc}", None),
    "upi_out": ("UPI/DR/{ref}/{name12}/{cp_pfx}/{vpa}/{remark}", "{ref}"),
    "upi_in": ("UPI/CR/{ref}/{name12}/{cp_pfx}/{vpa}/{remark}", "{ref}"),
    "upi_merchant": ("UPI/DR/{ref}/{name12}/{cp_pfx}/merchant{d4}@{cp_code}/Pay to merchant", "{ref}"),
    "neft_out": ("NEFT/{utr}/{cp_ifsc}/{name}/{remark}", None),
    "neft_in": ("NEFT/{utr}/{cp_ifsc}/{name}/{remark}", None),
    "imps_out": ("IMPS/P2A/{ref}/{name}/XX{d4}/{remark}", "{ref}"),
    "imps_in": ("IMPS/P2A/{ref}/{name}/{cp_code}/{remark}", "{ref}"),
    "rtgs_in": ("RTGS/{utr_r}/{cp_ifsc}/{name}", None),
    "emi": ("ACH DR/{lender}/{umrn}", None),
    "ach_bounce_chg": ("ACH RTN CHGS/{lender}", None),
    "atm": ("ATM WDL/{atm}/{branch} {city}", None),
    "pos": ("POS/{name}/{city}/{d6}", None),
    "pg": ("ECOM/{pg}*{name}/{d10}", None),
    "bill": ("BBPS/{name}/{d9}", None),
    "refund": ("REFUND/{name}/{d10}", None),
    "cash_dep": ("BY CASH/{branch}", None),
    "self_out": ("TRF TO OWN A/C XX{own4}/{cp_code}", None),
    "self_in": ("TRF FROM OWN A/C XX{own4}/{cp_code}", None),
    "chq_out": ("TO CLG/{name}", "{chq}"),
    "chq_in": ("BY CLG/{cp_bank}/{name}", "{chq}"),
    "chq_in_return": ("CLG RETURN/{reason}/{name}", "{chq}"),
    "chq_out_return": ("INWARD CHQ RETURN/{reason}", "{chq}"),
    "chq_ret_chg": ("CHQ RETURN CHGS/{chq}", None),
    "interest": ("SB INT CREDIT {q1} TO {q2}", None),
    "sms_charge": ("SMS CHGS {period}", None),
    "fd_open": ("TRF TO TD A/C {fd}", None),
    "fd_close": ("TD CLOSURE PROCEEDS {fd}", None),
    "minbal_charge": ("MIN BAL CHGS {period}", None),
    "gst": ("GST ON {what}", None),
}

PRIVATE = {  # new-generation private and foreign banks: mode first, then references
    "salary": ("NEFT-{utr}-{employer}-{saltag}", "{utr}"),
    "reimb": ("NEFT-{utr}-{employer}-EXPENSE REIMB", "{utr}"),
    "upi_out": ("UPI/{ref}/DR/{name}/{cp_code}/{vpa}", "{ref}"),
    "upi_in": ("UPI/{ref}/CR/{name}/{cp_code}/{vpa}", "{ref}"),
    "upi_merchant": ("UPI/{ref}/DR/{name}/{cp_code}/Pay to merchant", "{ref}"),
    "neft_out": ("NEFT-{utr}-{name}-{cp_ifsc}-{remark}", "{utr}"),
    "neft_in": ("NEFT-{utr}-{name}-{cp_ifsc}-{remark}", "{utr}"),
    "imps_out": ("IMPS-{ref}-{name}-{cp_code}-{remark}", "{ref}"),
    "imps_in": ("IMPS-{ref}-{name}-{cp_code}-{remark}", "{ref}"),
    "rtgs_in": ("RTGS-{utr_r}-{name}-{cp_ifsc}", "{utr_r}"),
    "emi": ("NACH-DR-{lender}-{umrn}", None),
    "ach_bounce_chg": ("NACH RETURN CHARGES {lender}", None),
    "atm": ("ATM-WDL-{atm}-{city}", None),
    "pos": ("POS-{card4}-{name}-{city}", None),
    "pg": ("ECOM-{card4}-{pg} {name}", None),
    "bill": ("BILLPAY-{name}-{d9}", None),
    "refund": ("REFUND-{name}-{d10}", None),
    "cash_dep": ("CASH DEPOSIT-{branch}", None),
    "self_out": ("IMPS-{ref}-SELF-{cp_code} XX{own4}", "{ref}"),
    "self_in": ("IMPS-{ref}-SELF-{cp_code} XX{own4}", "{ref}"),
    "chq_out": ("CHQ PAID-{name}", "{chq}"),
    "chq_in": ("CHQ DEP-{cp_code}-{name}", "{chq}"),
    "chq_in_return": ("CHQ DEP RETURN-{reason}", "{chq}"),
    "chq_out_return": ("CHQ ISSUED RETURN-{reason}", "{chq}"),
    "chq_ret_chg": ("CHQ RETURN CHARGES {way}", None),
    "interest": ("INTEREST CREDIT {q1} TO {q2}", None),
    "sms_charge": ("SMS ALERT CHARGES {period}", None),
    "fd_open": ("TRANSFER TO FD {fd}", None),
    "fd_close": ("FD CLOSURE {fd}", None),
    "minbal_charge": ("AMB CHARGES {period}", None),
    "gst": ("GST ON {what}", None),
}

PSU.update(ISSUE12["PSU"])
PRIVATE.update(ISSUE12["PRIVATE"])

DETAIL = dict(PRIVATE, **{  # app statements: a short first line, who and which VPA printed under it
    "upi_out": ("UPI/DR/{ref}/{name12}\nTo: {name}\nVPA: {vpa}", "{ref}"),
    "upi_in": ("UPI/CR/{ref}/{name12}\nFrom: {name}\nVPA: {vpa}", "{ref}"),
    "upi_merchant": ("UPI/DR/{ref}/{name12}\nTo: {name}\nPay to merchant", "{ref}"),
    "imps_in": ("IMPS/CR/{ref}\nFrom: {name}\n{cp_bank}", "{ref}"),
    "neft_in": ("NEFT/CR/{utr}\nFrom: {name}\nIFSC: {cp_ifsc}", "{utr}"),
    "salary": ("NEFT/CR/{utr}\nFrom: {employer}\n{saltag}", "{utr}"),
})

WALLET = {  # payments banks' app statements: what happened, then references in detail lines
    "salary": ("Received from {employer}\nNEFT Ref No: {utr}\n{saltag}", None),
    "reimb": ("Received from {employer}\nNEFT Ref No: {utr}", None),
    "upi_out": ("Paid to {name}\nUPI Ref No: {ref}\nTo: {vpa}", None),
    "upi_in": ("Received from {name}\nUPI Ref No: {ref}\nFrom: {vpa}", None),
    "upi_merchant": ("Paid to {name}\nUPI Ref No: {ref}", None),
    "neft_out": ("Money sent to {name}\nIMPS/NEFT Ref No: {utr}\nIFSC: {cp_ifsc}", None),
    "neft_in": ("Money received from {name}\nNEFT Ref No: {utr}\nIFSC: {cp_ifsc}", None),
    "imps_out": ("Money sent to {name}\nIMPS Ref No: {ref}", None),
    "imps_in": ("Money received from {name}\nIMPS Ref No: {ref}", None),
    "rtgs_in": ("Money received from {name}\nRTGS Ref No: {utr_r}", None),
    "emi": ("Auto debit to {lender}\nNACH UMRN: {umrn}", None),
    "ach_bounce_chg": ("NACH return charges\n{lender}", None),
    "atm": ("Cash withdrawal at ATM\nATM ID: {atm}", None),
    "pos": ("Paid at {name}\nDebit card XX{card4}", None),
    "pg": ("Paid to {name} via {pg}\nOrder ID: {d10}", None),
    "bill": ("Bill payment {name}\nBBPS Ref No: {d9}", None),
    "refund": ("Refund from {name}\nRef No: {d10}", None),
    "cash_dep": ("Cash added at {branch}\nBanking point: {d6}", None),
    "self_out": ("Money sent to self\n{cp_bank} XX{own4}", None),
    "self_in": ("Money received from self\n{cp_bank} XX{own4}", None),
    "chq_out": ("Cheque paid to {name}\nCheque No: {chq}", None),
    "chq_in": ("Cheque deposit {cp_bank}\nCheque No: {chq}", None),
    "chq_in_return": ("Cheque returned {reason}\nCheque No: {chq}", None),
    "chq_out_return": ("Issued cheque returned {reason}\nCheque No: {chq}", None),
    "chq_ret_chg": ("Cheque return charges\nCheque No: {chq}", None),
    "interest": ("Interest credited\n{q1} to {q2}", None),
    "sms_charge": ("SMS charges {period}", None),
    "fd_open": ("Fixed deposit booked\nFD No: {fd}", None),
    "fd_close": ("Fixed deposit redeemed\nFD No: {fd}", None),
    "minbal_charge": ("Minimum balance charges {period}", None),
    "gst": ("GST on {what}", None),
}

UK = {  # a bank outside India: its own payment words (the amounts are the same events)
    "salary": ("BGC {employer} SALARY", None), "reimb": ("BGC {employer} EXPENSES", None),
    "upi_out": ("FPO {name} {ref}", None), "upi_in": ("FPI {name} {ref}", None),
    "upi_merchant": ("CARD PAYMENT TO {name}", None), "neft_out": ("FPO {name} {remark}", None),
    "neft_in": ("FPI {name} {remark}", None), "imps_out": ("TFR TO {name}", None),
    "imps_in": ("TFR FROM {name}", None), "rtgs_in": ("CHAPS IN {name}", None),
    "emi": ("DD {lender}", None), "ach_bounce_chg": ("UNPAID DD FEE {lender}", None),
    "atm": ("CASH WITHDRAWAL {atm} {city}", None), "pos": ("CARD PAYMENT TO {name}", None),
    "pg": ("ONLINE PAYMENT {pg} {name}", None), "bill": ("DD {name}", None),
    "refund": ("CARD REFUND {name}", None), "cash_dep": ("CASH PAID IN {branch}", None),
    "self_out": ("TFR TO SAVINGS XX{own4}", None), "self_in": ("TFR FROM SAVINGS XX{own4}", None),
    "chq_out": ("CHEQUE {chq}", None), "chq_in": ("CHEQUE PAID IN {chq}", None),
    "chq_in_return": ("RETURNED CHEQUE {chq}", None), "chq_out_return": ("CHEQUE {chq} RETURNED", None),
    "chq_ret_chg": ("RETURNED ITEM FEE", None), "interest": ("INTEREST PAID", None),
    "sms_charge": ("TEXT ALERT FEE", None), "fd_open": ("TFR TO FIXED SAVER {fd}", None),
    "fd_close": ("FIXED SAVER MATURITY {fd}", None), "minbal_charge": ("ACCOUNT FEE", None),
    "gst": ("FEE {what}", None),
}

WALLET.update(ISSUE12["WALLET"])
UK.update(ISSUE12["UK"])

STYLES.update({"psu": _style(PSU), "private": _style(PRIVATE), "detail": _style(DETAIL),
               "wallet": _style(WALLET), "uk": _style(UK)})
