/* The transaction hash: FinBox's `hash`, a stable, unique 32-hex id per
 * transaction, also the key fraud findings point at. */
#ifndef PB_ENRICH_TXN_HASH_H
#define PB_ENRICH_TXN_HASH_H

#include <stddef.h>

#include "core/statement.h"

#define PB_TXN_HASH_BUF 33 /* 32 hex + NUL */

/* SHA-256 (first 128 bits, hex) over account id, date, type, amount,
 * balance, narration and ordinal, where ordinal counts earlier rows of the
 * same account with exactly the same other fields (0 for the first). The
 * same statement processed again gives the same hashes. */
void txn_hash(const char *account_id, const struct txn *t, int ordinal,
              char out[PB_TXN_HASH_BUF]);

/* Hashes n transactions of one account given in statement order, working
 * out the ordinals. txns[i] are borrowed; out has n slots. */
void txn_hash_all(const char *account_id, const struct txn *const *txns, size_t n,
                  char (*out)[PB_TXN_HASH_BUF]);

#endif
