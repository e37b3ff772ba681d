"""Account holders and their money: the bank-neutral part of a synthetic statement.

Everything here is deterministic from a random.Random and works in paise (int) so the
ground truth is exact. A transaction is an *event* (what happened: a UPI payment to a
person, an EMI debit to a lender, ...) with its labels for the enrichment tests; each
bank's narration style (narrations.py) turns the event into the text that bank prints.
"""
import datetime as dt

FIRST_NAMES = ["RAHUL", "PRIYA", "AMIT", "SNEHA", "VIKRAM", "ANJALI", "SURESH", "KAVITA",
               "ARJUN", "DEEPA", "MANOJ", "POOJA", "RAJESH", "NEHA", "SANJAY", "LAKSHMI",
               "KARTHIK", "DIVYA", "ABHISHEK", "MEERA", "ROHIT", "SUNITA", "VENKATESH", "ASHA",
               "IMRAN", "FATIMA", "GURPREET", "HARPREET", "NITIN", "SWATI"]
FEMALE = {"PRIYA", "SNEHA", "ANJALI", "KAVITA", "DEEPA", "POOJA", "NEHA", "LAKSHMI", "DIVYA", "MEERA",
          "SUNITA", "ASHA", "FATIMA", "HARPREET", "SWATI"}
MIDDLE = ["KUMAR", "PRASAD", "", "", "", "RANI", "LAL", "", "DEVI", ""]
LAST_NAMES = ["SHARMA", "VERMA", "IYER", "NAIR", "REDDY", "PATEL", "SHAH", "GUPTA", "SINGH",
              "KULKARNI", "DESHPANDE", "CHATTERJEE", "BANERJEE", "MENON", "PILLAI", "RAO",
              "JOSHI", "MEHTA", "KHAN", "SHEIKH", "GILL", "AGARWAL", "MISHRA", "YADAV", "DAS"]
FIRMS = ["SHARMA TRADERS", "SAI KRUPA ENTERPRISES", "GANESH HARDWARE STORES",
         "NAVKAR TEXTILES", "SHREE BALAJI AGENCIES", "ROYAL MEDICALS"]

CITIES = [  # city, state, pin prefix, MICR city code, localities
    ("MUMBAI", "MAHARASHTRA", "400", "400", ["ANDHERI WEST", "DADAR", "BORIVALI EAST", "POWAI"]),
    ("PUNE", "MAHARASHTRA", "411", "411", ["KOTHRUD", "AUNDH", "HADAPSAR", "BANER"]),
    ("BENGALURU", "KARNATAKA", "560", "560", ["KORAMANGALA", "JAYANAGAR", "WHITEFIELD", "INDIRANAGAR"]),
    ("CHENNAI", "TAMIL NADU", "600", "600", ["T NAGAR", "ADYAR", "VELACHERY", "ANNA NAGAR"]),
    ("HYDERABAD", "TELANGANA", "500", "500", ["BANJARA HILLS", "KUKATPALLY", "MADHAPUR", "AMEERPET"]),
    ("NEW DELHI", "DELHI", "110", "110", ["LAJPAT NAGAR", "DWARKA", "ROHINI", "KAROL BAGH"]),
    ("KOLKATA", "WEST BENGAL", "700", "700", ["SALT LAKE", "BEHALA", "GARIAHAT", "DUM DUM"]),
    ("AHMEDABAD", "GUJARAT", "380", "380", ["NAVRANGPURA", "SATELLITE", "MANINAGAR", "BOPAL"]),
    ("JAIPUR", "RAJASTHAN", "302", "302", ["MALVIYA NAGAR", "VAISHALI NAGAR", "C SCHEME", "MANSAROVAR"]),
    ("KOCHI", "KERALA", "682", "682", ["EDAPPALLY", "KAKKANAD", "VYTILLA", "PALARIVATTOM"]),
]
STREETS = ["FLAT NO 203, SAI SHRADDHA APTS", "H NO 12-5-67, MAIN ROAD", "B-14, GREEN PARK SOCIETY",
           "12/3 GANDHI NAGAR", "PLOT 45, SECTOR 7", "4TH CROSS, 2ND MAIN", "ROOM 5, SHIVAJI CHAWL",
           "VILLA 9, PALM MEADOWS", "C-701 ROYAL HEIGHTS", "NO 18, TEMPLE STREET"]
