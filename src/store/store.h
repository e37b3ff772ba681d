/* Storage behind one interface. The implementation is chosen by URL:
 *   sqlite:PATH        SQLite (WAL) in one file; the default is
 *                      sqlite:<data>/passbook.db
 *   postgres://...     PostgreSQL (libpq URL; postgresql:// too): several
 *                      nodes share one database (src/store/pg_store.c)
 * No SQL and no connection handling exist outside src/store/.
 *
 * Durability: a write function returns (or calls its callback) only after
 * the write is committed and synced, so an acknowledged write survives
 * kill -9. Concurrent writes share transactions and syncs (group commit:
 * SQLite's writer thread runs them, its syncer thread syncs the WAL and
 * acknowledges; PostgreSQL's committer threads each run a batch in one
 * transaction); see docs/architecture.md.
 *
 * Thread safety: every function may be called from any thread.
 *
 * Return codes: STORE_OK, STORE_NOT_FOUND, STORE_CONFLICT (a uniqueness
 * rule), STORE_FULL (no space left: nothing was written), STORE_ERROR (I/O,
 * corruption, out of memory: logged). */
#ifndef PB_STORE_STORE_H
#define PB_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/entity.h"
#include "core/job.h"
#include "core/org.h"
#include "core/session.h"
#include "core/user.h"
#include "core/webhook.h"
#include "util/date.h"
#include "util/money.h"

enum store_rc {
    STORE_OK = 0,
    STORE_NOT_FOUND = 1,
    STORE_CONFLICT = 2,
    STORE_FULL = 3,              /* the disk (or quota) is full: retry once space returns */
    STORE_ERROR = -1,
};

struct store;

/* Called once an asynchronous write is committed and synced (rc STORE_OK)
 * or failed, on one of the store's own threads (SQLite's syncer,
 * PostgreSQL's committers): do little, never call the store from it. */
typedef void (*store_done_fn)(void *arg, int rc);

/* Counters since open, for /metrics. */
struct store_stats {
    uint64_t commits;       /* write transactions */
    uint64_t writes;        /* write operations in them */
    uint64_t statements;    /* statements they went to the database as (fewer when several shared one) */
    uint64_t syncs;         /* durability syncs */
    double sync_seconds;    /* time spent syncing */
    bool failed;            /* a sync failed: no more writes (store_report_failure) */
};

/* ---- statements, accounts, jobs (issue 5) ----
 * Records as stored. Strings are malloc'd and owned by the record (NULL
 * when absent); free with the matching *_clear. JSON columns are text. */

/* An account: statements of one account number within one session. */
struct account_rec {
    char id[PB_UUID_BUF];
    char session_id[PB_UUID_BUF];
    char *bank, *account_number, *name, *ifsc, *micr, *address, *account_category, *account_type;
    pb_paise od_limit, credit_limit;
    char *status;                /* NULL until processed; then "completed" / "failed" */
    char *error_code, *error_message;
    char *insights;              /* JSON of the processed account (insights data), or NULL */
    int64_t created_at, updated_at;
};
void account_rec_clear(struct account_rec *a);

struct statement_rec {
    char id[PB_UUID_BUF];
    char session_id[PB_UUID_BUF];
    char account_id[PB_UUID_BUF];
    char *source;                /* "pdf" / "aa" */
    char *bank;
    char *blob_sha256;           /* the original file; NULL once retention removed it */
    char *file_name;
    int64_t file_size;
    unsigned char *pdf_password_enc; /* sealed with the server key (api/pdf_secret.h); NULL = none */
    size_t pdf_password_enc_len;
    char *status;                /* "completed" / "failed" */
    char *error_code, *error_message;
    int page_count;
    char *identity;              /* JSON: the upload response's identity block */
    pb_day from_day, to_day;     /* statement period */
    pb_paise opening_balance, closing_balance;
    bool has_opening, has_closing;
    bool balances_ok, totals_ok;
    char *facts;                 /* JSON: document facts */
    char *fraud;                 /* JSON: metadata fraud type or null */
    char *content_sha256;
    char *aa_consent_id;         /* source "aa": the consent it came with */
    int64_t created_at, pdf_deleted_at;
};
void statement_rec_clear(struct statement_rec *s);

