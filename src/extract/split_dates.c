#include "extract/split_dates.h"
#include "extract/token.h"
#include "util/array.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DATE 40 /* longer text is no date */
#define MAX_PIECES 3 /* under a date's first piece */

static bool is_sep(char c)
{
    return c == '/' || c == '-' || c == '.';
}

/* Text a piece of a date may hold: digits, a month's letters, separators. */
static bool date_chars(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!isalnum((unsigned char)s[n]) && !is_sep(s[n]))
            return false;
    return n && n <= 12;
}

static bool parses(const char *s)
{
    pb_day day;
    return token_parse_date(s, strlen(s), &day);
}

bool split_dates_is_head(const char *s)
{
    return isdigit((unsigned char)s[0]) && date_chars(s) && strpbrk(s, "/-.") && !parses(s);
}

/* An ISO date's year alone on the row's line ('2024' over '/11/' over
 * '01'): a first piece only where the next starts with a separator. */
static bool is_year(const char *s)
{
    return strlen(s) == 4 && strspn(s, "0123456789") == 4;
}

static bool is_month(const char *s);

/* A later piece: digits ('2026', '8.') or a month's letters with their
 * separator ('Dec-'); never a column label ('Date', 'Dt.' heading the next
 * page under 'Txn.'). */
static bool is_piece(const char *s)
{
    size_t n = strlen(s);
    char letters[16];
    if (!date_chars(s))
        return false;
    if (strpbrk(s, "0123456789"))
        return true;
    if (!is_sep(s[n - 1]) || n > sizeof letters)
        return false;
    memcpy(letters, s, n - 1);
    letters[n - 1] = 0;
    return is_month(letters);
}

/* A whole date: day, month and year, two separators, the year (two or
 * four digits) last, or an ISO date (four digits of the year first, the
 * day's one or two last). */
static bool whole_date(const char *s)
{
    size_t n = strlen(s), k = n, seps = 0;
    while (k && isdigit((unsigned char)s[k - 1]))
        k--;
    for (size_t i = 0; i < n; i++)
        seps += is_sep(s[i]);
    bool year_last = n - k == 2 || n - k == 4;
    bool year_first = strspn(s, "0123456789") == 4 && is_sep(s[4]) && (n - k == 1 || n - k == 2);
    return k && is_sep(s[k - 1]) && (year_last || year_first) && seps == 2 && parses(s);
}

/* The line after line a on its page, close enough under it to be a wrapped
 * cell's next line (a text line apart, not a row gap); -1 when none. */
static long line_under(const struct layout *l, size_t a)
{
    const struct line *up = &l->lines[a];
    if (a + 1 >= l->nlines)
        return -1;
    const struct line *dn = &l->lines[a + 1];
    float size = up->size > 0 ? up->size : 8;
    return dn->page == up->page && dn->base - up->base < 1.8f * size ? (long)(a + 1) : -1;
}

/* The one word of line b over [x0, x1]: overlapping it and the only word
 * that does (a wrapped cell's next piece has its column to itself); NULL
 * when none or several. */
static struct word *piece_under(struct layout *l, size_t b, float x0, float x1)
{
    const struct line *ln = &l->lines[b];
    struct word *found = NULL;
    for (size_t k = ln->first; k < ln->first + ln->n; k++) {
        struct word *w = &l->words[k];
        if (w->x1 <= x0 || w->x0 >= x1)
            continue;
        if (found)
            return NULL;
        found = w;
    }
    return found;
}

/* Does line b print nothing over [x0, x1]? */
static bool clear_under(const struct layout *l, size_t b, float x0, float x1)
{
    const struct line *ln = &l->lines[b];
    for (size_t k = ln->first; k < ln->first + ln->n; k++)
        if (l->words[k].x1 > x0 && l->words[k].x0 < x1)
            return false;
    return true;
}

/* Lines of a row the date's pieces may pass over: a row whose cells are
 * centred on its wrapped narration prints the date's first piece on the
 * narration's first line and its amounts on the line under it, the
 * date's next piece under those. */
#define MAX_LINES_PASSED 2

/* The first line under line a, close, with a word over [x0, x1] (passing
 * up to MAX_LINES_PASSED lines that print nothing there); -1 when none. */
static long line_below(const struct layout *l, size_t a, float x0, float x1)
{
    long b = line_under(l, a);
    for (int passed = 0; b >= 0 && passed < MAX_LINES_PASSED && clear_under(l, (size_t)b, x0, x1); passed++) {
        long c = line_under(l, (size_t)b);
        if (c < 0)
            break;
        b = c;
    }
    return b;
}

