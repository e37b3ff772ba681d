/* Identity from the text around the table: labelled fields ("Label :
 * value", a value after a gap, or under its label in a grid; labels from
 * data/banks/identity.tsv), each value checked by its field's validator; an
 * unlabelled "MR NAME" block with its address; the statement period;
 * opening/closing balances from summaries; and the bank the statement is
 * from (the account's own IFSC first, then the bank's name in the
 * letterhead, never a counterparty's). */
#ifndef PB_EXTRACT_IDENTITY_H
#define PB_EXTRACT_IDENTITY_H

#include <stdbool.h>

#include "core/bank.h"
#include "core/statement.h"
#include "extract/layout.h"

struct id_result {
    struct identity id;   /* strings owned; moved into the statement */
    pb_day from, to;
    pb_paise opening, closing;
    bool has_opening, has_closing;
    const struct bank_info *bank; /* catalogue bank, NULL when the statement does not show one */
    bool name_labelled;           /* the name was read from a label (not an unlabelled block) */
};

/* Reads identity from the lines whose line_use is 0 (not table rows).
 * Returns 0 / -1 (out of memory). */
int identity_extract(const struct layout *l, const unsigned char *line_use, struct id_result *out);
void id_result_free(struct id_result *r);

/* Several accounts in one PDF (a savings account, then a loan or deposit):
 * the index of the first line of the second account's block, or l->nlines
 * when the document holds one account. A second account is a labelled
 * account number other than the first one's, on a line that is no table
 * row, after the first account's rows (line_use: table_extract's). */
size_t identity_account_end(const struct layout *l, const unsigned char *line_use);

/* The account of a later account's block (identity_account_end cut it
 * off): the first account number labelled in it, by its own label or
 * another account's ("Loan A/c No", "Deposit A/c No." in a sentence), or
 * NULL (caller frees). *kind: the account's kind from that label or the
 * block's title ("LOAN", "FIXED DEPOSIT", "RECURRING DEPOSIT", "CREDIT
 * CARD"), NULL when neither says. */
char *identity_block_account(const struct layout *l, const unsigned char *line_use, const char **kind);

/* Two printings of one account number: equal digits, or a masked one whose
 * visible digits end the other's. */
bool identity_same_account(const char *a, const char *b);

#endif