LANDMARKS = ["NEAR HANUMAN MANDIR", "OPP CITY MALL", "BEHIND BUS DEPOT", "NEAR RAILWAY STATION",
             "OFF LINK ROAD", "NEXT TO POST OFFICE"]

# Counterparty banks: name as UPI/NEFT narrations print it, IFSC prefix, short code.
BANKS = [("HDFC BANK", "HDFC", "HDFC"), ("STATE BANK OF INDIA", "SBIN", "SBI"),
         ("ICICI BANK", "ICIC", "ICICI"), ("AXIS BANK", "UTIB", "AXIS"),
         ("KOTAK MAHINDRA BANK", "KKBK", "KOTAK"), ("PUNJAB NATIONAL BANK", "PUNB", "PNB"),
         ("BANK OF BARODA", "BARB", "BOB"), ("CANARA BANK", "CNRB", "CANARA"),
         ("YES BANK", "YESB", "YES"), ("IDFC FIRST BANK", "IDFB", "IDFC"),
         ("UNION BANK OF INDIA", "UBIN", "UNION"), ("INDUSIND BANK", "INDB", "INDUSIND")]
VPA_HANDLES = ["okhdfcbank", "okicici", "oksbi", "okaxis", "ybl", "paytm", "ibl", "axl", "upi", "apl"]

EMPLOYERS = ["INFOSYS LIMITED", "TATA CONSULTANCY SERVICES LTD", "WIPRO LIMITED",
             "ACME TECHNOLOGIES PVT LTD", "LARSEN AND TOUBRO LIMITED", "RELIANCE RETAIL LIMITED",
             "SUNRISE LOGISTICS PVT LTD", "BLUE DART EXPRESS LTD", "APOLLO HOSPITALS ENTERPRISE",
             "ZENITH SOFTWARE SOLUTIONS"]
LENDERS = [  # as narrations print them, canonical lender name for labels
    ("BAJAJ FINANCE LTD", "Bajaj Finance"), ("HDFC LTD", "HDFC Ltd"),
    ("TATA CAPITAL FINANCIAL SERV", "Tata Capital"), ("FULLERTON INDIA CREDIT CO", "Fullerton India"),
    ("ADITYA BIRLA FINANCE LTD", "Aditya Birla Finance"), ("HOME CREDIT INDIA FINANCE", "Home Credit"),
    ("L AND T FINANCE LTD", "L&T Finance"), ("CHOLAMANDALAM INVESTMENT", "Cholamandalam"),
    ("MAHINDRA AND MAHINDRA FIN", "Mahindra Finance"), ("HDB FINANCIAL SERVICES", "HDB Financial"),
    ("MUTHOOT FINANCE LTD", "Muthoot Finance"), ("IDFC FIRST BANK LTD", "IDFC First Bank")]
MERCHANTS = ["AMAZON", "FLIPKART", "SWIGGY", "ZOMATO", "BIG BAZAAR", "DMART", "RELIANCE FRESH",
             "MORE RETAIL", "INDIAN OIL", "HP PETROL PUMP", "APOLLO PHARMACY", "MEDPLUS",
             "BOOKMYSHOW", "MAKEMYTRIP", "IRCTC", "UBER INDIA", "OLA CABS", "DOMINOS PIZZA",
             "MYNTRA", "NYKAA", "CROMA", "DECATHLON", "STAR BAZAAR", "CAFE COFFEE DAY"]
PG = ["PAYU", "RAZORPAY", "CCAVENUE", "CASHFREE"]
# Issue 12 (spec "extras"): insurers, fund platforms and card issuers as narrations print them.
INSURERS = ["LIC OF INDIA", "HDFC LIFE INSURANCE", "ICICI PRUDENTIAL LIFE", "STAR HEALTH AND ALLIED",
            "SBI LIFE INSURANCE CO", "MAX LIFE INSURANCE", "BAJAJ ALLIANZ GENERAL", "TATA AIA LIFE"]
FUNDS = ["BSE STAR MF", "ICCL MUTUAL FUND", "ZERODHA BROKING", "GROWW INVEST TECH", "NSE CLEARING",
         "CAMS MUTUAL FUND", "KFINTECH MF"]
CARD_ISSUERS = ["HDFC BANK CREDIT CARD", "SBI CARD", "ICICI CREDIT CARD", "AXIS BANK CREDIT CARD",
                "AMEX CARD", "CRED CLUB"]
