/* An account number in a sentence OCR read without its spaces. See
 * identity_parts.h (id_run_together_account). */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract/profile.h" /* IDF_ACCOUNT_NUMBER */

/* Letters run into a label this long at least before its number: a
 * sentence's words ('thisisthestatementofyoursavings'), not a label. */
#define RUN_TOGETHER_LETTERS 12

/* The account number whose digits start at p in text, when the letters
 * just before them (and a '.', ':' or '#') are a sentence's run together
 * ending with an account number's label; NULL otherwise. */
static char *number_after_run_together_label(const char *text, const char *p)
{
    size_t d = strspn(p, "0123456789");
    if (d < 8 || d > 20)
        return NULL;
    const char *q = p;
    while (q > text && strchr(".:#", q[-1]))
        q--;
    char letters[64];
    size_t n = 0;
    const char *r = q;
    while (r > text && isalpha((unsigned char)r[-1]) && n < sizeof letters - 1)
        r--, n++;
    if (n < RUN_TOGETHER_LETTERS)
        return NULL;
    for (size_t i = 0; i < n; i++)
        letters[i] = (char)tolower((unsigned char)r[i]);
    return id_ends_with_label(letters, n, IDF_ACCOUNT_NUMBER) ? strndup(p, d) : NULL;
}

/* A sentence OCR read without its spaces, one word ('Thisisthestatement
 * ofyourSavingsAccountNo.81020100591030fortheperiod...': a line of small
 * type whose spaces Tesseract did not see): its label is no token of its
 * own, and the account number was lost. On OCR'd lines above the table,
 * when no label gave the number. */
void id_run_together_account(struct id_scan *s)
{
    char text[SEG_MAX * 2];
    for (size_t li = 0; li < s->l->nlines && !s->r->id.account_number; li++) {
        if (s->use[li] || s->zone[li] != ZONE_TOP || s->l->lines[li].conf < 0)
            continue;
        id_line_text(s->l, li, text, sizeof text);
        for (const char *p = text; *p && !s->r->id.account_number; p++)
            if (isdigit((unsigned char)*p) && (p == text || !isdigit((unsigned char)p[-1])))
                s->r->id.account_number = number_after_run_together_label(text, p);
    }
}
