"""The banks the corpus draws statements of: one row of facts per bank.

`catalogue` is the bank's FinBox identifier in lower case (data/banks.tsv), which is what
`passbook parse` reports as `bank_name`; `ifsc` its real IFSC prefix (so bank naming can be
tested); the rest only shapes made-up numbers. Account holders, account numbers and IFSC branch
parts are always made up.
"""
import model


class Bank:
    def __init__(self, key, catalogue, ifsc, micr, name, acct, kind):
        self.key, self.catalogue, self.ifsc, self.micr, self.name = key, catalogue, ifsc, micr, name
        self.acct_shape, self.kind = acct, kind

    def account_number(self, rng):
        """Digits for '9' in the shape, the other characters as they are."""
        return "".join(model.rand_digits(rng, 1) if c == "9" else c for c in self.acct_shape)


# key, catalogue id, IFSC prefix, MICR bank code, name as letterheads print it, account shape, kind
BANKS = {b.key: b for b in [
    Bank("hdfc", "hdfc", "HDFC", "240", "HDFC BANK", "50100999999999", "private"),
    Bank("sbi", "sbi", "SBIN", "002", "State Bank of India", "00000399999999999", "public"),
    Bank("icici", "icici", "ICIC", "229", "ICICI Bank", "099999999999", "private"),
    Bank("axis", "axis", "UTIB", "211", "AXIS BANK", "919999999999999", "private"),
    Bank("kotak", "kotak", "KKBK", "485", "Kotak Mahindra Bank", "9999999999", "private"),
    Bank("pnb", "pnbbnk", "PUNB", "024", "Punjab National Bank", "9999000100999999", "public"),
    Bank("canara", "canara", "CNRB", "015", "Canara Bank", "9999101999999", "public"),
    Bank("bob", "baroda", "BARB", "012", "Bank of Baroda", "99990100999999", "public"),
    Bank("union", "ubi", "UBIN", "026", "Union Bank of India", "999999010099999", "public"),
    Bank("boi", "boi", "BKID", "013", "Bank of India", "999910110099999", "public"),
    Bank("indian", "indbnk", "IDIB", "019", "Indian Bank", "7999999999", "public"),
    Bank("iob", "iob", "IOBA", "020", "Indian Overseas Bank", "999901000099999", "public"),
    Bank("idfc", "idfc", "IDFB", "751", "IDFC FIRST Bank", "10099999999", "private"),
    Bank("indusind", "indusind", "INDB", "234", "IndusInd Bank", "159999999999", "private"),
    Bank("yes", "yesbnk", "YESB", "532", "YES BANK", "099999900009999", "private"),
    Bank("federal", "federal", "FDRL", "049", "The Federal Bank Ltd", "99990100999999", "private"),
    Bank("rbl", "rbl", "RATN", "176", "RBL Bank", "309999999999", "private"),
    Bank("bandhan", "bandhan", "BDBL", "750", "Bandhan Bank", "20999999999999", "private"),
    Bank("au", "ausfbnk", "AUBL", "323", "AU Small Finance Bank", "1999299999999999", "small_finance"),
    Bank("equitas", "equitas", "ESFB", "650", "Equitas Small Finance Bank", "200009999999", "small_finance"),
    Bank("ujjivan", "ujjivan", "UJVN", "761", "Ujjivan Small Finance Bank", "1999110099999999", "small_finance"),
    Bank("saraswat", "saraswat", "SRCB", "088", "SARASWAT CO-OPERATIVE BANK LTD.", "999200100099999",
         "cooperative"),
    Bank("cosmos", "cosmos", "COSB", "164", "THE COSMOS CO-OPERATIVE BANK LTD.", "0999501099999",
         "cooperative"),
    Bank("paytm", "paytm", "PYTM", "766", "Paytm Payments Bank", "919999999999", "payments"),
    Bank("airtel", "airtel", "AIRP", "990", "Airtel Payments Bank", "9999999999", "payments"),
    Bank("dbs", "dbsbnk", "DBSS", "065", "DBS Bank India Limited", "8819999999999", "foreign"),
    Bank("hsbc", "hsbc", "HSBC", "039", "HSBC", "999-999999-001", "foreign"),
    Bank("scb", "stanchar", "SCBL", "036", "Standard Chartered", "99999999999", "foreign"),
    Bank("citi", "citi", "CITI", "037", "Citibank N.A.", "59999999999", "foreign"),
    # the probe families (fam_probe.py)
    Bank("central", "central", "CBIN", "016", "Central Bank of India", "3999999999", "public"),
    Bank("jkb", "jnkbnk", "JAKA", "051", "The Jammu & Kashmir Bank Ltd.", "0999010100099999", "private"),
    Bank("ippb", "india_post", "IPOS", "770", "India Post Payments Bank", "099999999999", "payments"),
    Bank("karnataka", "karnataka", "KARB", "052", "Karnataka Bank Ltd.", "9999500100999999", "private"),
    Bank("dcb", "dcbbnk", "DCBL", "154", "DCB BANK", "09999900009999", "private"),
    Bank("deutsche", "deutsche", "DEUT", "044", "Deutsche Bank", "999999999999", "foreign"),
    Bank("uco", "uco", "UCBA", "028", "UCO BANK", "99990100099999", "public"),
    Bank("fino", "finobnk", "FINO", "772", "Fino Payments Bank", "99999999999", "payments"),
    # the probe families of session 8 (fam_probe2.py)
    Bank("sib", "sib", "SIBL", "059", "South Indian Bank", "0999053000099999", "private"),
    Bank("kvb", "karur", "KVBL", "053", "The Karur Vysya Bank Ltd", "1999155000099999", "private"),
    Bank("mahabk", "mahabk", "MAHB", "014", "Bank of Maharashtra", "60999999999", "public"),
    Bank("cub", "city_union", "CIUB", "054", "City Union Bank Ltd.", "500101019999999", "private"),
    Bank("idbi", "idbi", "IBKL", "259", "IDBI BANK", "0999104000099999", "private"),
    Bank("psb", "punjab_sind", "PSIB", "023", "Punjab & Sind Bank", "09991000099999", "public"),
    Bank("esaf", "esafbnk", "ESMF", "802", "ESAF Small Finance Bank", "50999000099999", "small_finance"),
    Bank("jana", "jana", "JSFB", "763", "Jana Small Finance Bank", "4599020000099999", "small_finance"),
    Bank("utkarsh", "utkarshbnk", "UTKS", "764", "Utkarsh Small Finance Bank", "1599110099999999", "small_finance"),
    Bank("suryoday", "suryodaybnk", "SURY", "765", "Suryoday Small Finance Bank", "399901099999", "small_finance"),
    Bank("dhanlaxmi", "dhanlaxmi", "DLXB", "061", "Dhanlaxmi Bank", "009999000099999", "private"),
    Bank("tmb", "tamil_mercantile", "TMBL", "060", "Tamilnad Mercantile Bank Ltd.", "999100050399999", "private"),
    # the probe families of session 9 (fam_probe3.py); five banks merged away in 2019-2020
    Bank("syndicate", "syndicate", "SYNB", "025", "SYNDICATE BANK", "99992010099999", "public"),
    Bank("corporation", "corporation", "CORP", "017", "Corporation Bank", "520101099999999", "public"),
    Bank("obc", "obc", "ORBC", "022", "ORIENTAL BANK OF COMMERCE", "09991000099999", "public"),
    Bank("allahabad", "allahabad", "ALLA", "010", "ALLAHABAD BANK", "50999999999", "public"),
    Bank("vijaya", "vijaya", "VIJB", "029", "VIJAYA BANK", "999901011000999", "public"),
    Bank("csb", "csbbnk", "CSBK", "047", "CSB Bank Limited", "0999099999999999", "private"),
    Bank("nainital", "nainital", "NTBL", "136", "The Nainital Bank Ltd.", "099910000099999", "private"),
    Bank("tjsb", "tjsb_sahakari", "TJSB", "109", "TJSB SAHAKARI BANK LTD.", "099120100099999", "cooperative"),
    Bank("fincare", "fincarebnk", "FSFB", "817", "Fincare Small Finance Bank", "20999999999", "small_finance"),
    # the probe families of session 10 (fam_probe4.py): Dena and Andhra merged away in 2019-2020, LVB in
    # 2020; a regional rural bank, a state co-operative bank, urban co-operative banks, small finance
    # banks; a payments bank the catalogue does not list (bank_name null)
    Bank("dena", "dena", "BKDN", "018", "DENA BANK", "099910000099999", "public"),
    Bank("andhra", "andhra", "ANDB", "011", "ANDHRA BANK", "099910100099999", "public"),
    Bank("lvb", "vilas", "LAVB", "078", "The Lakshmi Vilas Bank Ltd.", "0999301000099999", "private"),
    Bank("kvgb", "karnataka_vikas", "KVGB", "412", "Karnataka Vikas Grameena Bank", "99990100099999", "rural"),
    Bank("gscb", "gscb", "GSCB", "901", "The Gujarat State Co-operative Bank Ltd.", "9999100099999", "cooperative"),
    Bank("jio", None, "JIOP", "915", "Jio Payments Bank", "999999999999", "payments"),
    Bank("svc", "svcbnk", "SVCB", "138", "SVC Co-operative Bank Ltd.", "999910010099999", "cooperative"),
    Bank("nkgsb", "nkgsbbnk", "NKGS", "146", "NKGSB Co-op. Bank Ltd.", "09990100099999", "cooperative"),
    Bank("capital", "capital_small_finance", "CLBL", "849", "Capital Small Finance Bank Ltd.", "099990100099999",
         "small_finance"),
    Bank("nesfb", "nesfinbnk", "NESF", "851", "North East Small Finance Bank", "2999100099999", "small_finance"),
    # the probe families of session 11 (fam_probe5.py): a regional rural bank and a district central
    # co-operative bank the catalogue lists with no IFSC prefix (their prefixes here made up, in no
    # catalogue row: the letterhead names them), urban co-operative banks, foreign banks' Indian arms,
    # a small finance bank, United Bank of India (merged away in 2020)
    Bank("crgb", "chhattisgarh", "CRGX", "465", "Chhattisgarh Rajya Gramin Bank", "7999100099999", "rural"),
    Bank("pdcc", "pune_district", "PDCX", "411", "The Pune District Central Co-operative Bank Ltd.",
         "099910100099999", "cooperative"),
    Bank("kalupur", "kalupurbnk", "KCCB", "380", "The Kalupur Commercial Co-operative Bank Ltd.",
         "09999100099999", "cooperative"),
    Bank("sbm", "sbmbank", "STCB", "400", "SBM Bank (India) Limited", "99990100099999", "foreign"),
    Bank("shinhan", "shinhan", "SHBK", "400", "Shinhan Bank India", "7999990099999", "foreign"),
    Bank("shivalik", "shivalik", "SMCB", "247", "Shivalik Small Finance Bank Ltd.", "099910100099999",
         "small_finance"),
    Bank("united", "united", "UTBI", "700", "UNITED BANK OF INDIA", "0999010099999", "public"),
    Bank("msnu", "mehsana_urban", "MSNU", "384", "The Mehsana Urban Co-operative Bank Ltd.", "0999100099999",
         "cooperative"),
    Bank("apna", "apna_sahakari", "ASBL", "400", "Apna Sahakari Bank Ltd.", "099920100099999", "cooperative"),
    Bank("abhy", "abhyudaya", "ABHY", "400", "Abhyudaya Co-operative Bank Ltd.", "999910100099999",
         "cooperative"),
    # the probe families of session 12 (fam_probe6.py): a payments bank, a small finance bank, three foreign
    # banks' Indian arms, a State Bank associate (merged 2017) and ING Vysya (merged 2015) the catalogue does
    # not list (bank_name null); a regional rural bank's KCC account and another's passbook, an urban and a
    # state co-operative bank (catalogue rows without an IFSC prefix: the letterhead names them); Axis Bank
    # as UTI Bank
    Bank("nsdl", None, "NSPB", "923", "NSDL Payments Bank Limited", "59999999999", "payments"),
    Bank("unity", None, "UNBA", "934", "Unity Small Finance Bank Ltd.", "99990100099999", "small_finance"),
    Bank("barclays", None, "BARC", "026", "Barclays Bank PLC", "9999999999", "foreign"),
    Bank("boa", None, "BOFA", "041", "Bank of America, N.A.", "99999999999", "foreign"),
    Bank("sbbj", None, "SBBJ", "008", "State Bank of Bikaner and Jaipur", "00000619999999999", "public"),
    Bank("kgb", "kerala_gramin", "KLGB", "484", "Kerala Gramin Bank", "4099990100099999", "rural"),
    Bank("bassein", "bassein", "BACB", "116", "Bassein Catholic Co-operative Bank Ltd.", "999910100099999",
         "cooperative"),
    Bank("mscb", "mscbnk", "MSCI", "099", "The Maharashtra State Co-operative Bank Ltd.", "09991000099999",
         "cooperative"),
    Bank("uti", "axis", "UTIB", "211", "UTI Bank Ltd.", "999010100099999", "private"),
    Bank("vysya", None, "VYSA", "031", "ING Vysya Bank Ltd.", "599999999999", "private"),
    Bank("apgvb", "apgvbnk", "APGV", "495", "Andhra Pradesh Grameena Vikas Bank", "6299999999", "rural"),
    Bank("mufg", None, "BOTM", "048", "MUFG Bank, Ltd.", "99990099999", "foreign"),
    # the probe families of session 13 (fam_probe7.py): a regional rural bank the catalogue lists with no
    # IFSC prefix (made up here, in no catalogue row: the letterhead names it), two urban co-operative banks
    Bank("shgb", "shgbnk", "SHGX", "501", "Sarva Haryana Gramin Bank", "9999100099999", "rural"),
    Bank("bharat", "bharatbnk", "BCBM", "229", "Bharat Co-operative Bank (Mumbai) Ltd.", "099910100099999",
         "cooperative"),
    Bank("kalyan", "kalyan", "KJSB", "138", "Kalyan Janata Sahakari Bank Ltd.", "099920100099999", "cooperative"),
    # the probe families of session 14 (fam_probe8.py): three urban co-operative banks the corpus never
    # drew, two regional rural banks the catalogue lists with no IFSC prefix (made up here, in no row)
    Bank("janata", "jantasahakari", "JSBP", "064", "Janata Sahakari Bank Ltd., Pune", "099910100099999", "cooperative"),
    Bank("citizen", "citizen_credit", "CCBL", "089", "Citizen Credit Co-operative Bank Ltd.", "09991000099999",
         "cooperative"),
    Bank("newindia", "newindia", "NICB", "152", "New India Co-operative Bank Ltd.", "099920100099999", "cooperative"),
    Bank("dnsb", "dnsbnk", "DNSB", "139", "Dombivli Nagari Sahakari Bank Ltd.", "0999101099999", "cooperative"),
    Bank("tgb", "telangana", "TGBX", "578", "Telangana Grameena Bank", "6299910099999", "rural"),
    Bank("mahagram", "mahagrambnk", "MGBX", "581", "Maharashtra Gramin Bank", "80999999999", "rural"),
]}


def ifsc(bank, rng):
    """A made-up IFSC of the bank: its prefix, 0, six branch characters."""
    b = BANKS[bank]
    if bank == "dbs":
        return b.ifsc + "0IN0" + model.rand_digits(rng, 3)
    return b.ifsc + "0" + model.rand_digits(rng, 6)