BILLERS = [("AIRTEL", "telco_bill"), ("JIO PREPAID", "telco_bill"), ("VODAFONE IDEA", "telco_bill"),
           ("TATA POWER", "electric_bill"), ("BESCOM", "electric_bill"), ("MSEDCL", "electric_bill"),
           ("ADANI ELECTRICITY", "electric_bill"), ("MAHANAGAR GAS", "bill"),
           ("CREDIT CARD BILL", "credit_card_bill")]
UPI_REMARKS = ["Payment from Ph", "UPI", "Sent using Paytm", "NA", "rent", "dinner", "groceries",
               "Pay to merchant", "payment", "loan repay", "gift", "milk", "petrol", "school fees"]
# Producers of PDF editors: a statement saved by one of these was edited (author_fraud).
EDITORS = ["iLovePDF", "PDFescape Online PDF Editor", "Sejda PDF Desktop (https://www.sejda.com)",
           "Foxit PhantomPDF 10.1", "PDF-XChange Editor 9.5", "Nitro Pro 13"]
BRANCH_WORDS = ["MAIN BRANCH", "STATION ROAD", "MG ROAD", "CIVIL LINES", "MARKET YARD"]


def rand_digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def person_name(rng):
    mid = rng.choice(MIDDLE)
    parts = [rng.choice(FIRST_NAMES)] + ([mid] if mid else []) + [rng.choice(LAST_NAMES)]
    return " ".join(parts)


def vpa_for(rng, name):
    first = name.split()[0].lower()
    style = rng.randrange(3)
    if style == 0:
        user = first + "." + name.split()[-1].lower()
    elif style == 1:
        user = rand_digits(rng, 10)
    else:
        user = first + rand_digits(rng, 3)
    return user + "@" + rng.choice(VPA_HANDLES)


def month_add(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = month_last_day(y, m)
    return dt.date(y, m, min(d.day, last))


def month_last_day(y, m):
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


class Holder:
    """The account holder and account, bank-neutral (banks format the numbers)."""

    def __init__(self, rng, corporate=False):
        self.corporate = corporate
        self.name = rng.choice(FIRMS) if corporate else person_name(rng)
        female = self.name.split()[0] in FEMALE
        self.title = "M/S" if corporate else (rng.choice(["MS", "MRS"]) if female else "MR")
        city = rng.choice(CITIES)
        self.city, self.state, pin3, self.micr_city, localities = city
        self.locality = rng.choice(localities)
        self.pin = pin3 + rand_digits(rng, 3)
        self.address_lines = [rng.choice(STREETS), rng.choice(LANDMARKS) + ", " + self.locality,
                              self.city + " " + self.pin]
        if rng.random() < 0.5:
            self.address_lines.insert(2, self.state)
        self.branch = rng.choice(localities)
        self.branch_code = rand_digits(rng, 4)
        self.phone = "9" + rand_digits(rng, 9)
        self.email = self.name.split()[0].lower() + rand_digits(rng, 2) + "@gmail.com"
        self.cust_id = rand_digits(rng, 8)
        self.vpa = vpa_for(rng, self.name)
        self.card = rng.choice(["4", "5"]) + rand_digits(rng, 5) + "XXXXXX" + rand_digits(rng, 4)
        self.other_account = rand_digits(rng, 12)  # own account elsewhere (self transfers)
        self.other_bank = rng.choice(BANKS)
        self.joint = person_name(rng) if not corporate and rng.random() < 0.25 else None
        self.dob = dt.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))


class Event:
    """One printed transaction row before a bank formats it."""

    def __init__(self, date, kind, amount, credit, **params):
        self.date = date
        self.value_date = date
        self.kind = kind
        self.amount = amount          # paise, > 0
        self.credit = credit
        self.params = params
        self.labels = {"channel": "Others", "is_salary": False, "employer": None,
                       "is_emi": False, "lender": None, "is_bounce": False, "bounce_kind": None}
        self.labels.update(category_labels(kind, credit, params))
        self.balance = None
        self.narration = None
        self.chq = None

    def label(self, **kw):
        self.labels.update(kw)
        return self


