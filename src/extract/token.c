#include "extract/token.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "extract/layout.h"

/* The document being read prints numeric dates month first (date_order.h
 * decides; extract_layout sets it for the document's reading). Per thread:
 * the server reads documents in several. */
static _Thread_local bool month_first;

bool token_set_month_first(bool on)
{
    bool was = month_first;
    month_first = on;
    return was;
}

static int two_digit_year(int y)
{
    return y < 70 ? 2000 + y : 1900 + y;
}

/* Reads 1..max digits at s[*i]; returns the count read (0 = none). */
static int read_num(const char *s, size_t len, size_t *i, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (*i < len && n < max + 1 && isdigit((unsigned char)s[*i])) {
        *v = *v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n > max ? 0 : n;
}

static int read_month_name(const char *s, size_t len, size_t *i)
{
    size_t j = *i;
    while (j < len && isalpha((unsigned char)s[j]))
        j++;
    int m = month_from_name(s + *i, j - *i);
    if (m)
        *i = j;
    return m;
}

static bool is_sep(char c)
{
    return c == '/' || c == '-' || c == '.' || c == ' ';
}

static bool finish(int y, int m, int d, pb_day *out)
{
    if (y < 1990 || y > 2099)
        return false;
    return date_from_ymd(y, m, d, out);
}

/* A weekday's name and its comma or space before a date ("Mon, 07 Dec 2026",
 * "Monday 07/12/2026", as app exports print them): advances *i past it. No
 * weekday shares a month's abbreviation. */
static void skip_weekday(const char *s, size_t len, size_t *i)
{
    static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    size_t j = *i;
    while (j < len && isalpha((unsigned char)s[j]))
        j++;
    size_t n = j - *i;
    if (n < 3) /* a date's digits, most often: no weekday to look for */
        return;
    bool day = false;
    for (size_t k = 0; k < 7 && !day; k++)
        day = (n == 3 || n == strlen(DAYS[k])) && !strncasecmp(s + *i, DAYS[k], n);
    if (!day)
        return;
    if (j < len && s[j] == ',')
        j++;
    if (j >= len || s[j] != ' ')
        return;
    while (j < len && s[j] == ' ')
        j++;
    *i = j;
}

/* The suffix of an ordinal day ("1st", "2nd", "3rd", "7th", "22nd") at s[*p]
 * after the day d: advances *p past it when it is d's. */
static void skip_ordinal(const char *s, size_t len, size_t *p, int d)
{
    if (*p + 2 > len || (*p + 2 < len && isalpha((unsigned char)s[*p + 2])))
        return;
    int last = d % 10;
    const char *want = (d / 10 == 1 || last > 3 || last == 0) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : "rd";
    if (!strncasecmp(s + *p, want, 2))
        *p += 2;
}

/* Parses a date starting at s[*i]; advances *i past it. */
static bool parse_at(const char *s, size_t len, size_t *i, pb_day *out)
{
    size_t p = *i;
    int a, m = 0, y, nd;
    skip_weekday(s, len, &p);
    if (p < len && isalpha((unsigned char)s[p])) { /* Mon dd, yyyy */
        m = read_month_name(s, len, &p);
        if (!m || p >= len)
            return false;
        if (s[p] == ' ')
            p++; /* "Jun 30, 2025"; Bandhan prints "June30, 2025" */
        if (!read_num(s, len, &p, 2, &a))
            return false;
        bool comma = p < len && s[p] == ',';
        if (comma)
            p++;
        if (p < len && s[p] == ' ')
            p++;
        else if (!comma)
            return false;
        if (read_num(s, len, &p, 4, &y) != 4 || !finish(y, m, a, out))
            return false;
        *i = p;
        return true;
    }
    nd = read_num(s, len, &p, 4, &a);
    if (!nd || p >= len)
        return false;
    if (nd == 4) { /* yyyy-mm-dd or yyyy/mm/dd */
        char sep = s[p];
        int d;
        if (sep != '-' && sep != '/')
            return false;
        p++;
        if (!read_num(s, len, &p, 2, &m) || p >= len || s[p] != sep)
            return false;
        p++;
        if (!read_num(s, len, &p, 2, &d) || !finish(a, m, d, out))
            return false;
        *i = p;
        return true;
    }
    if (nd <= 2)
        skip_ordinal(s, len, &p, a);
    if (p >= len)
        return false;
    char sep = s[p];
    if (is_sep(sep))
        p++;
    else if (!isalpha((unsigned char)sep))
        return false;
    else
        sep = 0; /* 01Apr2023 */
    if (p < len && isalpha((unsigned char)s[p])) {
        m = read_month_name(s, len, &p);
        if (!m)
            return false;
    } else if (sep && sep != ' ') {
        if (!read_num(s, len, &p, 2, &m))
            return false;
        if (month_first) { /* 12/31/2024 */
            int t = a;
            a = m, m = t;
        }
    } else {
        return false;
    }
    if (sep && (p >= len || s[p] != sep)) {
        /* "01 Apr, 2023" */
        if (!(sep == ' ' && p + 1 < len && s[p] == ',' && s[p + 1] == ' '))
            return false;
        p++;
    }
    if (sep)
        p++;
    int yd = read_num(s, len, &p, 4, &y);
    if (yd == 2)
        y = two_digit_year(y);
    else if (yd != 4)
        return false;
    if (!finish(y, m, a, out))
        return false;
    *i = p;
    return true;
}

/* A time of day at s[*i] ("10:22", "10:22:31", "10:22:31.123", " 10:22 AM",
 * "T10:22:31+05:30", " 10:22 IST"): banks' and aggregators' exports print
 * one after the date. Advances *i past it. */
static bool skip_time(const char *s, size_t len, size_t *i)
{
    size_t p = *i;
    int v;
    if (p < len && (s[p] == ' ' || s[p] == 'T'))
        p++;
    while (p < len && s[p] == ' ')
        p++;
    if (!read_num(s, len, &p, 2, &v) || v > 23 || p >= len || s[p] != ':')
        return false;
    for (int k = 0; k < 2 && p < len && s[p] == ':'; k++) {
        p++;
        if (read_num(s, len, &p, 2, &v) != 2 || v > 59)
            return false;
    }
    if (p < len && s[p] == '.') {
        p++;
        if (!read_num(s, len, &p, 6, &v))
            return false;
    }
    while (p < len && s[p] == ' ')
        p++;
    if (p + 2 <= len && (!strncasecmp(s + p, "AM", 2) || !strncasecmp(s + p, "PM", 2)))
        p += 2;
    else if (p + 3 <= len && !strncasecmp(s + p, "IST", 3))
        p += 3;
    else if (p < len && (s[p] == 'Z' || s[p] == 'z'))
        p++;
    else if (p < len && (s[p] == '+' || s[p] == '-') && p + 1 < len && isdigit((unsigned char)s[p + 1])) {
        p++;
        if (!read_num(s, len, &p, 2, &v) || (p < len && s[p] == ':' && (p++, !read_num(s, len, &p, 2, &v))))
            return false;
    }
    *i = p;
    return true;
}

static void trim_span(const char **s, size_t *len)
{
    while (*len && isspace((unsigned char)**s))
        (*s)++, (*len)--;
    while (*len && isspace((unsigned char)(*s)[*len - 1]))
        (*len)--;
}

bool token_parse_date(const char *s, size_t len, pb_day *out)
{
    trim_span(&s, &len);
    if (len < 6 || len > 40)
        return false;
    size_t i = 0;
    if (!parse_at(s, len, &i, out))
        return false;
    return i == len || (skip_time(s, len, &i) && i == len);
}

bool token_parse_day_month(const char *s, size_t len, int *month, int *day)
{
    trim_span(&s, &len);
    if (len < 3 || len > 30)
        return false;
    size_t p = 0;
    int d = 0, m = 0;
    if (isalpha((unsigned char)s[0])) { /* "Apr 05" */
        m = read_month_name(s, len, &p);
        if (!m || p >= len || (s[p] != ' ' && s[p] != '-'))
            return false;
        p++;
        if (!read_num(s, len, &p, 2, &d))
            return false;
    } else {
        if (!read_num(s, len, &p, 2, &d) || p >= len)
            return false;
        char sep = s[p];
        if (sep == '/' || sep == '-' || sep == ' ' || sep == '.')
            p++;
        else if (!isalpha((unsigned char)sep))
            return false;
        if (p < len && isalpha((unsigned char)s[p]))
            m = read_month_name(s, len, &p);
        else if (sep == '/' || sep == '-')
            read_num(s, len, &p, 2, &m);
        else if (sep == '.' && read_num(s, len, &p, 2, &m)) {
            /* "01.04.": the closing dot tells it from an amount ("1.04") */
            if (p >= len || s[p] != '.')
                return false;
            p++;
        }
        if (!m)
            return false;
    }
    if (p != len && !(skip_time(s, len, &p) && p == len))
        return false;
    pb_day probe; /* 29 Feb is a day of leap years */
    if (!date_from_ymd(2000, m, d, &probe))
        return false;
    *month = m;
    *day = d;
    return true;
}

bool token_find_date(const char *s, size_t len, size_t from, pb_day *out, size_t *end)
{
    for (size_t i = from; i < len; i++) {
        if (i > 0 && isalnum((unsigned char)s[i - 1]))
            continue;
        if (!isalnum((unsigned char)s[i]))
            continue;
        size_t p = i;
        if (parse_at(s, len, &p, out) && (p == len || !isalnum((unsigned char)s[p]))) {
            *end = p;
            return true;
        }
    }
    return false;
}

int token_drcr(const char *s, size_t len)
{
    while (len && (isspace((unsigned char)*s) || *s == '(' || *s == '['))
        s++, len--;
    while (len && (isspace((unsigned char)s[len - 1]) || s[len - 1] == ')' || s[len - 1] == ']' ||
                   s[len - 1] == '.'))
        len--;
    if (len == 2 && !strncasecmp(s, "dr", 2))
        return -1;
    if (len == 2 && !strncasecmp(s, "cr", 2))
        return 1;
    if (len == 5 && !strncasecmp(s, "debit", 5))
        return -1;
    if (len == 6 && !strncasecmp(s, "credit", 6))
        return 1;
    if (len == 1 && (*s == 'D' || *s == 'd'))
        return -1;
    if (len == 1 && (*s == 'C' || *s == 'c'))
        return 1;
    return 0;
}

/* Strips a Dr/Cr marker at the end ("Dr", "(Dr)", "Dr.") or start. */
static int strip_marker(const char **s, size_t *len)
{
    static const char *const MARKS[] = {"(dr)", "(cr)", "dr.", "cr.", "dr", "cr"};
    for (size_t k = 0; k < sizeof MARKS / sizeof *MARKS; k++) {
        size_t n = strlen(MARKS[k]);
        if (*len > n && !strncasecmp(*s + *len - n, MARKS[k], n)) {
            char before = (*s)[*len - n - 1];
            if (isalpha((unsigned char)before))
                continue;
            *len -= n;
            return MARKS[k][n == 4 ? 1 : 0] == 'd' ? -1 : 1;
        }
        if (*len > n && !strncasecmp(*s, MARKS[k], n) && !isalpha((unsigned char)(*s)[n])) {
            int r = MARKS[k][n == 4 ? 1 : 0] == 'd' ? -1 : 1;
            *s += n;
            *len -= n;
            return r;
        }
    }
    return 0;
}

/* A sign printed apart from the number: "(-)" / "(+)" before or after it,
 * or a sign after it (ledger reports: "1,234.00-"; a "+/-" column of its own
 * read with the amount's cell: "1,234.00 +"). Returns -1 / +1 / 0. */
static int strip_sign(const char **s, size_t *len)
{
    if (*len > 3 && ((*s)[0] == '(' && ((*s)[1] == '-' || (*s)[1] == '+') && (*s)[2] == ')')) {
        int r = (*s)[1] == '-' ? -1 : 1;
        *s += 3, *len -= 3;
        trim_span(s, len);
        return r;
    }
    if (*len > 3 && (*s)[*len - 1] == ')' && ((*s)[*len - 2] == '-' || (*s)[*len - 2] == '+') &&
        (*s)[*len - 3] == '(') {
        int r = (*s)[*len - 2] == '-' ? -1 : 1;
        *len -= 3;
        trim_span(s, len);
        return r;
    }
    if (*len > 1 && ((*s)[*len - 1] == '-' || (*s)[*len - 1] == '+')) {
        size_t k = *len - 1;
        while (k > 0 && (*s)[k - 1] == ' ')
            k--;
        if (k == 0 || !isdigit((unsigned char)(*s)[k - 1]))
            return 0;
        int r = (*s)[*len - 1] == '-' ? -1 : 1;
        *len = k;
        return r;
    }
    return 0;
}

/* A currency printed after the number ("1,234.00 INR"). */
static void strip_currency_suffix(const char **s, size_t *len)
{
    static const char *const CUR[] = {"INR", "Rs.", "Rs", "\xe2\x82\xb9"};
    for (size_t k = 0; k < sizeof CUR / sizeof *CUR; k++) {
        size_t n = strlen(CUR[k]);
        if (*len > n && !strncasecmp(*s + *len - n, CUR[k], n) && !isalpha((unsigned char)(*s)[*len - n - 1])) {
            *len -= n;
            trim_span(s, len);
            return;
        }
    }
}

/* "1,500/-": the mark after whole rupees (no paise follow) that receipts
 * and co-operative banks' ledgers print. Dropped after a digit. */
static void strip_whole_rupee_mark(const char **s, size_t *len)
{
    if (*len > 2 && (*s)[*len - 2] == '/' && (*s)[*len - 1] == '-' && isdigit((unsigned char)(*s)[*len - 3]))
        *len -= 2;
}

/* A currency sign whose glyph maps to no character (a rupee sign drawn from
 * a font without a ToUnicode entry reads U+0080, a private-use code or
 * U+FFFD) before the number: dropped like a printed one. */
static void strip_unmapped_sign(const char **s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)*s;
    int c = -1;
    size_t n = 0;
    if (*len >= 2 && (u[0] & 0xE0) == 0xC0)
        c = (u[0] & 0x1F) << 6 | (u[1] & 0x3F), n = 2;
    else if (*len >= 3 && (u[0] & 0xF0) == 0xE0)
        c = (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F), n = 3;
    if (n && c >= 0x80 && layout_char_unmapped(c)) {
        *s += n, *len -= n;
        trim_span(s, len);
    }
}

