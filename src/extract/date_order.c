#include "extract/date_order.h"

#include <ctype.h>
#include <stdint.h>

/* Reads 1..2 digits at *s; returns the number, or -1. */
static int number(const char **s)
{
    int v = 0, n = 0;
    while (isdigit((unsigned char)**s) && n < 3)
        v = v * 10 + (*(*s)++ - '0'), n++;
    return n && n <= 2 ? v : -1;
}

/* A word that is a numeric date n1/n2/yy(yy) (or with '-' or '.'): which
 * order it allows. Returns +1 month first only, -1 day first only, 0 both,
 * neither or no date. */
static int word_order(const char *w)
{
    int a = number(&w);
    char sep = *w;
    if (a < 1 || (sep != '/' && sep != '-' && sep != '.'))
        return 0;
    w++;
    int b = number(&w);
    if (b < 1 || *w != sep)
        return 0;
    w++;
    int digits = 0;
    while (isdigit((unsigned char)w[digits]))
        digits++;
    if ((digits != 2 && digits != 4) || w[digits])
        return 0;
    if (a <= 12 && b > 12 && b <= 31)
        return 1;
    if (b <= 12 && a > 12 && a <= 31)
        return -1;
    return 0;
}

bool date_order_month_first(const struct layout *l)
{
    int month_first = 0, day_first = 0;
    for (size_t i = 0; i < l->nlines; i++) {
        const struct line *ln = &l->lines[i];
        for (uint32_t k = 0; k < ln->n && k < 2; k++) {
            int o = word_order(word_text(l, &l->words[ln->first + k]));
            month_first += o > 0;
            day_first += o < 0;
        }
    }
    return month_first >= 2 && month_first > 4 * day_first;
}
