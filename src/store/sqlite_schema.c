/* The SQLite schema as an ordered list of migrations. Migration i (from 1)
 * runs once, in its own transaction, and records schema_version = i. Never
 * edit a migration that has shipped: append a new one.
 *
 * The schema covers the whole journey, source-neutral: an organisation
 * owns sessions; a session holds accounts; an account holds statements
 * (from a PDF or from Account Aggregator FI data); a statement holds
 * transactions. Background work goes through the jobs table; webhooks
 * through the webhook_deliveries outbox.
 *
 * Conventions: ids are UUIDv4 text; times are unix seconds (INTEGER);
 * calendar dates are day numbers (pb_day, days since 1970-01-01); money is
 * integer paise; JSON documents are TEXT. */
#include "store/sqlite_internal.h"

static const char M1_FOUNDATION[] =
    /* Server-wide values, e.g. the secret that signs v2 redirect tokens. */
    "CREATE TABLE settings ("
    "  key   TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL);"

    "CREATE TABLE orgs ("
    "  id               TEXT PRIMARY KEY,"
    "  name             TEXT NOT NULL,"
    "  api_key_hash     TEXT NOT NULL UNIQUE,"   /* SHA-256 hex of the key */
    "  server_hash_hash TEXT NOT NULL,"          /* SHA-256 hex of the server-hash */
    "  modes            INTEGER NOT NULL,"       /* MODE_* bits: 1 pdf, 2 aa, 4 online */
    "  webhook_url      TEXT,"
    "  webhook_mode     INTEGER NOT NULL DEFAULT 1,"
    "  webhook_secret   TEXT,"                   /* sent back as x-secret-key, so kept */
    "  acceptance       TEXT NOT NULL DEFAULT 'missing_upload_months',"
    "  acceptance_tolerance_days INTEGER NOT NULL DEFAULT 0,"
    "  created_at       INTEGER NOT NULL,"
    "  updated_at       INTEGER NOT NULL);"

    "CREATE TABLE sessions ("
    "  id               TEXT PRIMARY KEY,"
    "  org_id           TEXT NOT NULL REFERENCES orgs(id),"
    "  api_version      INTEGER NOT NULL,"
    "  link_id          TEXT NOT NULL,"
    "  redirect_url     TEXT,"
    "  logo_url         TEXT,"
    "  bank             TEXT,"                   /* lower-case bank identifier */
    "  mode             INTEGER NOT NULL DEFAULT 0,"
    "  mobile_number    TEXT,"
    "  journey_mode     TEXT,"
    "  accept_anything  INTEGER NOT NULL DEFAULT 0,"
    "  is_mobile_field_editable INTEGER NOT NULL DEFAULT 0,"
    "  from_day         INTEGER NOT NULL,"
    "  to_day           INTEGER NOT NULL,"
    "  max_from_day     INTEGER,"
    "  max_to_day       INTEGER,"
    "  expected_months  TEXT NOT NULL,"          /* "2024-01,2024-02,...": first-week rule applied */
    "  session_expiry_min INTEGER NOT NULL,"
    "  aa_journey_mode  TEXT,"
    "  aa_recurring_tenure_month_count INTEGER,"
    "  aa_recurring_frequency_unit TEXT,"
    "  aa_recurring_frequency_value INTEGER,"
    "  aa_journey_code  TEXT,"
    "  consents         TEXT,"                   /* JSON */
    "  metadata         TEXT,"                   /* JSON */
    "  created_at       INTEGER NOT NULL,"
    "  expires_at       INTEGER NOT NULL,"
    "  state            TEXT NOT NULL DEFAULT 'open'"
    "                   CHECK (state IN ('open','processing','completed','failed')),"
    "  processing_requested_at INTEGER,"
    "  processing_completed_at INTEGER,"
    "  completion_notified_at  INTEGER,"         /* SESSION_REQUIREMENT_COMPLETION_NOTIFICATION queued */
    "  expiry_notified_at      INTEGER,"         /* SESSION_EXPIRY_NOTIFICATION queued */
    "  deleted_at       INTEGER);"
    /* No index by org or link_id yet: no endpoint lists sessions, and every
     * index costs each create a page write. Add one with the query. */
    "CREATE INDEX sessions_expiry ON sessions(expires_at) WHERE expiry_notified_at IS NULL"
    "  AND deleted_at IS NULL;"

    /* Statements are grouped into accounts by account number within a session. */
    "CREATE TABLE accounts ("
    "  id               TEXT PRIMARY KEY,"
    "  session_id       TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  bank             TEXT,"
    "  account_number   TEXT,"                   /* full, as printed; masked only at the API edge */
    "  name             TEXT,"
    "  ifsc             TEXT,"
    "  micr             TEXT,"
    "  address          TEXT,"
    "  account_category TEXT,"
    "  account_type     TEXT,"
    "  od_limit         INTEGER,"                /* paise */
    "  credit_limit     INTEGER,"                /* paise */
    "  status           TEXT,"                   /* PARTIAL / COMPLETED; completed / failed after processing */
    "  error_code       TEXT,"
    "  error_message    TEXT,"
    "  insights         TEXT,"                   /* JSON produced by enrichment */
    "  created_at       INTEGER NOT NULL,"
    "  updated_at       INTEGER NOT NULL,"
    "  UNIQUE (session_id, account_number));"

    /* Uploaded PDFs live content-addressed in <data>/blobs/; this counts
     * their users so retention can delete files no statement needs. */
    "CREATE TABLE blobs ("
    "  sha256           TEXT PRIMARY KEY,"
    "  size             INTEGER NOT NULL,"
    "  created_at       INTEGER NOT NULL,"
    "  deleted_at       INTEGER);"

    "CREATE TABLE statements ("
    "  id               TEXT PRIMARY KEY,"
    "  session_id       TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  account_id       TEXT REFERENCES accounts(id) ON DELETE CASCADE,"
    "  source           TEXT NOT NULL CHECK (source IN ('pdf','aa')),"
    "  bank             TEXT,"
    "  blob_sha256      TEXT REFERENCES blobs(sha256),"
    "  file_name        TEXT,"
    "  file_size        INTEGER,"
    /* The password of an encrypted PDF is needed again to re-run
     * extraction after a crash and is returned by get_pdfs/. It is kept
     * encrypted with a server key (never in clear), only while the PDF is
     * retained, and erased with it. */
    "  pdf_password_enc BLOB,"
    "  status           TEXT NOT NULL,"          /* processing / completed / failed */
    "  error_code       TEXT,"
    "  error_message    TEXT,"
    "  page_count       INTEGER,"
    "  identity         TEXT,"                   /* JSON: name, account_number, ifsc, micr, address, ... */
    "  from_day         INTEGER,"
    "  to_day           INTEGER,"
    "  opening_balance  INTEGER,"                /* paise */
    "  closing_balance  INTEGER,"                /* paise */
    "  balances_ok      INTEGER,"
    "  totals_ok        INTEGER,"
    "  facts            TEXT,"                   /* JSON: document facts for fraud checks */
    "  fraud            TEXT,"                   /* JSON: findings */
    "  content_sha256   TEXT,"                   /* duplicate detection within a session */
    "  created_at       INTEGER NOT NULL,"
    "  updated_at       INTEGER NOT NULL,"
    "  pdf_deleted_at   INTEGER);"
    "CREATE INDEX statements_session ON statements(session_id);"
    "CREATE INDEX statements_account ON statements(account_id);"
    "CREATE INDEX statements_blob ON statements(blob_sha256);"

    "CREATE TABLE transactions ("
    "  statement_id     TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,"
    "  seq              INTEGER NOT NULL,"       /* row order within the statement */
    "  account_id       TEXT,"
    "  day              INTEGER NOT NULL,"
    "  value_day        INTEGER,"
    "  type             INTEGER NOT NULL,"       /* 0 debit, 1 credit */
    "  amount           INTEGER NOT NULL,"       /* paise, > 0 */
    "  balance          INTEGER,"                /* paise; NULL when not printed */
    "  note             TEXT NOT NULL,"
    "  chq_num          TEXT,"
    "  page             INTEGER,"
    "  reconciled       INTEGER NOT NULL DEFAULT 1,"
    "  hash             TEXT NOT NULL,"          /* stable 32-hex id FinBox-style */
    "  enrichment       TEXT,"                   /* JSON: channel, category, merchant, ... */
    "  PRIMARY KEY (statement_id, seq));"
    "CREATE INDEX transactions_account ON transactions(account_id, day);"

    /* The durable job queue: a worker leases a job by setting locked_until;
     * an expired lease (crash) makes it runnable again. Jobs are idempotent. */
    "CREATE TABLE jobs ("
    "  id               INTEGER PRIMARY KEY,"
    "  kind             TEXT NOT NULL,"
    "  payload          TEXT NOT NULL,"          /* JSON */
    "  session_id       TEXT,"
    "  state            TEXT NOT NULL DEFAULT 'queued'"
    "                   CHECK (state IN ('queued','running','done','failed')),"
    "  attempts         INTEGER NOT NULL DEFAULT 0,"
    "  max_attempts     INTEGER NOT NULL DEFAULT 5,"
    "  run_after        INTEGER NOT NULL,"
    "  locked_until     INTEGER,"
    "  locked_by        TEXT,"
    "  last_error       TEXT,"
    "  dedupe_key       TEXT UNIQUE,"            /* at most one job per key */
    "  created_at       INTEGER NOT NULL,"
    "  updated_at       INTEGER NOT NULL);"
    "CREATE INDEX jobs_ready ON jobs(state, run_after);"

    /* The webhook outbox: one row per event to deliver, retried with
     * backoff until delivered or given up. */
    "CREATE TABLE webhook_deliveries ("
    "  id               TEXT PRIMARY KEY,"
    "  org_id           TEXT NOT NULL REFERENCES orgs(id),"
    "  session_id       TEXT,"
    "  event            TEXT NOT NULL,"
    "  url              TEXT NOT NULL,"
    "  payload          TEXT NOT NULL,"          /* the exact JSON body sent */
    "  status           TEXT NOT NULL DEFAULT 'pending'"
    "                   CHECK (status IN ('pending','delivered','failed')),"
    "  attempts         INTEGER NOT NULL DEFAULT 0,"
    "  next_attempt_at  INTEGER NOT NULL,"
    "  last_attempt_at  INTEGER,"
    "  response_code    INTEGER,"
    "  last_error       TEXT,"
    "  dedupe_key       TEXT UNIQUE,"            /* e.g. "<session>:ENRICHMENT_NOTIFICATION" */
    "  created_at       INTEGER NOT NULL,"
    "  delivered_at     INTEGER);"
    "CREATE INDEX webhook_due ON webhook_deliveries(status, next_attempt_at);"
    "CREATE INDEX webhook_org ON webhook_deliveries(org_id, created_at);"

    /* Account Aggregator consents (the AA journey is a later issue). */
    "CREATE TABLE aa_consents ("
    "  id               TEXT PRIMARY KEY,"
    "  session_id       TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  consent_handle   TEXT,"
    "  consent_code     TEXT,"
    "  status           TEXT NOT NULL,"
    "  bank             TEXT,"
    "  details          TEXT,"                   /* JSON */
    "  created_at       INTEGER NOT NULL,"
    "  updated_at       INTEGER NOT NULL);";

