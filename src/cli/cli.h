/* Subcommands of the passbook binary; main.c dispatches to these. Each
 * takes argv with argv[0] the subcommand name and returns the exit code. */
#ifndef PB_CLI_CLI_H
#define PB_CLI_CLI_H

int cli_serve(int argc, char **argv);
int cli_org(int argc, char **argv);
int cli_parse(int argc, char **argv);
int cli_insights(int argc, char **argv);
int cli_user(int argc, char **argv);

#include <jansson.h>

/* mkdir -p path (mode 0750). Returns 0 or -1 with errno. */
int cli_mkdirs(const char *path);

/* Opens the store of a command run beside the server: db's URL, else the
 * data directory's database (created). Returns 0, or 1 with the reason
 * printed as "passbook <cmd>: ...". */
struct store;
int cli_open_store(const char *cmd, const char *data, const char *db, struct store **st);

/* The sequence of a command with verbs on the store (org, user): parses
 * the command line into the flags' variables, finds the verb, opens the
 * store (*data, *db: the --data and --db variables, read once parsed),
 * runs run(st, verb, args, opts) and closes the store. Returns the exit
 * code. */
struct command_line;
struct verb;
struct args;
typedef int (*cli_verb_fn)(struct store *st, size_t verb, const struct args *args, const void *opts);
int cli_run_verb(int argc, char **argv, const struct command_line *cl, const struct verb *verbs, size_t nverbs,
                 const char *const *data, const char *const *db, cli_verb_fn run, const void *opts);

/* Prints j on one line of stdout and drops the reference (j may be NULL:
 * a failed json_pack prints nothing). */
void cli_print_json(json_t *j);

#endif
