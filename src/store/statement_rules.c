#include "store/statement_rules.h"

#include <stdlib.h>
#include <string.h>

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

int statement_commit_apply(const struct statement_commit_steps *steps, void *tx, const struct statement_commit *c,
                           enum commit_result *result)
{
    *result = COMMIT_OK;
    int open = steps->session_open(tx, c->stmt->session_id);
    if (open <= 0) {
        *result = COMMIT_SESSION_CLOSED;
        return open < 0 ? STORE_ERROR : STORE_OK;
    }
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
    int rc = steps->insert_account(tx, c->account, c->stmt->created_at);
    if (rc == STORE_OK)
        rc = steps->insert_statement(tx, c->stmt);
    if (rc == STORE_OK)
        rc = steps->insert_txns(tx, c);
    return rc;
}
