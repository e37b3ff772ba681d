/* Command lines of the subcommands. The server's flags, and the store's
 * (--data, --db) of every command that opens it, may also be set by the
 * environment: "--data DIR" by PASSBOOK_DATA; the command line wins. No
 * other command reads its flags from the environment, so that a variable
 * meant for one program (PASSBOOK_PASSWORD) never fills another's flag
 * (parse --password). Flags and positional arguments may be mixed in any
 * order; "--" ends the flags.
 * A bad command line is refused before the command does anything: one line
 * naming the command and what is wrong on stderr, exit status EXIT_USAGE. */
#ifndef PB_CLI_FLAGS_H
#define PB_CLI_FLAGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Exit statuses every subcommand shares (README, "Command line"): 0 done,
 * 1 the work failed, EXIT_USAGE a bad command line or bad environment. */
#define EXIT_USAGE 2

/* The ceiling of flags counted in seconds that the code turns into
 * milliseconds in an int (leases, scan intervals): a day. */
#define FLAG_SECONDS_MAX 86400L

enum flag_kind { FLAG_STRING, FLAG_INT, FLAG_BOOL };

struct flag {
    const char *name;     /* without dashes: "data" */
    enum flag_kind kind;
    void *value;          /* const char **, long *, or bool * */
    const char *metavar;  /* "DIR"; NULL for booleans */
    const char *help;
    long min, max;        /* FLAG_INT: the values accepted; max 0 stands for INT_MAX, so
                           * that every value fits the int the commands pass it on as */
    bool env;             /* also read from PASSBOOK_<NAME> (FLAGS_STORE's rows) */
};

/* A subcommand's command line. */
struct command_line {
    const char *name;          /* for messages: "passbook serve" */
    const char *usage;         /* the text after "usage: " */
    const struct flag *flags;
    size_t nflags;
    int min_args, max_args;    /* positional arguments accepted; max_args -1: any number */
    bool env;                  /* every flag also read from PASSBOOK_<NAME> (serve) */
};

#define FLAGS_OF(table) (table), sizeof(table) / sizeof((table)[0])

/* The rows of a flag table; each checks its variable's type. */
#define STRING_FLAG(name, var, metavar, help) \
    {(name), FLAG_STRING, (void *)(1 ? (var) : (const char **)0), (metavar), (help), 0, 0, false}
#define INT_FLAG(name, var, metavar, min, max, help) \
    {(name), FLAG_INT, (void *)(1 ? (var) : (long *)0), (metavar), (help), (min), (max), false}
#define BOOL_FLAG(name, var, help) {(name), FLAG_BOOL, (void *)(1 ? (var) : (bool *)0), NULL, (help), 0, 0, false}
/* A STRING_FLAG also read from PASSBOOK_<NAME> whatever its command. */
#define ENV_STRING_FLAG(name, var, metavar, help) \
    {(name), FLAG_STRING, (void *)(1 ? (var) : (const char **)0), (metavar), (help), 0, 0, true}

/* The positional arguments, in order: v points into the argv given. */
struct args {
    char **v;
    int n;
};

/* flags_parse's answer when the command should run. */
#define FLAGS_RUN (-1)

/* Sets cl's flags from the environment (those it reads there: cl->env,
 * flag.env), then from argv[1..argc), and
 * collects the positional arguments into args (argv is reordered: the
 * positional arguments move to its front, after argv[0]). Returns
 * FLAGS_RUN when the command should run; otherwise the exit status the
 * command returns at once: 0 after --help (the usage printed on stdout),
 * EXIT_USAGE for an unknown flag, a missing or malformed value, a number
 * outside its flag's range, or too few or too many positional arguments. */
int flags_parse(int argc, char **argv, const struct command_line *cl, struct args *args);

void flags_usage(FILE *out, const struct command_line *cl);

/* For a command's own checks of its arguments: prints one line on stderr,
 * "<cl->name>: <why> (see --help)". Returns EXIT_USAGE. */
int flags_refuse(const struct command_line *cl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A verb of a command that has them (org create, user remove EMAIL): its
 * name and how many arguments may follow it; with needs set ("an EMAIL"),
 * exactly max_args must. */
struct verb {
    const char *name;
    int max_args;
    const char *needs;
};

/* Finds the verb args->v[0] names among verbs[0..n) and checks the
 * arguments after it. Returns FLAGS_RUN with *which its index, or refuses
 * the line (flags_refuse: "unknown command X", "X needs an EMAIL", "X takes
 * no argument", "unexpected argument Y") and returns EXIT_USAGE. */
int flags_verb(const struct command_line *cl, const struct verb *verbs, size_t n, const struct args *args,
               size_t *which);

/* The rows of --data and --db for a command that opens the store
 * (cli_open_store): data and db point to its const char * options. Read
 * from PASSBOOK_DATA and PASSBOOK_DB as the server reads them, so that a
 * command finds the store of a server configured by its environment. */
#define FLAGS_STORE(data, db)                                                  \
    ENV_STRING_FLAG("data", (data), "DIR", "data directory (default ./var)"), \
    ENV_STRING_FLAG("db", (db), "URL", "store URL (default sqlite:<data>/passbook.db)")

#endif
