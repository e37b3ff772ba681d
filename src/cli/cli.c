/* What the subcommands share: directories, the store, printing JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/flags.h"
#include "store/store.h"
#include "util/json_text.h"

int cli_mkdirs(const char *path)
{
    char buf[4096];
    if ((size_t)snprintf(buf, sizeof buf, "%s", path) >= sizeof buf) {
        errno = ENAMETOOLONG; /* never a cut path: that would be another directory */
        return -1;
    }
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0750) && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(buf, 0750) && errno != EEXIST ? -1 : 0;
}

/* json_text writes json_dumps's bytes, faster (a parse's statement is
 * thousands of strings and amounts: 4% of a 10-page parse in json_dumps). */
void cli_print_json(json_t *j)
{
    char *s = j ? json_text(j, NULL) : NULL;
    if (s)
        puts(s);
    free(s);
    json_decref(j);
}

int cli_open_store(const char *cmd, const char *data, const char *db, struct store **st)
{
    char err[512];
    if (!db && cli_mkdirs(data)) {
        fprintf(stderr, "passbook %s: cannot create %.200s: %s\n", cmd, data, strerror(errno));
        return 1;
    }
    char *url = db ? strdup(db) : store_default_url(data);
    int rc = url ? store_open(url, st, err, sizeof err) : -1;
    if (rc)
        fprintf(stderr, "passbook %s: %s\n", cmd, url ? err : "out of memory");
    free(url);
    return rc ? 1 : 0;
}

int cli_run_verb(int argc, char **argv, const struct command_line *cl, const struct verb *verbs, size_t nverbs,
                 const char *const *data, const char *const *db, cli_verb_fn run, const void *opts)
{
    struct args args;
    int rc = flags_parse(argc, argv, cl, &args);
    if (rc != FLAGS_RUN)
        return rc;
    size_t verb;
    rc = flags_verb(cl, verbs, nverbs, &args, &verb);
    if (rc != FLAGS_RUN)
        return rc;
    const char *cmd = strncmp(cl->name, "passbook ", 9) ? cl->name : cl->name + 9;
    struct store *st;
    if (cli_open_store(cmd, *data, *db, &st))
        return 1;
    rc = run(st, verb, &args, opts);
    store_close(st);
    return rc;
}
