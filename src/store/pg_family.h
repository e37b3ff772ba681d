/* The PostgreSQL store's operations, one file per table family (for
 * pg_store.c's ops table); not for use outside src/store/. */
#ifndef PB_STORE_PG_FAMILY_H
#define PB_STORE_PG_FAMILY_H

#include "store/codec.h"
#include "store/pg_internal.h"

/* settings and organisations (pg_org.c) */
int pg_setting_get_or_set(struct store *st, const char *key, const char *value_if_missing, char **out);
int pg_setting_list(struct store *st, const char *prefix, struct setting **out, size_t *n);
int pg_setting_delete(struct store *st, const char *key);
int pg_org_insert(struct store *st, const struct org *o);
int pg_org_get(struct store *st, const char *id_or_name, struct org *out);
int pg_org_find_by_key_hash(struct store *st, const char *hash, struct org *out);
int pg_org_list(struct store *st, struct org **out, size_t *n);
int pg_org_set_keys(struct store *st, const char *id, const char *key_hash, const char *sh_hash);
int pg_org_set_modes(struct store *st, const char *id, int modes);
int pg_org_set_webhook(struct store *st, const char *org_id, const char *url, int mode, const char *secret);
int pg_org_set_acceptance(struct store *st, const char *org_id, const char *acceptance, int tolerance_days);

/* sessions (pg_session.c) */
int pg_session_insert_run(struct pg_conn *c, const struct session *s);
void pg_session_from_row(const PGresult *r, int row, void *out);
void pg_session_insert_async(struct store *st, struct session_insert *ins, store_done_fn done, void *arg);
int pg_session_get(struct store *st, const char *id, const char *org_id, struct session *out);
int pg_session_complete(struct store *st, const char *session_id, int64_t now, const struct webhook_delivery *d);
int pg_session_expired_list(struct store *st, int64_t now, char (*ids)[PB_UUID_BUF], size_t max, size_t *n);
int pg_session_expire_mark(struct store *st, const char *session_id, int64_t now,
                           const struct webhook_delivery *d);
int pg_session_request_processing(struct store *st, const char *session_id, const char *org_id, int64_t now,
                                  const struct job_spec *job);
int pg_session_finish_processing(struct store *st, const char *session_id, enum session_state state,
                                 int64_t now);

/* statements, accounts, deletion, retention (pg_statement.c) */
int pg_statement_commit(struct store *st, const struct statement_commit *c, size_t n, enum commit_result *result);
int pg_account_list(struct store *st, const char *session_id, struct account_rec **out, size_t *n);
int pg_statement_list(struct store *st, const char *session_id, struct statement_rec **out, size_t *n);
int pg_statement_get(struct store *st, const char *statement_id, struct statement_rec *out);
int pg_txn_list(struct store *st, const char *statement_id, struct txn_rec **out, size_t *n);
int pg_account_set_result(struct store *st, const char *account_id, const char *status, const char *error_code,
                          const char *error_message, const char *insights_json, int64_t now);
int pg_session_delete(struct store *st, const char *session_id, const char *org_id, int64_t now, char ***orphans,
                      size_t *norphans);
int pg_pdf_expire(struct store *st, int64_t cutoff, int64_t now, char ***orphans, size_t *norphans);

/* jobs (pg_job.c) */
int pg_job_claim(struct store *st, const char *owner, int64_t now, int lease_s, struct job_rec *out);
int pg_job_finish(struct store *st, int64_t job_id, bool ok, const char *error, int64_t retry_at, int64_t now);
int pg_job_release(struct store *st, const char *owner_prefix);
int pg_job_renew(struct store *st, int64_t job_id, const char *owner, int64_t locked_until);

/* entities, the job queue's readers, the sessions listing (pg_entity.c) */
int pg_entity_insert(struct store *st, const struct entity *e, const struct session *s);
int pg_entity_get(struct store *st, const char *id, const char *org_id, struct entity *out);
int pg_entity_list(struct store *st, const char *org_id, const char *link_id, size_t offset, size_t limit,
                   struct entity **out, size_t *n, size_t *total);
int pg_job_insert(struct store *st, const struct job_spec *job, int64_t now);
/* Inside a transaction: queues job (a repeated dedupe key: STORE_CONFLICT,
 * or nothing at all when repeat_ok). */
