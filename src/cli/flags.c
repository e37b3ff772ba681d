#include "cli/flags.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void flags_usage(const char *usage, const struct flag *flags, size_t n)
{
    printf("usage: %s\n", usage);
    if (n)
        printf("\noptions (each also read from PASSBOOK_<NAME>):\n");
    for (size_t i = 0; i < n; i++) {
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", flags[i].name, flags[i].metavar ? " " : "",
                 flags[i].metavar ? flags[i].metavar : "");
        printf("  %-26s %s\n", left, flags[i].help);
    }
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

static int set_value(const struct flag *f, const char *s, const char *origin)
{
    switch (f->kind) {
    case FLAG_STRING:
        *(const char **)f->value = s;
        return 0;
    case FLAG_INT: {
        char *end;
        errno = 0;
        long v = strtol(s, &end, 10);
        if (errno || end == s || *end) {
            fprintf(stderr, "passbook: %s --%s: not a whole number: %s\n", origin, f->name, s);
            return 2;
        }
        *(long *)f->value = v;
        return 0;
    }
    case FLAG_BOOL:
        if (!parse_bool(s, (bool *)f->value)) {
            fprintf(stderr, "passbook: %s --%s: not a boolean: %s\n", origin, f->name, s);
            return 2;
        }
        return 0;
    }
    return 2;
}

static int apply_env(const struct flag *flags, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char env[80] = "PASSBOOK_";
        size_t k = strlen(env);
        for (const char *p = flags[i].name; *p && k < sizeof env - 1; p++)
            env[k++] = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
        env[k] = '\0';
        const char *v = getenv(env);
        if (v && set_value(&flags[i], v, env) != 0)
            return 2;
    }
    return 0;
}

static const struct flag *find(const struct flag *flags, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(flags[i].name) == len && strncmp(flags[i].name, name, len) == 0)
            return &flags[i];
    return NULL;
}

int flags_parse(int argc, char **argv, const struct flag *flags, size_t n, const char *usage,
                char **positional, int *npositional)
{
    *npositional = 0;
    if (apply_env(flags, n))
        return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            flags_usage(usage, flags, n);
            return 1;
        }
        if (!strcmp(a, "--")) {
            while (++i < argc)
                positional[(*npositional)++] = argv[i];
            break;
        }
        if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
            positional[(*npositional)++] = argv[i];
            continue;
        }
        const char *name = a + 2, *eq = strchr(name, '=');
        const struct flag *f = find(flags, n, name, eq ? (size_t)(eq - name) : strlen(name));
        if (!f) {
            fprintf(stderr, "passbook: unknown option %s (see --help)\n", a);
            return 2;
        }
        const char *val = eq ? eq + 1 : NULL;
        if (!val && f->kind == FLAG_BOOL)
            val = "true";
        if (!val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "passbook: option --%s needs a value\n", f->name);
                return 2;
            }
            val = argv[++i];
        }
        int rc = set_value(f, val, "option");
        if (rc)
            return rc;
    }
    return 0;
}
