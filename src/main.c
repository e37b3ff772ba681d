/* passbook: a self-hosted bank-statement server. main only dispatches. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#define PASSBOOK_VERSION "0.1.0"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command COMMANDS[] = {
    /* commands register here: {"serve", cli_serve, "run the HTTP server"}, */
    {"serve", cli_serve, "run the HTTP server"},
    {"org", cli_org, "manage organisations and their API keys"},
    {"parse", cli_parse, "read bank statement PDFs, print JSON or CSV"},
    {"user", cli_user, "manage the people who sign in to the lender console"},
    {"insights", cli_insights, "statement PDFs to the insights document (and an Excel report)"},
    {NULL, NULL, NULL},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: passbook <command> [options]   (passbook <command> --help)\n\ncommands:\n");
    for (const struct command *c = COMMANDS; c->name; c++)
        fprintf(out, "  %-8s %s\n", c->name, c->summary);
    fprintf(out, "  %-8s %s\n", "version", "print the version");
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
        printf("passbook %s\n", PASSBOOK_VERSION);
        return 0;
    }
    for (const struct command *c = COMMANDS; c->name; c++)
        if (!strcmp(argv[1], c->name))
            return c->run(argc - 1, argv + 1);
    fprintf(stderr, "passbook: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