int pg_job_insert_in(struct pg_conn *c, const struct job_spec *job, int64_t now, bool repeat_ok);
int pg_job_states(struct store *st, const char *session_id, enum job_kind kind, struct job_state **out, size_t *n);
int pg_job_counts(struct store *st, int64_t *queued, int64_t *running, int64_t *failed);
int pg_session_list(struct store *st, const struct session_filter *f, struct session **out, size_t *n,
                    size_t *total);

/* the webhook outbox (pg_webhook.c) */
int pg_delivery_insert(struct pg_conn *c, const struct webhook_delivery *d);
int pg_webhook_insert(struct store *st, const struct webhook_delivery *d);
int pg_webhook_claim(struct store *st, int64_t now, const char *owner, int64_t lease_until,
                     struct webhook_delivery *out, size_t max, size_t *n);
int pg_webhook_finish(struct store *st, const struct webhook_delivery *d, const char *owner);
int pg_webhook_list(struct store *st, const char *org_id, const char *session_id, struct webhook_delivery *out,
                    size_t max, size_t *n);
int pg_webhook_get(struct store *st, const char *org_id, const char *id, struct webhook_delivery *out);

/* statement files: references and bytes (pg_blob.c) */
int pg_blob_pin(struct store *st, const char *sha256, int64_t size, int64_t now, int64_t expires_at,
                int64_t stale_before, int64_t *pin_id);
int pg_blob_unpin(struct store *st, int64_t pin_id);
int pg_blob_unpin_in(struct pg_conn *c, int64_t pin_id, bool *existed);
int pg_blob_claim(struct store *st, const char *sha256, int64_t now, int64_t stale_before, bool *claimed);
int pg_blob_claim_in(struct pg_conn *c, const char *sha256, const char *owner, int64_t now, int64_t stale_before,
                     bool *claimed);
int pg_blob_forget(struct store *st, const char *sha256);
int pg_blob_orphans(struct store *st, int64_t now, int64_t stale_before, size_t max, char ***out, size_t *n);
int pg_blob_known(struct store *st, const char *sha256, bool *known);
int pg_blob_release_claims(struct store *st, const char *node_prefix, char ***out, size_t *n);
int pg_file_put(struct store *st, const char *sha256, int fd, int64_t now);
int pg_file_get(struct store *st, const char *sha256, unsigned char **data, size_t *len);
int pg_file_delete(struct store *st, const char *sha256);
int pg_file_list(struct store *st, int64_t created_before, void (*fn)(const char *sha256, void *arg), void *arg);

/* the lender console (pg_console.c) */
int pg_user_insert(struct store *st, const struct user *u);
int pg_user_get(struct store *st, const char *id_or_email, struct user *out);
int pg_user_list(struct store *st, const char *org_id, struct user **out, size_t *n);
int pg_user_delete(struct store *st, const char *org_id, const char *user_id);
int pg_user_set_password(struct store *st, const char *user_id, const char *password_hash, int64_t now);
int pg_login_insert(struct store *st, const struct console_login *l, int64_t now);
int pg_login_get(struct store *st, const char *token_hash, int64_t now, struct console_login *out);
int pg_login_touch(struct store *st, const char *token_hash, int64_t now, int64_t expires_at);
int pg_login_delete(struct store *st, const char *token_hash);
int pg_audit_insert(struct store *st, const struct audit_event *e);
int pg_audit_list(struct store *st, const char *org_id, const char *session_id, size_t offset, size_t limit,
                  struct audit_event **out, size_t *n);
int pg_account_briefs(struct store *st, const char (*ids)[PB_UUID_BUF], size_t n, struct account_brief **out,
                      size_t *nout);

/* pg_aa.c: the Account Aggregator's consents, callback events, data life. */
int pg_aa_consent_insert(struct store *st, const struct aa_consent_rec *c);
int pg_aa_consent_get(struct store *st, enum aa_lookup by, const char *value, struct aa_consent_rec *out);
int pg_aa_consent_latest(struct store *st, const char *session_id, struct aa_consent_rec *out);
int pg_aa_consent_update(struct store *st, const struct aa_consent_rec *c, int64_t now);
int pg_aa_consent_note(struct store *st, const char *id, enum aa_note which, const char *value, int64_t now);
int pg_aa_event_record(struct store *st, const struct aa_event *e);
int pg_aa_expire_data(struct store *st, int64_t now, size_t *deleted);
int pg_job_snooze(struct store *st, int64_t job_id, int64_t run_after, int64_t now);

#endif
