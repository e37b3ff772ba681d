/* Bank search (see banks.h). The catalogue is a few hundred rows, so a
 * linear scan per keystroke is cheaper than any index. */
#include "journey/banks.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* Shown first when nothing is typed: the largest banks by accounts. */
static const char *const POPULAR[] = {"SBI", "HDFC", "ICICI", "AXIS", "KOTAK", "BARODA", "PNBBNK",
                                      "CANARA", "UBI", "BOI", "IDFC", "INDUSIND", "YESBNK"};

static bool contains_ci(const char *hay, const char *needle, size_t n)
{
    if (n == 0)
        return true;
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return true;
    return false;
}

/* Every whitespace-separated word of q appears in the name or the id. */
static bool matches(const struct bank_info *b, const char *q)
{
    const char *p = q;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w);
        if (n && !contains_ci(b->full_name, w, n) && !contains_ci(b->id, w, n))
            return false;
    }
    return true;
}

/* 0 exact id, 1 prefix of id or name (or a word of the name), 2 other. */
static int rank(const struct bank_info *b, const char *q)
{
    size_t n = strlen(q);
    if (!strcasecmp(b->id, q))
        return 0;
    if (!strncasecmp(b->id, q, n) || !strncasecmp(b->full_name, q, n))
        return 1;
    for (const char *s = b->full_name; (s = strchr(s, ' ')); s++)
        if (!strncasecmp(s + 1, q, n))
            return 1;
    return 2;
}

static size_t list_popular(const struct bank_info **out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < sizeof POPULAR / sizeof POPULAR[0] && k < max; i++) {
        const struct bank_info *b = bank_find(POPULAR[i]);
        if (b)
            out[k++] = b;
    }
    for (size_t i = 0; i < bank_count() && k < max; i++) {
        const struct bank_info *b = bank_at(i);
        bool seen = false;
        for (size_t j = 0; j < k && !seen; j++)
            seen = out[j] == b;
        if (!seen)
            out[k++] = b;
    }
    return k;
}

size_t journey_bank_search(const char *q, const struct bank_info **out, size_t max)
{
    while (q && isspace((unsigned char)*q))
        q++;
    if (!q || !*q)
        return list_popular(out, max);
    size_t k = 0;
    for (int r = 0; r <= 2 && k < max; r++)
        for (size_t i = 0; i < bank_count() && k < max; i++) {
            const struct bank_info *b = bank_at(i);
            if (matches(b, q) && rank(b, q) == r)
                out[k++] = b;
        }
    return k;
}