/* One transaction row as stored (paise, pb_day; hash FinBox-style). */
struct txn_rec {
    int seq;
    pb_day day, value_day;       /* value_day PB_NO_DAY when not printed */
    int type;                    /* 0 debit, 1 credit */
    pb_paise amount, balance;
    bool has_balance;
    char *note, *chq_num;
    int page;
    bool reconciled;
    char hash[33];
};
void txn_recs_free(struct txn_rec *t, size_t n);

/* What statement_commit writes in one transaction. */
struct statement_commit {
    const struct account_rec *account;   /* inserted if (session, account id) is new */
    const struct statement_rec *stmt;
    const struct txn_rec *txns;
    size_t ntxns;
    int64_t pin_id;                      /* the upload's pin on its file (blob_pin), 0 = none */
};

enum commit_result {
    COMMIT_OK = 0,
    COMMIT_DUPLICATE,            /* same bytes, or same account with an overlapping period */
    COMMIT_SESSION_CLOSED,       /* processing requested, or deleted, meanwhile */
    COMMIT_PIN_LOST,             /* the pin expired and was swept: the file may be gone */
};

struct job_rec {
    int64_t id;
    enum job_kind kind;          /* JOB_KIND_UNKNOWN: a kind this binary does not know */
    char *payload;               /* JSON */
    char *session_id;
    int attempts, max_attempts;
    int64_t queued_at;           /* when it was first queued */
};
void job_rec_clear(struct job_rec *j);

struct setting {
    char *key, *value;
};

/* What the console's sessions list shows of an account (account_briefs). */
struct account_brief {
    char session_id[PB_UUID_BUF];
    char account_id[PB_UUID_BUF];
    char *name, *bank, *status;  /* NULL when unknown */
    int score;                   /* the analysis' score; valid when has_score */
    bool has_score;
    int fraud_count;             /* fraud findings of the analysis */
};
void account_briefs_free(struct account_brief *b, size_t n);
void settings_free(struct setting *v, size_t n);

/* A job's progress as the entity flow reads it (jobs of one session). */
struct job_state {
    char dedupe_key[128];
    char state[16];              /* queued / running / done / failed */
    int64_t updated_at;
};

/* What GET /bank-connect/v1/sessions/ asks for (session_list). */
struct session_filter {
    const char *org_id;          /* required: a lender sees its own sessions only */
    const char *link_id;         /* NULL: any */
    const char *status;          /* NULL, or open / expired / processing / completed / failed */
    int64_t created_from, created_to; /* unix seconds, inclusive; 0: unbounded */
    int64_t now;                 /* tells open from expired */
    size_t offset, limit;
    /* The console's search (docs/console.md): NULL, or a link_id or
     * session id (exact or a prefix) or any part of a holder's name (any
     * case); fraud_only: sessions with an account with fraud findings. */
    const char *q;
    bool fraud_only;
};

/* ---- Account Aggregator (src/aa/) ----
 * One row per consent request: what Passbook asked, what the AA answered,
 * the FI session and its key pair (the private key sealed, see
 * ingest/seal.h), and where the fetch stands. Notifications and the
 * customer's return write only the notified_* / redirect_status columns;
 * every other column belongs to the aa_fetch job (one worker at a time,
 * by its lease). */
struct aa_consent_rec {
    char id[PB_UUID_BUF];
    char session_id[PB_UUID_BUF];
    char *state;                 /* requested, approved, fi_requested, done, failed (the job's) */
    char *consent_handle, *consent_id, *txnid, *state_token, *customer_id, *bank;
    char *artefact;              /* signedConsent as received */
    char *fi_session_id;
    unsigned char *key_sealed;   /* X25519 private key (PEM), sealed */
    size_t key_sealed_len;
    char *key_public, *nonce;    /* what Passbook sent as KeyMaterial */
    char *notified_status;       /* last ConsentStatusNotification status */
    char *fi_notified;           /* last FIStatusNotification (JSON) */
    char *redirect_status;       /* the AA's redirect answer: "S" or "F:<errorcode>" */
    char *error_code, *error_message;
    char *details;               /* JSON: the consent request's facts (range, expiry, mobile) */
    int64_t expires_at;          /* consentExpiry */
    int64_t data_life_until;     /* FI data of this consent is deleted then (0: not fetched yet) */
    int64_t data_deleted_at;
    int64_t created_at, updated_at;
};
void aa_consent_rec_clear(struct aa_consent_rec *c);

