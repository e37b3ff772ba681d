#include "extract/paise_columns.h"
#include "util/array.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

#define MAX_LABELS 8 /* paise columns a page's header may print */

/* A paise column's label: 'Ps.', 'Ps', 'P.' or 'Paise'. */
static bool paise_label(const char *s)
{
    return !strcasecmp(s, "Ps.") || !strcasecmp(s, "Ps") || !strcmp(s, "P.") || !strcasecmp(s, "Paise");
}

static bool has_digit(const char *s)
{
    return strpbrk(s, "0123456789") != NULL;
}

/* Does line a hold a figure (a row's line, not a header's)? */
static bool line_has_digit(const struct layout *l, size_t a)
{
    const struct line *ln = &l->lines[a];
    for (size_t k = ln->first; k < ln->first + ln->n; k++)
        if (has_digit(word_text(l, &l->words[k])))
            return true;
    return false;
}

/* Paise as a column prints them: two digits. */
static bool paise_digits(const char *s)
{
    return strlen(s) == 2 && strspn(s, "0123456789") == 2;
}

/* Rupees as a column prints them: digits, commas grouping them
 * ('1,23,456'), a minus before them; no decimal point. */
static bool rupee_digits(const char *s)
{
    s += *s == '-';
    size_t n = strlen(s);
    return n && n < 20 && strspn(s, "0123456789,") == n && s[0] != ',' && s[n - 1] != ',';
}

/* The rupees' column's label beside it: 'Rs.', 'Rs', 'Rupees', '₹'. */
static bool rupee_label(const char *s)
{
    return !strcasecmp(s, "Rs.") || !strcasecmp(s, "Rs") || !strcasecmp(s, "Rupees") || !strcmp(s, "\xe2\x82\xb9");
}

/* The paise labels of a page: on a header line (a line with no figure),
 * each right after the rupees' label ('Rs.  Ps.'), or two or more on the
 * line (every money column split, its own label over the rupees:
 * 'Outflow  Ps.  Ledger Balance  Ps.'): a word 'Ps' in a narration is none. */
static int page_labels(const struct layout *l, size_t a, int page, const struct word **out)
{
    int n = 0;
    for (; a < l->nlines && l->lines[a].page == page; a++) {
        if (line_has_digit(l, a))
            continue;
        const struct line *ln = &l->lines[a];
        int on_line = 0;
        for (size_t k = ln->first; k < ln->first + ln->n; k++)
            on_line += paise_label(word_text(l, &l->words[k]));
        for (size_t k = ln->first; k < ln->first + ln->n && n < MAX_LABELS; k++) {
            bool after_rupees = k > ln->first && rupee_label(word_text(l, &l->words[k - 1]));
            if (paise_label(word_text(l, &l->words[k])) && (after_rupees || on_line >= 2))
                out[n++] = &l->words[k];
        }
    }
    return n;
}

/* The label whose column the word p is in: its text over p's, p ending
 * where the label ends or within a digit's width of it (both right-aligned
 * or both centred); NULL when none. */
static const struct word *label_over(const struct word *p, const struct word *const *labels, int n)
{
    for (int i = 0; i < n; i++) {
        const struct word *lb = labels[i];
        float slack = 0.6f * fmaxf(lb->size, 4);
        if (p->x0 < lb->x1 + slack && p->x1 > lb->x0 - slack)
            return lb;
    }
    return NULL;
}

/* Gives w the text s (copied to the end of the layout's text). */
static int set_text(struct layout *l, struct word *w, const char *s)
{
    size_t n = strlen(s);
    if (array_grow(&l->text, &l->textcap, l->textlen + n + 1, 1, 16384))
        return -1;
    memcpy(l->text + l->textlen, s, n + 1);
    w->text = (uint32_t)l->textlen;
    l->textlen += n + 1;
    return 0;
}

/* Joins the paise of line a's amounts under the labels: a word of two
 * digits in a label's column right after a word of rupees ending left of
 * the label, at most a few spaces apart. Returns how many, or -1. */
static int join_line(struct layout *l, size_t a, const struct word *const *labels, int n, bool *used)
{
    const struct line *ln = &l->lines[a];
    int joined = 0;
    for (size_t k = ln->first + 1; k < ln->first + ln->n; k++) {
        struct word *p = &l->words[k], *r = &l->words[k - 1];
        const struct word *lb = label_over(p, labels, n);
        if (!lb || r->page < 0 || !paise_digits(word_text(l, p)) || !rupee_digits(word_text(l, r)) ||
            r->x1 > lb->x0 + 0.3f * lb->size || p->x0 - r->x1 > 4 * fmaxf(p->size, 4))
            continue;
        char amount[32];
        size_t len = strlen(word_text(l, r));
        memcpy(amount, word_text(l, r), len);
        amount[len] = '.';
        memcpy(amount + len + 1, word_text(l, p), 3);
        if (set_text(l, r, amount) < 0)
            return -1;
        r->x1 = p->x1;
        p->page = -1;
        used[lb - l->words] = true;
        joined++;
    }
    return joined;
}

int paise_columns_join(struct layout *l)
{
    const struct word *labels[MAX_LABELS];
    int nlabels = 0, joined = 0;
    bool *used = NULL;
    for (size_t a = 0; a < l->nlines;) {
        int page = l->lines[a].page;
        const struct word *here[MAX_LABELS];
        int n = page_labels(l, a, page, here);
        if (n) { /* a page without the header: the last page's labels */
            for (int i = 0; i < n; i++)
                labels[i] = here[i];
            nlabels = n;
        }
        if (nlabels && !used && !(used = calloc(l->nwords, sizeof *used)))
            return -1;
        for (; a < l->nlines && l->lines[a].page == page; a++) {
            int j = nlabels ? join_line(l, a, labels, nlabels, used) : 0;
            if (j < 0) {
                free(used);
                return -1;
            }
            joined += j;
        }
    }
    for (size_t k = 0; used && k < l->nwords; k++)
        if (used[k])
            l->words[k].page = -1; /* a 'Ps.' label over paise now joined: no column of its own */
    free(used);
    if (joined)
        layout_drop_taken(l);
    return joined;
}
