/* passbook user: the people of an organisation who sign in to the lender
 * console. Passwords are read from the terminal (twice, not echoed) or,
 * when stdin is not a terminal, from its first line; never from the
 * command line, where other users of the machine could read them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/flags.h"
#include "core/user.h"
#include "store/store.h"
#include "util/clock.h"

static const char USAGE[] =
    "passbook user <command> --org ORG [options]\n"
    "\n"
    "commands:\n"
    "  add --email EMAIL [--name NAME] [--role analyst|admin]\n"
    "                            add a console user (default role analyst); the password is\n"
    "                            asked for, or read from stdin's first line\n"
    "  list                      list the organisation's users (no password hashes)\n"
    "  remove EMAIL              remove a user; their console logins end at once\n"
    "  passwd EMAIL              set a new password; the user's console logins end\n"
    "\n"
    "roles: an analyst reads sessions and their data; an admin also manages keys, webhooks\n"
    "(replays included) and acceptance settings in the console.";

/* The verbs, in the order of USER_VERBS. */
enum user_verb { USER_ADD, USER_LIST, USER_REMOVE, USER_PASSWD };

static const struct verb USER_VERBS[] = {
    [USER_ADD] = {"add", 0, NULL},
    [USER_LIST] = {"list", 0, NULL},
    [USER_REMOVE] = {"remove", 1, "an EMAIL"},
    [USER_PASSWD] = {"passwd", 1, "an EMAIL"},
};

struct user_opts {
    const char *data, *db, *org, *email, *name, *role;
};

static json_t *user_json(const struct user *u, const struct org *o)
{
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:I}", "user_id", u->id, "org_id", o->id, "email", u->email, "name",
                     u->name, "role", user_role_name(u->role), "created_at", (json_int_t)u->created_at);
}

/* One line from fd into buf without its newline; echo off on a terminal. */
static int read_line(const char *prompt, char *buf, size_t len)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *got = fgets(buf, (int)len, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fprintf(stderr, "\n");
    }
    if (!got)
        return -1;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

/* Reads a new password and hashes it into hash. Returns 0, 1 or 2 (exit codes). */
static int new_password(const char *cmd, char hash[PASSWORD_HASH_MAX])
{
    char pw[PASSWORD_MAX_LEN + 2], again[PASSWORD_MAX_LEN + 2];
    int rc = 0;
    if (read_line("New password: ", pw, sizeof pw)) {
        fprintf(stderr, "passbook user %s: no password given (type it, or pipe it on stdin)\n", cmd);
        return 2;
    }
    const char *weak = password_weakness(pw);
    if (weak) {
        fprintf(stderr, "passbook user %s: %s\n", cmd, weak);
        rc = 2;
    } else if (isatty(STDIN_FILENO) && (read_line("Again: ", again, sizeof again) || strcmp(pw, again))) {
        fprintf(stderr, "passbook user %s: the passwords differ\n", cmd);
        rc = 2;
    } else if (password_hash(pw, hash)) {
        fprintf(stderr, "passbook user %s: cannot hash the password\n", cmd);
        rc = 1;
    }
    explicit_bzero(pw, sizeof pw);
    explicit_bzero(again, sizeof again);
    return rc;
}

static int user_add(struct store *st, const struct org *o, const struct user_opts *opts)
{
    struct user u = {.role = ROLE_ANALYST, .created_at = pb_now()};
    u.password_changed_at = u.created_at;
    if (!user_email_normalise(opts->email, u.email)) {
        fprintf(stderr, "passbook user add: --email EMAIL is required (an e-mail address)\n");
        return 2;
    }
    if (opts->role && !user_role_parse(opts->role, &u.role)) {
        fprintf(stderr, "passbook user add: --role is analyst or admin\n");
        return 2;
    }
    json_t *name = json_string(opts->name ? opts->name : "");
    if (!name || strlen(opts->name ? opts->name : "") >= sizeof u.name) {
        fprintf(stderr, "passbook user add: --name must be UTF-8 text of at most 120 bytes\n");
        json_decref(name);
        return 2;
    }
    json_decref(name);
    snprintf(u.name, sizeof u.name, "%s", opts->name ? opts->name : "");
    snprintf(u.org_id, sizeof u.org_id, "%s", o->id);
    struct user existing;
    if (STORE_CALL(st, user_get, u.email, &existing) == STORE_OK) {
        fprintf(stderr, "passbook user add: %s already has a console user\n", u.email);
        return 1;
    }
    int rc = new_password("add", u.password_hash);
    if (rc)
        return rc;
    if (!uuid_v4(u.id)) {
        fprintf(stderr, "passbook user add: no randomness available\n");
        return 1;
    }
    rc = STORE_CALL(st, user_insert, &u);
    if (rc != STORE_OK) {
        fprintf(stderr, "passbook user add: %s\n",
                rc == STORE_CONFLICT ? "that e-mail address already has a console user" : "cannot store the user");
        return 1;
    }
    cli_print_json(user_json(&u, o));
    return 0;
}

