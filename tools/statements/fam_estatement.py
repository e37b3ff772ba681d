"""Header blocks that show identity outside a label column, as e-mailed and downloaded statements
print it (issue 10, identity and bank naming):

- `estatement`: an e-mailed statement whose letterhead is a logo (a drawn mark, no text): only
  its footer names the bank, by the bank's own web and e-mail domain. A salutation ("Dear MR
  RAVI KUMAR,") names the holder; the account number is masked inside a sentence with the
  period; a Customer ID, the joint holder and the account type as "SAVINGS-RESIDENT" are
  printed; no IFSC, MICR or address (null in the truth: nothing to read them from).
- `box_header`: the name and address in a box without labels at the top left (variants 1 and 3:
  the holder's relation, "S/O FATHER NAME", on the line under the name); beside it a CIF
  number before the account number, IFSC and MICR under one label ("IFSC/MICR : X/Y"), the
  nominee's and the branch's names (neither is the holder); the bank only in the footer's
  e-mail domain and the IFSC.
"""
import random

import model
from family import Family
from layouts import fmt_date
from render import Col


def masked(acct):
    """The account number as e-statements print it: all but the last four digits hidden."""
    return "X" * (len(acct) - 4) + acct[-4:]


class EStatement(Family):
    bank_key = "yes"
    narr_style = "private"
    date_fmts = ("%d-%m-%Y", "%d %b %Y")
    prints = ("name", "account_number")
    producer = "YES BANK e-Statement"
    patterns = ("salutation_name", "masked_account", "bank_by_domain", "no_ifsc_printed")

    def identity(self):
        out = super().identity()
        out["account_number"] = masked(self.st.acct)
        return out

    def table(self):
        return [Col("date", ["Date"]), Col("narr", ["Description"], wrap=True), Col("chq", ["Reference No."]),
                Col("dr", ["Debit"], "r"), Col("cr", ["Credit"], "r"), Col("bal", ["Balance"], "r")]

    def logo(self, R):
        """The bank's logo: a filled mark, no text."""
        c = R.c
        c.saveState()
        c.setFillColorRGB(0.05, 0.2, 0.55)
        c.rect(R.margin, R.H - R.margin - 22, 70, 22, stroke=0, fill=1)
        c.restoreState()
        return R.H - R.margin - 22 - 1.5 * R.lead

    def page_header(self, R, n):
        st, h = self.st, self.h
        y = self.logo(R)
        if n > 1:
            return y
        lines = ["Dear %s," % self.printed_name(),
                 "Please find below the statement of your Savings Account %s for the period %s." % (
                     masked(st.acct), self.period("%d-%m-%Y")),
                 ""]
        pairs = [("Customer ID", h.cust_id), ("Account Type", "SAVINGS-RESIDENT"), ("Currency", "INR")]
        if h.joint:
            pairs.append(("Joint Holder", h.joint))
        y = self.lines_at(R, R.margin, y, lines)
        return self.kv(R, R.margin, y, pairs) - R.lead

    def footer_lines(self):
        return ["For any queries write to us at yestouchsavings@yesbank.in or visit www.yesbank.in",
                "This is a system generated e-statement.  Page {n} of {N}"]


class BoxHeader(Family):
    bank_key = "rbl"
    narr_style = "private"
    date_fmts = ("%d/%m/%Y", "%d-%b-%Y")
    producer = "Oracle Reports"
    patterns = ("unlabelled_name_block", "cif_before_account", "nominee_and_branch_names")

    def table(self):
        return [Col("date", ["Txn Date"]), Col("narr", ["Narration"], wrap=True), Col("chq", ["Chq No"]),
                Col("dr", ["Withdrawals"], "r"), Col("cr", ["Deposits"], "r"), Col("bal", ["Balance"], "r")]

    def page_header(self, R, n):
        st, h = self.st, self.h
        top = R.H - R.margin - 10
        R.text(R.W - R.margin, top, "Statement of Account", bold=True, size=R.size + 4, align="r")
        if n > 1:
            return top - 2 * R.lead
        y = top - 2 * R.lead
        lines = self.holder_lines()
        if self.v % 2 and not h.corporate:  # "S/O ..." under the name: neither name nor address
            father = model.person_name(random.Random("%s/father" % st.spec["seed"]))
            lines.insert(1, "%s %s" % ("S/O" if h.title == "MR" else "D/O", father))
        c = R.c
        c.saveState()
        c.setLineWidth(0.6)
        c.rect(R.margin - 4, y - R.lead * (len(lines) - 1) - 4, R.W / 2 - R.margin - 20,
               R.lead * len(lines) + 6, stroke=1, fill=0)
        c.restoreState()
        pairs = [("CIF No.", h.cust_id), ("Account No.", st.acct), ("IFSC/MICR", "%s/%s" % (st.ifsc, st.micr)),
                 ("Nominee", h.joint or "REGISTERED"), ("Branch Name", h.branch),
                 ("Period", "From %s To %s" % (fmt_date(st.start, "%d-%m-%Y"), fmt_date(st.end, "%d-%m-%Y")))]
        return self.holder_and_account(R, y, pairs, left=lines, dx=20)

    def footer_lines(self):
        return ["Write to customercare@rblbank.com for any discrepancy within 15 days.  Page {n} of {N}"]


LAYOUTS = {"estatement": EStatement, "box_header": BoxHeader}
