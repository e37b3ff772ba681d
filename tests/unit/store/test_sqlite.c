/* The SQLite store through the store.h interface. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "fixture.h"
#include "store/sqlite_internal.h"
#include "store/store.h"
#include "store/wait.h"

static char dir[] = "/tmp/pb-store-XXXXXX";
static char url[256];

static struct store *open_store(void)
{
    struct store *st = NULL;
    char err[256] = "";
    if (store_open(url, &st, err, sizeof err) != 0)
        fprintf(stderr, "store_open: %s\n", err);
    return st;
}

static void make_session(struct session *s, const char *org_id)
{
    memset(s, 0, sizeof *s);
    uuid_v4(s->id);
    snprintf(s->org_id, sizeof s->org_id, "%s", org_id);
    s->created_at = 1700000000;
    s->expires_at = 1700003600;
    s->req.version = 2;
    s->req.link_id = strdup("customer-42");
    s->req.redirect_url = strdup("https://lender.example/done");
    s->req.bank = strdup("hdfc");
    s->req.mode = 1;
    s->req.session_expiry_min = 60;
    s->req.accept_anything = true;
    date_from_ymd(2024, 1, 15, &s->req.from_date);
    date_from_ymd(2024, 6, 3, &s->req.to_date);
    s->req.max_from_date = PB_NO_DAY;
    date_from_ymd(2024, 12, 31, &s->req.max_to_date);
    s->req.n_expected_months = session_expected_months(s->req.from_date, s->req.to_date,
                                                       s->req.expected_months, SESSION_MAX_MONTHS);
    s->req.metadata = json_pack("{s:[s]}", "names", "Asha Rao");
    s->req.aa_recurring_frequency_value = 3;
}

TEST(orgs_insert_find_list_update)
{
    struct store *st = open_store();
    CHECK(st != NULL);
    if (!st)
        return;
    struct org a, b, got;
    fixture_org(&a, "Acme Finance", 1 | 2);
    fixture_org(&b, "Beta Loans", 1);
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_OK);
    CHECK_INT(STORE_CALL(st, org_insert, &b), STORE_OK);
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_CONFLICT); /* same id and key hash */

    CHECK_INT(STORE_CALL(st, org_find_by_key_hash, a.api_key_hash, &got), STORE_OK);
    CHECK_STR(got.id, a.id);
    CHECK_STR(got.name, "Acme Finance");
    CHECK_INT(got.modes, 3);
    CHECK_STR(got.acceptance, "missing_upload_months");
    org_clear(&got);
    CHECK_INT(STORE_CALL(st, org_find_by_key_hash, a.server_hash_hash, &got), STORE_NOT_FOUND);

    CHECK_INT(STORE_CALL(st, org_get, "Beta Loans", &got), STORE_OK);
    CHECK_STR(got.id, b.id);
    org_clear(&got);
    CHECK_INT(STORE_CALL(st, org_get, b.id, &got), STORE_OK);
    org_clear(&got);
    CHECK_INT(STORE_CALL(st, org_get, "nobody", &got), STORE_NOT_FOUND);

    char newkey[PB_SHA256_HEX], newsh[PB_SHA256_HEX], k[ORG_SECRET_HEX];
    org_new_secret(k, newkey);
    org_new_secret(k, newsh);
    CHECK_INT(STORE_CALL(st, org_set_keys, a.id, newkey, newsh), STORE_OK);
    CHECK_INT(STORE_CALL(st, org_find_by_key_hash, a.api_key_hash, &got), STORE_NOT_FOUND);
    CHECK_INT(STORE_CALL(st, org_find_by_key_hash, newkey, &got), STORE_OK);
    CHECK_STR(got.server_hash_hash, newsh);
    org_clear(&got);
    CHECK_INT(STORE_CALL(st, org_set_modes, b.id, 7), STORE_OK);
    CHECK_INT(STORE_CALL(st, org_set_modes, "no-such-org", 7), STORE_NOT_FOUND);

    struct org *list;
    size_t n;
    CHECK_INT(STORE_CALL(st, org_list, &list, &n), STORE_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(list[0].name, "Acme Finance");
        CHECK_INT(list[1].modes, 7);
    }
    for (size_t i = 0; i < n; i++)
        org_clear(&list[i]);
    free(list);
    store_close(st);
}

