"""Held-out mutations: layouts the readers never tune on, to estimate "layouts never seen".

A held-out statement (spec `heldout: True`, sets.py `heldout`) takes a family and changes what a
reader could have learnt by heart: the column header words (from the lists below, used by no
family), the date format and the vertical alignment of cells. Everything else (the bank, the
header block, the patterns) stays, so the truth is as exact as ever.

Readers: do not copy these words into profiles or synonym tables; that would make the estimate
meaningless. The held-out set is for measuring (docs/extraction.md), never for tuning.
"""
import random

from render import Col

HEADERS = {
    "date": [["Txn.", "Dt."], ["Booking Date"], ["Date of Txn"], ["Entry Dt"]],
    "vdate": [["Val.", "Dt."], ["Effective Date"], ["Value", "On"]],
    "narr": [["Transaction Narrative"], ["Details of Transaction"], ["Nature of Txn"], ["Txn Description"]],
    "chq": [["Instr.", "Ref."], ["Cheque / UTR No"], ["Inst. No."], ["Reference Id"]],
    "dr": [["Amount", "Debited"], ["Debits (Rs)"], ["Outflow"], ["Dr. Amount"]],
    "cr": [["Amount", "Credited"], ["Credits (Rs)"], ["Inflow"], ["Cr. Amount"]],
    "bal": [["Ledger", "Balance"], ["Bal. after Txn"], ["Book Balance"], ["Net Balance"]],
    "amt": [["Txn Amount"], ["Amount in Rs."], ["Value (INR)"]],
    "sno": [["Ser."], ["Row"], ["Line No"]],
}
DATE_FORMATS = ["%d.%m.%Y", "%d-%b-%y", "%d %B %Y", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%y"]


class Mutation:
    def __init__(self, st):
        self.rng = random.Random("%s/%s/heldout" % (st.spec["seed"], st.spec.get("name", "")))
        self.fmt = self.rng.choice(DATE_FORMATS)
        self.align = self.rng.choice(["top", "top", "middle", "bottom"])
        self.words = {k: self.rng.choice(v) for k, v in HEADERS.items()}

    def date_fmt(self, fmt):
        """Keep a yearless or timestamped format (the pattern under test); replace the others."""
        return fmt if ("%Y" not in fmt and "%y" not in fmt) or "T" in fmt or "%H" in fmt else self.fmt

    def valign(self, v):
        return self.align if v == "top" else v

    def columns(self, cols):
        out = []
        for c in cols:
            words = self.words.get(c.key)
            if words and not getattr(c, "keep_header", False):
                n = Col(c.key, words, c.align, c.wrap, c.head_align, c.wrap_w, c.overflow)
                c = n
            out.append(c)
        return out
