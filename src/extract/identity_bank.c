/* Which catalogue bank the statement is from: the account's own IFSC first,
 * then the bank's name in the letterhead, never a counterparty's. */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <stdlib.h>
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

/* Whether two bank codes differ in exactly one letter. */
static bool one_letter_apart(const char *a, const char *b)
{
    int differ = 0;
    for (int i = 0; i < 4; i++)
        differ += a[i] != b[i];
    return differ == 1;
}

/* The letters of text in lower case, into out (cap bytes); their count. */
static size_t letters_of(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    for (; *text && n + 1 < cap; text++)
        if (isalpha((unsigned char)*text))
            out[n++] = (char)tolower((unsigned char)*text);
    out[n] = 0;
    return n;
}

/* Whether letters hold the letters of name (ten or more) with at most one
 * in eight read wrong: a fax's `Bank of Manarasntra`. */
static bool reads_like(const char *letters, size_t n, const char *name)
{
    char want[128];
    size_t m = letters_of(name, want, sizeof want);
    if (m < 10)
        return false;
    for (size_t at = 0; at + m <= n; at++) {
        size_t wrong = 0;
        for (size_t k = 0; k < m && wrong <= m / 8; k++)
            wrong += letters[at + k] != want[k];
        if (wrong <= m / 8)
            return true;
    }
    return false;
}

/* Whether a line OCR read on the first two pages, outside the table,
 * reads like b's full name. */
static bool letterhead_reads_like(const struct id_scan *s, const struct bank_info *b)
{
    char text[SEG_MAX * 2], letters[SEG_MAX * 2];
    for (size_t li = 0; li < s->l->nlines && s->l->lines[li].page < 2; li++) {
        if (s->use[li] || s->zone[li] == ZONE_TABLE || s->l->lines[li].conf < 0)
            continue;
        id_line_text(s->l, li, text, sizeof text);
        if (reads_like(letters, letters_of(text, letters, sizeof letters), b->full_name))
            return true;
    }
    return false;
}

/* The one catalogue bank whose bank code is a letter from code's and whose
 * name the letterhead reads with a few letters off; NULL when none or more. */
static const struct bank_info *letterhead_like(const struct id_scan *s, const char *code)
{
    const struct bank_info *found = NULL;
    for (size_t i = 0; i < bank_count(); i++) {
        const struct bank_info *b = bank_at(i);
        if (!b->npci_code || strlen(b->npci_code) != 4 || !one_letter_apart(code, b->npci_code) ||
            !letterhead_reads_like(s, b))
            continue;
        if (found)
            return NULL;
        found = b;
    }
    return found;
}

/* A scan's labelled IFSC that OCR read with a glyph off: no IFSC by its
 * shape (id_ifsc_shape), or with a bank code no bank has. Its bank code
 * must be a catalogue bank's, or a letter from the code of the bank the
 * letterhead names (`MAKB` under Bank of Maharashtra is MAHB), or reads
 * like with a few letters off (a fax's `Bank of Manarasntra`); else it
 * stays as read. A text layer's IFSC is as printed. */
void id_mend_scanned_ifsc(struct id_scan *s)
{
    char **ifsc = &s->r->id.ifsc, mended[12];
    const char *read = !*ifsc ? s->ifsc_read : s->ifsc_scanned && !bank_find_by_ifsc(*ifsc) ? *ifsc : "";
    if (!read[0] || !id_ifsc_shape(read, mended))
        return;
    if (!bank_find_by_ifsc(mended)) {
        struct printed pr;
        printed_bank(s, &pr);
        const struct bank_info *b = pr.name.bank ? pr.name.bank : letterhead_like(s, mended);
        if (!b || !b->npci_code || strlen(b->npci_code) != 4 || !one_letter_apart(mended, b->npci_code))
            return;
        memcpy(mended, b->npci_code, 4);
    }
    char *v = strdup(mended);
    if (!v)
        return; /* out of memory: as read */
    free(*ifsc);
    *ifsc = v;
    s->ifsc_labelled = true;
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