/* Webhook delivery leases, so several nodes can share the outbox, and
 * replays linked to the delivery they repeat. */
static const char M2_WEBHOOK_LEASES[] =
    "ALTER TABLE webhook_deliveries ADD COLUMN lease_owner TEXT;"
    "ALTER TABLE webhook_deliveries ADD COLUMN lease_until INTEGER;"
    "ALTER TABLE webhook_deliveries ADD COLUMN replay_of TEXT;"
    "CREATE INDEX webhook_session ON webhook_deliveries(session_id);";

/* Statement files by reference (issue 11, src/ingest/files.h): a pin is an
 * upload's pending reference to its file, taken before the file is put in
 * place and dropped by the commit of its statement (or on failure).
 * blobs.deleted_at now means "deletion claimed at": the row goes once the
 * file is gone. Files of statements past retention are no longer
 * referenced (blob_sha256 NULL; content_sha256 still finds duplicates), so
 * their rows can go too; old claims are stale and the sweep finishes them. */
static const char M3_BLOB_PINS[] =
    "CREATE TABLE blob_pins ("
    "  id         INTEGER PRIMARY KEY,"
    "  sha256     TEXT NOT NULL REFERENCES blobs(sha256),"
    "  created_at INTEGER NOT NULL,"
    "  expires_at INTEGER NOT NULL);"
    "CREATE INDEX blob_pins_sha ON blob_pins(sha256, expires_at);"
    "UPDATE statements SET blob_sha256 = NULL WHERE pdf_deleted_at IS NOT NULL;"
    "UPDATE blobs SET deleted_at = 0 WHERE deleted_at IS NOT NULL;";

