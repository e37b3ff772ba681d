/* OCR's misread dates set right. See ocr_fix_dates.h. */
#include "extract/ocr_fix_dates.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "extract/ocr_chars.h"
#include "extract/token.h"

/* ---------- dates of the date column ---------- */

/* dd mm yy, dd mm yyyy or yyyy mm dd from exactly these digits. */
static bool date_digits(const char *d, size_t n, pb_day *out)
{
#define NUM2(p) (((p)[0] - '0') * 10 + ((p)[1] - '0'))
    if (n == 6)
        return date_from_ymd(2000 + NUM2(d + 4), NUM2(d + 2), NUM2(d), out);
    if (n != 8)
        return false;
    int y = NUM2(d + 4) * 100 + NUM2(d + 6);
    if (y >= 1990 && y < 2100 && date_from_ymd(y, NUM2(d + 2), NUM2(d), out))
        return true;
    y = NUM2(d) * 100 + NUM2(d + 2);
    return y >= 1990 && y < 2100 && date_from_ymd(y, NUM2(d + 4), NUM2(d + 6), out);
#undef NUM2
}

bool ocr_fix_date(const char *cell, pb_day *out)
{
    char d[16] = "";
    size_t n = 0;
    for (const char *p = cell; *p; p++) {
        char c = isdigit((unsigned char)*p) ? *p : ocr_digit_for(*p);
        if (c) {
            if (n + 1 >= sizeof d)
                return false;
            d[n++] = c;
        } else if (!ocr_is_sep(*p) && *p != ' ' && *p != '\'')
            return false; /* letters: a month name or no date */
    }
    pb_day found = PB_NO_DAY, v;
    if (date_digits(d, n, &v)) {
        *out = v;
        return true;
    }
    if (n != 7 && n != 9)
        return false;
    /* one digit too many: a separator read as a digit (1, 7, 4 ...) where
     * a separator goes (after two or four digits, or six of yyyymmdd) */
    int readings = 0;
    for (size_t cut = 2; cut + 3 <= n; cut += 2) { /* 2, 4 (and 6 of nine digits) */
        char e[16];
        memcpy(e, d, cut);
        memcpy(e + cut, d + cut + 1, n - cut - 1);
        if (date_digits(e, n - 1, &v) && v != found)
            found = v, readings++;
    }
    if (readings != 1)
        return false;
    *out = found;
    return true;
}

/* Whether c is what OCR reads in a date's separator: the separator
 * itself or a speck's mark. */
static bool date_gap_char(char c)
{
    return c == ' ' || ocr_is_sep(c) || c == '\'' || c == '`';
}

/* The length of the run at p of characters of one kind (digits: letters
 * false; else letters), when it is min to max long; else 0. */
static size_t run_of(const char *p, bool letters, size_t min, size_t max)
{
    size_t n = 0;
    while (p[n] && (letters ? isalpha((unsigned char)p[n]) : isdigit((unsigned char)p[n])))
        n++;
    return n >= min && n <= max ? n : 0;
}

/* The length of the gap at p between a date's parts: one or two
 * separators, marks or spaces; else 0. */
static size_t gap_at(const char *p)
{
    size_t n = 0;
    while (p[n] && date_gap_char(p[n]))
        n++;
    return n <= 2 ? n : 0;
}

bool ocr_fix_named_date(const char *cell, pb_day *out)
{
    size_t day = run_of(cell, false, 1, 2), g1 = day ? gap_at(cell + day) : 0;
    const char *mon = cell + day + g1;
    size_t month = g1 ? run_of(mon, true, 3, 9) : 0, g2 = month ? gap_at(mon + month) : 0;
    const char *year = mon + month + g2;
    size_t digits = g2 ? run_of(year, false, 2, 4) : 0;
    if (!digits || digits == 3 || year[digits])
        return false;
    char spaced[32];
    int n = snprintf(spaced, sizeof spaced, "%.*s %.*s %s", (int)day, cell, (int)month, mon, year);
    return n > 0 && (size_t)n < sizeof spaced && token_parse_date(spaced, (size_t)n, out);
}

