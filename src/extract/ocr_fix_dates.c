/* OCR's misread dates set right. See ocr_fix_dates.h. */
#include "extract/ocr_fix_dates.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "extract/ocr_chars.h"

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