/* The legacy entity flow (issue 14): an entity names the session that
 * holds its statements. Sessions get the indexes their listing needs
 * (GET /bank-connect/v1/sessions/: by organisation, newest first, or by
 * link_id), and jobs one by session (an entity's statements' progress). */
static const char M4_ENTITIES[] =
    "CREATE TABLE entities ("
    "  id               TEXT PRIMARY KEY,"
    "  org_id           TEXT NOT NULL REFERENCES orgs(id),"
    "  session_id       TEXT NOT NULL UNIQUE REFERENCES sessions(id),"
    "  link_id          TEXT,"
    "  meta_data        TEXT,"
    "  is_single_account INTEGER NOT NULL DEFAULT 0,"
    "  created_at       INTEGER NOT NULL);"
    "CREATE INDEX entities_org_link ON entities(org_id, link_id, created_at);"
    "CREATE INDEX entities_org ON entities(org_id, created_at);"
    "CREATE INDEX sessions_org_created ON sessions(org_id, created_at);"
    "CREATE INDEX sessions_org_link ON sessions(org_id, link_id, created_at);"
    "CREATE INDEX jobs_session ON jobs(session_id, kind);";

/* The lender console (issue 16, docs/console.md): its users (Argon2id
 * password hashes), their logins (the SHA-256 of each cookie's token) and
 * the audit log of who saw or changed what (kept when a session is
 * deleted). accounts.score and accounts.fraud_count copy two figures of
 * the stored analysis for the sessions list, kept up to date by a trigger
 * whenever the analysis is written, so listing never parses the JSON. */
