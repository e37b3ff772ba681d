/* Lines printed like transaction rows. See row_shape.h. */
#include "extract/row_shape.h"

#include <string.h>

#include "extract/table.h" /* enum line_use */
#include "extract/token.h"

struct line_values line_values(const struct layout *l, size_t li)
{
    const struct line *ln = &l->lines[li];
    struct line_values v = {false, false};
    for (uint32_t w = ln->first; w < ln->first + ln->n; w++) {
        const char *t = word_text(l, &l->words[w]);
        pb_day d;
        pb_paise p;
        int mark;
        v.date = v.date || token_parse_date(t, strlen(t), &d);
        v.amount = v.amount || (strchr(t, '.') && token_parse_amount(t, strlen(t), &p, &mark));
    }
    return v;
}

bool line_row_shaped(const struct layout *l, size_t li)
{
    const struct line *ln = &l->lines[li];
    uint32_t w = ln->first;
    if (!ln->n)
        return false;
    const char *t = word_text(l, &l->words[w]);
    pb_day d;
    if (strspn(t, "0123456789") == strlen(t) && strlen(t) <= 5 && ln->n > 1)
        t = word_text(l, &l->words[++w]);
    return token_parse_date(t, strlen(t), &d) && line_values(l, li).amount;
}

void unread_rows_outside(const struct layout *l, const unsigned char *use, bool *before, bool *after)
{
    size_t first = l->nlines, last = 0;
    for (size_t li = 0; li < l->nlines; li++)
        if (use[li] == LINE_TABLE) {
            first = first < li ? first : li;
            last = li;
        }
    *before = *after = false;
    for (size_t li = 0; li < l->nlines && first < l->nlines; li++)
        if (use[li] == LINE_FREE && (li < first || li > last) && line_row_shaped(l, li)) {
            *before = *before || li < first;
            *after = *after || li > last;
        }
}
