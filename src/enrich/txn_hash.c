#include "enrich/txn_hash.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/secret.h"

/* The canonical text hashed: fields separated by a byte that cannot occur
 * in them (0x1f, unit separator; narrations are whitespace-normalised).
 * Written into buf when it fits (most rows), else into a new block that
 * *heap owns. */
static const char *hash_input(const char *account_id, const struct txn *t, int ordinal, char *buf,
                              size_t cap, char **heap, size_t *len)
{
    const char *fmt = "%s\x1f%" PRId32 "\x1f%d\x1f%" PRId64 "\x1f%d\x1f%" PRId64 "\x1f%s\x1f%d";
    const char *acc = account_id ? account_id : "", *note = t->note ? t->note : "";
    pb_paise bal = t->has_balance ? t->balance : 0;
    *heap = NULL;
    int n = snprintf(buf, cap, fmt, acc, t->date, (int)t->type, t->amount, t->has_balance ? 1 : 0, bal, note,
                     ordinal);
    if (n < 0)
        abort();
    if ((size_t)n >= cap) {
        *heap = malloc((size_t)n + 1);
        if (!*heap)
            abort();
        snprintf(*heap, (size_t)n + 1, fmt, acc, t->date, (int)t->type, t->amount, t->has_balance ? 1 : 0, bal,
                 note, ordinal);
    }
    *len = (size_t)n;
    return *heap ? *heap : buf;
}

static void hash_hex(const char *account_id, const struct txn *t, int ordinal, char hex[PB_SHA256_HEX])
{
    char buf[512], *heap;
    size_t len;
    const char *in = hash_input(account_id, t, ordinal, buf, sizeof buf, &heap, &len);
    sha256_hex(in, len, hex);
    free(heap);
}

void txn_hash(const char *account_id, const struct txn *t, int ordinal,
              char out[PB_TXN_HASH_BUF])
{
    char hex[PB_SHA256_HEX];
    hash_hex(account_id, t, ordinal, hex);
    memcpy(out, hex, 32);
    out[32] = '\0';
}

struct keyed {
    char base[PB_SHA256_HEX];
    size_t idx;
};

static int keyed_cmp(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

void txn_hash_all(const char *account_id, const struct txn *const *txns, size_t n,
                  char (*out)[PB_TXN_HASH_BUF])
{
    if (n == 0)
        return;
    /* Rows with identical fields get ordinals 0, 1, ... in statement order:
     * hash once without ordinal, sort, count runs. */
    struct keyed *k = malloc(n * sizeof *k);
    if (!k)
        abort();
    for (size_t i = 0; i < n; i++) {
        hash_hex(account_id, txns[i], 0, k[i].base);
        k[i].idx = i;
    }
    qsort(k, n, sizeof *k, keyed_cmp);
    int ord = 0;
    for (size_t i = 0; i < n; i++) {
        ord = (i > 0 && strcmp(k[i].base, k[i - 1].base) == 0) ? ord + 1 : 0;
        if (ord == 0) {
            memcpy(out[k[i].idx], k[i].base, 32);
            out[k[i].idx][32] = '\0';
        } else {
            txn_hash(account_id, txns[k[i].idx], ord, out[k[i].idx]);
        }
    }
    free(k);
}
