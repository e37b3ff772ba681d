/* What the unit tests start from: a scratch directory (and a store in it),
 * an organisation and an open session with the fields every store op needs. */
#ifndef PB_TEST_FIXTURE_H
#define PB_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

/* A new SQLite store in a new directory made from dir_template (which
 * receives its name). Returns 0, or -1 after saying why. */
static inline int fixture_store_open(char *dir_template, struct store **st)
{
    char url[512], err[256] = "";
    if (!mkdtemp(dir_template))
        return -1;
    snprintf(url, sizeof url, "sqlite:%s/passbook.db", dir_template);
    if (store_open(url, st, err, sizeof err) == 0)
        return 0;
    fprintf(stderr, "store_open: %s\n", err);
    return -1;
}

/* Removes a directory the tests made, with all it holds. Returns 0, or
 * -1 after saying it could not. */
static inline int fixture_remove_dir(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) == 0)
        return 0;
    fprintf(stderr, "could not remove %s\n", dir);
    return -1;
}

/* An organisation with fresh secrets (o->name borrowed). */
static inline void fixture_org(struct org *o, const char *name, int modes)
{
    memset(o, 0, sizeof *o);
    uuid_v4(o->id);
    o->name = (char *)name;
    char key[ORG_SECRET_HEX];
    org_new_secret(key, o->api_key_hash);
    org_new_secret(key, o->server_hash_hash);
    o->modes = modes;
    o->webhook_mode = 1;
    o->created_at = 1700000000;
}

/* An open session of org_id asking for January to March 2024 (free with
 * session_clear). */
static inline void fixture_session(struct session *s, const char *org_id)
{
    memset(s, 0, sizeof *s);
    uuid_v4(s->id);
    snprintf(s->org_id, sizeof s->org_id, "%s", org_id);
    s->created_at = 1700000000;
    s->expires_at = 4000000000;
    s->req.version = 1;
    s->req.link_id = strdup("customer");
    s->req.session_expiry_min = 60;
    date_from_ymd(2024, 1, 1, &s->req.from_date);
    date_from_ymd(2024, 3, 31, &s->req.to_date);
    s->req.max_from_date = s->req.max_to_date = PB_NO_DAY;
    s->req.n_expected_months = session_expected_months(s->req.from_date, s->req.to_date,
                                                       s->req.expected_months, SESSION_MAX_MONTHS);
}

#endif
