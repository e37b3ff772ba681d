/* Command-line flags shared by every subcommand. A flag "--data DIR" may
 * also be set by the environment variable PASSBOOK_DATA; the command line
 * wins. Flags and positional arguments may be mixed in any order. */
#ifndef PB_CLI_FLAGS_H
#define PB_CLI_FLAGS_H

#include <stdbool.h>
#include <stddef.h>

enum flag_kind { FLAG_STRING, FLAG_INT, FLAG_BOOL };

struct flag {
    const char *name;     /* without dashes: "data" */
    enum flag_kind kind;
    void *value;          /* const char **, long *, or bool * */
    const char *metavar;  /* "DIR"; NULL for booleans */
    const char *help;
};

/* Parses argv[1..argc) against flags; positional arguments are collected in
 * order into positional (which must hold argc entries) and counted in
 * *npositional. "--help"/"-h" prints usage and returns 1; an unknown flag or
 * a bad value prints an error to stderr and returns 2; success returns 0. */
int flags_parse(int argc, char **argv, const struct flag *flags, size_t nflags,
                const char *usage, char **positional, int *npositional);

void flags_usage(const char *usage, const struct flag *flags, size_t nflags);

/* The rows of --data and --db for a command that opens the store
 * (cli_open_store): data and db point to its const char * options. */
#define FLAGS_STORE(data, db)                                                              \
    {"data", FLAG_STRING, (data), "DIR", "data directory (default ./var)"},                \
    {"db", FLAG_STRING, (db), "URL", "store URL (default sqlite:<data>/passbook.db)"}

#endif
