/* Value dates printed but not read: rows whose lines print a second date
 * (a value date column, or the value date stacked under the date) while
 * the reader found no value date for them. See table_parts.h. */
#include "extract/table_parts.h"

#include <stdlib.h>
#include <string.h>

#include "extract/token.h"

/* Words one date may span: "Mon, 07 Dec 2026 10:22 AM". */
#define DATE_MAX_WORDS 6

/* A word of digits alone ("20240105"): a reference number as often as a
 * date; a printed value date has a separator or a month's name. */
static bool all_digits(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* The number of words (0: none) of the longest date starting at word w of
 * line ln. */
static int date_at(const struct layout *l, const struct line *ln, uint32_t w)
{
    char buf[96];
    size_t len = 0;
    int best = 0;
    uint32_t end = ln->first + ln->n;
    for (int k = 0; k < DATE_MAX_WORDS && w + k < end; k++) {
        const char *s = word_text(l, &l->words[w + k]);
        size_t n = strlen(s);
        if (len + n + 2 > sizeof buf)
            break;
        if (k)
            buf[len++] = ' ';
        memcpy(buf + len, s, n + 1);
        len += n;
        pb_day d;
        if (token_parse_date(buf, len, &d) && (k > 0 || !all_digits(buf)))
            best = k + 1;
    }
    return best;
}

/* A date printed in word w's column may be a value date: the date's or
 * value date's column, or one no label names; a column named for another
 * field ('Instrument Date') or the narration (a date its text begins
 * with) prints dates of its own. */
static bool may_hold_value_date(const struct header *h, const struct word *w)
{
    float x = (w->x0 + w->x1) / 2;
    for (int k = 0; k < h->ncols; k++) {
        const struct column *col = &h->cols[k];
        if (x >= col->left && x < col->right)
            return col->role == COL_DATE || col->role == COL_VALUE_DATE ||
                   (col->unnamed && col->role != COL_NARRATION);
    }
    return false;
}

/* The dates printed on line ln under header h. */
static int dates_on_line(const struct layout *l, const struct line *ln, const struct header *h)
{
    int n = 0;
    for (uint32_t w = ln->first; w < ln->first + ln->n;) {
        int k = date_at(l, ln, w);
        n += k > 0 && may_hold_value_date(h, &l->words[w]);
        w += k > 0 ? (uint32_t)k : 1;
    }
    return n;
}

/* A row holding no figure: a dated line the reader took for a row of its
 * own (a value date stacked under the row's date), dropped later. */
static bool figureless(const struct table_row *row)
{
    return !row->marker && !row->has_debit && !row->has_credit && !row->has_amount && !row->has_balance;
}

/* See table_parts.h. */
int table_value_dates_unread(struct table_lines *c)
{
    struct table_result *t = c->out;
    int *dates = calloc(t->nrows + 1, sizeof *dates);
    if (!dates)
        return -1;
    int cur = -1; /* the row the lines belong to: the last one with figures a line went to */
    for (size_t i = 0; i < c->ndl; i++) {
        int r = c->info[i].row;
        if (r >= 0 && (cur < 0 || !figureless(&t->rows[r])))
            cur = r;
        if (cur >= 0 && c->info[i].kind != LK_END && c->info[i].kind != LK_SKIP)
            dates[cur] += c->hdr[i] ? dates_on_line(c->l, &c->l->lines[c->dl[i]], c->hdr[i]) : 0;
    }
    size_t rows = 0, printed = 0, read = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        if (t->rows[r].marker || figureless(&t->rows[r]))
            continue;
        rows++;
        if (dates[r] >= 2) {
            printed++;
            read += t->rows[r].value_date != PB_NO_DAY;
        }
    }
    free(dates);
    t->value_dates_unread = printed >= 2 && 2 * printed >= rows && 2 * read < printed;
    return 0;
}