/* The line of the next piece of a date wrapped under [x0, x1] from line a:
 * line_below, or when a row is broken by the page, the first line of the
 * next page (past its letterhead and header) whose word there is such a
 * piece; -1 when a whole date there comes first. */
static long next_piece_line(struct layout *l, size_t a, float x0, float x1)
{
    long b = line_below(l, a, x0, x1);
    if (b >= 0)
        return b;
    int next = l->lines[a].page + 1;
    for (size_t c = a + 1; c < l->nlines && l->lines[c].page <= next; c++) {
        if (l->lines[c].page < next)
            continue; /* the foot of the row's own page */
        const struct word *p = piece_under(l, c, x0, x1);
        if (!p)
            continue;
        const char *s = word_text(l, p);
        if (parses(s))
            return -1;
        if (is_piece(s))
            return (long)c;
    }
    return -1;
}

/* Appends s to buf (of cap bytes): false when it does not fit. */
static bool append(char *buf, size_t cap, const char *s)
{
    size_t used = strlen(buf), n = strlen(s);
    if (used + n + 1 > cap)
        return false;
    memcpy(buf + used, s, n + 1);
    return true;
}

/* The pieces under the head w on line a, joined into date (the head's text
 * first) until they read as a whole date: one piece ('2026'), two ('12-'
 * and '2026', or an ISO date's '/11/' and '01' under its year) or three (a
 * date cut between its characters: '01.1' / '0.' / '202' / '3'). Returns
 * how many were taken (0: w is no wrapped date). */
static int collect(struct layout *l, size_t a, const struct word *w, struct word **pieces, char *date, size_t cap)
{
    const char *head = word_text(l, w);
    bool year = is_year(head);
    if ((!split_dates_is_head(head) && !year) || strlen(head) >= cap)
        return 0;
    strcpy(date, head);
    long b = (long)a;
    for (int taken = 0; taken < MAX_PIECES;) {
        b = next_piece_line(l, (size_t)b, w->x0, w->x1);
        struct word *p = b < 0 ? NULL : piece_under(l, (size_t)b, w->x0, w->x1);
        if (!p || p->page < 0 || !is_piece(word_text(l, p)) || (year && !taken && !is_sep(word_text(l, p)[0])) ||
            !append(date, cap, word_text(l, p)))
            return 0;
        pieces[taken++] = p;
        if (whole_date(date))
            return taken;
    }
    return 0;
}

/* ---------- dates in words: '01' / 'December' / '2023' ---------- */

static bool is_day(const char *s)
{
    size_t n = strlen(s);
    return n >= 1 && n <= 2 && strspn(s, "0123456789") == n && atoi(s) >= 1 && atoi(s) <= 31;
}

/* A month's name or its short form ('December', 'Dec'), letters only. */
static bool is_month(const char *s)
{
    char probe[24];
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!isalpha((unsigned char)s[i]))
            return false;
    int month, day;
    return n >= 3 && n < sizeof probe - 2 && snprintf(probe, sizeof probe, "1 %s", s) > 0 &&
           token_parse_day_month(probe, strlen(probe), &month, &day);
}

/* A year printed alone: four digits, 19xx or 20xx. */
static bool is_full_year(const char *s)
{
    return is_year(s) && (!strncmp(s, "19", 2) || !strncmp(s, "20", 2));
}

/* A date in words' last piece: its year, with the closing bracket of a
 * bracketed date ('2023)') when the day opened one. */
static bool is_last_piece(const char *s, bool bracketed)
{
    char year[8];
    size_t n = strlen(s);
    if (!bracketed)
        return is_full_year(s);
    if (n < 2 || n > sizeof year || s[n - 1] != ')')
        return false;
    memcpy(year, s, n - 1);
    year[n - 1] = 0;
    return is_full_year(year);
}

/* Piece taken + 1 of a date in words whose day opened a bracket or not:
 * the month's name, then the year (closing the bracket: '2023)'). */
static bool is_words_piece(const char *s, int taken, bool bracketed)
{
    return taken ? is_last_piece(s, bracketed) : is_month(s);
}

/* The line heading the page after line a's whose word over [x0, x1] is
 * piece taken + 1 of a date in words broken by the page: the first word
 * there with a digit or a month's name (the next page's letterhead and
 * header words have neither); -1 when that is no such piece. */
