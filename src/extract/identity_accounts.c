/* Several accounts in one PDF (a savings account, then a loan or a deposit):
 * where the second account's block starts. */
#include "extract/identity.h"
#include "extract/identity_parts.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/row_shape.h"
#include "extract/table.h" /* enum line_use */
#include "extract/token.h"

bool identity_same_account(const char *a, const char *b)
{
    char da[32], db[32];
    size_t na = 0, nb = 0;
    bool masked = false;
    for (const char *p = a; *p && na < sizeof da - 1; p++)
        if (isdigit((unsigned char)*p))
            da[na++] = *p;
        else
            masked = masked || strchr("Xx*", *p);
    for (const char *p = b; *p && nb < sizeof db - 1; p++)
        if (isdigit((unsigned char)*p))
            db[nb++] = *p;
        else
            masked = masked || strchr("Xx*", *p);
    da[na] = db[nb] = 0;
    if (!strcmp(da, db))
        return true;
    size_t k = na < nb ? na : nb;
    return masked && k >= 3 && !strcmp(da + na - k, db + nb - k);
}

/* The account number that is the value right after a label (separators
 * skipped), not one further on ("this account (Deposit A/c No. 3235...)":
 * the number is the deposit's label's). */
static char *value_account(const char *after)
{
    const char *v = after + strspn(after, " :-.#(");
    char *acct = id_account_in(v, NULL);
    if (acct && strncmp(v, acct, strlen(acct))) {
        free(acct);
        return NULL;
    }
    return acct;
}

/* The account number labelled on line li, if any (`other`: by a label of
 * another account, such as "Loan A/c No"); the label's text into label
 * (when not NULL). */
static char *labelled_account(const struct layout *l, size_t li, bool *other, char *label, size_t cap)
{
    struct seg segs[MAX_SEGS];
    int n = id_segments(l, li, segs, MAX_SEGS);
    for (int i = 0; i < n; i++) {
        struct toks t;
        id_tokenize(segs[i].text, &t);
        for (int p = 0; p < t.n; p++) {
            int len, field = id_label_at(&t, p, &len);
            if (field != IDF_ACCOUNT_NUMBER && field != IDF_OTHER_ACCOUNT) {
                p += len ? len - 1 : 0;
                continue;
            }
            const char *after = segs[i].text + t.end[p + len - 1];
            char *acct = value_account(after);
            if (!acct && i + 1 < n && !after[strspn(after, " :-")])
                acct = value_account(segs[i + 1].text);
            if (acct) {
                *other = field == IDF_OTHER_ACCOUNT;
                if (label)
                    snprintf(label, cap, "%.*s", (int)(t.end[p + len - 1] - t.start[p]), segs[i].text + t.start[p]);
                return acct;
            }
        }
    }
    return NULL;
}

/* Is the account labelled on line li labelled again on another page (a
 * page's header or footer, not a section of its own)? */
static bool on_other_pages(const struct layout *l, const unsigned char *use, size_t li, const char *acct)
{
    for (size_t k = 0; k < l->nlines; k++) {
        if (use[k] || l->lines[k].page == l->lines[li].page)
            continue;
        bool other = false;
        char *a = labelled_account(l, k, &other, NULL, 0);
        bool same = a && identity_same_account(a, acct);
        free(a);
        if (same)
            return true;
    }
    return false;
}

static bool table_between(const unsigned char *use, size_t a, size_t b)
{
    for (size_t i = a + 1; i < b; i++)
        if (use[i] == LINE_TABLE)
            return true;
    return false;
}

/* Whether the lines between a and b hold rows no table was read from: three
 * free lines with a date and three with an amount at least (the first
 * account's table under labels the reader does not know), not a header's
 * block of labelled fields. */
static bool unread_rows_between(const struct layout *l, const unsigned char *use, size_t a, size_t b)
{
    int dates = 0, amounts = 0;
    for (size_t li = a + 1; li < b; li++) {
        if (use[li] != LINE_FREE)
            continue;
        struct line_values v = line_values(l, li);
        dates += v.date;
        amounts += v.amount;
    }
    return dates >= 3 && amounts >= 3;
}

/* The nearest line above (dir -1) or below (dir +1) li on its page that
 * holds words, or li itself when there is none. */
static size_t neighbour(const struct layout *l, size_t li, int dir)
{
    for (size_t k = li; dir < 0 ? k > 0 : k + 1 < l->nlines;) {
        k = dir < 0 ? k - 1 : k + 1;
        if (l->lines[k].page != l->lines[li].page)
            break;
        if (l->lines[k].n)
            return k;
    }
    return li;
}

