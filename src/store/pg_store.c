/* The PostgreSQL store: several Passbook nodes on one database.
 *
 * Everything a node would otherwise keep to itself lives here, so any node
 * serves any request: sessions, statements and their files, jobs and the
 * webhook outbox (claimed with leases, FOR UPDATE SKIP LOCKED), journey
 * rate limits, settings. Connections, statements and results are
 * pg_conn.c's; transactions and the group commit pg_commit.c's; the schema
 * pg_schema.c's; each table family has its own file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg_family.h"
#include "util/log.h"

#define DEFAULT_POOL 8
#define RATE_SWEEP_EVERY_S 300

static void pgs_close(struct store *st)
{
    struct pg_store *s = (struct pg_store *)st;
    pg_committers_stop(s);
    pthread_mutex_lock(&s->mu);
    for (struct pg_conn *c = s->free, *next; c; c = next) {
        next = c->next;
        pg_conn_close(c);
    }
    s->free = NULL;
    pthread_mutex_unlock(&s->mu);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->qmu);
    pthread_cond_destroy(&s->qcv);
    free(s->url);
    free(s);
}

static void pgs_stats(struct store *st, struct store_stats *out)
{
    struct pg_store *s = (struct pg_store *)st;
    memset(out, 0, sizeof *out);
    out->commits = atomic_load(&s->n_commits);
    out->writes = atomic_load(&s->n_writes);
    out->statements = atomic_load(&s->n_statements);
    /* every COMMIT waits for PostgreSQL's WAL flush */
    out->syncs = out->commits;
    out->sync_seconds = (double)atomic_load(&s->commit_micros) / 1e6;
}

static int pgs_ping(struct store *st)
{
    PGresult *r;
    int rc = pg_exec1((struct pg_store *)st, "SELECT 1", NULL, "ping", &r, NULL);
    if (rc == STORE_OK)
        PQclear(r);
    return rc;
}

/* Old windows go now and then; the table is UNLOGGED, so counting costs
 * no WAL flush, and a crash of the server only resets the counts. */
static void rate_sweep(struct pg_store *s, int64_t now)
{
    int64_t due = atomic_load(&s->rate_sweep_at);
    if (now < due || !atomic_compare_exchange_strong(&s->rate_sweep_at, &due, now + RATE_SWEEP_EVERY_S))
        return;
    struct pg_params p = {0};
    pgp_int(&p, now - 86400);
    pg_exec1(s, "DELETE FROM rate_counters WHERE window_start < $1", &p, "rate_sweep", NULL, NULL);
}

static int pgs_rate_count(struct store *st, const char *key, int window_s, int64_t now, bool count_it, int *count)
{
    struct pg_store *s = (struct pg_store *)st;
    *count = 0;
    if (window_s <= 0)
        return STORE_ERROR;
    rate_sweep(s, now);
    struct pg_params p = {0};
    pgp_text(&p, key);
    pgp_int(&p, now / window_s * window_s);
    PGresult *r;
    int rc = pg_exec1(s,
                      count_it ? "INSERT INTO rate_counters(key, window_start, count) VALUES ($1, $2, 1) "
                                 "ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 "
                                 "RETURNING count"
                               : "SELECT count FROM rate_counters WHERE key = $1 AND window_start = $2",
                      &p, "rate_count", &r, NULL);
    if (rc != STORE_OK)
        return rc;
    *count = PQntuples(r) ? (int)pgr_int(r, 0, 0) : 0;
    PQclear(r);
    return STORE_OK;
}

