#include "store/statement_rules.h"

#include <stdlib.h>
#include <string.h>

#include "util/fault.h"

bool statement_repeats(const struct statement_rec *s, const struct statement_rec *prior)
{
    if (s->content_sha256 && prior->content_sha256 && !strcmp(s->content_sha256, prior->content_sha256))
        return true;
    return !strcmp(s->account_id, prior->account_id) && s->from_day != PB_NO_DAY && s->to_day != PB_NO_DAY &&
           prior->from_day != PB_NO_DAY && prior->to_day != PB_NO_DAY && prior->from_day <= s->to_day &&
           prior->to_day >= s->from_day;
}

/* 1 when s repeats a completed statement of its session, 0 when not, -1 on error. */
static int repeats_any(const struct statement_commit_steps *steps, void *tx, const struct statement_rec *s)
{
    struct statement_rec *prior = NULL;
    size_t n = 0;
    if (steps->completed(tx, s->session_id, &prior, &n) != STORE_OK)
        return -1;
    int dup = 0;
    for (size_t i = 0; i < n; i++) {
        dup |= statement_repeats(s, &prior[i]);
        statement_rec_clear(&prior[i]);
    }
    free(prior);
    return dup;
}

/* Writes one statement of the commit, unless a rule refuses it (*result). */
static int write_one(const struct statement_commit_steps *steps, void *tx, const struct statement_commit *c,
                     enum commit_result *result)
{
    int dup = repeats_any(steps, tx, c->stmt);
    if (dup) {
        *result = COMMIT_DUPLICATE;
        return dup < 0 ? STORE_ERROR : STORE_OK;
    }
    if (c->pin_id) { /* the pin becomes the statement's reference */
        bool held = false;
        int rc = steps->unpin(tx, c->pin_id, &held);
        if (rc != STORE_OK || !held) {
            *result = COMMIT_PIN_LOST;
            return rc;
        }
    }
    int ok = c->stmt->blob_sha256 ? steps->file_ok(tx, c->stmt) : 1;
    if (ok <= 0) {
        *result = COMMIT_PIN_LOST;
        return ok < 0 ? STORE_ERROR : STORE_OK;
    }
    fault_point("store.statement_writing");
    int rc = steps->insert_account(tx, c->account, c->stmt->created_at);
    if (rc == STORE_OK)
        rc = steps->insert_statement(tx, c->stmt);
    if (rc == STORE_OK)
        rc = steps->insert_txns(tx, c);
    return rc;
}

int statement_commit_apply(const struct statement_commit_steps *steps, void *tx, const struct statement_commit *c,
                           size_t n, enum commit_result *result)
{
    for (size_t i = 0; i < n; i++)
        result[i] = COMMIT_OK; /* a backend may run this again after a conflict */
    int open = steps->session_open(tx, c[0].stmt->session_id);
    if (open <= 0) {
        result[0] = COMMIT_SESSION_CLOSED;
        return open < 0 ? STORE_ERROR : STORE_OK;
    }
    int rc = write_one(steps, tx, &c[0], &result[0]);
    /* the others go in with the first, or not at all; each may be left out
     * as a repeat (a later one is checked against the earlier ones too) */
    for (size_t i = 1; i < n && rc == STORE_OK && result[0] == COMMIT_OK; i++)
        rc = write_one(steps, tx, &c[i], &result[i]);
    return rc;
}