/* A line between two of the table's rows (the one above a row or the
 * table's, the one below a row): a row's narration the table did not take
 * ("TRF TO TD A/C 2038079573091" under its row's figures), never the title
 * of another account's block, which comes after the rows or before a
 * table's labels. */
static bool between_rows(const struct layout *l, const unsigned char *use, size_t li)
{
    size_t up = neighbour(l, li, -1), down = neighbour(l, li, 1);
    return up != li && down != li && (line_row_shaped(l, up) || use[up] == LINE_TABLE) && line_row_shaped(l, down);
}

/* The first line of the block a line belongs to: the lines above it on its
 * page, close together, that carry no amount (the first account's closing
 * line or summary ends before). */
static size_t block_start(const struct layout *l, size_t li, size_t floor)
{
    while (li > floor + 1) {
        const struct line *a = &l->lines[li - 1], *b = &l->lines[li];
        if (a->page != b->page || b->base - a->base > 2.5f * fmaxf(b->size, 4))
            break;
        if (line_values(l, li - 1).amount)
            break;
        li--;
    }
    return li;
}

size_t identity_account_end(const struct layout *l, const unsigned char *line_use)
{
    if (id_labels_ready() < 0)
        return l->nlines;
    char *first = NULL;
    size_t first_line = 0, end = l->nlines;
    for (size_t li = 0; li < l->nlines && end == l->nlines; li++) {
        bool other = false;
        /* an account number in a row is the other side of a transfer
         * ("TRF TO TD A/C 0730355788271"), no account's label, also where
         * the table did not take the line (rows going on on a page with
         * no header) */
        char *acct = line_use[li] || line_row_shaped(l, li) || between_rows(l, line_use, li)
                         ? NULL
                         : labelled_account(l, li, &other, NULL, 0);
        if (!acct)
            continue;
        if (!first && !other) {
            first = acct;
            first_line = li;
            continue;
        }
        /* another account's block after the first account's rows, read or
         * not: its rows are never the first account's */
        if (first && !identity_same_account(first, acct) &&
            (table_between(line_use, first_line, li) || (other && unread_rows_between(l, line_use, first_line, li))))
            end = block_start(l, li, first_line);
        /* the first account's number printed without a label (or not at
         * all): a loan or deposit account labelled after its rows, once */
        else if (!first && table_between(line_use, 0, li) && !on_other_pages(l, line_use, li, acct))
            end = block_start(l, li, 0);
        free(acct);
    }
    free(first);
    return end;
}

/* The kind of account a label or a block's title names ("Loan A/c No",
 * "FIXED DEPOSIT DETAILS"), or NULL. The first word found in this order
 * decides ("recurring deposit" is no fixed one). */
static const char *account_kind(const char *text)
{
    static const struct {
        const char *word, *kind;
    } KINDS[] = {
        {"recurring", "RECURRING DEPOSIT"}, {"rd", "RECURRING DEPOSIT"}, {"loan", "LOAN"},
        {"fixed", "FIXED DEPOSIT"},         {"fd", "FIXED DEPOSIT"},     {"term", "FIXED DEPOSIT"},
        {"deposit", "FIXED DEPOSIT"},       {"deposits", "FIXED DEPOSIT"}, {"card", "CREDIT CARD"},
        {"savings", "SAVINGS"},             {"sb", "SAVINGS"},           {"current", "CURRENT"},
        {"overdraft", "OVERDRAFT"},
    };
    struct toks t;
    id_tokenize(text, &t);
    for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++)
        for (int i = 0; i < t.n; i++)
            if (!strcmp(t.t[i], KINDS[k].word))
                return KINDS[k].kind;
    return NULL;
}

char *identity_block_account(const struct layout *l, const unsigned char *line_use, const char **kind)
{
    *kind = NULL;
    if (id_labels_ready() < 0)
        return NULL;
    for (size_t li = 0; li < l->nlines; li++) {
        bool other = false;
        char label[SEG_MAX];
        char *acct = line_use[li] ? NULL : labelled_account(l, li, &other, label, sizeof label);
        if (!acct)
            continue;
        *kind = account_kind(label);
        char text[SEG_MAX * 2];
        for (size_t k = 0; k < li && !*kind; k++) /* the block's title above the label */
            if (!line_use[k]) {
                id_line_text(l, k, text, sizeof text);
                *kind = account_kind(text);
            }
        return acct;
    }
    return NULL;
}