static int user_list(struct store *st, const struct org *o)
{
    struct user *us = NULL;
    size_t n = 0;
    if (STORE_CALL(st, user_list, o->id, &us, &n) != STORE_OK) {
        fprintf(stderr, "passbook user list: cannot read users\n");
        return 1;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, user_json(&us[i], o));
    free(us);
    cli_print_json(a);
    return 0;
}

/* The organisation's user named by e-mail address. */
static int find_user(struct store *st, const struct org *o, const char *cmd, const char *email, struct user *u)
{
    char norm[USER_EMAIL_MAX];
    if (!user_email_normalise(email, norm)) {
        fprintf(stderr, "passbook user %s: name the user by e-mail address\n", cmd);
        return 2;
    }
    int rc = STORE_CALL(st, user_get, norm, u);
    if (rc == STORE_OK && strcmp(u->org_id, o->id))
        rc = STORE_NOT_FOUND;
    if (rc == STORE_NOT_FOUND)
        fprintf(stderr, "passbook user %s: %s has no console user %s\n", cmd, o->name, norm);
    else if (rc != STORE_OK)
        fprintf(stderr, "passbook user %s: cannot read users\n", cmd);
    return rc == STORE_OK ? 0 : 1;
}

static int user_remove(struct store *st, const struct org *o, const char *email)
{
    struct user u;
    int rc = find_user(st, o, "remove", email, &u);
    if (rc)
        return rc;
    if (STORE_CALL(st, user_delete, o->id, u.id) != STORE_OK) {
        fprintf(stderr, "passbook user remove: cannot remove the user\n");
        return 1;
    }
    cli_print_json(json_pack("{s:s,s:s,s:b}", "user_id", u.id, "email", u.email, "removed", 1));
    return 0;
}

static int user_passwd(struct store *st, const struct org *o, const char *email)
{
    struct user u;
    int rc = find_user(st, o, "passwd", email, &u);
    if (rc)
        return rc;
    char hash[PASSWORD_HASH_MAX];
    rc = new_password("passwd", hash);
    if (rc)
        return rc;
    if (STORE_CALL(st, user_set_password, u.id, hash, pb_now()) != STORE_OK) {
        fprintf(stderr, "passbook user passwd: cannot store the password\n");
        return 1;
    }
    cli_print_json(json_pack("{s:s,s:s,s:b}", "user_id", u.id, "email", u.email, "password_changed", 1));
    return 0;
}

static int run(struct store *st, size_t verb, const struct args *args, const void *user_opts)
{
    const struct user_opts *opts = user_opts;
    const char *ref = args->n > 1 ? args->v[1] : NULL;
    const char *cmd = USER_VERBS[verb].name;
    struct org o;
    int rc = opts->org ? STORE_CALL(st, org_get, opts->org, &o) : STORE_NOT_FOUND;
    if (rc != STORE_OK) {
        if (!opts->org)
            fprintf(stderr, "passbook user %s: --org ORG is required (id or name)\n", cmd);
        else
            fprintf(stderr, "passbook user %s: %s %s\n", cmd,
                    rc == STORE_NOT_FOUND ? "no organisation" : "cannot read organisation", opts->org);
        return opts->org ? 1 : 2;
    }
    switch ((enum user_verb)verb) {
    case USER_ADD:
        rc = user_add(st, &o, opts);
        break;
    case USER_LIST:
        rc = user_list(st, &o);
        break;
    case USER_REMOVE:
        rc = user_remove(st, &o, ref);
        break;
    case USER_PASSWD:
        rc = user_passwd(st, &o, ref);
        break;
    }
    org_clear(&o);
    return rc;
}

int cli_user(int argc, char **argv)
{
    struct user_opts o = {"var", NULL, NULL, NULL, NULL, NULL};
    const struct flag flags[] = {
        FLAGS_STORE(&o.data, &o.db),
        STRING_FLAG("org", &o.org, "ORG", "the organisation (id or name)"),
        STRING_FLAG("email", &o.email, "EMAIL", "add: the user's e-mail address (their login)"),
        STRING_FLAG("name", &o.name, "NAME", "add: the user's name as the console shows it"),
        STRING_FLAG("role", &o.role, "ROLE", "add: analyst (default) or admin"),
    };
    const struct command_line cl = {"passbook user", USAGE, FLAGS_OF(flags), 1, 2, false};
    return cli_run_verb(argc, argv, &cl, FLAGS_OF(USER_VERBS), &o.data, &o.db, run, &o);
}