TEST(settings_keep_the_first_value)
{
    struct store *st = open_store();
    char *v = NULL;
    CHECK_INT(STORE_CALL(st, setting_get_or_set, "token_secret", "first", &v), STORE_OK);
    CHECK_STR(v, "first");
    free(v);
    CHECK_INT(STORE_CALL(st, setting_get_or_set, "token_secret", "second", &v), STORE_OK);
    CHECK_STR(v, "first");
    free(v);
    store_close(st);
}

TEST(sessions_round_trip_and_isolation)
{
    struct store *st = open_store();
    struct org a, b;
    fixture_org(&a, "A", 1);
    fixture_org(&b, "B", 1);
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_OK);
    CHECK_INT(STORE_CALL(st, org_insert, &b), STORE_OK);
    struct session s, got;
    make_session(&s, a.id);
    CHECK_INT(store_session_insert(st, &s), STORE_OK);
    CHECK_INT(store_session_insert(st, &s), STORE_CONFLICT); /* same id */
    CHECK_INT(STORE_CALL(st, session_get, s.id, b.id, &got), STORE_NOT_FOUND);
    CHECK_INT(STORE_CALL(st, session_get, s.id, a.id, &got), STORE_OK);
    CHECK_STR(got.req.link_id, "customer-42");
    CHECK_STR(got.req.redirect_url, "https://lender.example/done");
    CHECK_STR(got.req.bank, "hdfc");
    CHECK(got.req.logo_url == NULL);
    CHECK_INT(got.req.version, 2);
    CHECK_INT(got.req.from_date, s.req.from_date);
    CHECK_INT(got.req.to_date, s.req.to_date);
    CHECK_INT(got.req.max_from_date, PB_NO_DAY);
    CHECK_INT(got.req.max_to_date, s.req.max_to_date);
    CHECK(got.req.accept_anything);
    CHECK(!got.req.is_mobile_field_editable);
    CHECK_INT(got.req.n_expected_months, s.req.n_expected_months);
    for (int i = 0; i < s.req.n_expected_months && i < got.req.n_expected_months; i++)
        CHECK_INT(got.req.expected_months[i], s.req.expected_months[i]);
    CHECK(json_equal(got.req.metadata, s.req.metadata));
    CHECK_INT(got.req.aa_recurring_frequency_value, 3);
    CHECK_INT(got.expires_at, 1700003600);
    CHECK_INT(got.state, SESSION_OPEN);
    CHECK_INT(got.deleted_at, 0);
    session_clear(&got);
    session_clear(&s);
    /* the session's org must exist */
    make_session(&s, "00000000-0000-4000-8000-000000000000");
    CHECK_INT(store_session_insert(st, &s), STORE_CONFLICT);
    session_clear(&s);
    store_close(st);
}

struct worker {
    struct store *st;
    const char *org_id;
    int ok;
};

static void *insert_many(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < 50; i++) {
        struct session s;
        make_session(&s, w->org_id);
        if (store_session_insert(w->st, &s) == STORE_OK)
            w->ok++;
        struct session got;
        if (STORE_CALL(w->st, session_get, s.id, w->org_id, &got) == STORE_OK)
            session_clear(&got);
        else
            w->ok = -1000; /* acknowledged but not readable */
        session_clear(&s);
    }
    return NULL;
}

TEST(concurrent_inserts_are_all_acknowledged_and_readable)
{
    struct store *st = open_store();
    struct org a;
    fixture_org(&a, "Concurrent", 1);
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_OK);
    pthread_t t[8];
    struct worker w[8];
    for (int i = 0; i < 8; i++) {
        w[i] = (struct worker){st, a.id, 0};
        pthread_create(&t[i], NULL, insert_many, &w[i]);
    }
    int total = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        total += w[i].ok;
    }
    CHECK_INT(total, 400);
    store_close(st);
}

/* The writer held inside an op until the test has queued its creates,
 * so that they reach it together, as one batch of the group commit. */
struct gate {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool open;
};

static int apply_gate(struct sq_conn *c, const void *arg)
{
    (void)c;
    struct gate *g = (struct gate *)arg;
    pthread_mutex_lock(&g->mu);
    while (!g->open)
        pthread_cond_wait(&g->cv, &g->mu);
    pthread_mutex_unlock(&g->mu);
    return STORE_OK;
}

#define BATCH 20