bool token_is_currency_sign(const char *s, size_t len)
{
    trim_span(&s, &len);
    if ((len == 3 && !strncasecmp(s, "INR", 3)) || (len == 2 && !strncasecmp(s, "Rs", 2)) ||
        (len == 3 && !strncasecmp(s, "Rs.", 3)) || (len == 3 && !memcmp(s, "\xe2\x82\xb9", 3)))
        return true;
    size_t n = len;
    strip_unmapped_sign(&s, &n);
    return len && !n;
}

/* The dashes a typesetter prints for a minus: U+2212 MINUS SIGN, U+2012
 * FIGURE DASH, U+2013 EN DASH, U+FE63 SMALL HYPHEN-MINUS, U+FF0D FULLWIDTH
 * HYPHEN-MINUS. Returns the bytes of the one at s, else 0. */
static size_t typeset_minus(const char *s, size_t len)
{
    static const char *const DASHES[] = {"\xe2\x88\x92", "\xe2\x80\x92", "\xe2\x80\x93", "\xef\xb9\xa3",
                                         "\xef\xbc\x8d"};
    for (size_t k = 0; k < sizeof DASHES / sizeof *DASHES; k++)
        if (len >= 3 && !memcmp(s, DASHES[k], 3))
            return 3;
    return 0;
}

