#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/store.h"

int cli_open_store(const char *cmd, const char *data, const char *db, struct store **st)
{
    char err[512];
    if (!db && cli_mkdirs(data)) {
        fprintf(stderr, "passbook %s: cannot create %s: %s\n", cmd, data, strerror(errno));
        return 1;
    }
    char *url = db ? strdup(db) : store_default_url(data);
    int rc = url ? store_open(url, st, err, sizeof err) : -1;
    if (rc)
        fprintf(stderr, "passbook %s: %s\n", cmd, url ? err : "out of memory");
    free(url);
    return rc ? 1 : 0;
}
