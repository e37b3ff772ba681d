/* Money cells OCR misread. See ocr_amount.h. */
#include "extract/ocr_amount.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Marks a speck is read as, never part of a figure. */
static bool speck_mark(char c)
{
    return c && strchr("\"'`.,:;*~_|", c) != NULL;
}

size_t ocr_amount_cell(const char *cell, char *out, size_t cap)
{
    size_t n = strlen(cell);
    const char *s = cell;
    while (n && speck_mark(*s))
        s++, n--;
    while (n && speck_mark(s[n - 1]))
        n--;
    if (n > 1 && *s == '%' && isdigit((unsigned char)s[1])) /* the rupee sign's curves read as '%' */
        s++, n--;
    if (!n || n + 1 >= cap)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (i == 0 && c == '=') /* a minus with a speck under it */
            c = '-';
        /* the decimal point: a colon, or a space before the last two digits */
        bool point = (c == ':' || c == ';' || c == ' ') && i + 3 == n && isdigit((unsigned char)s[i + 1]) &&
                     isdigit((unsigned char)s[i + 2]) && i > 0 && isdigit((unsigned char)s[i - 1]);
        if (point)
            c = '.';
        else if (c == ' ' && k && out[k - 1] == ',') /* '3, 76,239.22' */
            continue;
        out[k++] = c;
    }
    out[k] = 0;
    return strcmp(out, cell) ? k : 0;
}