static long next_page_piece(struct layout *l, size_t a, float x0, float x1, int taken, bool bracketed)
{
    int next = l->lines[a].page + 1;
    for (size_t c = a + 1; c < l->nlines && l->lines[c].page <= next; c++) {
        const struct word *p = l->lines[c].page == next ? piece_under(l, c, x0, x1) : NULL;
        const char *s = p ? word_text(l, p) : "";
        if (strpbrk(s, "0123456789") || is_month(s))
            return is_words_piece(s, taken, bracketed) ? (long)c : -1;
    }
    return -1;
}

/* The word of line a after its word w when it starts close after it (a
 * date's next word: 'Jan' after '1', '2023' after 'Jan'); NULL if none. */
static struct word *word_beside(struct layout *l, size_t a, const struct word *w)
{
    const struct line *ln = &l->lines[a];
    size_t k = (size_t)(w - l->words);
    struct word *next = k + 1 < ln->first + ln->n ? &l->words[k + 1] : NULL;
    return next && next->x0 - w->x1 < 1.5f * fmaxf(w->size, 4) ? next : NULL;
}

/* The date in words whose day is word k of line a ('01'), its month the
 * next word on the line or the piece under the day, its year the piece
 * under that: joined into date ('01 December 2023'). A value date in
 * brackets under a date is wrapped the same way ('(02' / 'December' /
 * '2023)'): joined with its brackets ('(02 December 2023)'), as the cell
 * would print it on one line. A date broken by the page (its last piece
 * at the page's foot) goes on at the next page's head: its next piece is
 * the first word there with a digit or a month's name (a day there starts
 * another row). A year beside the month is a date printed on one line:
 * nothing to join, no year to look for ('1 Jan 2023 to 31 Dec 2023' over
 * the table took a row's year heading the next page). Returns how many
 * words were taken (0: none such). */
static int collect_words(struct layout *l, size_t a, size_t k, struct word **pieces, char *date, size_t cap)
{
    const struct word *w = &l->words[k];
    const char *day = word_text(l, w);
    bool bracketed = day[0] == '(';
    if (!is_day(day + bracketed))
        return 0;
    int taken = 0;
    struct word *next = word_beside(l, a, w);
    if (next && is_month(word_text(l, next))) {
        struct word *year = word_beside(l, a, next);
        if (year && is_full_year(word_text(l, year)))
            return 0; /* a date on one line */
        pieces[taken++] = next;
    }
    bool crossed = false; /* a page passed */
    for (long b = (long)a; taken < 2;) {
        long under = line_below(l, (size_t)b, w->x0, w->x1);
        if (under < 0 && !crossed) {
            under = next_page_piece(l, (size_t)b, w->x0, w->x1, taken, bracketed);
            crossed = true;
        }
        struct word *p = under < 0 ? NULL : piece_under(l, (size_t)under, w->x0, w->x1);
        if (!p || p->page < 0 || !is_words_piece(word_text(l, p), taken, bracketed))
            return 0;
        pieces[taken++] = p;
        b = under;
    }
    pb_day parsed;
    int n = snprintf(date, cap, "%s %s %s", day, word_text(l, pieces[0]), word_text(l, pieces[1]));
    /* bracketed: the date between the brackets */
    return n > 0 && (size_t)n < cap && token_parse_date(date + bracketed, (size_t)n - 2 * bracketed, &parsed) ? taken
                                                                                                            : 0;
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

/* A piece taken into the date of head: marked by a negative page, dropped
 * by layout_drop_taken. */
static void take(struct word *head, struct word *p)
{
    head->x1 = fmaxf(head->x1, p->x1);
    head->x0 = fminf(head->x0, p->x0);
    p->page = -1;
}

int split_dates_join(struct layout *l)
{
    int joined = 0;
    for (size_t a = 0; a < l->nlines; a++) {
        const struct line *ln = &l->lines[a];
        for (size_t k = ln->first; k < ln->first + ln->n; k++) {
            struct word *w = &l->words[k];
            struct word *pieces[MAX_PIECES];
            char date[MAX_DATE];
            if (w->page < 0)
                continue;
            int taken = collect(l, a, w, pieces, date, sizeof date);
            if (!taken)
                taken = collect_words(l, a, k, pieces, date, sizeof date);
            if (!taken)
                continue;
            if (set_text(l, w, date) < 0)
                return -1;
            for (int i = 0; i < taken; i++)
                take(w, pieces[i]);
            joined++;
        }
    }
    if (joined)
        layout_drop_taken(l);
    return joined;
}