/* s with each typeset minus replaced by '-' into buf (cap bytes): statements
 * set in a proper typeface print "\u2212" 1,234.00 for a debit, and a reader
 * that does not see the sign reads a debit as a credit. Returns the length. */
static size_t with_ascii_minus(const char *s, size_t len, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o < cap; i++) {
        size_t n = typeset_minus(s + i, len - i);
        buf[o++] = n ? '-' : s[i];
        if (n)
            i += n - 1;
    }
    return o;
}

bool token_parse_amount(const char *s, size_t len, pb_paise *out, int *drcr)
{
    char plain[64];
    trim_span(&s, &len);
    if (len <= sizeof plain && (memchr(s, 0xe2, len) || memchr(s, 0xef, len))) {
        len = with_ascii_minus(s, len, plain, sizeof plain);
        s = plain;
    }
    strip_unmapped_sign(&s, &len);
    if (!len || len > 40)
        return false;
    int m = strip_marker(&s, &len);
    trim_span(&s, &len);
    strip_currency_suffix(&s, &len);
    if (!m)
        m = strip_marker(&s, &len); /* "1,234.00 Dr INR" / "INR 1,234.00 Cr" */
    trim_span(&s, &len);
    strip_whole_rupee_mark(&s, &len);
    int sign = strip_sign(&s, &len);
    if (!len || memchr(s, '/', len) || memchr(s, ':', len))
        return false;
    /* at least one digit, and no letters except a currency prefix */
    bool digit = false;
    for (size_t i = 0; i < len; i++)
        digit = digit || isdigit((unsigned char)s[i]);
    if (!digit || !money_parse(s, len, out))
        return false;
    if (sign < 0 && *out > 0)
        *out = -*out;
    if (!m && (sign > 0 || s[0] == '+'))
        m = 1; /* an explicit plus: a credit */
    if (drcr)
        *drcr = m;
    return true;
}

bool token_is_time(const char *s)
{
    int colons = 0, digits = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ':')
            colons++;
        else if (*p >= '0' && *p <= '9')
            digits++;
        else if (!strchr(" .APMapm", *p))
            return false;
    }
    return colons >= 1 && colons <= 2 && digits >= 3;
}

size_t token_squash(char *s)
{
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            space = o > 0;
            continue;
        }
        if (space)
            s[o++] = ' ';
        space = false;
        s[o++] = (char)c;
    }
    s[o] = 0;
    return o;
}