enum aa_lookup { AA_BY_ID, AA_BY_HANDLE, AA_BY_CONSENT_ID, AA_BY_FI_SESSION, AA_BY_STATE_TOKEN };
enum aa_note { AA_NOTE_CONSENT, AA_NOTE_FI, AA_NOTE_REDIRECT };

/* A callback or redirect as received, accepted or refused (an audit
 * trail; txnid de-duplicates accepted notifications). */
struct aa_event {
    const char *consent_id;      /* the aa_consents row, or NULL when unknown */
    const char *kind;            /* "consent_notification", "fi_notification", "redirect", "response" */
    const char *txnid;
    const char *status;          /* the status carried, or NULL */
    bool accepted;
    const char *detail;          /* why refused, or NULL */
    int64_t at;
};

/* A session to insert and what its create was authorised by, which the
 * insert checks again in its own transaction: a caller may authorise from
 * a cache of keys, and a key rotated or revoked (on any node, by any
 * process) still stops creating sessions at once. */
struct session_insert {
    const struct session *s;
    const char *api_key_hash;    /* the key s->org_id must still hold (as stored); NULL: no check */
    enum grant_refusal {
        GRANT_HELD,              /* nothing refused (or the insert failed otherwise) */
        GRANT_KEY_GONE,          /* the organisation no longer has this key */
        GRANT_MODE_OFF,          /* the session's mode is no longer enabled for it */
    } refused;                   /* set by the store before done */
};

struct store_ops {
    void (*close)(struct store *st);
    void (*stats)(struct store *st, struct store_stats *out);
    /* Server-wide settings (e.g. the v2 token secret): returns the stored
     * value, inserting value_if_missing first when the key is absent.
     * *out is malloc'd. */
    int (*setting_get_or_set)(struct store *st, const char *key, const char *value_if_missing,
                              char **out);
    /* Settings whose key starts with prefix ("" = all), in key order; *out
     * is malloc'd, each key and value too: free with settings_free. */
    int (*setting_list)(struct store *st, const char *prefix, struct setting **out, size_t *n);
    int (*setting_delete)(struct store *st, const char *key);

    int (*org_insert)(struct store *st, const struct org *o);
    /* By id or, failing that, by exact name. Clear *out with org_clear. */
    int (*org_get)(struct store *st, const char *id_or_name, struct org *out);
    int (*org_find_by_key_hash)(struct store *st, const char *api_key_hash, struct org *out);
    /* All orgs, oldest first; *out is malloc'd, clear each then free. */
    int (*org_list)(struct store *st, struct org **out, size_t *n);
    int (*org_set_keys)(struct store *st, const char *org_id, const char *api_key_hash,
                        const char *server_hash_hash);
    int (*org_set_modes)(struct store *st, const char *org_id, int modes);

    /* Inserts ins->s (ins and the session stay valid until done runs).
     * With ins->api_key_hash, only if the organisation still holds that
     * key and has the session's mode enabled; else nothing is stored, done
     * gets STORE_NOT_FOUND and ins->refused says why. */
    void (*session_insert_async)(struct store *st, struct session_insert *ins, store_done_fn done, void *arg);
    /* The session id owned by org_id; STORE_NOT_FOUND for an unknown id and
     * for another organisation's session alike. org_id NULL: whoever owns it
     * (the hosted journey and the notifier, which act for the session).
     * Clear with session_clear. */
    int (*session_get)(struct store *st, const char *id, const char *org_id, struct session *out);