const char *ocr_after_mark(const char *cell)
{
    const char *p = cell;
    while (*p && *p != ' ' && !isalnum((unsigned char)*p))
        p++;
    if (p == cell) { /* a word of at most three letters, a space after it */
        while (isalpha((unsigned char)*p) && p - cell < 4)
            p++;
        if (p == cell || p - cell > 3 || *p != ' ')
            return NULL;
    }
    while (*p == ' ')
        p++;
    return *p ? p : NULL;
}

/* ---------- dates in the statement's order ---------- */

/* Whether a and b, written dd mm yyyy, differ in exactly one digit. */
static bool one_digit_apart(pb_day a, pb_day b)
{
    int ya, ma, da, yb, mb, db;
    date_to_ymd(a, &ya, &ma, &da);
    date_to_ymd(b, &yb, &mb, &db);
    char x[16], y[16];
    snprintf(x, sizeof x, "%02d%02d%04d", da, ma, ya);
    snprintf(y, sizeof y, "%02d%02d%04d", db, mb, yb);
    int diff = 0;
    for (size_t i = 0; x[i] && y[i]; i++)
        diff += x[i] != y[i];
    return diff == 1 && strlen(x) == strlen(y);
}

/* Whether a comes no later (newest first: no earlier) than b. */
static bool in_order(pb_day a, pb_day b, bool newest_first)
{
    return newest_first ? a >= b : a <= b;
}

/* Whether row i's date d fits between its neighbours (those there are). */
static bool fits(const struct date_row *r, size_t n, size_t i, pb_day d, bool desc)
{
    return (i == 0 || in_order(r[i - 1].date, d, desc)) && (i + 1 == n || in_order(d, r[i + 1].date, desc));
}

/* Whether row i is out of the order its neighbours keep: it does not fit
 * between the two around it, which are in order among themselves; a first
 * or last row, when it does not fit beside the next (previous) one and
 * that one fits between its own neighbours (else that one is the odd one
 * out). */
static bool odd_one_out(const struct date_row *r, size_t n, size_t i, bool desc)
{
    if (n < 3 || fits(r, n, i, r[i].date, desc))
        return false;
    if (i > 0 && i + 1 < n)
        return in_order(r[i - 1].date, r[i + 1].date, desc);
    size_t k = i == 0 ? 1 : n - 2;
    return in_order(r[k - 1].date, r[k + 1].date, desc) && fits(r, n, k, r[k].date, desc);
}

bool ocr_value_date_lost(const struct date_row *rows, size_t n, size_t i)
{
    size_t printed = 0;
    for (size_t k = 0; k < n; k++)
        printed += rows[k].value != PB_NO_DAY;
    return n >= 5 && rows[i].value == PB_NO_DAY && 5 * printed >= 4 * n;
}

size_t ocr_fix_dates(struct date_row *rows, size_t n)
{
    size_t up = 0, down = 0, fixed = 0;
    for (size_t i = 1; i < n; i++)
        up += rows[i].date > rows[i - 1].date, down += rows[i].date < rows[i - 1].date;
    bool desc = down > up;
    for (size_t i = 0; i < n; i++)
        rows[i].doubtful = odd_one_out(rows, n, i, desc);
    for (size_t i = 0; i < n; i++) {
        struct date_row *r = &rows[i];
        if (r->doubtful && r->value != PB_NO_DAY && fits(rows, n, i, r->value, desc) &&
            one_digit_apart(r->date, r->value)) {
            r->date = r->value;
            r->corrected = true;
            r->doubtful = false;
            fixed++;
        }
    }
    /* a row its mended neighbour had put out of order is in order again */
    for (size_t i = 0; i < n; i++)
        rows[i].doubtful = rows[i].doubtful && !fits(rows, n, i, rows[i].date, desc);
    return fixed;
}
