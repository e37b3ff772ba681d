#include "store/orphans.h"

#include <stdlib.h>

#include "store/store.h"

int orphans_claim(char **files, size_t *n, orphan_claim_fn claim, void *conn, const char *owner, int64_t now)
{
    size_t kept = 0;
    int rc = STORE_OK;
    for (size_t i = 0; i < *n; i++) {
        bool claimed = false;
        if (rc == STORE_OK)
            rc = claim(conn, files[i], owner, now, &claimed);
        if (claimed)
            files[kept++] = files[i];
        else
            free(files[i]);
    }
    *n = kept;
    return rc;
}
