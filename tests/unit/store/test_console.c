/* The lender console's store ops (users, logins, audit log, account
 * briefs) and its password hashing, through the store.h interface. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "store/store.h"

static char dir[] = "/tmp/pb-console-XXXXXX";
static struct store *st;

static void make_user(struct user *u, const char *org_id, const char *email, enum user_role role)
{
    memset(u, 0, sizeof *u);
    uuid_v4(u->id);
    snprintf(u->org_id, sizeof u->org_id, "%s", org_id);
    snprintf(u->email, sizeof u->email, "%s", email);
    snprintf(u->name, sizeof u->name, "Asha");
    u->role = role;
    snprintf(u->password_hash, sizeof u->password_hash, "$argon2id$not-a-real-hash");
    u->created_at = u->password_changed_at = 1700000000;
}

static void make_login(struct console_login *l, const struct user *u, const char *hash, int64_t now)
{
    memset(l, 0, sizeof *l);
    snprintf(l->token_hash, sizeof l->token_hash, "%s", hash);
    snprintf(l->csrf, sizeof l->csrf, "csrf-%s", hash);
    l->user = *u;
    l->created_at = l->seen_at = now;
    l->expires_at = now + 1800;
}

static struct org acme, other;
static struct user alice, bob;

TEST(passwords_hash_with_argon2id_and_verify)
{
    char h[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];
    CHECK_INT(password_hash("correct horse battery", h), 0);
    CHECK(!strncmp(h, "$argon2id$v=19$m=19456,t=2,p=1$", 31));
    CHECK(password_verify(h, "correct horse battery"));
    CHECK(!password_verify(h, "correct horse batterY"));
    CHECK(!password_verify(h, ""));
    CHECK_INT(password_hash("correct horse battery", h2), 0);
    CHECK(strcmp(h, h2) != 0); /* a fresh salt each time */
    CHECK(!password_verify(NULL, "correct horse battery"));
    CHECK(!password_verify("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "x"));
    CHECK(!password_verify("garbage", "x"));
    CHECK(password_weakness("short") != NULL);
    CHECK(password_weakness("ten chars!") == NULL);
    CHECK(password_weakness("tab\there is bad") != NULL);
}

TEST(emails_are_normalised_or_refused)
{
    char e[USER_EMAIL_MAX];
    CHECK(user_email_normalise("Asha.Rao@Lender.IN", e));
    CHECK_STR(e, "asha.rao@lender.in");
    CHECK(!user_email_normalise("no-at-sign", e));
    CHECK(!user_email_normalise("@lender.in", e));
    CHECK(!user_email_normalise("a@", e));
    CHECK(!user_email_normalise("a b@x.in", e));
    CHECK(!user_email_normalise("a@b@c", e));
    CHECK(!user_email_normalise(NULL, e));
    char longer[300];
    memset(longer, 'a', sizeof longer);
    memcpy(longer + 290, "@x.in", 6);
    CHECK(!user_email_normalise(longer, e));
}

TEST(users_insert_get_list_and_conflict)
{
    struct user got, dup;
    CHECK_INT(STORE_CALL(st, user_insert, &alice), STORE_OK);
    CHECK_INT(STORE_CALL(st, user_insert, &bob), STORE_OK);
    CHECK_INT(STORE_CALL(st, user_get, "alice@acme.in", &got), STORE_OK);
    CHECK_STR(got.id, alice.id);
    CHECK_STR(got.org_id, acme.id);
    CHECK_INT(got.role, ROLE_ADMIN);
    CHECK_INT(STORE_CALL(st, user_get, bob.id, &got), STORE_OK);
    CHECK_STR(got.email, "bob@other.in");
    CHECK_INT(STORE_CALL(st, user_get, "nobody@acme.in", &got), STORE_NOT_FOUND);
    make_user(&dup, other.id, "alice@acme.in", ROLE_ANALYST);
    CHECK_INT(STORE_CALL(st, user_insert, &dup), STORE_CONFLICT);
    struct user *us = NULL;
    size_t n = 0;
    CHECK_INT(STORE_CALL(st, user_list, acme.id, &us, &n), STORE_OK);
    CHECK_INT(n, 1);
    CHECK_STR(us[0].email, "alice@acme.in");
    free(us);
}

TEST(logins_expire_and_end_with_a_new_password_or_removal)
{
    struct console_login l, got;
    make_login(&l, &alice, "h1", 1700000000);
    CHECK_INT(STORE_CALL(st, login_insert, &l, 1700000000), STORE_OK);
    CHECK_INT(STORE_CALL(st, login_get, "h1", 1700000100, &got), STORE_OK);
    CHECK_STR(got.user.email, "alice@acme.in");
    CHECK_STR(got.csrf, "csrf-h1");
    CHECK_INT(STORE_CALL(st, login_get, "h1", 1700001800, &got), STORE_NOT_FOUND); /* idle too long */
    CHECK_INT(STORE_CALL(st, login_touch, "h1", 1700001000, 1700002800), STORE_OK);
    CHECK_INT(STORE_CALL(st, login_get, "h1", 1700002000, &got), STORE_OK);
    CHECK_INT(got.seen_at, 1700001000);
    CHECK_INT(STORE_CALL(st, login_delete, "h1"), STORE_OK);
    CHECK_INT(STORE_CALL(st, login_get, "h1", 1700002000, &got), STORE_NOT_FOUND);

    make_login(&l, &alice, "h2", 1700000000);
    CHECK_INT(STORE_CALL(st, login_insert, &l, 1700000000), STORE_OK);
    CHECK_INT(STORE_CALL(st, user_set_password, alice.id, "$argon2id$new", 1700000500), STORE_OK);
    CHECK_INT(STORE_CALL(st, login_get, "h2", 1700000600, &got), STORE_NOT_FOUND);

    make_login(&l, &bob, "h3", 1700000000);
    CHECK_INT(STORE_CALL(st, login_insert, &l, 1700000000), STORE_OK);
    CHECK_INT(STORE_CALL(st, user_delete, acme.id, bob.id), STORE_NOT_FOUND); /* not acme's user */
    CHECK_INT(STORE_CALL(st, login_get, "h3", 1700000100, &got), STORE_OK);
    CHECK_INT(STORE_CALL(st, user_delete, other.id, bob.id), STORE_OK);
    CHECK_INT(STORE_CALL(st, login_get, "h3", 1700000100, &got), STORE_NOT_FOUND);
}

TEST(audit_log_is_per_organisation_newest_first)
{
    struct audit_event e = {.at = 1700000000};
    snprintf(e.org_id, sizeof e.org_id, "%s", acme.id);
    snprintf(e.user_id, sizeof e.user_id, "%s", alice.id);
    snprintf(e.email, sizeof e.email, "%s", alice.email);
    snprintf(e.action, sizeof e.action, "session.view");
    snprintf(e.session_id, sizeof e.session_id, "s-1");
    CHECK_INT(STORE_CALL(st, audit_insert, &e), STORE_OK);
    snprintf(e.action, sizeof e.action, "xlsx.download");
    e.session_id[0] = '\0';
    CHECK_INT(STORE_CALL(st, audit_insert, &e), STORE_OK);
    snprintf(e.org_id, sizeof e.org_id, "%s", other.id);
    CHECK_INT(STORE_CALL(st, audit_insert, &e), STORE_OK);
    struct audit_event *ev = NULL;
    size_t n = 0;
    CHECK_INT(STORE_CALL(st, audit_list, acme.id, NULL, 0, 10, &ev, &n), STORE_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(ev[0].action, "xlsx.download");
        CHECK_STR(ev[1].action, "session.view");
        CHECK(ev[0].id > ev[1].id);
    }
    free(ev);
    CHECK_INT(STORE_CALL(st, audit_list, acme.id, "s-1", 0, 10, &ev, &n), STORE_OK);
    CHECK_INT(n, 1);
    free(ev);
    CHECK_INT(STORE_CALL(st, audit_list, acme.id, NULL, 1, 10, &ev, &n), STORE_OK);
    CHECK_INT(n, 1);
    free(ev);
}

int main(void)
{
    if (fixture_store_open(dir, &st))
        return 1;
    fixture_org(&acme, "Acme", 1);
    fixture_org(&other, "Other", 1);
    STORE_CALL(st, org_insert, &acme);
    STORE_CALL(st, org_insert, &other);
    make_user(&alice, acme.id, "alice@acme.in", ROLE_ADMIN);
    make_user(&bob, other.id, "bob@other.in", ROLE_ANALYST);
    RUN(passwords_hash_with_argon2id_and_verify);
    RUN(emails_are_normalised_or_refused);
    RUN(users_insert_get_list_and_conflict);
    RUN(logins_expire_and_end_with_a_new_password_or_removal);
    RUN(audit_log_is_per_organisation_newest_first);
    store_close(st);
    return fixture_remove_dir(dir) == 0 ? check_summary() : 1;
}