    /* ---- webhooks (src/notify/, src/api/webhook.c, src/api/journey.c) ---- */
    /* Sets the organisation's webhook_url (NULL: off), webhook_mode and
     * x-secret-key secret (NULL: keep the current one; "" clears it). */
    int (*org_set_webhook)(struct store *st, const char *org_id, const char *url, int mode,
                           const char *secret);
    /* The customer submitted the journey: marks completion_notified_at and,
     * in the same transaction, queues d (NULL: no webhook configured).
     * STORE_CONFLICT when already submitted or no longer open. */
    int (*session_complete)(struct store *st, const char *session_id, int64_t now,
                            const struct webhook_delivery *d);
    /* Ids of sessions past expiry at now that have not been notified,
     * submitted, processed or deleted; at most max into ids. */
    int (*session_expired_list)(struct store *st, int64_t now, char (*ids)[PB_UUID_BUF], size_t max,
                                size_t *n);
    /* Marks expiry_notified_at and queues d (NULL: none) in one transaction;
     * STORE_CONFLICT when another node (or a submit) got there first. */
    int (*session_expire_mark)(struct store *st, const char *session_id, int64_t now,
                               const struct webhook_delivery *d);
    /* Queues d; STORE_CONFLICT when its dedupe_key was already queued. */
    int (*webhook_insert)(struct store *st, const struct webhook_delivery *d);
    /* Leases up to max pending deliveries due at now to owner until
     * lease_until (deliveries leased by others are skipped until their lease
     * ends). Fills out[0..*n); clear each with webhook_delivery_clear. */
    int (*webhook_claim)(struct store *st, int64_t now, const char *owner, int64_t lease_until,
                         struct webhook_delivery *out, size_t max, size_t *n);
    /* Records an attempt's outcome (status, attempts, times, response) and
     * releases the lease, if owner still holds it. */
    int (*webhook_finish)(struct store *st, const struct webhook_delivery *d, const char *owner);
    /* The organisation's deliveries, newest first, optionally for one session. */
    int (*webhook_list)(struct store *st, const char *org_id, const char *session_id,
                        struct webhook_delivery *out, size_t max, size_t *n);
    int (*webhook_get)(struct store *st, const char *org_id, const char *id,
                       struct webhook_delivery *out);
    /* ---- issue 5: statements, accounts, lifecycle, jobs, retention ---- */
    /* Writes account (if new), statement, blob reference and transactions
     * atomically, after checking in the same transaction that the session
     * is still open and that the statement duplicates nothing of the
     * session. c[0] is the upload's statement; c[1..n) are the other
     * accounts of the same file (a combined statement), written in the
     * same transaction: all of them or none, so a crash never leaves half
     * an upload that a resend could not complete. result[i] says each
     * one's outcome; unless result[0] is COMMIT_OK nothing is written, and
     * a later one that repeats something (COMMIT_DUPLICATE) is left out
     * alone. STORE_OK means the checks ran. */
    int (*statement_commit)(struct store *st, const struct statement_commit *c, size_t n,
                            enum commit_result *result);
    /* The session's accounts / statements, oldest first (*out malloc'd;
     * clear each record, then free the array). */
    int (*account_list)(struct store *st, const char *session_id, struct account_rec **out, size_t *n);
    int (*statement_list)(struct store *st, const char *session_id, struct statement_rec **out,
                          size_t *n);
    int (*statement_get)(struct store *st, const char *statement_id, struct statement_rec *out);
    /* A statement's rows in printed order (*out malloc'd; txn_recs_free). */
    int (*txn_list)(struct store *st, const char *statement_id, struct txn_rec **out, size_t *n);
    /* open -> processing and job queued (job_spec_process_session) in one
     * transaction. STORE_CONFLICT when processing was already requested (or
     * the session is deleted), STORE_NOT_FOUND for an unknown session. */
    int (*session_request_processing)(struct store *st, const char *session_id, const char *org_id,
                                      int64_t now, const struct job_spec *job);
    /* The final state of processing (SESSION_COMPLETED / SESSION_FAILED). */
    int (*session_finish_processing)(struct store *st, const char *session_id,
                                     enum session_state state, int64_t now);
    int (*account_set_result)(struct store *st, const char *account_id, const char *status,
                              const char *error_code, const char *error_message,
                              const char *insights_json, int64_t now);
    /* Marks the session deleted and removes its accounts, statements and
     * transactions. *orphans (malloc'd array of malloc'd strings) receives
     * the files of those statements that nothing refers to any more,
     * claimed for deletion (see blob_claim) in the same transaction: the
     * caller removes each, then calls blob_forget. */
    int (*session_delete)(struct store *st, const char *session_id, const char *org_id, int64_t now,
                          char ***orphans, size_t *norphans);
    /* Retention: forgets the files (blob_sha256 becomes NULL) and sealed
     * passwords of statements created before cutoff; *orphans as for
     * session_delete. */
    int (*pdf_expire)(struct store *st, int64_t cutoff, int64_t now, char ***orphans,
                      size_t *norphans);
    /* Leases the oldest runnable job (queued and due, or running with an
     * expired lease) to owner for lease_s seconds. STORE_NOT_FOUND: none. */
    int (*job_claim)(struct store *st, const char *owner, int64_t now, int lease_s,
                     struct job_rec *out);
    /* Done (ok) or failed: failed jobs run again at retry_at until their
     * attempts are used up. */
    int (*job_finish)(struct store *st, int64_t job_id, bool ok, const char *error, int64_t retry_at,
                      int64_t now);
    int (*org_set_acceptance)(struct store *st, const char *org_id, const char *acceptance,
                              int tolerance_days);
    /* Makes the jobs leased by owners starting with owner_prefix runnable
     * again (a restarted node releases what its dead predecessor held). */
    int (*job_release)(struct store *st, const char *owner_prefix);
    /* A long job's lease: job_id, still running and leased to owner, stays
     * its own until locked_until. STORE_NOT_FOUND when owner lost it (the
     * lease ran out and another node took the job). */
    int (*job_renew)(struct store *st, int64_t job_id, const char *owner, int64_t locked_until);