static const char M5_CONSOLE[] =
    "CREATE TABLE users ("
    "  id                  TEXT PRIMARY KEY,"
    "  org_id              TEXT NOT NULL REFERENCES orgs(id),"
    "  email               TEXT NOT NULL UNIQUE,"
    "  name                TEXT NOT NULL DEFAULT '',"
    "  role                TEXT NOT NULL CHECK (role IN ('analyst','admin')),"
    "  password_hash       TEXT NOT NULL,"
    "  created_at          INTEGER NOT NULL,"
    "  password_changed_at INTEGER NOT NULL);"
    "CREATE INDEX users_org ON users(org_id, email);"
    "CREATE TABLE console_logins ("
    "  token_hash  TEXT PRIMARY KEY,"
    "  user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  csrf        TEXT NOT NULL,"
    "  created_at  INTEGER NOT NULL,"
    "  seen_at     INTEGER NOT NULL,"
    "  expires_at  INTEGER NOT NULL);"
    "CREATE INDEX console_logins_user ON console_logins(user_id);"
    "CREATE TABLE audit_log ("
    "  id          INTEGER PRIMARY KEY,"
    "  org_id      TEXT NOT NULL,"
    "  user_id     TEXT NOT NULL,"
    "  email       TEXT NOT NULL,"
    "  action      TEXT NOT NULL,"
    "  session_id  TEXT,"
    "  detail      TEXT,"
    "  client      TEXT,"
    "  at          INTEGER NOT NULL);"
    "CREATE INDEX audit_org ON audit_log(org_id, id);"
    "CREATE INDEX audit_session ON audit_log(session_id, id);"
    "ALTER TABLE accounts ADD COLUMN score INTEGER;"
    "ALTER TABLE accounts ADD COLUMN fraud_count INTEGER;"
    "CREATE TRIGGER accounts_brief AFTER UPDATE OF insights ON accounts BEGIN"
    "  UPDATE accounts SET score = CASE WHEN json_valid(NEW.insights) THEN json_extract(NEW.insights, '$.score') END,"
    "    fraud_count = CASE WHEN json_valid(NEW.insights) THEN json_array_length(NEW.insights, '$.fraud') END WHERE id = NEW.id; END;"
    "UPDATE accounts SET score = json_extract(insights, '$.score'),"
    "  fraud_count = json_array_length(insights, '$.fraud') WHERE json_valid(insights);";

