/* libFuzzer harness: decrypted FI documents (DEPOSIT XML and JSON) into the
 * statement model. Each input goes through fi_parse (XML or JSON by its
 * first character) and through both readers directly. A crash, leak,
 * sanitizer report or an inconsistent statement fails. */
#include <stdint.h>
#include <stdlib.h>

#include "aa/deposit.h"

static void check(const struct fi_account *a)
{
    for (size_t i = 0; i < a->st.ntxns; i++) {
        const struct txn *t = &a->st.txns[i];
        if (t->amount < 0 || !t->note || (i && a->row_ms[i - 1] > a->row_ms[i]))
            abort(); /* amounts are magnitudes, narrations present, rows in time order */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int (*const readers[])(const char *, size_t, struct fi_account *, char *, size_t) = {fi_parse, fi_parse_xml,
                                                                                         fi_parse_json};
    for (size_t r = 0; r < 3; r++) {
        struct fi_account a;
        char why[256];
        if (readers[r]((const char *)data, size, &a, why, sizeof why) == 0) {
            check(&a);
            fi_account_free(&a);
        }
    }
    return 0;
}
