/* Identity from the text around the table: "Label : value" pairs (labels
 * from the profiles), an unlabelled "MR NAME" block with its address, the
 * statement period, opening/closing balances from summaries, and the bank
 * (IFSC prefix first, then the bank's name on the page). */
#ifndef PB_EXTRACT_IDENTITY_H
#define PB_EXTRACT_IDENTITY_H

#include <stdbool.h>

#include "core/statement.h"
#include "extract/layout.h"

struct id_result {
    struct identity id;   /* strings owned; moved into the statement */
    pb_day from, to;
    pb_paise opening, closing;
    bool has_opening, has_closing;
    int bank;             /* profile index, -1 when not recognised */
};

/* Reads identity from the lines whose line_use is 0 (not table rows).
 * Returns 0 / -1 (out of memory). */
int identity_extract(const struct layout *l, const unsigned char *line_use, struct id_result *out);
void id_result_free(struct id_result *r);

#endif
