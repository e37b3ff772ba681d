/* The PostgreSQL store's settings and organisations. Reads go to the
 * database every time: a key rotated or an organisation changed on one
 * node is what every node sees at once. */
#include <stdlib.h>
#include <string.h>

#include "store/pg_family.h"
#include "util/clock.h"

/* ---- settings ---- */

static int setting_read(struct pg_store *s, const char *key, char **out)
{
    struct pg_params p = {0};
    pgp_text(&p, key);
    PGresult *r;
    int rc = pg_exec1(s, "SELECT value FROM settings WHERE key = $1", &p, "setting_get", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    rc = PQntuples(r) == 0 ? STORE_NOT_FOUND : (*out = pgr_dup(r, 0, 0)) ? STORE_OK : STORE_ERROR;
    PQclear(r);
    return rc;
}

int pg_setting_get_or_set(struct store *st, const char *key, const char *value_if_missing, char **out)
{
    struct pg_store *s = (struct pg_store *)st;
    int rc = setting_read(s, key, out);
    if (rc != STORE_NOT_FOUND)
        return rc;
    struct pg_params p = {0};
    pgp_text(&p, key);
    pgp_text(&p, value_if_missing);
    rc = pg_exec1(s, "INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", &p,
                  "setting_insert", NULL, NULL);
    return rc != STORE_OK ? rc : setting_read(s, key, out); /* another node may have won the race */
}

int pg_setting_list(struct store *st, const char *prefix, struct setting **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct pg_params p = {0};
    pgp_text(&p, prefix);
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st,
                      "SELECT key, value FROM settings WHERE left(key, length($1::text)) = $1::text ORDER BY key",
                      &p, "setting_list", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    int rows = PQntuples(r);
    if (rows && !(*out = calloc((size_t)rows, sizeof **out)))
        rc = STORE_ERROR;
    for (int i = 0; *out && i < rows; i++) {
        (*out)[i].key = pgr_dup(r, i, 0);
        (*out)[i].value = pgr_dup(r, i, 1);
        (*n)++;
    }
    PQclear(r);
    return rc;
}

int pg_setting_delete(struct store *st, const char *key)
{
    struct pg_params p = {0};
    pgp_text(&p, key);
    return pg_exec1((struct pg_store *)st, "DELETE FROM settings WHERE key = $1", &p, "setting_delete", NULL,
                    NULL);
}

/* ---- organisations ---- */

#define ORG_COLS                                                                                   \
    "id, name, api_key_hash, server_hash_hash, modes, webhook_url, webhook_mode, webhook_secret, " \
    "acceptance, acceptance_tolerance_days, created_at"

static void org_from_row(const PGresult *r, int i, void *out)
{
    struct org *o = out;
    memset(o, 0, sizeof *o);
    pgr_copy(r, i, 0, o->id, sizeof o->id);
    o->name = pgr_dup(r, i, 1);
    pgr_copy(r, i, 2, o->api_key_hash, sizeof o->api_key_hash);
    pgr_copy(r, i, 3, o->server_hash_hash, sizeof o->server_hash_hash);
    o->modes = (int)pgr_int(r, i, 4);
    o->webhook_url = pgr_dup(r, i, 5);
    o->webhook_mode = (int)pgr_int(r, i, 6);
    o->webhook_secret = pgr_dup(r, i, 7);
    o->acceptance = pgr_dup(r, i, 8);
    o->acceptance_tolerance_days = (int)pgr_int(r, i, 9);
    o->created_at = pgr_int(r, i, 10);
}

int pg_org_insert(struct store *st, const struct org *o)
{
    struct pg_params p = {0};
    pgp_text(&p, o->id);
    pgp_text(&p, o->name);
    pgp_text(&p, o->api_key_hash);
    pgp_text(&p, o->server_hash_hash);
    pgp_int(&p, o->modes);
    pgp_text(&p, o->webhook_url);
    pgp_int(&p, o->webhook_mode);
    pgp_text(&p, o->webhook_secret);
    pgp_text(&p, o->acceptance ? o->acceptance : "missing_upload_months");
    pgp_int(&p, o->acceptance_tolerance_days);
    pgp_int(&p, o->created_at ? o->created_at : pb_now());
    return pg_exec1((struct pg_store *)st,
                    "INSERT INTO orgs(" ORG_COLS ", updated_at) VALUES "
                    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
                    &p, "org_insert", NULL, NULL);
}

/* One org by a query bound to text arg. */
static int org_query(struct pg_store *s, const char *sql, const char *arg, struct org *out)
{
    struct pg_params p = {0};
    pgp_text(&p, arg);
    return pg_get_row(s, sql, &p, "org_get", org_from_row, out);
}

int pg_org_get(struct store *st, const char *id_or_name, struct org *out)
{
    struct pg_store *s = (struct pg_store *)st;
    int rc = org_query(s, "SELECT " ORG_COLS " FROM orgs WHERE id = $1", id_or_name, out);
    return rc == STORE_NOT_FOUND
               ? org_query(s, "SELECT " ORG_COLS " FROM orgs WHERE name = $1 ORDER BY created_at, seq LIMIT 1",
                           id_or_name, out)
               : rc;
}

int pg_org_find_by_key_hash(struct store *st, const char *hash, struct org *out)
{
    return org_query((struct pg_store *)st, "SELECT " ORG_COLS " FROM orgs WHERE api_key_hash = $1", hash, out);
}

int pg_org_list(struct store *st, struct org **out, size_t *n)
{
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st, "SELECT " ORG_COLS " FROM orgs ORDER BY created_at, seq", NULL,
                      "org_list", &r, NULL);
    if (rc != STORE_OK) {
        *out = NULL;
        *n = 0;
        return rc;
    }
    rc = pg_collect(r, sizeof **out, org_from_row, (void **)out, n);
    PQclear(r);
    return rc;
}