static const struct store_ops PG_OPS = {
    .close = pgs_close,
    .stats = pgs_stats,
    .setting_get_or_set = pg_setting_get_or_set,
    .setting_list = pg_setting_list,
    .setting_delete = pg_setting_delete,
    .org_insert = pg_org_insert,
    .org_get = pg_org_get,
    .org_find_by_key_hash = pg_org_find_by_key_hash,
    .org_list = pg_org_list,
    .org_set_keys = pg_org_set_keys,
    .org_set_modes = pg_org_set_modes,
    .session_insert_async = pg_session_insert_async,
    .session_get = pg_session_get,
    .org_set_webhook = pg_org_set_webhook,
    .session_complete = pg_session_complete,
    .session_expired_list = pg_session_expired_list,
    .session_expire_mark = pg_session_expire_mark,
    .webhook_insert = pg_webhook_insert,
    .webhook_claim = pg_webhook_claim,
    .webhook_finish = pg_webhook_finish,
    .webhook_list = pg_webhook_list,
    .webhook_get = pg_webhook_get,
    .statement_commit = pg_statement_commit,
    .account_list = pg_account_list,
    .statement_list = pg_statement_list,
    .statement_get = pg_statement_get,
    .txn_list = pg_txn_list,
    .session_request_processing = pg_session_request_processing,
    .session_finish_processing = pg_session_finish_processing,
    .account_set_result = pg_account_set_result,
    .session_delete = pg_session_delete,
    .pdf_expire = pg_pdf_expire,
    .job_claim = pg_job_claim,
    .job_finish = pg_job_finish,
    .org_set_acceptance = pg_org_set_acceptance,
    .job_release = pg_job_release,
    .job_renew = pg_job_renew,
    .blob_pin = pg_blob_pin,
    .blob_unpin = pg_blob_unpin,
    .blob_claim = pg_blob_claim,
    .blob_forget = pg_blob_forget,
    .blob_orphans = pg_blob_orphans,
    .blob_known = pg_blob_known,
    .blob_release_claims = pg_blob_release_claims,
    .rate_count = pgs_rate_count,
    .entity_insert = pg_entity_insert,
    .entity_get = pg_entity_get,
    .entity_list = pg_entity_list,
    .job_insert = pg_job_insert,
    .job_states = pg_job_states,
    .job_counts = pg_job_counts,
    .session_list = pg_session_list,
    .user_insert = pg_user_insert,
    .user_get = pg_user_get,
    .user_list = pg_user_list,
    .user_delete = pg_user_delete,
    .user_set_password = pg_user_set_password,
    .login_insert = pg_login_insert,
    .login_get = pg_login_get,
    .login_touch = pg_login_touch,
    .login_delete = pg_login_delete,
    .audit_insert = pg_audit_insert,
    .audit_list = pg_audit_list,
    .account_briefs = pg_account_briefs,
    .file_put = pg_file_put,
    .file_get = pg_file_get,
    .file_delete = pg_file_delete,
    .file_list = pg_file_list,
    .ping = pgs_ping,
    .aa_consent_insert = pg_aa_consent_insert,
    .aa_consent_get = pg_aa_consent_get,
    .aa_consent_latest = pg_aa_consent_latest,
    .aa_consent_update = pg_aa_consent_update,
    .aa_consent_note = pg_aa_consent_note,
    .aa_event_record = pg_aa_event_record,
    .aa_expire_data = pg_aa_expire_data,
    .job_snooze = pg_job_snooze,
};

int pg_store_open(const char *url, int pool_size, struct store **out, char *err, size_t errlen)
{
    struct pg_store *s = calloc(1, sizeof *s);
    if (!s || !(s->url = strdup(url))) {
        free(s);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    s->base.ops = &PG_OPS;
    s->pool_size = pool_size > 0 ? pool_size : DEFAULT_POOL;
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    pthread_mutex_init(&s->qmu, NULL);
    pthread_cond_init(&s->qcv, NULL);
    struct pg_conn *c = pg_conn_open(url, err, errlen);
    if (!c || pg_migrate(c, err, errlen)) {
        pg_conn_close(c);
        pgs_close(&s->base);
        return -1;
    }
    s->nopen = 1; /* the first connection joins the pool */
    pg_put(s, c);
    if (pg_committers_start(s, err, errlen)) {
        pgs_close(&s->base);
        return -1;
    }
    *out = &s->base;
    return 0;
}
