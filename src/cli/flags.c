#include "cli/flags.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* PASSBOOK_ and f's name in capitals, '-' as '_': "PASSBOOK_MAX_BODY". */
static void env_name(const struct flag *f, char *out, size_t size)
{
    size_t k = (size_t)snprintf(out, size, "PASSBOOK_");
    for (const char *p = f->name; *p && k + 1 < size; p++)
        out[k++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
    out[k] = '\0';
}

void flags_usage(FILE *out, const struct command_line *cl)
{
    fprintf(out, "usage: %s\n", cl->usage);
    if (cl->nflags)
        fprintf(out, "\noptions%s:\n", cl->env ? " (each also read from PASSBOOK_<NAME>)" : "");
    for (size_t i = 0; i < cl->nflags; i++) {
        const struct flag *f = &cl->flags[i];
        char left[64], env[80] = "";
        snprintf(left, sizeof left, "--%s%s%s", f->name, f->metavar ? " " : "", f->metavar ? f->metavar : "");
        if (f->env && !cl->env)
            env_name(f, env, sizeof env);
        fprintf(out, "  %-26s %s%s%s%s\n", left, f->help, *env ? " (also " : "", env, *env ? ")" : "");
    }
}

int flags_refuse(const struct command_line *cl, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", cl->name);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see --help)\n");
    va_end(ap);
    return EXIT_USAGE;
}

static bool parse_bool(const char *s, bool *out)
{
    if (!strcasecmp(s, "1") || !strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on"))
        *out = true;
    else if (!strcasecmp(s, "0") || !strcasecmp(s, "false") || !strcasecmp(s, "no") ||
             !strcasecmp(s, "off") || !*s)
        *out = false;
    else
        return false;
    return true;
}

/* A whole number within f's range, or a message naming the range: a
 * value the command would pass on as an int never wraps. */
static int set_int(const struct command_line *cl, const struct flag *f, const char *s, const char *origin)
{
    long max = f->max ? f->max : INT_MAX;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end)
        return flags_refuse(cl, "%s: not a whole number: %.40s", origin, s);
    if (errno == ERANGE || v < f->min || v > max)
        return flags_refuse(cl, "%s: must be %ld to %ld: %.40s", origin, f->min, max, s);
    *(long *)f->value = v;
    return 0;
}

/* Stores s into f's variable. origin names where s came from in a
 * message ("--threads", "PASSBOOK_THREADS"). Returns 0 or EXIT_USAGE. */
static int set_value(const struct command_line *cl, const struct flag *f, const char *s, const char *origin)
{
    switch (f->kind) {
    case FLAG_STRING:
        *(const char **)f->value = s;
        return 0;
    case FLAG_INT:
        return set_int(cl, f, s, origin);
    case FLAG_BOOL:
        if (parse_bool(s, (bool *)f->value))
            return 0;
        return flags_refuse(cl, "%s: not a boolean (1/0, true/false, yes/no, on/off): %.40s", origin, s);
    }
    return EXIT_USAGE;
}

static int apply_env(const struct command_line *cl)
{
    for (size_t i = 0; i < cl->nflags; i++) {
        const struct flag *f = &cl->flags[i];
        if (!cl->env && !f->env)
            continue;
        char env[80];
        env_name(f, env, sizeof env);
        const char *v = getenv(env);
        if (v && set_value(cl, f, v, env) != 0)
            return EXIT_USAGE;
    }
    return 0;
}

static const struct flag *find(const struct command_line *cl, const char *name, size_t len)
{
    for (size_t i = 0; i < cl->nflags; i++)
        if (strlen(cl->flags[i].name) == len && strncmp(cl->flags[i].name, name, len) == 0)
            return &cl->flags[i];
    return NULL;
}

/* One "--name[=value]" argument at argv[*i]; a value given apart is
 * argv[*i + 1], and *i moves past it. Returns 0 or EXIT_USAGE. */
static int parse_flag(const struct command_line *cl, int argc, char **argv, int *i)
{
    const char *name = argv[*i] + 2, *eq = strchr(name, '=');
    const struct flag *f = find(cl, name, eq ? (size_t)(eq - name) : strlen(name));
    if (!f) {
        return flags_refuse(cl, "unknown option %.60s", argv[*i]);
    }
    const char *val = eq ? eq + 1 : NULL;
    if (!val && f->kind == FLAG_BOOL)
        val = "true";
    if (!val) {
        if (*i + 1 >= argc)
            return flags_refuse(cl, "option --%s needs a value", f->name);
        val = argv[++*i];
    }
    char origin[72];
    snprintf(origin, sizeof origin, "--%s", f->name);
    return set_value(cl, f, val, origin);
}

int flags_parse(int argc, char **argv, const struct command_line *cl, struct args *args)
{
    args->v = argv + 1;
    args->n = 0;
    if (apply_env(cl))
        return EXIT_USAGE;
    bool flags_ended = false;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (flags_ended || strncmp(a, "--", 2) != 0 || a[2] == '\0') {
            if (!flags_ended && !strcmp(a, "--")) {
                flags_ended = true;
                continue;
            }
            if (!flags_ended && !strcmp(a, "-h")) {
                flags_usage(stdout, cl);
                return 0;
            }
            args->v[args->n++] = a; /* never ahead of i: argv is compacted in place */
            continue;
        }
        if (!strcmp(a, "--help")) {
            flags_usage(stdout, cl);
            return 0;
        }
        int rc = parse_flag(cl, argc, argv, &i);
        if (rc)
            return rc;
    }
    if (args->n < cl->min_args)
        return flags_refuse(cl, "too few arguments");
    if (cl->max_args >= 0 && args->n > cl->max_args)
        return flags_refuse(cl, "unexpected argument %.60s", args->v[cl->max_args]);
    return FLAGS_RUN;
}

int flags_verb(const struct command_line *cl, const struct verb *verbs, size_t n, const struct args *args,
               size_t *which)
{
    const char *name = args->v[0];
    size_t i = 0;
    while (i < n && strcmp(name, verbs[i].name))
        i++;
    if (i == n)
        return flags_refuse(cl, "unknown command %.40s", name);
    int given = args->n - 1;
    if (verbs[i].needs && given != verbs[i].max_args)
        return flags_refuse(cl, "%s needs %s", name, verbs[i].needs);
    if (given > verbs[i].max_args)
        return verbs[i].max_args ? flags_refuse(cl, "unexpected argument %.60s", args->v[args->n - 1])
                                 : flags_refuse(cl, "%s takes no argument", name);
    *which = i;
    return FLAGS_RUN;
}