    /* ---- statement files: references (protocol in src/ingest/files.h) ----
     * A file of the blob store is kept while a statement refers to it
     * (statements.blob_sha256) or an upload holds an unexpired pin on it.
     * Deleting a file is claimed (blobs.deleted_at = the claim's time,
     * blobs.claimed_by = the store's owner) in the transaction that proves
     * nothing refers to it; while the claim is fresh (made at or after
     * stale_before) no pin can be taken, so no upload puts the file back
     * while the claimer removes it. */
    /* Records a pending reference to sha256 (creating its row) until
     * expires_at; *pin_id names it. STORE_CONFLICT: a fresh deletion claim
     * holds the file (retry shortly). */
    int (*blob_pin)(struct store *st, const char *sha256, int64_t size, int64_t now, int64_t expires_at,
                    int64_t stale_before, int64_t *pin_id);
    int (*blob_unpin)(struct store *st, int64_t pin_id);
    /* Claims sha256 for deletion when no statement and no unexpired pin
     * refers to it and no fresh claim exists (expired pins are dropped; a
     * file with no row at all, debris of an older version, gets a claimed
     * row). *claimed says whether the caller may now remove the file. */
    int (*blob_claim)(struct store *st, const char *sha256, int64_t now, int64_t stale_before,
                      bool *claimed);
    /* The claimed file is gone: drops its row (kept if anything refers to
     * it again, which a fresh claim prevents). */
    int (*blob_forget)(struct store *st, const char *sha256);
    /* Up to max files nothing refers to (no statement, no unexpired pin)
     * and no fresh claim holds: candidates for blob_claim (a read). */
    int (*blob_orphans)(struct store *st, int64_t now, int64_t stale_before, size_t max, char ***out,
                        size_t *n);
    /* Whether sha256 has a row at all (a read). */
    int (*blob_known)(struct store *st, const char *sha256, bool *known);
    /* A server starting: releases the deletion claims its node's earlier
     * servers left (owners starting with node_prefix, "name:", but not
     * this store's owner) and lists their files in *out. */
    int (*blob_release_claims)(struct store *st, const char *node_prefix, char ***out, size_t *n);

