#include "jobs/analysis.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/records.h"
#include "util/log.h"

/* Borrowed strings of a metadata list (pointers into the session's JSON). */
static size_t meta_list(const json_t *md, const char *key, const char **out)
{
    const json_t *arr = json_object_get(md, key);
    size_t n = 0, i;
    const json_t *v;
    json_array_foreach(arr, i, v) if (n < ANALYSIS_META_MAX && json_is_string(v)) out[n++] =
        json_string_value(v);
    return n;
}

static int load_account(struct store *st, const struct session *s, struct analysis *a, struct analysis_account *x)
{
    x->stmts = calloc(a->nstmts + 1, sizeof *x->stmts);
    x->recs = calloc(a->nstmts + 1, sizeof *x->recs);
    x->sp = calloc(a->nstmts + 1, sizeof *x->sp);
    x->ids = calloc(a->nstmts + 1, sizeof *x->ids);
    if (!x->stmts || !x->recs || !x->sp || !x->ids)
        return STORE_ERROR;
    for (size_t k = 0; k < a->nstmts; k++) {
        if (strcmp(a->stmts[k].account_id, x->rec.id) ||
            (a->stmts[k].status && strcmp(a->stmts[k].status, "completed")))
            continue; /* a failed statement (an AA account not delivered) has no rows */
        int rc = ingest_load_statement(st, &a->stmts[k], &x->stmts[x->nstmts]);
        if (rc != STORE_OK)
            return rc;
        x->recs[x->nstmts] = &a->stmts[k];
        x->sp[x->nstmts] = &x->stmts[x->nstmts];
        x->ids[x->nstmts] = a->stmts[k].id;
        x->nstmts++;
    }
    const json_t *md = s->req.metadata;
    x->view = (struct account_view){
        .account_id = x->rec.id,
        .link_id = s->req.link_id,
        .stmts = x->sp,
        .statement_ids = x->ids,
        .nstmts = x->nstmts,
        .meta = {x->names, meta_list(md, "names", x->names), x->employers,
                 meta_list(md, "employer_names", x->employers), x->companies,
                 meta_list(md, "companies_for_self_transfer", x->companies)},
        .session_from = s->req.from_date,
        .session_to = s->req.to_date,
    };
    return STORE_OK;
}

int analysis_load(struct store *st, const struct session *s, struct analysis *a)
{
    memset(a, 0, sizeof *a);
    int rc = STORE_CALL(st, statement_list, s->id, &a->stmts, &a->nstmts);
    struct account_rec *recs = NULL;
    size_t n = 0;
    if (rc == STORE_OK)
        rc = STORE_CALL(st, account_list, s->id, &recs, &n);
    if (rc != STORE_OK)
        return rc;
    a->acc = calloc(n ? n : 1, sizeof *a->acc);
    a->ai = calloc(n ? n : 1, sizeof *a->ai);
    if (!a->acc || !a->ai) {
        for (size_t i = 0; i < n; i++)
            account_rec_clear(&recs[i]);
        free(recs);
        return STORE_ERROR;
    }
    for (size_t i = 0; i < n; i++)
        a->acc[i].rec = recs[i];
    a->n = n;
    free(recs);
    for (size_t i = 0; i < n && rc == STORE_OK; i++)
        rc = load_account(st, s, a, &a->acc[i]);
    return rc;
}

int analysis_build(struct analysis *a)
{
    for (size_t i = 0; i < a->n; i++) {
        struct analysis_account *x = &a->acc[i];
        const char *err = NULL;
        if (x->nstmts == 0)
            continue; /* nothing was delivered: no insights (its failure is the account's error) */
        if (insights_build(&x->view, &x->ai, &err)) {
            log_error("analysis msg=\"insights failed\" account=%s err=\"%s\"", x->rec.id, err ? err : "-");
            return -1;
        }
        x->built = true;
        a->ai[a->nai++] = &x->ai;
    }
    session_insights_build(a->ai, a->nai, &a->si);
    a->si_built = true;
    return 0;
}

void analysis_free(struct analysis *a)
{
    if (a->si_built)
        session_insights_free(&a->si);
    for (size_t i = 0; a->acc && i < a->n; i++) {
        struct analysis_account *x = &a->acc[i];
        if (x->built)
            insights_free(&x->ai);
        for (size_t k = 0; k < x->nstmts; k++)
            statement_free(&x->stmts[k]);
        free(x->stmts);
        free(x->recs);
        free(x->sp);
        free(x->ids);
        account_rec_clear(&x->rec);
    }
    free(a->acc);
    free(a->ai);
    for (size_t i = 0; i < a->nstmts; i++)
        statement_rec_clear(&a->stmts[i]);
    free(a->stmts);
    memset(a, 0, sizeof *a);
}