/* Runs the n creates ins as one batch; their outcomes in rc. */
static void insert_batch(struct store *st, struct session_insert *ins, int *rc, int n)
{
    struct gate g = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
    struct store_wait gw = STORE_WAIT_INIT, w[BATCH];
    sq_submit(st, apply_gate, &g, store_wait_done, &gw);
    for (int i = 0; i < n; i++) {
        w[i] = (struct store_wait)STORE_WAIT_INIT;
        st->ops->session_insert_async(st, &ins[i], store_wait_done, &w[i]);
    }
    pthread_mutex_lock(&g.mu);
    g.open = true;
    pthread_cond_signal(&g.cv);
    pthread_mutex_unlock(&g.mu);
    store_wait(&gw);
    for (int i = 0; i < n; i++)
        rc[i] = store_wait(&w[i]);
}

static void statements_and_writes(struct store *st, unsigned long long *statements, unsigned long long *writes)
{
    struct store_stats stats = {0};
    st->ops->stats(st, &stats);
    *statements = stats.statements;
    *writes = stats.writes;
}

/* A batch's creates under one grant go in as a few multi-row INSERTs;
 * each still has its own outcome: a duplicate id fails alone, another
 * organisation's create in the middle is its own, every stored one reads
 * back. */
TEST(creates_of_one_grant_go_in_few_statements_each_with_its_outcome)
{
    struct store *st = open_store();
    struct org a, b;
    fixture_org(&a, "Batched", 1);
    fixture_org(&b, "Other", 1);
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_OK);
    CHECK_INT(STORE_CALL(st, org_insert, &b), STORE_OK);
    struct session s[BATCH], got;
    struct session_insert ins[BATCH];
    int rc[BATCH];
    for (int i = 0; i < BATCH; i++) {
        make_session(&s[i], i == 9 ? b.id : a.id);
        ins[i] = (struct session_insert){&s[i], i == 9 ? b.api_key_hash : a.api_key_hash, GRANT_HELD};
    }
    CHECK_INT(store_session_insert(st, &s[13]), STORE_OK); /* so that the batch's is a duplicate */
    unsigned long long st0, w0, st1, w1;
    statements_and_writes(st, &st0, &w0);
    insert_batch(st, ins, rc, BATCH);
    statements_and_writes(st, &st1, &w1);
    for (int i = 0; i < BATCH; i++) {
        CHECK_INT(rc[i], i == 13 ? STORE_CONFLICT : STORE_OK);
        CHECK_INT(ins[i].refused, GRANT_HELD);
        CHECK_INT(STORE_CALL(st, session_get, s[i].id, s[i].org_id, &got), STORE_OK);
        session_clear(&got);
    }
    CHECK_INT(w1 - w0, BATCH + 1);
    CHECK(st1 - st0 < w1 - w0); /* one statement a create before */
    for (int i = 0; i < BATCH; i++)
        session_clear(&s[i]);
    store_close(st);
}

/* A run refused by its grant stores none and says why for each. */
TEST(creates_of_a_grant_gone_are_each_refused)
{
    struct store *st = open_store();
    struct org a;
    fixture_org(&a, "Refusing", 2); /* mode 1 off */
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_OK);
    struct session s[BATCH], got;
    struct session_insert ins[BATCH];
    int rc[BATCH];
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < BATCH; i++) {
            make_session(&s[i], a.id);
            ins[i] = (struct session_insert){&s[i], pass ? "not-the-key" : a.api_key_hash, GRANT_HELD};
        }
        insert_batch(st, ins, rc, BATCH);
        for (int i = 0; i < BATCH; i++) {
            CHECK_INT(rc[i], STORE_NOT_FOUND);
            CHECK_INT(ins[i].refused, pass ? GRANT_KEY_GONE : GRANT_MODE_OFF);
            CHECK_INT(STORE_CALL(st, session_get, s[i].id, a.id, &got), STORE_NOT_FOUND);
            session_clear(&s[i]);
        }
    }
    store_close(st);
}

TEST(data_survives_reopen_and_migrations_run_once)
{
    struct store *st = open_store();
    struct org a, got;
    fixture_org(&a, "Persistent", 1);
    CHECK_INT(STORE_CALL(st, org_insert, &a), STORE_OK);
    store_close(st);
    st = open_store();
    CHECK(st != NULL);
    CHECK_INT(STORE_CALL(st, org_find_by_key_hash, a.api_key_hash, &got), STORE_OK);
    org_clear(&got);
    store_close(st);
}

