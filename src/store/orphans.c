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

void orphans_free_files(char ***files, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free((*files)[i]);
    free(*files);
    *files = NULL;
    *n = 0;
}

int orphans_hand_out(int rc, struct orphan_arg *a, char ***out, size_t *n)
{
    if (rc == STORE_OK && a->session_id && !a->found)
        rc = STORE_NOT_FOUND;
    if (rc != STORE_OK)
        orphans_free_files(&a->files, &a->n);
    *out = a->files;
    *n = a->n;
    return rc;
}