/* Account Aggregator (issue 13, migration 6): the consent request's whole life, the
 * FI session and its key pair (private key sealed), data life; an audit
 * trail of callbacks that also refuses replays; each AA statement names
 * its consent, so DataLife can delete exactly its data. */
static const char M6_ACCOUNT_AGGREGATOR[] =
    "ALTER TABLE aa_consents ADD COLUMN consent_id TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN txnid TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN state_token TEXT;"   /* the opaque sessionid of ecreq */
    "ALTER TABLE aa_consents ADD COLUMN customer_id TEXT;"   /* <mobile>@<handle suffix> */
    "ALTER TABLE aa_consents ADD COLUMN artefact TEXT;"      /* signedConsent */
    "ALTER TABLE aa_consents ADD COLUMN fi_session_id TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN key_sealed BLOB;"
    "ALTER TABLE aa_consents ADD COLUMN key_public TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN nonce TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN notified_status TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN fi_notified TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN redirect_status TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN error_code TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN error_message TEXT;"
    "ALTER TABLE aa_consents ADD COLUMN expires_at INTEGER;"
    "ALTER TABLE aa_consents ADD COLUMN data_life_until INTEGER;"
    "ALTER TABLE aa_consents ADD COLUMN data_deleted_at INTEGER;"
    "CREATE INDEX aa_consents_session ON aa_consents(session_id, created_at);"
    "CREATE UNIQUE INDEX aa_consents_handle ON aa_consents(consent_handle);"
    "CREATE INDEX aa_consents_consent ON aa_consents(consent_id);"
    "CREATE INDEX aa_consents_fi ON aa_consents(fi_session_id);"
    "CREATE UNIQUE INDEX aa_consents_state ON aa_consents(state_token);"
    "CREATE INDEX aa_consents_life ON aa_consents(data_life_until) WHERE data_deleted_at IS NULL;"
    "CREATE TABLE aa_events ("
    "  id               INTEGER PRIMARY KEY,"
    "  consent          TEXT,"                   /* aa_consents.id, when known */
    "  kind             TEXT NOT NULL,"
    "  txnid            TEXT,"
    "  status           TEXT,"
    "  accepted         INTEGER NOT NULL,"
    "  detail           TEXT,"                   /* why refused; never the body */
    "  created_at       INTEGER NOT NULL);"
    "CREATE UNIQUE INDEX aa_events_replay ON aa_events(kind, txnid) WHERE accepted = 1;"
    "CREATE INDEX aa_events_time ON aa_events(created_at);"
    "ALTER TABLE statements ADD COLUMN aa_consent_id TEXT;"
    "CREATE INDEX statements_aa ON statements(aa_consent_id) WHERE aa_consent_id IS NOT NULL;";