    /* Rate limits, shared by every node on the store: the events counted
     * for key in the fixed window of window_s seconds holding now, after
     * counting one more when count_it, in *count. The SQLite store (one
     * node) keeps them in memory, bounded and evicting (util/ratelimit.h):
     * no disk write on the hot path, and a restart forgets them. */
    int (*rate_count)(struct store *st, const char *key, int window_s, int64_t now, bool count_it,
                      int *count);

    /* ---- the entity flow (core/entity.h) and lender conveniences (issue 14) ---- */
    /* Inserts e and its backing session s in one transaction. */
    int (*entity_insert)(struct store *st, const struct entity *e, const struct session *s);
    /* org_id's entity id: STORE_NOT_FOUND for an unknown id and another
     * organisation's alike. Clear with entity_clear. */
    int (*entity_get)(struct store *st, const char *id, const char *org_id, struct entity *out);
    /* org_id's entities (those of link_id when not NULL), oldest first,
     * limit from offset, and *total of them all. *out is malloc'd; clear
     * each, then free. */
    int (*entity_list)(struct store *st, const char *org_id, const char *link_id, size_t offset,
                       size_t limit, struct entity **out, size_t *n, size_t *total);
    /* Queues job as specified; STORE_CONFLICT when its dedupe_key was
     * queued before (then nothing changes). */
    int (*job_insert)(struct store *st, const struct job_spec *job, int64_t now);
    /* The jobs of kind queued for session_id (*out malloc'd, plain array). */
    int (*job_states)(struct store *st, const char *session_id, enum job_kind kind, struct job_state **out,
                      size_t *n);
    /* How many jobs are queued, running and failed (given up), for /metrics. */
    int (*job_counts)(struct store *st, int64_t *queued, int64_t *running, int64_t *failed);
    /* A lender's sessions matching f, newest first (entities' backing
     * sessions and deleted sessions excluded), and *total matching. *out
     * is malloc'd; session_clear each, then free. */
    int (*session_list)(struct store *st, const struct session_filter *f, struct session **out, size_t *n,
                        size_t *total);
    /* ---- the lender console (issue 16, src/console/, docs/console.md) ---- */
    /* STORE_CONFLICT when the e-mail address is taken (in any organisation). */
    int (*user_insert)(struct store *st, const struct user *u);
    /* By id, or by e-mail address (lower case). */
    int (*user_get)(struct store *st, const char *id_or_email, struct user *out);
    /* The organisation's users by e-mail address (*out malloc'd; free it). */
    int (*user_list)(struct store *st, const char *org_id, struct user **out, size_t *n);
    /* Removes org_id's user and their logins; STORE_NOT_FOUND when org_id has no such user. */
    int (*user_delete)(struct store *st, const char *org_id, const char *user_id);
    /* A new password hash; ends every login of the user in the same transaction. */
    int (*user_set_password)(struct store *st, const char *user_id, const char *password_hash, int64_t now);
    /* Records a login (l->user.id names the user) and drops the user's expired ones. */
    int (*login_insert)(struct store *st, const struct console_login *l, int64_t now);
    /* The login whose token hashes to token_hash, unexpired at now, with its user as stored now. */
    int (*login_get)(struct store *st, const char *token_hash, int64_t now, struct console_login *out);
    /* The login was used: seen_at = now and a new expires_at. */
    int (*login_touch)(struct store *st, const char *token_hash, int64_t now, int64_t expires_at);
    int (*login_delete)(struct store *st, const char *token_hash);
    int (*audit_insert)(struct store *st, const struct audit_event *e);
    /* org_id's audit log, newest first (session_id NULL: every line); *out malloc'd. */
    int (*audit_list)(struct store *st, const char *org_id, const char *session_id, size_t offset,
                      size_t limit, struct audit_event **out, size_t *n);
    /* The accounts of sessions ids[0..n), in session order then oldest
     * first (*out malloc'd; account_briefs_free). */
    int (*account_briefs)(struct store *st, const char (*ids)[PB_UUID_BUF], size_t n,
                          struct account_brief **out, size_t *nout);