/* A database of the last release (migrations 1-7) with a session and its
 * account: migration 8 rebuilds the sessions table (its state rule written
 * without IN, which SQLite checks through a temporary table per insert)
 * and loses no row, not even by ON DELETE CASCADE, and the rule still holds. */
static int exec_sql(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "sql: %s\n", msg ? msg : "?");
    sqlite3_free(msg);
    return rc;
}

static int64_t count_rows(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q = NULL;
    int64_t n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

TEST(session_state_rule_rebuilt_without_losing_rows)
{
    char path[300], old_url[320];
    snprintf(path, sizeof path, "%s/release7.db", dir);
    snprintf(old_url, sizeof old_url, "sqlite:%s", path);
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(exec_sql(db, "PRAGMA journal_mode=WAL; CREATE TABLE schema_version (version INTEGER NOT NULL)"),
              SQLITE_OK);
    for (int v = 1; v <= 7; v++) {
        char rec[80];
        snprintf(rec, sizeof rec, "INSERT INTO schema_version VALUES (%d)", v);
        CHECK_INT(exec_sql(db, SQLITE_MIGRATIONS[v - 1]), SQLITE_OK);
        CHECK_INT(exec_sql(db, rec), SQLITE_OK);
    }
    CHECK_INT(exec_sql(db, "INSERT INTO orgs (id, name, api_key_hash, server_hash_hash, modes, created_at, "
                           "updated_at) VALUES ('o1', 'Old', 'k', 's', 1, 1, 1);"
                           "INSERT INTO sessions (id, org_id, api_version, link_id, from_day, to_day, "
                           "expected_months, session_expiry_min, created_at, expires_at, state) VALUES "
                           "('s1', 'o1', 1, 'l', 1, 2, '', 60, 1, 2, 'completed');"
                           "INSERT INTO accounts (id, session_id, created_at, updated_at) VALUES "
                           "('a1', 's1', 1, 1)"),
              SQLITE_OK);
    sqlite3_close(db);

    struct store *st = NULL;
    char err[256] = "";
    CHECK_INT(store_open(old_url, &st, err, sizeof err), 0);
    store_close(st);
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(count_rows(db, "SELECT max(version) FROM schema_version"), 8);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM sessions WHERE id = 's1' AND state = 'completed'"), 1);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM accounts WHERE session_id = 's1'"), 1);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'sessions' AND type = 'index' "
                             "AND name NOT LIKE 'sqlite_%'"),
              3);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions' AND sql LIKE '% IN (%'"), 0);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions_new'"), 0);
    CHECK(exec_sql(db, "UPDATE sessions SET state = 'lost' WHERE id = 's1'") != SQLITE_OK);
    sqlite3_close(db);
}

/* SQLite keeps no memory statistics (configured before its first use), so
 * that its allocations take no global mutex. */
TEST(sqlite_keeps_no_memory_statistics)
{
    struct store *st = open_store();
    CHECK(st != NULL);
    CHECK_INT(sqlite3_memory_used(), 0);
    store_close(st);
}

TEST(bad_urls_are_refused)
{
    struct store *st;
    char err[256];
    CHECK_INT(store_open("mysql://x", &st, err, sizeof err), -1);
    CHECK_INT(store_open("sqlite:", &st, err, sizeof err), -1);
    CHECK_INT(store_open("sqlite:/nonexistent-dir/x/y.db", &st, err, sizeof err), -1);
    CHECK(strstr(err, "/nonexistent-dir") != NULL);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(url, sizeof url, "sqlite:%s/passbook.db", dir);
    RUN(orgs_insert_find_list_update);
    RUN(settings_keep_the_first_value);
    RUN(sessions_round_trip_and_isolation);
    RUN(concurrent_inserts_are_all_acknowledged_and_readable);
    RUN(creates_of_one_grant_go_in_few_statements_each_with_its_outcome);
    RUN(creates_of_a_grant_gone_are_each_refused);
    RUN(data_survives_reopen_and_migrations_run_once);
    RUN(session_state_rule_rebuilt_without_losing_rows);
    RUN(sqlite_keeps_no_memory_statistics);
    RUN(bad_urls_are_refused);
    fixture_remove_dir(dir);
    return check_summary();
}
