/* A console user: a person of one organisation who signs in to the
 * lender console (/console/) with an e-mail address and a password. The
 * role decides what they may do: an analyst reads; an admin also manages
 * keys, webhooks (replays included) and the acceptance settings. */
#ifndef PB_CORE_USER_H
#define PB_CORE_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "util/password.h"
#include "util/secret.h"

#define USER_EMAIL_MAX 255      /* buffer, NUL included */
#define USER_NAME_MAX 121

enum user_role { ROLE_ANALYST = 1, ROLE_ADMIN = 2 };

struct user {
    char id[PB_UUID_BUF];
    char org_id[PB_UUID_BUF];
    char email[USER_EMAIL_MAX];   /* lower case; unique in the deployment */
    char name[USER_NAME_MAX];     /* display name; may be empty */
    enum user_role role;
    char password_hash[PASSWORD_HASH_MAX];
    int64_t created_at, password_changed_at;
};

/* "analyst" / "admin" and back; false for anything else. */
const char *user_role_name(enum user_role r);
bool user_role_parse(const char *s, enum user_role *out);
/* Copies a plausible e-mail address, lower-cased, into out; false when
 * raw is not one (no @, spaces or controls, too long). */
bool user_email_normalise(const char *raw, char out[USER_EMAIL_MAX]);

/* A signed-in browser: the cookie holds a random token, the store only
 * its SHA-256, so a database reader cannot take over a session. */
struct console_login {
    char token_hash[PB_SHA256_HEX];
    char csrf[PB_SHA256_HEX];     /* sent back in X-CSRF-Token on every change */
    struct user user;             /* the user as stored now (role changes apply at once) */
    int64_t created_at, seen_at, expires_at;
};

/* One line of the audit log: who looked at or changed what. */
struct audit_event {
    int64_t id;
    char org_id[PB_UUID_BUF];
    char user_id[PB_UUID_BUF];
    char email[USER_EMAIL_MAX];
    char action[32];              /* e.g. "session.view", "xlsx.download", "webhook.replay" */
    char session_id[PB_UUID_BUF]; /* the customer's session, "" when none */
    char detail[256];             /* e.g. an account id or a delivery id; never personal data */
    char client[64];
    int64_t at;
};

#endif
