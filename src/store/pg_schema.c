/* The PostgreSQL schema as an ordered list of migrations, like the SQLite
 * one (sqlite_schema.c: the same tables, columns and meanings; see its
 * comments). Migration i (from 1) runs once and records schema_version =
 * i; never edit a migration that has shipped: append a new one, and
 * append its SQLite twin there.
 *
 * Dialect: text ids, bigint unix seconds, integer day numbers and 0/1
 * flags, bigint paise, JSON as text (kept byte for byte), bytea for
 * sealed secrets and file contents. `seq` identity columns give listings
 * the insertion order SQLite's rowid gives.
 *
 * Beyond the SQLite schema: blob_chunks holds the statement files
 * themselves (every node reads them; no shared filesystem needed), and
 * rate_counters the journey rate limits of every node (UNLOGGED: nothing
 * to sync, emptied by a crash of the server, which only forgets counts).
 *
 * Nodes that start together migrate one at a time (an advisory lock);
 * a node whose binary is older than the schema refuses to start. */
#include <stdio.h>

#include "store/pg_internal.h"
#include "util/log.h"

static const char M1_FOUNDATION[] =
    "CREATE TABLE settings ("
    "  key   text PRIMARY KEY,"
    "  value text NOT NULL);"

    "CREATE TABLE orgs ("
    "  seq              bigint GENERATED ALWAYS AS IDENTITY,"
    "  id               text PRIMARY KEY,"
    "  name             text NOT NULL,"
    "  api_key_hash     text NOT NULL UNIQUE,"
    "  server_hash_hash text NOT NULL,"
    "  modes            integer NOT NULL,"
    "  webhook_url      text,"
    "  webhook_mode     integer NOT NULL DEFAULT 1,"
    "  webhook_secret   text,"
    "  acceptance       text NOT NULL DEFAULT 'missing_upload_months',"
    "  acceptance_tolerance_days integer NOT NULL DEFAULT 0,"
    "  created_at       bigint NOT NULL,"
    "  updated_at       bigint NOT NULL);"
    "CREATE INDEX orgs_name ON orgs(name, created_at);"

    "CREATE TABLE sessions ("
    "  seq              bigint GENERATED ALWAYS AS IDENTITY,"
    "  id               text PRIMARY KEY,"
    "  org_id           text NOT NULL REFERENCES orgs(id),"
    "  api_version      integer NOT NULL,"
    "  link_id          text NOT NULL,"
    "  redirect_url     text,"
    "  logo_url         text,"
    "  bank             text,"
    "  mode             integer NOT NULL DEFAULT 0,"
    "  mobile_number    text,"
    "  journey_mode     text,"
    "  accept_anything  integer NOT NULL DEFAULT 0,"
    "  is_mobile_field_editable integer NOT NULL DEFAULT 0,"
    "  from_day         integer NOT NULL,"
    "  to_day           integer NOT NULL,"
    "  max_from_day     integer,"
    "  max_to_day       integer,"
    "  expected_months  text NOT NULL,"
    "  session_expiry_min integer NOT NULL,"
    "  aa_journey_mode  text,"
    "  aa_recurring_tenure_month_count integer,"
    "  aa_recurring_frequency_unit text,"
    "  aa_recurring_frequency_value integer,"
    "  aa_journey_code  text,"
    "  consents         text,"
    "  metadata         text,"
    "  created_at       bigint NOT NULL,"
    "  expires_at       bigint NOT NULL,"
    "  state            text NOT NULL DEFAULT 'open'"
    "                   CHECK (state IN ('open','processing','completed','failed')),"
    "  processing_requested_at bigint,"
    "  processing_completed_at bigint,"
    "  completion_notified_at  bigint,"
    "  expiry_notified_at      bigint,"
    "  deleted_at       bigint);"
    "CREATE INDEX sessions_expiry ON sessions(expires_at) WHERE expiry_notified_at IS NULL"
    "  AND deleted_at IS NULL;"

    "CREATE TABLE accounts ("
    "  seq              bigint GENERATED ALWAYS AS IDENTITY,"
    "  id               text PRIMARY KEY,"
    "  session_id       text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  bank             text,"
    "  account_number   text,"
    "  name             text,"
    "  ifsc             text,"
    "  micr             text,"
    "  address          text,"
    "  account_category text,"
    "  account_type     text,"
    "  od_limit         bigint,"
    "  credit_limit     bigint,"
    "  status           text,"
    "  error_code       text,"
    "  error_message    text,"
    "  insights         text,"
    "  created_at       bigint NOT NULL,"
    "  updated_at       bigint NOT NULL,"
    "  UNIQUE (session_id, account_number));"

    "CREATE TABLE blobs ("
    "  sha256           text PRIMARY KEY,"
    "  size             bigint NOT NULL,"
    "  created_at       bigint NOT NULL,"
    "  deleted_at       bigint);"

    "CREATE TABLE statements ("
    "  seq              bigint GENERATED ALWAYS AS IDENTITY,"
    "  id               text PRIMARY KEY,"
    "  session_id       text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  account_id       text REFERENCES accounts(id) ON DELETE CASCADE,"
    "  source           text NOT NULL CHECK (source IN ('pdf','aa')),"
    "  bank             text,"
    "  blob_sha256      text REFERENCES blobs(sha256),"
    "  file_name        text,"
    "  file_size        bigint,"
    "  pdf_password_enc bytea,"
    "  status           text NOT NULL,"
    "  error_code       text,"
    "  error_message    text,"
    "  page_count       integer,"
    "  identity         text,"
    "  from_day         integer,"
    "  to_day           integer,"
    "  opening_balance  bigint,"
    "  closing_balance  bigint,"
    "  balances_ok      integer,"
    "  totals_ok        integer,"
    "  facts            text,"
    "  fraud            text,"
    "  content_sha256   text,"
    "  created_at       bigint NOT NULL,"
    "  updated_at       bigint NOT NULL,"
    "  pdf_deleted_at   bigint);"
    "CREATE INDEX statements_session ON statements(session_id);"
    "CREATE INDEX statements_account ON statements(account_id);"
    "CREATE INDEX statements_blob ON statements(blob_sha256);"
    "CREATE INDEX statements_created ON statements(created_at) WHERE pdf_deleted_at IS NULL;"

    "CREATE TABLE transactions ("
    "  statement_id     text NOT NULL REFERENCES statements(id) ON DELETE CASCADE,"
    "  seq              integer NOT NULL,"
    "  account_id       text,"
    "  day              integer NOT NULL,"
    "  value_day        integer,"
    "  type             integer NOT NULL,"
    "  amount           bigint NOT NULL,"
    "  balance          bigint,"
    "  note             text NOT NULL,"
    "  chq_num          text,"
    "  page             integer,"
    "  reconciled       integer NOT NULL DEFAULT 1,"
    "  hash             text NOT NULL,"
    "  enrichment       text,"
    "  PRIMARY KEY (statement_id, seq));"
    "CREATE INDEX transactions_account ON transactions(account_id, day);"

    "CREATE TABLE jobs ("
    "  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    "  kind             text NOT NULL,"
    "  payload          text NOT NULL,"
    "  session_id       text,"
    "  state            text NOT NULL DEFAULT 'queued'"
    "                   CHECK (state IN ('queued','running','done','failed')),"
    "  attempts         integer NOT NULL DEFAULT 0,"
    "  max_attempts     integer NOT NULL DEFAULT 5,"
    "  run_after        bigint NOT NULL,"
    "  locked_until     bigint,"
    "  locked_by        text,"
    "  last_error       text,"
    "  dedupe_key       text UNIQUE,"
    "  created_at       bigint NOT NULL,"
    "  updated_at       bigint NOT NULL);"
    "CREATE INDEX jobs_ready ON jobs(state, run_after);"

    "CREATE TABLE webhook_deliveries ("
    "  seq              bigint GENERATED ALWAYS AS IDENTITY,"
    "  id               text PRIMARY KEY,"
    "  org_id           text NOT NULL REFERENCES orgs(id),"
    "  session_id       text,"
    "  event            text NOT NULL,"
    "  url              text NOT NULL,"
    "  payload          text NOT NULL,"
    "  status           text NOT NULL DEFAULT 'pending'"
    "                   CHECK (status IN ('pending','delivered','failed')),"
    "  attempts         integer NOT NULL DEFAULT 0,"
    "  next_attempt_at  bigint NOT NULL,"
    "  last_attempt_at  bigint,"
    "  response_code    integer,"
    "  last_error       text,"
    "  dedupe_key       text UNIQUE,"
    "  created_at       bigint NOT NULL,"
    "  delivered_at     bigint,"
    "  lease_owner      text,"
    "  lease_until      bigint,"
    "  replay_of        text);"
    "CREATE INDEX webhook_due ON webhook_deliveries(status, next_attempt_at);"
    "CREATE INDEX webhook_org ON webhook_deliveries(org_id, created_at);"
    "CREATE INDEX webhook_session ON webhook_deliveries(session_id);"

    "CREATE TABLE aa_consents ("
    "  id               text PRIMARY KEY,"
    "  session_id       text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  consent_handle   text,"
    "  consent_code     text,"
    "  status           text NOT NULL,"
    "  bank             text,"
    "  details          text,"
    "  created_at       bigint NOT NULL,"
    "  updated_at       bigint NOT NULL);"

    "CREATE TABLE blob_pins ("
    "  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    "  sha256     text NOT NULL REFERENCES blobs(sha256),"
    "  created_at bigint NOT NULL,"
    "  expires_at bigint NOT NULL);"
    "CREATE INDEX blob_pins_sha ON blob_pins(sha256, expires_at);"

    /* The statement files: content-addressed, in chunks so that neither
     * side holds a whole file in memory. PDFs are compressed already. */
    "CREATE TABLE blob_chunks ("
    "  sha256     text NOT NULL,"
    "  part       integer NOT NULL,"
    "  data       bytea NOT NULL,"
    "  created_at bigint NOT NULL,"
    "  PRIMARY KEY (sha256, part));"
    "ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;"

    /* The legacy entity flow (issue 14): an entity names the session that
     * holds its statements; the indexes of the sessions listing. */
    "CREATE TABLE entities ("
    "  seq              bigint GENERATED ALWAYS AS IDENTITY,"
    "  id               text PRIMARY KEY,"
    "  org_id           text NOT NULL REFERENCES orgs(id),"
    "  session_id       text NOT NULL UNIQUE REFERENCES sessions(id),"
    "  link_id          text,"
    "  meta_data        text,"
    "  is_single_account integer NOT NULL DEFAULT 0,"
    "  created_at       bigint NOT NULL);"
    "CREATE INDEX entities_org_link ON entities(org_id, link_id, created_at);"
    "CREATE INDEX entities_org ON entities(org_id, created_at);"
    "CREATE INDEX sessions_org_created ON sessions(org_id, created_at);"
    "CREATE INDEX sessions_org_link ON sessions(org_id, link_id, created_at);"
    "CREATE INDEX jobs_session ON jobs(session_id, kind);"

    /* The lender console (issue 16): users, their logins, the audit log;
     * accounts.score and fraud_count copy two figures of the stored
     * analysis for the sessions list, kept by a trigger (invalid JSON:
     * NULL), so listing never parses the JSON. */
    "CREATE TABLE users ("
    "  id                  text PRIMARY KEY,"
    "  org_id              text NOT NULL REFERENCES orgs(id),"
    "  email               text NOT NULL UNIQUE,"
    "  name                text NOT NULL DEFAULT '',"
    "  role                text NOT NULL CHECK (role IN ('analyst','admin')),"
    "  password_hash       text NOT NULL,"
    "  created_at          bigint NOT NULL,"
    "  password_changed_at bigint NOT NULL);"
    "CREATE INDEX users_org ON users(org_id, email);"
    "CREATE TABLE console_logins ("
    "  token_hash  text PRIMARY KEY,"
    "  user_id     text NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  csrf        text NOT NULL,"
    "  created_at  bigint NOT NULL,"
    "  seen_at     bigint NOT NULL,"
    "  expires_at  bigint NOT NULL);"
    "CREATE INDEX console_logins_user ON console_logins(user_id);"
    "CREATE TABLE audit_log ("
    "  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    "  org_id      text NOT NULL,"
    "  user_id     text NOT NULL,"
    "  email       text NOT NULL,"
    "  action      text NOT NULL,"
    "  session_id  text,"
    "  detail      text,"
    "  client      text,"
    "  at          bigint NOT NULL);"
    "CREATE INDEX audit_org ON audit_log(org_id, id);"
    "CREATE INDEX audit_session ON audit_log(session_id, id);"
    "ALTER TABLE accounts ADD COLUMN score integer, ADD COLUMN fraud_count integer;"
    "CREATE FUNCTION accounts_brief() RETURNS trigger LANGUAGE plpgsql AS $$"
    "  DECLARE j jsonb;"
    "  BEGIN"
    "    BEGIN j := NEW.insights::jsonb; EXCEPTION WHEN others THEN j := NULL; END;"
    "    NEW.score := CASE WHEN jsonb_typeof(j->'score') = 'number' THEN trunc((j->>'score')::numeric)::integer END;"
    "    NEW.fraud_count := CASE WHEN jsonb_typeof(j->'fraud') = 'array' THEN jsonb_array_length(j->'fraud') END;"
    "    RETURN NEW;"
    "  END $$;"
    "CREATE TRIGGER accounts_brief BEFORE INSERT OR UPDATE OF insights ON accounts"
    "  FOR EACH ROW EXECUTE FUNCTION accounts_brief();"

    "CREATE UNLOGGED TABLE rate_counters ("
    "  key          text NOT NULL,"
    "  window_start bigint NOT NULL,"
    "  count        integer NOT NULL,"
    "  PRIMARY KEY (key, window_start));";