# What each kind of event is for a lender (issue 12): `category` (rent, utilities, insurance,
# investment, credit_card, loan_emi, loan_disbursal, transfer_person, merchant, cash, salary,
# self_transfer, refund, reversal, fd_closure, bank_charge, interest, bounce, reimbursement),
# `counterparty` (the person or merchant, where there is one) and `income`: how the credit counts
# ("salary", "recurring", or "excluded:<reason>" with reason one_off, self_transfer,
# loan_disbursal, refund, reversal, fd_closure, bounce, cash). Derived from the kind alone (no
# randomness), so adding them changes no statement.
_CATEGORY = {"salary": "salary", "reimb": "reimbursement", "upi_merchant": "merchant", "pos": "merchant",
             "pg": "merchant", "atm": "cash", "cash_dep": "cash", "refund": "refund", "self_out": "self_transfer",
             "self_in": "self_transfer", "fd_open": "investment", "fd_close": "fd_closure", "emi": "loan_emi",
             "interest": "interest", "sms_charge": "bank_charge", "minbal_charge": "bank_charge", "gst": "bank_charge",
             "chq_ret_chg": "bank_charge", "ach_bounce_chg": "bank_charge", "chq_in_return": "bounce",
             "chq_out_return": "bounce", "insurance": "insurance", "sip": "investment", "cc_bill": "credit_card",
             "disbursal": "loan_disbursal", "reversal": "reversal", "family_in": "transfer_person"}
_EXCLUDED = {"self_in": "self_transfer", "fd_close": "fd_closure", "refund": "refund", "reversal": "reversal",
             "disbursal": "loan_disbursal", "chq_out_return": "bounce", "cash_dep": "cash"}


def category_labels(kind, credit, p):
    cat = _CATEGORY.get(kind)
    person = kind in ("upi_out", "upi_in", "neft_out", "neft_in", "imps_out", "imps_in", "rtgs_in", "chq_out",
                      "chq_in", "family_in")
    if person:
        cat = "rent" if "RENT" in (p.get("remark") or "").upper() and not credit else "transfer_person"
    if kind == "bill":
        cat = "credit_card" if "CREDIT CARD" in p.get("name", "") else "utilities"
    out = {"category": cat or "other",
           "counterparty": p.get("name") if person or kind in ("upi_merchant", "pos", "pg") else None}
    if credit:
        out["income"] = {"salary": "salary", "family_in": "recurring"}.get(kind) or \
            "excluded:" + _EXCLUDED.get(kind, "one_off")
    return out


