/* Every subcommand's command line: flags from argv and the environment,
 * positional arguments in order, and a hostile command line (unknown
 * flags, missing values, numbers out of range or out of long) refused
 * with EXIT_USAGE before a command could act on a wrapped value. */
#include <limits.h>
#include <stdlib.h>

#include "check.h"
#include "cli/flags.h"

static const char *name, *mode;
static long count, days;
static bool quiet;

static const struct flag FLAGS[] = {
    STRING_FLAG("name", &name, "NAME", "a name"),
    STRING_FLAG("mode", &mode, "M", "a mode"),
    INT_FLAG("count", &count, "N", 0, INT_MAX, "a count"),
    INT_FLAG("days", &days, "N", 1, 366, "days"),
    BOOL_FLAG("quiet", &quiet, "say less"),
};

/* A command whose every flag is also read from the environment, as serve's. */
static const struct command_line CL = {"passbook test", "passbook test ARG... [options]", FLAGS_OF(FLAGS), 1, 3, true};

/* A command reading only its store's flag there, as org's: "mode" is
 * read from PASSBOOK_MODE, "name" never from PASSBOOK_NAME. */
static const struct flag LOCAL_FLAGS[] = {
    STRING_FLAG("name", &name, "NAME", "a name"),
    ENV_STRING_FLAG("mode", &mode, "M", "a mode"),
};
static const struct command_line LOCAL = {"passbook local", "passbook local [options]", FLAGS_OF(LOCAL_FLAGS), 0, 0,
                                          false};

/* Parses the words of a command line (argv[0] "test"), after resetting
 * the variables to their defaults. */
static int parse(struct args *args, int argc, const char *const *words)
{
    static char *argv[16];
    argv[0] = "test";
    for (int i = 0; i < argc; i++)
        argv[i + 1] = (char *)words[i];
    name = NULL;
    mode = "m0";
    count = 7;
    days = 30;
    quiet = false;
    return flags_parse(argc + 1, argv, &CL, args);
}

#define PARSE(args, ...)                                                                          \
    parse((args), (int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)),           \
          (const char *const[]){__VA_ARGS__})

TEST(flags_and_arguments_in_any_order)
{
    struct args a;
    CHECK_INT(PARSE(&a, "one", "--name", "x", "two", "--count=12", "--quiet", "--days", "366"), FLAGS_RUN);
    CHECK_INT(a.n, 2);
    CHECK_STR(a.v[0], "one");
    CHECK_STR(a.v[1], "two");
    CHECK_STR(name, "x");
    CHECK_STR(mode, "m0");
    CHECK_INT(count, 12);
    CHECK_INT(days, 366);
    CHECK(quiet);
}

TEST(double_dash_ends_the_flags)
{
    struct args a;
    CHECK_INT(PARSE(&a, "--quiet=off", "--", "--name", "-h"), FLAGS_RUN);
    CHECK_INT(a.n, 2);
    CHECK_STR(a.v[0], "--name");
    CHECK_STR(a.v[1], "-h");
    CHECK(name == NULL);
    CHECK(!quiet);
}

TEST(help_exits_zero)
{
    struct args a;
    CHECK_INT(PARSE(&a, "--help"), 0);
    CHECK_INT(PARSE(&a, "x", "-h"), 0);
}

TEST(unknown_flag_and_missing_value_refused)
{
    struct args a;
    CHECK_INT(PARSE(&a, "x", "--nmae", "y"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "x", "--name"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "x", "--count"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "x", "--quiet=perhaps"), EXIT_USAGE);
}

TEST(numbers_outside_their_range_refused)
{
    struct args a;
    const char *bad[] = {"", "12x", "0x10", "1.5", "-1", "2147483648", "99999999999999999999",
                         "-99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(PARSE(&a, "x", "--count", bad[i]), EXIT_USAGE);
        CHECK_INT(count, 7); /* left as it was */
    }
    CHECK_INT(PARSE(&a, "x", "--count", "2147483647"), FLAGS_RUN);
    CHECK_INT(count, INT_MAX);
    CHECK_INT(PARSE(&a, "x", "--days", "0"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "x", "--days", "367"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "x", "--days=1"), FLAGS_RUN);
    CHECK_INT(days, 1);
}

