/* Column formats both stores share: how a session's expected months and
 * JSON documents are kept as text, and record helpers both use. */
#include <stdio.h>
#include <stdlib.h>

#include "store/codec.h"
#include "store/store.h"

/* "2024-01,2024-02" */
char *store_months_format(const pb_month *m, int n)
{
    if (n > SESSION_MAX_MONTHS)
        n = SESSION_MAX_MONTHS;
    if (n < 0)
        n = 0;
    char *out = malloc((size_t)n * 8 + 1);
    if (!out)
        return NULL;
    /* by hand: this runs on the writer thread for every session */
    char *p = out;
    for (int i = 0; i < n; i++) {
        int y = m[i] / 12, mo = m[i] % 12 + 1;
        if (y < 0 || y > 9999)
            y = 0;
        if (i)
            *p++ = ',';
        *p++ = (char)('0' + y / 1000);
        *p++ = (char)('0' + y / 100 % 10);
        *p++ = (char)('0' + y / 10 % 10);
        *p++ = (char)('0' + y % 10);
        *p++ = '-';
        *p++ = (char)('0' + mo / 10);
        *p++ = (char)('0' + mo % 10);
    }
    *p = '\0';
    return out;
}

int store_months_parse(const char *s, pb_month *out, int max)
{
    int n = 0, y, mo, used;
    while (s && n < max && sscanf(s, "%d-%d%n", &y, &mo, &used) == 2) {
        out[n++] = y * 12 + (mo - 1);
        s += used;
        if (*s != ',')
            break;
        s++;
    }
    return n;
}

char *store_json_text(const json_t *j)
{
    return j ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
}

int store_first_statement(int rc, struct statement_rec *arr, size_t n, struct statement_rec *out)
{
    if (rc == STORE_OK && n == 0)
        rc = STORE_NOT_FOUND;
    if (rc == STORE_OK)
        *out = arr[0];
    for (size_t i = rc == STORE_OK ? 1 : 0; i < n; i++)
        statement_rec_clear(&arr[i]);
    free(arr);
    return rc;
}