def rupees(rng, lo, hi, round_to=1):
    """A random amount in paise between lo and hi rupees, rounded to round_to rupees."""
    r = rng.randint(lo, hi)
    r = max(round_to, r // round_to * round_to)
    return r * 100


def odd_amount(rng, lo, hi):
    return rng.randint(lo * 100, hi * 100)


class Plan:
    """Recurring facts of the account over the whole period: employer, loans, rent."""

    def __init__(self, rng, holder, opts):
        self.employer = None if holder.corporate or opts.get("no_salary") else rng.choice(EMPLOYERS)
        self.salary = rupees(rng, 25000, 180000, 500) if self.employer else 0
        self.salary_day = rng.choice([1, 1, 28, 30, 7, 10])
        self.salary_word = rng.random() < 0.6        # narration carries "SALARY"/"SAL"
        self.employer_ifsc = rng.choice(BANKS)[1] + "0" + rand_digits(rng, 6)
        n_loans = rng.choice([0, 1, 1, 2]) if not opts.get("no_emi") else 0
        if opts.get("loans") is not None:  # a profile asks for a number of loans
            n_loans = opts["loans"]
        self.loans = []
        for _ in range(n_loans):
            lender = rng.choice(LENDERS)
            self.loans.append({"lender": lender, "emi": rupees(rng, 1500, 25000, 1) + rng.choice([0, 0, 50]),
                               "day": rng.choice([2, 3, 5, 5, 7, 10, 15]),
                               "umrn": rng.choice(["HDFC", "ICIC", "UTIB", "SBIN"]) + "70" + rand_digits(rng, 14)})
        self.landlord = person_name(rng)
        self.rent = rupees(rng, 6000, 40000, 500) if rng.random() < 0.6 else 0
        self.friends = [person_name(rng) for _ in range(6)]
        self.chq_no = rng.randint(100, 900000)
        self.biller = rng.choice(BILLERS)


def _rand_day(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def _month_spans(start, end):
    """(first, last) day pairs of each calendar month touching [start, end]."""
    cur = dt.date(start.year, start.month, 1)
    while cur <= end:
        last = dt.date(cur.year, cur.month, month_last_day(cur.year, cur.month))
        yield max(cur, start), min(last, end)
        cur = last + dt.timedelta(days=1)


def _monthly(rng, holder, plan, lo, hi, density, ev):
    """Append one month's events (lo..hi inclusive) to ev."""
    mon = lo.strftime("%b").upper()
    yy = lo.strftime("%y")
    if plan.employer and lo.day <= plan.salary_day <= hi.day + 2:
        day = min(max(plan.salary_day + rng.randint(-1, 1), lo.day), hi.day)
        d = lo.replace(day=day)
        amt = plan.salary + rng.choice([0, 0, 0, 100000, -50000]) if rng.random() < 0.2 else plan.salary
        ev.append(Event(d, "salary", amt, True, employer=plan.employer, ifsc=plan.employer_ifsc,
                        month=mon, yy=yy, word=plan.salary_word).label(
            channel="salary", is_salary=True, employer=plan.employer))
        if rng.random() < 0.25:  # reimbursement from the same employer: not salary
            ev.append(Event(_rand_day(rng, lo, hi), "reimb", odd_amount(rng, 800, 9000), True,
                            employer=plan.employer, ifsc=plan.employer_ifsc, month=mon, yy=yy).label(
                channel="net_banking_transfer", employer=None))
    for loan in plan.loans:
        if lo.day <= loan["day"] <= hi.day:
            ev.append(Event(lo.replace(day=loan["day"]), "emi", loan["emi"], False, lender=loan["lender"][0],
                            umrn=loan["umrn"]).label(channel="auto_debit_payment", is_emi=True,
                                                     lender=loan["lender"][1]))
    if plan.rent and lo.day <= 5 <= hi.day:
        ev.append(Event(lo.replace(day=rng.randint(lo.day, 5)), "upi_out", plan.rent, False,
                        name=plan.landlord, remark="rent").label(channel="upi"))
    n = max(1, int(density * (hi.day - lo.day + 1) / 30.0))
    kinds = [("upi_out", 30), ("upi_in", 10), ("upi_merchant", 18), ("pos", 8), ("atm", 6),
             ("neft_out", 3), ("neft_in", 3), ("imps_out", 4), ("imps_in", 4), ("pg", 4),
             ("bill", 3), ("refund", 1), ("cash_dep", 2), ("self_out", 1), ("self_in", 1),
             ("chq_out", 1), ("chq_in", 1), ("rtgs_in", 0.3), ("fd_open", 0.4), ("fd_close", 0.2)]
    total = sum(w for _, w in kinds)
    for _ in range(n):
        r = rng.random() * total
        for kind, w in kinds:
            r -= w
            if r < 0:
                break
        ev.append(_random_event(rng, holder, plan, kind, _rand_day(rng, lo, hi)))
    if rng.random() < 0.08 and hi.day == month_last_day(hi.year, hi.month):
        chg = rng.choice([25000, 35000, 50000, 59000])
        ev.append(Event(hi, "minbal_charge", chg, False, period=hi.strftime("%b%y").upper()).label(
            channel="bank_charge"))
        ev.append(Event(hi, "gst", chg * 18 // 100, False, what="MIN BAL CHGS").label(channel="bank_charge"))
    if hi.month in (3, 6, 9, 12) and hi.day == month_last_day(hi.year, hi.month):
        ev.append(Event(hi, "interest", 0, True).label(channel="bank_interest"))
        if rng.random() < 0.7:
            sms = rng.choice([1500, 1770, 2000, 2360])
            ev.append(Event(hi, "sms_charge", sms * 100 // 100, False,
                            period=(month_add(hi, -2).strftime("%b%y") + "-" + hi.strftime("%b%y")).upper()
                            ).label(channel="bank_charge"))


def _random_event(rng, holder, plan, kind, d):
    friend = rng.choice(plan.friends)
    bank = rng.choice(BANKS)
    if kind == "upi_out":
        return Event(d, kind, rupees(rng, 20, 6000) if rng.random() < 0.7 else odd_amount(rng, 10, 3000), False,
                     name=friend, remark=rng.choice(UPI_REMARKS)).label(channel="upi")
    if kind == "upi_in":
        return Event(d, kind, rupees(rng, 50, 8000), True, name=friend,
                     remark=rng.choice(UPI_REMARKS)).label(channel="upi")
    if kind == "upi_merchant":
        return Event(d, kind, odd_amount(rng, 30, 4000), False, name=rng.choice(MERCHANTS),
                     remark="Pay to merchant").label(channel="upi")
    if kind == "pos":
        return Event(d, kind, odd_amount(rng, 100, 9000), False,
                     name=rng.choice(MERCHANTS)).label(channel="debit_card")
    if kind == "atm":
        return Event(d, kind, rupees(rng, 500, 20000, 500), False).label(channel="cash_withdrawl")
    if kind in ("neft_out", "imps_out"):
        return Event(d, kind, rupees(rng, 1000, 50000), False, name=friend,
                     remark=rng.choice(["TRANSFER", "FAMILY", "RENT", "LOAN", "PAYMENT"])).label(
            channel="net_banking_transfer")
    if kind in ("neft_in", "imps_in", "rtgs_in"):
        amt = rupees(rng, 200000, 900000) if kind == "rtgs_in" else rupees(rng, 1000, 60000)
        return Event(d, kind, amt, True, name=friend,
                     remark=rng.choice(["TRANSFER", "FAMILY", "REPAY", "PAYMENT", "NA"])).label(
            channel="net_banking_transfer")
    if kind == "pg":
        return Event(d, kind, odd_amount(rng, 100, 7000), False, pg=rng.choice(PG),
                     name=rng.choice(MERCHANTS)).label(channel="payment_gateway_purchase")
    if kind == "bill":
        biller = plan.biller if rng.random() < 0.6 else rng.choice(BILLERS)
        return Event(d, kind, odd_amount(rng, 200, 6000), False, name=biller[0]).label(channel="bill_payment")
    if kind == "refund":
        return Event(d, kind, odd_amount(rng, 100, 3000), True, name=rng.choice(MERCHANTS[:8])).label(
            channel="refund")
    if kind == "cash_dep":
        return Event(d, kind, rupees(rng, 1000, 40000, 100), True).label(channel="cash_deposit")
    if kind in ("self_out", "self_in"):
        return Event(d, kind, rupees(rng, 2000, 50000, 1000), kind == "self_in", name=holder.name,
                     bank=holder.other_bank, acct=holder.other_account).label(channel="self_transfer")
    if kind == "fd_open":
        return Event(d, kind, rupees(rng, 10000, 100000, 5000), False, fd=rand_digits(rng, 13)).label(
            channel="investment")
    if kind == "fd_close":
        return Event(d, kind, odd_amount(rng, 10000, 120000), True, fd=rand_digits(rng, 13)).label(
            channel="investment_cashin")
    if kind == "chq_out":
        plan.chq_no += 1
        return Event(d, kind, rupees(rng, 2000, 40000), False, name=friend, chq=plan.chq_no,
                     bank=bank).label(channel="chq")
    if kind == "chq_in":
        return Event(d, kind, rupees(rng, 2000, 60000), True, name=friend, chq=rng.randint(1000, 999999),
                     bank=bank).label(channel="chq")
    raise ValueError(kind)


def _extras(xr, holder, plan, start, end, ev):
    """Issue 12's lender-relevant events (spec "extras"), from their own random source so the
    rest of the statement is drawn as without them: rent by UPI every month, an insurance
    premium and a SIP by NACH, a credit-card bill, a relative's monthly support, one loan
    disbursal, one UPI payment reversed, one large RTGS from a person and one FD closure."""
    insurer, fund, card = xr.choice(INSURERS), xr.choice(FUNDS), xr.choice(CARD_ISSUERS)
    premium, sip = rupees(xr, 1500, 6000, 1), rupees(xr, 1000, 10000, 500)
    relative, support = person_name(xr), rupees(xr, 5000, 20000, 500)
    landlord, rent = plan.landlord, plan.rent or rupees(xr, 6000, 40000, 500)
    umrn = lambda: xr.choice(["HDFC", "ICIC", "UTIB", "SBIN"]) + "70" + rand_digits(xr, 14)
    u_ins, u_sip = umrn(), umrn()
    for lo, hi in _month_spans(start, end):
        if not plan.rent and lo.day <= 5 <= hi.day:
            ev.append(Event(lo.replace(day=xr.randint(lo.day, 5)), "upi_out", rent, False, name=landlord,
                            remark="rent").label(channel="upi"))
        if lo.day <= 12 <= hi.day:
            ev.append(Event(lo.replace(day=12), "insurance", premium, False, insurer=insurer, umrn=u_ins,
                            name=insurer).label(channel="auto_debit_payment", counterparty=insurer))
        if lo.day <= 10 <= hi.day:
            ev.append(Event(lo.replace(day=10), "sip", sip, False, fund=fund, umrn=u_sip, name=fund).label(
                channel="auto_debit_payment", counterparty=fund))
        if lo.day <= 18 <= hi.day:
            ev.append(Event(lo.replace(day=18), "cc_bill", odd_amount(xr, 3000, 40000), False, card=card,
                            last4=holder.card[-4:], name=card).label(channel="bill_payment", counterparty=card))
        if lo.day <= 3 <= hi.day:
            ev.append(Event(lo.replace(day=3), "family_in", support, True, name=relative,
                            remark="FAMILY").label(channel="upi", counterparty=relative))
    span = (end - start).days
    if span >= 20:
        lender = xr.choice(LENDERS)
        d = start + dt.timedelta(days=xr.randint(span // 3, 2 * span // 3))
        ev.append(Event(d, "disbursal", rupees(xr, 50000, 500000, 1000), True, lender=lender[0], name=lender[0],
                        ifsc=xr.choice(BANKS)[1] + "0" + rand_digits(xr, 6)).label(
            channel="net_banking_transfer", lender=lender[1]))
        d2 = start + dt.timedelta(days=xr.randint(1, span - 3))
        m = xr.choice(MERCHANTS[:8])
        amt = odd_amount(xr, 200, 4000)
        ev.append(Event(d2, "upi_merchant", amt, False, name=m, remark="Pay to merchant").label(channel="upi"))
        ev.append(Event(d2 + dt.timedelta(days=xr.randint(1, 2)), "reversal", amt, True, name=m).label(
            channel="refund", counterparty=m))
        ev.append(Event(start + dt.timedelta(days=xr.randint(0, span)), "rtgs_in", rupees(xr, 200000, 900000),
                        True, name=person_name(xr), remark="TRANSFER").label(channel="net_banking_transfer"))
        ev.append(Event(start + dt.timedelta(days=xr.randint(0, span)), "fd_close",
                        odd_amount(xr, 50000, 300000), True, fd=rand_digits(xr, 13)).label(
            channel="investment_cashin"))


def build_events(rng, holder, plan, start, end, density, opts):
    """All events of the period, chronological, with balances; opening balance returned too.

    A debit the balance cannot cover is dropped, except an EMI, which bounces: the bank levies
    an ACH return charge (plus GST) instead. Overdraft accounts may go down to -od_limit."""
    ev = []
    for lo, hi in _month_spans(start, end):
        _monthly(rng, holder, plan, lo, hi, density, ev)
    if opts.get("extras"):
        _extras(opts["extras"], holder, plan, start, end, ev)
    _add_bounces(rng, plan, start, end, ev, opts)
    for e in ev:
        e.seq = rng.random()
    ev.sort(key=lambda e: (e.date, e.seq))
    for e in ev:
        if e.kind.startswith("chq") or e.kind in ("neft_in",) and rng.random() < 0.3:
            e.value_date = min(e.date + dt.timedelta(days=rng.choice([0, 1, 1, 2])), end)
    od_limit = opts.get("od_limit", 0)
    opening = opts.get("opening")
    if opening is None:
        opening = -odd_amount(rng, 1000, od_limit // 200) if od_limit and rng.random() < 0.5 \
            else odd_amount(rng, 2000, 90000)
    out, bal, avg = [], opening, []
    for e in ev:
        if e.kind == "interest":
            base = max(0, sum(avg[-90:]) // max(1, len(avg[-90:])))
            e.amount = base * 27 // 4000
            if e.amount <= 0:
                continue
        floor = -od_limit
        if not e.credit and bal - e.amount < floor and not e.params.get("force"):
            if e.kind == "emi":
                out.extend(_ach_bounce(rng, e, bal, floor))
                for b in out[-2:]:
                    bal -= b.amount
                    b.balance = bal
                continue
            if e.kind not in ("sms_charge",):
                continue
        bal = bal + e.amount if e.credit else bal - e.amount
        e.balance = bal
        avg.append(bal)
        out.append(e)
    return opening, out


def one_side_first(opening, events, n, credit):
    """The first n transactions of one side only (credit or not): the other side's events before
    them left out, so that a first page prints nothing under the other side's label. The opening
    balance is raised where the debits would take the balance below nil; balances recomputed."""
    out, kept = [], 0
    for e in events:
        if kept < n and e.credit != credit:
            continue
        kept += kept < n
        out.append(e)
    bal = low = opening
    for e in out:
        bal = bal + e.amount if e.credit else bal - e.amount
        low = min(low, bal)
    if low < 0:
        opening += (-low // 100000 + 1) * 100000
    bal = opening
    for e in out:
        bal = bal + e.amount if e.credit else bal - e.amount
        e.balance = bal
    return opening, out


def _ach_bounce(rng, emi, bal, floor):
    chg = rng.choice([50000, 59000, 35400])
    gst = chg * 18 // 100
    a = Event(emi.date, "ach_bounce_chg", chg, False, lender=emi.params["lender"], umrn=emi.params["umrn"],
              force=True).label(channel="auto_debit_payment_bounce", is_bounce=True, bounce_kind="ach_bounce_charge",
                                lender=emi.labels["lender"])
    g = Event(emi.date, "gst", gst, False, what="ACH RTN CHGS", force=True).label(channel="bank_charge")
    return [a, g]


def _add_bounces(rng, plan, start, end, ev, opts):
    """Cheque returns both ways, each with its penal charge (and GST on it)."""
    if not opts.get("bounces") or (end - start).days < 20:
        return
    d = _rand_day(rng, start, end - dt.timedelta(days=10))
    friend = rng.choice(plan.friends)
    bank = rng.choice(BANKS)
    # Outward: the holder deposits a cheque, it is credited and then returned unpaid.
    chq = rng.randint(1000, 999999)
    amt = rupees(rng, 5000, 50000)
    ev.append(Event(d, "chq_in", amt, True, name=friend, chq=chq, bank=bank).label(channel="chq"))
    r = d + dt.timedelta(days=rng.choice([1, 2, 3]))
    ev.append(Event(r, "chq_in_return", amt, False, name=friend, chq=chq, bank=bank, force=True,
                    reason="FUNDS INSUFFICIENT").label(channel="outward_cheque_bounce", is_bounce=True,
                                                       bounce_kind="outward_cheque_bounce"))
    chg = rng.choice([15000, 20000, 25000])
    ev.append(Event(r, "chq_ret_chg", chg, False, chq=chq, force=True, way="O/W").label(
        channel="bank_charge", is_bounce=True, bounce_kind="chq_bounce_charge"))
    ev.append(Event(r, "gst", chg * 18 // 100, False, what="CHQ RTN CHGS", force=True).label(channel="bank_charge"))
    # Inward: a cheque the holder issued is debited, then returned and credited back.
    d2 = _rand_day(rng, start, end - dt.timedelta(days=5))
    plan.chq_no += 1
    amt2 = rupees(rng, 5000, 40000)
    ev.append(Event(d2, "chq_out", amt2, False, name=friend, chq=plan.chq_no, bank=bank, force=True).label(
        channel="chq"))
    ev.append(Event(d2 + dt.timedelta(days=1), "chq_out_return", amt2, True, name=friend, chq=plan.chq_no,
                    reason="FUNDS INSUFFICIENT").label(channel="inward_cheque_bounce", is_bounce=True,
                                                       bounce_kind="inward_cheque_bounce"))
    chg2 = rng.choice([35000, 50000, 75000])
    ev.append(Event(d2 + dt.timedelta(days=1), "chq_ret_chg", chg2, False, chq=plan.chq_no, force=True,
                    way="I/W").label(channel="bank_charge", is_bounce=True, bounce_kind="chq_bounce_charge"))
    if plan.loans and rng.random() < 0.7:
        loan = plan.loans[0]
        d3 = _rand_day(rng, start, end)
        e = Event(d3, "emi", loan["emi"], False, lender=loan["lender"][0], umrn=loan["umrn"])
        e.label(lender=loan["lender"][1])
        for b in _ach_bounce(rng, e, 0, 0):
            ev.append(b)
