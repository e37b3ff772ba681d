/* The rules of a statement commit, once for every backend (pure logic
 * beside them; not for use outside src/store/): in one transaction, the
 * session must still be open, the statement must repeat nothing of the
 * session, the upload's pin on its file must still be held (it becomes
 * the statement's reference) and the file must not be claimed for
 * deletion; then account, statement and rows are written. A backend gives
 * the steps on its own transaction handle (`tx`); the order and the
 * outcomes (enum commit_result) are decided here. */
#ifndef PB_STORE_STATEMENT_RULES_H
#define PB_STORE_STATEMENT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* Whether s repeats prior (a completed statement of the same session): the
 * same bytes, or the same account with an overlapping period. */
bool statement_repeats(const struct statement_rec *s, const struct statement_rec *prior);

struct statement_commit_steps {
    /* 1 when the session is open for uploads, 0 when not, -1 on error; a
     * backend with concurrent writers locks the session here. */
    int (*session_open)(void *tx, const char *session_id);
    /* The session's completed statements: at least id, account_id,
     * content_sha256, from_day, to_day (*out malloc'd; statement_rec_clear
     * each, then free). A store_rc. */
    int (*completed)(void *tx, const char *session_id, struct statement_rec **out, size_t *n);
    /* Drops pin_id; *held says whether it was still there. A store_rc. */
    int (*unpin)(void *tx, int64_t pin_id, bool *held);
    /* The statement's file row (created if missing): 1 when the file may be
     * referenced, 0 when its deletion was claimed, -1 on error. */
    int (*file_ok)(void *tx, const struct statement_rec *s);
    /* Inserts (store_rc each): the account if new, the statement, its rows. */
    int (*insert_account)(void *tx, const struct account_rec *a, int64_t now);
    int (*insert_statement)(void *tx, const struct statement_rec *s);
    int (*insert_txns)(void *tx, const struct statement_commit *c);
};

/* Runs the commit of c[0..n) by the rules (store.h statement_commit) with
 * the backend's steps on tx; result[i] tells each one's outcome when the
 * store_rc is STORE_OK (the backend commits then, and rolls back
 * otherwise). */
int statement_commit_apply(const struct statement_commit_steps *steps, void *tx, const struct statement_commit *c,
                           size_t n, enum commit_result *result);

#endif