/* Migration 2: the Account Aggregator (issue 13). */
static const char M2_AA[] =
    /* Account Aggregator (issue 13): the consent request's whole life, the
     * FI session and its key pair (private key sealed), data life; an audit
     * trail of callbacks that also refuses replays; each AA statement names
     * its consent, so DataLife can delete exactly its data. */
    "ALTER TABLE aa_consents ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY,"
    "  ADD COLUMN consent_id text, ADD COLUMN txnid text, ADD COLUMN state_token text,"
    "  ADD COLUMN customer_id text, ADD COLUMN artefact text, ADD COLUMN fi_session_id text,"
    "  ADD COLUMN key_sealed bytea, ADD COLUMN key_public text, ADD COLUMN nonce text,"
    "  ADD COLUMN notified_status text, ADD COLUMN fi_notified text, ADD COLUMN redirect_status text,"
    "  ADD COLUMN error_code text, ADD COLUMN error_message text, ADD COLUMN expires_at bigint,"
    "  ADD COLUMN data_life_until bigint, ADD COLUMN data_deleted_at bigint;"
    "CREATE INDEX aa_consents_session ON aa_consents(session_id, created_at);"
    "CREATE UNIQUE INDEX aa_consents_handle ON aa_consents(consent_handle);"
    "CREATE INDEX aa_consents_consent ON aa_consents(consent_id);"
    "CREATE INDEX aa_consents_fi ON aa_consents(fi_session_id);"
    "CREATE UNIQUE INDEX aa_consents_state ON aa_consents(state_token);"
    "CREATE INDEX aa_consents_life ON aa_consents(data_life_until) WHERE data_deleted_at IS NULL;"
    "CREATE TABLE aa_events ("
    "  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    "  consent          text,"
    "  kind             text NOT NULL,"
    "  txnid            text,"
    "  status           text,"
    "  accepted         integer NOT NULL,"
    "  detail           text,"
    "  created_at       bigint NOT NULL);"
    "CREATE UNIQUE INDEX aa_events_replay ON aa_events(kind, txnid) WHERE accepted = 1;"
    "CREATE INDEX aa_events_time ON aa_events(created_at);"
    "ALTER TABLE statements ADD COLUMN aa_consent_id text;"
    "CREATE INDEX statements_aa ON statements(aa_consent_id) WHERE aa_consent_id IS NOT NULL;";