TEST(argument_count_checked)
{
    struct args a;
    CHECK_INT(PARSE(&a, "--quiet"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "a", "b", "c", "d"), EXIT_USAGE);
    CHECK_INT(PARSE(&a, "a", "b", "c"), FLAGS_RUN);
    CHECK_INT(a.n, 3);
}

TEST(environment_sets_flags_command_line_wins)
{
    struct args a;
    setenv("PASSBOOK_MODE", "from-env", 1);
    setenv("PASSBOOK_COUNT", "5", 1);
    CHECK_INT(PARSE(&a, "x", "--count", "6"), FLAGS_RUN);
    CHECK_STR(mode, "from-env");
    CHECK_INT(count, 6);
    setenv("PASSBOOK_COUNT", "5000000000", 1);
    CHECK_INT(PARSE(&a, "x"), EXIT_USAGE);
    unsetenv("PASSBOOK_COUNT");
    unsetenv("PASSBOOK_MODE");
}

TEST(other_commands_read_only_their_store_flags_from_the_environment)
{
    static char *argv[] = {"local", NULL};
    struct args a;
    name = NULL;
    mode = "m0";
    setenv("PASSBOOK_NAME", "from-env", 1);
    setenv("PASSBOOK_MODE", "from-env", 1);
    CHECK_INT(flags_parse(1, argv, &LOCAL, &a), FLAGS_RUN);
    CHECK(name == NULL);
    CHECK_STR(mode, "from-env");
    unsetenv("PASSBOOK_NAME");
    unsetenv("PASSBOOK_MODE");
    /* --help says which */
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    CHECK(out != NULL);
    if (!out)
        return;
    flags_usage(out, &LOCAL);
    fclose(out);
    CHECK(strstr(text, "a mode (also PASSBOOK_MODE)") != NULL);
    CHECK(strstr(text, "PASSBOOK_NAME") == NULL && strstr(text, "PASSBOOK_<NAME>") == NULL);
    free(text);
}

TEST(refuse_answers_exit_usage)
{
    CHECK_INT(flags_refuse(&CL, "--mode: not %s", "this"), EXIT_USAGE);
}

/* A verb is found with its index; an unknown verb or the wrong number of
 * arguments after it is refused with EXIT_USAGE and no index. */
TEST(verbs_found_and_their_arguments_counted)
{
    static const struct verb VERBS[] = {{"list", 0, NULL}, {"show", 1, NULL}, {"remove", 1, "an ID"}};
    struct args a;
    size_t which = 99;
    CHECK_INT(PARSE(&a, "show", "x"), FLAGS_RUN);
    CHECK_INT(flags_verb(&CL, FLAGS_OF(VERBS), &a, &which), FLAGS_RUN);
    CHECK_INT(which, 1);
    CHECK_INT(PARSE(&a, "show"), FLAGS_RUN); /* up to max_args */
    CHECK_INT(flags_verb(&CL, FLAGS_OF(VERBS), &a, &which), FLAGS_RUN);
    CHECK_INT(which, 1);
    which = 99;
    const char *const refused[][3] = {{"frob"}, {"list", "x"}, {"show", "x", "y"}, {"remove"}, {"remove", "x", "y"}};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        int n = refused[i][2] ? 3 : refused[i][1] ? 2 : 1;
        CHECK_INT(parse(&a, n, refused[i]), FLAGS_RUN);
        CHECK_INT(flags_verb(&CL, FLAGS_OF(VERBS), &a, &which), EXIT_USAGE);
    }
    CHECK_INT(which, 99);
}

int main(void)
{
    RUN(flags_and_arguments_in_any_order);
    RUN(double_dash_ends_the_flags);
    RUN(help_exits_zero);
    RUN(unknown_flag_and_missing_value_refused);
    RUN(numbers_outside_their_range_refused);
    RUN(argument_count_checked);
    RUN(environment_sets_flags_command_line_wins);
    RUN(other_commands_read_only_their_store_flags_from_the_environment);
    RUN(refuse_answers_exit_usage);
    RUN(verbs_found_and_their_arguments_counted);
    return check_summary();
}
