#include "util/money.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

static void skip_currency(const char **s, size_t *len)
{
    static const char *const prefixes[] = {"\xe2\x82\xb9", "INR", "Rs.", "Rs"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (*len > n && strncasecmp(*s, prefixes[i], n) == 0) {
            *s += n;
            *len -= n;
            trim(s, len);
            return;
        }
    }
}

/* Checks digit grouping: groups after the first comma are 2 digits (Indian)
 * except the last, which is 3; or all 3 (Western). */
static bool grouping_ok(const int *groups, int ngroups)
{
    if (ngroups == 1)
        return groups[0] >= 1;
    if (groups[0] < 1 || groups[0] > 3 || groups[ngroups - 1] != 3)
        return false;
    bool western = true, indian = groups[0] <= 2 || ngroups == 2;
    for (int i = 1; i < ngroups - 1; i++) {
        western = western && groups[i] == 3;
        indian = indian && groups[i] == 2;
    }
    return western || indian;
}

bool money_parse(const char *s, size_t len, pb_paise *out)
{
    bool neg = false, paren = false;
    trim(&s, &len);
    if (len && (*s == '-' || *s == '+')) {
        neg = *s == '-';
        s++, len--;
        trim(&s, &len);
    }
    skip_currency(&s, &len);
    if (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
        paren = neg = true;
        s++, len -= 2;
        trim(&s, &len);
    }
    if (len && !paren && (*s == '-' || *s == '+')) {
        neg = *s == '-';
        s++, len--;
    }
    int groups[16], ng = 0, cur = 0, decimals = -1;
    int64_t whole = 0, frac = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (decimals >= 0) {
                if (++decimals > 2)
                    return false;
                frac = frac * 10 + (c - '0');
            } else {
                if (whole > PB_MONEY_MAX / 1000)
                    return false;
                whole = whole * 10 + (c - '0');
                cur++;
            }
        } else if (c == ',' && decimals < 0) {
            if (ng == 15)
                return false;
            groups[ng++] = cur;
            cur = 0;
        } else if (c == '.' && decimals < 0) {
            decimals = 0;
        } else {
            return false;
        }
    }
    if (ng == 15)
        return false;
    groups[ng++] = cur;
    if (!grouping_ok(groups, ng) || decimals == 0)
        return false;
    if (decimals == 1)
        frac *= 10;
    pb_paise v = whole * 100 + (decimals < 0 ? 0 : frac);
    *out = neg ? -v : v;
    return true;
}

const char *money_fmt(pb_paise p, char *buf)
{
    uint64_t a = p < 0 ? -(uint64_t)p : (uint64_t)p;
    snprintf(buf, PB_MONEY_BUF, "%s%llu.%02llu", p < 0 ? "-" : "", (unsigned long long)(a / 100),
             (unsigned long long)(a % 100));
    return buf;
}

double money_to_rupees(pb_paise p)
{
    return (double)p / 100.0;
}

bool money_from_rupees(double r, pb_paise *out)
{
    if (!isfinite(r) || fabs(r) * 100.0 > (double)PB_MONEY_MAX)
        return false;
    *out = (pb_paise)llround(r * 100.0);
    return true;
}