/* Migration 3: deletion claims name their owner (node:pid:random), so a
 * restarted node releases what its killed predecessor claimed at once
 * (src/ingest/files.h); other nodes' claims are left to their lease. */
static const char M3_CLAIM_OWNER[] =
    "ALTER TABLE blobs ADD COLUMN claimed_by text;";

static const char *const PG_MIGRATIONS[] = {
    M1_FOUNDATION,
    M2_AA,
    M3_CLAIM_OWNER,
};
static const int PG_NMIGRATIONS = sizeof PG_MIGRATIONS / sizeof PG_MIGRATIONS[0];

/* Any constant: the lock every node takes to migrate. */
#define MIGRATION_LOCK "7051815330617253"

int pg_migrate(struct pg_conn *c, char *err, size_t errlen)
{
    if (pg_simple(c, "BEGIN", "migrate") ||
        pg_simple(c, "SELECT pg_advisory_xact_lock(" MIGRATION_LOCK ")", "migrate") ||
        pg_simple(c, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)", "migrate"))
        goto fail;
    PGresult *r = PQexec(c->pg, "SELECT coalesce(max(version), 0) FROM schema_version");
    int version = PQresultStatus(r) == PGRES_TUPLES_OK ? (int)pgr_int(r, 0, 0) : -1;
    PQclear(r);
    if (version < 0)
        goto fail;
    if (version > PG_NMIGRATIONS) {
        snprintf(err, errlen, "database schema version %d is newer than this passbook (%d)", version,
                 PG_NMIGRATIONS);
        pg_simple(c, "ROLLBACK", "migrate");
        return -1;
    }
    for (int v = version + 1; v <= PG_NMIGRATIONS; v++) {
        char rec[96];
        snprintf(rec, sizeof rec, "INSERT INTO schema_version(version) VALUES (%d)", v);
        if (pg_simple(c, PG_MIGRATIONS[v - 1], "migrate") || pg_simple(c, rec, "migrate"))
            goto fail;
        log_info("store msg=\"migrated\" version=%d", v);
    }
    if (pg_simple(c, "COMMIT", "migrate") == STORE_OK)
        return 0;
fail:
    snprintf(err, errlen, "migration failed: %s", PQerrorMessage(c->pg));
    pg_simple(c, "ROLLBACK", "migrate");
    return -1;
}