    /* ---- statement files' bytes, for a store shared by several nodes
     * (PostgreSQL keeps them, so every node reads every file). NULL in a
     * store that leaves them to <data>/blobs/ (SQLite). ---- */
    /* Stores the content of fd (read from offset 0 to its end) as sha256,
     * durably; already there is fine. */
    int (*file_put)(struct store *st, const char *sha256, int fd, int64_t now);
    /* The content of sha256 (*data malloc'd); STORE_NOT_FOUND if none. */
    int (*file_get)(struct store *st, const char *sha256, unsigned char **data, size_t *len);
    int (*file_delete)(struct store *st, const char *sha256);
    /* Calls fn for each file stored before created_before; returns how
     * many, or -1. */
    int (*file_list)(struct store *st, int64_t created_before, void (*fn)(const char *sha256, void *arg),
                     void *arg);

    /* Readiness (/readyz): STORE_OK when the database answers a read. */
    int (*ping)(struct store *st);

    /* ---- Account Aggregator ---- */
    /* Inserts c and, in the same transaction, its "aa_fetch" job (dedupe
     * key "aa:<id>", payload {"consent": id}) due at once. */
    int (*aa_consent_insert)(struct store *st, const struct aa_consent_rec *c);
    int (*aa_consent_get)(struct store *st, enum aa_lookup by, const char *value, struct aa_consent_rec *out);
    /* The session's newest consent request. */
    int (*aa_consent_latest)(struct store *st, const char *session_id, struct aa_consent_rec *out);
    /* Writes the job-owned columns of c (state, ids, artefact, keys,
     * error, data life). */
    int (*aa_consent_update)(struct store *st, const struct aa_consent_rec *c, int64_t now);
    /* Records what a notification or the redirect said, and makes the
     * consent's aa_fetch job due now. */
    int (*aa_consent_note)(struct store *st, const char *id, enum aa_note which, const char *value,
                           int64_t now);
    /* Appends e; STORE_CONFLICT when an accepted event of the same kind and
     * txnid exists (a replay). */
    int (*aa_event_record)(struct store *st, const struct aa_event *e);
    /* DataLife: deletes the statements and transactions of consents whose
     * data life ended by now (accounts left empty go too), marks them, and
     * forgets events older than a day. *deleted = statements removed. */
    int (*aa_expire_data)(struct store *st, int64_t now, size_t *deleted);
    /* A job that finished a step but has more to do later: queued again
     * at run_after without using up an attempt. */
    int (*job_snooze)(struct store *st, int64_t job_id, int64_t run_after, int64_t now);
};

struct store {
    const struct store_ops *ops;
    /* Who this process is in the deletion claims it records: the server's
     * incarnation (node:pid:random, store_set_owner); "" in CLI tools. */
    char owner[96];
};

static inline void store_set_owner(struct store *st, const char *owner)
{
    snprintf(st->owner, sizeof st->owner, "%s", owner);
}

/* Opens (creating and migrating as needed) the store at url. Returns 0 and
 * sets *out, or -1 with a reason in err. */
int store_open(const char *url, struct store **out, char *err, size_t errlen);
/* The same with a pool of `connections` database connections (PostgreSQL;
 * 0 = the default, 8). */
int store_open_pool(const char *url, int connections, struct store **out, char *err, size_t errlen);
/* The default URL for a data directory: "sqlite:<dir>/passbook.db" (malloc'd). */
char *store_default_url(const char *data_dir);

static inline void store_close(struct store *st)
{
    if (st)
        st->ops->close(st);
}

/* A store that can no longer promise durability (its log failed to sync:
 * after a failed fsync the kernel may have dropped the unsynced pages, so
 * no later sync could vouch for them) fails every later write and calls
 * the handler once, from its own thread. `serve` stops on it (exit status
 * 75) so that a supervisor restarts it and recovery runs from the disk. */
typedef void (*store_failure_fn)(void);
void store_set_failure_handler(store_failure_fn fn);
/* For implementations: reports the failure (logs; calls the handler once). */
void store_report_failure(const char *why);

/* Blocking insert: submits through the group commit and waits. */
int store_session_insert(struct store *st, const struct session *s);

#define STORE_CALL(st, fn, ...) ((st)->ops->fn((st), __VA_ARGS__))

#endif
