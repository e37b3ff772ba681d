/* Fuzzes the layout-to-table stages (header detection, column rivers, row
 * assembly, identity, reconciliation) and the token parsers. The input is
 * statement text laid out monospaced (layout_from_text), so mutations move
 * words between columns, lines and pages. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/layout.h"
#include "extract/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const char *s = (const char *)data;
    pb_day d;
    pb_paise p;
    int mark;
    size_t end;
    token_parse_date(s, size < 64 ? size : 64, &d);
    token_parse_amount(s, size < 64 ? size : 64, &p, &mark);
    token_find_date(s, size < 256 ? size : 256, 0, &d, &end);

    struct layout l = {0};
    if (layout_from_text(&l, s, size) == 0) {
        struct statement_list all;
        struct extract_error err;
        struct extract_opts o = {0};
        if (extract_layout(&l, &o, &all, &err) == 0) {
            /* what reconciliation reports must be what it checked, in every account */
            for (size_t a = 0; a < all.n; a++)
                for (size_t i = 0; i < all.items[a].ntxns; i++)
                    if (all.items[a].txns[i].amount <= 0 || !all.items[a].txns[i].note)
                        abort();
            if (!all.n)
                abort(); /* a success holds at least one account */
            statement_list_free(&all);
        }
    }
    layout_free(&l);
    return 0;
}