/* Deletion claims name their owner (the server's node:pid:random), so a
 * restarted server releases the claims its killed predecessor left at
 * once instead of refusing uploads of those files for the claim's lease
 * (src/ingest/files.h). */
static const char M7_CLAIM_OWNER[] =
    "ALTER TABLE blobs ADD COLUMN claimed_by TEXT;";

/* The sessions table again, its state rule written as comparisons: SQLite
 * 3.40 checks `state IN ('open', ...)` by building a temporary table of the
 * list at every insert (~3-5 us of the writer's time per session create,
 * docs/operations.md). A CHECK constraint cannot be altered, so the table is
 * rebuilt (SQLite's own procedure: foreign keys off around the migration,
 * sqlite_conn.c), same columns in the same order, same indexes. */
static const char M8_SESSION_STATE_CHECK[] =
    "CREATE TABLE sessions_new ("
    "  id               TEXT PRIMARY KEY,"
    "  org_id           TEXT NOT NULL REFERENCES orgs(id),"
    "  api_version      INTEGER NOT NULL,"
    "  link_id          TEXT NOT NULL,"
    "  redirect_url     TEXT,"
    "  logo_url         TEXT,"
    "  bank             TEXT,"
    "  mode             INTEGER NOT NULL DEFAULT 0,"
    "  mobile_number    TEXT,"
    "  journey_mode     TEXT,"
    "  accept_anything  INTEGER NOT NULL DEFAULT 0,"
    "  is_mobile_field_editable INTEGER NOT NULL DEFAULT 0,"
    "  from_day         INTEGER NOT NULL,"
    "  to_day           INTEGER NOT NULL,"
    "  max_from_day     INTEGER,"
    "  max_to_day       INTEGER,"
    "  expected_months  TEXT NOT NULL,"
    "  session_expiry_min INTEGER NOT NULL,"
    "  aa_journey_mode  TEXT,"
    "  aa_recurring_tenure_month_count INTEGER,"
    "  aa_recurring_frequency_unit TEXT,"
    "  aa_recurring_frequency_value INTEGER,"
    "  aa_journey_code  TEXT,"
    "  consents         TEXT,"
    "  metadata         TEXT,"
    "  created_at       INTEGER NOT NULL,"
    "  expires_at       INTEGER NOT NULL,"
    "  state            TEXT NOT NULL DEFAULT 'open'"
    "                   CHECK (state = 'open' OR state = 'processing' OR state = 'completed'"
    "                          OR state = 'failed'),"
    "  processing_requested_at INTEGER,"
    "  processing_completed_at INTEGER,"
    "  completion_notified_at  INTEGER,"
    "  expiry_notified_at      INTEGER,"
    "  deleted_at       INTEGER);"
    "INSERT INTO sessions_new SELECT * FROM sessions;"
    "DROP TABLE sessions;"
    "ALTER TABLE sessions_new RENAME TO sessions;"
    "CREATE INDEX sessions_expiry ON sessions(expires_at) WHERE expiry_notified_at IS NULL"
    "  AND deleted_at IS NULL;"
    "CREATE INDEX sessions_org_created ON sessions(org_id, created_at);"
    "CREATE INDEX sessions_org_link ON sessions(org_id, link_id, created_at);";

const char *const SQLITE_MIGRATIONS[] = {
    M1_FOUNDATION,
    M2_WEBHOOK_LEASES,
    M3_BLOB_PINS,
    M4_ENTITIES,
    M5_CONSOLE,
    M6_ACCOUNT_AGGREGATOR,
    M7_CLAIM_OWNER,
    M8_SESSION_STATE_CHECK,
};
const int SQLITE_NMIGRATIONS = sizeof SQLITE_MIGRATIONS / sizeof SQLITE_MIGRATIONS[0];
