/* Which catalogue bank the statement is from: the account's own IFSC first,
 * then the bank's name in the letterhead, never a counterparty's. */
#include "extract/identity_parts.h"

#include <string.h>

#include "extract/bankname.h"

/* The account's own IFSC when no label gave it: an IFSC printed in the
 * header block above the table, on no counterparty's line. */
void id_unlabelled_ifsc(struct id_scan *s)
{
    char text[SEG_MAX * 2], ifsc[12];
    for (size_t li = 0; li < s->l->nlines && !s->r->id.ifsc; li++) {
        if (s->use[li] || s->zone[li] != ZONE_TOP)
            continue;
        id_line_text(s->l, li, text, sizeof text);
        if (id_ifsc_at(text, ifsc) && !id_counterparty_line(text))
            s->r->id.ifsc = strdup(ifsc);
    }
}

/* The bank named by the statement's own text: its letterhead, header block
 * and footer on the first two pages, by name or else by the bank's own
 * internet domain; never a table row, the customer's address or e-mail, or
 * a counterparty's line. Also says whether a co-operative
 * bank's name or a mark of a foreign account is printed there. */
struct printed {
    struct bn_match name;
    const struct bank_info *domain; /* the bank of the first own domain printed */
    bool coop_name; /* some co-operative/rural bank is named (catalogue or not) */
    bool foreign;
};

static void printed_bank(const struct id_scan *s, struct printed *out)
{
    memset(out, 0, sizeof *out);
    char text[SEG_MAX * 2];
    struct bn_text words;
    bool single = false;
    for (size_t li = 0; li < s->l->nlines && s->l->lines[li].page < 2; li++) {
        if (s->use[li] || s->zone[li] == ZONE_TABLE || id_address_line(s, li))
            continue;
        id_line_text(s->l, li, text, sizeof text);
        if (id_counterparty_line(text))
            continue;
        bankname_words(text, &words);
        struct bn_match m;
        /* the first line naming a bank wins; a one-word short form ("SBI")
         * only when no line spells a name out */
        if (bankname_find(&words, &m) && (!out->name.bank || (single && m.words > 1))) {
            out->name = m;
            single = m.words == 1;
        }
        /* the customer's own e-mail address is no bank's domain */
        const char *email = s->r->id.email;
        if (!out->domain && !(email && strstr(text, email)))
            out->domain = bankname_domain(text);
        out->coop_name = out->coop_name || bankname_coop_like(&words);
        out->foreign = out->foreign || bankname_foreign_mark(&words);
    }
    /* a domain is as specific as a name spelled out, and comes after it */
    if (!out->name.bank && out->domain)
        out->name = (struct bn_match){.bank = out->domain, .words = 2};
}

/* The catalogue bank of the statement. The IFSC's first four letters name
 * the bank of the account, except that a co-operative or rural bank without
 * its own IFSC prints its sponsor bank's, with letters in the branch part
 * (HDFC0CXXXXX, YESB0XXXX01): then the bank the letterhead names, and
 * none when the letterhead names a bank the catalogue does not know. No
 * IFSC: the bank named in the letterhead, but none for a foreign account. */
const struct bank_info *id_decide_bank(const struct id_scan *s)
{
    struct printed pr;
    printed_bank(s, &pr);
    const char *ifsc = s->r->id.ifsc;
    const struct bank_info *by_ifsc = ifsc ? bank_find_by_ifsc(ifsc) : NULL;
    if (by_ifsc) {
        bool member_code = strpbrk(ifsc + 5, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL;
        if (!member_code || pr.name.bank == by_ifsc || bank_accepts(by_ifsc, pr.name.bank))
            return by_ifsc;
        if (pr.name.bank && pr.name.words > 1)
            return pr.name.bank;
        return pr.coop_name ? NULL : by_ifsc;
    }
    if (!pr.name.bank || (pr.foreign && !ifsc && !pr.name.bank->abroad))
        return NULL;
    /* an IFSC the catalogue does not know (NSDL, Bank of America): a bank
     * named only by a short form ("SBI" in a row the table did not take)
     * is a counterparty's, not the account's */
    if (ifsc && pr.name.words < 2)
        return NULL;
    return pr.name.bank;
}