/* A one-row update of an organisation: STORE_NOT_FOUND when none. */
static int org_update(struct pg_store *s, const char *sql, const struct pg_params *p, const char *what)
{
    int64_t changed = 0;
    int rc = pg_exec1(s, sql, p, what, NULL, &changed);
    return rc == STORE_OK && changed == 0 ? STORE_NOT_FOUND : rc;
}

int pg_org_set_keys(struct store *st, const char *id, const char *key_hash, const char *sh_hash)
{
    struct pg_params p = {0};
    pgp_text(&p, id);
    pgp_text(&p, key_hash);
    pgp_text(&p, sh_hash);
    pgp_int(&p, pb_now());
    return org_update((struct pg_store *)st,
                      "UPDATE orgs SET api_key_hash = $2, server_hash_hash = $3, updated_at = $4 WHERE id = $1", &p,
                      "org_set_keys");
}

int pg_org_set_modes(struct store *st, const char *id, int modes)
{
    struct pg_params p = {0};
    pgp_text(&p, id);
    pgp_int(&p, modes);
    pgp_int(&p, pb_now());
    return org_update((struct pg_store *)st, "UPDATE orgs SET modes = $2, updated_at = $3 WHERE id = $1", &p,
                      "org_set_modes");
}

int pg_org_set_webhook(struct store *st, const char *org_id, const char *url, int mode, const char *secret)
{
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    pgp_nonempty(&p, url);
    pgp_int(&p, mode);
    pgp_text(&p, secret);
    pgp_int(&p, pb_now());
    return org_update((struct pg_store *)st,
                      "UPDATE orgs SET webhook_url = $2, webhook_mode = $3, webhook_secret = "
                      "CASE WHEN $4::text IS NULL THEN webhook_secret WHEN $4::text = '' THEN NULL "
                      "ELSE $4::text END, updated_at = $5 WHERE id = $1",
                      &p, "org_set_webhook");
}

int pg_org_set_acceptance(struct store *st, const char *org_id, const char *acceptance, int tolerance_days)
{
    struct pg_params p = {0};
    pgp_text(&p, org_id);
    pgp_text(&p, acceptance);
    pgp_int(&p, tolerance_days);
    return org_update((struct pg_store *)st,
                      "UPDATE orgs SET acceptance = $2, acceptance_tolerance_days = $3 WHERE id = $1", &p,
                      "org_set_acceptance");
}
