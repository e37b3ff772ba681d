/* The blocks of the data endpoints, built in one place for both flows: the
 * session flow (session_output.c, /session_data/<id>/...) and the entity
 * flow (entity.c, /entity/<id>/...), so that whichever way a lender asks,
 * the same statements give the same accounts, identities, transactions,
 * files, reports and insights (the enrichment library's builders, on the
 * rows analysed afresh: jobs/analysis.h). Each json_t * is a new reference. */
#ifndef PB_API_OUTPUT_H
#define PB_API_OUTPUT_H

#include <jansson.h>

#include "api/api.h"
#include "jobs/analysis.h"

/* A session with its accounts and statements. */
struct output {
    struct session s;
    struct account_rec *accts;
    size_t naccts;
    struct statement_rec *stmts;
    size_t nstmts;
};

/* Loads the accounts and statements of o->s (filled by the caller).
 * Returns a store_rc; free with output_free either way. */
int output_read(struct app *app, struct output *o);
void output_free(struct output *o);

/* The analysis the pipeline stored for account a, or NULL. */
json_t *output_account_doc(const struct account_rec *a);
/* accounts[]: {account_id, account_number, bank, months, missing_data,
 * statements, ifsc, micr, limits, last_updated, ...} (reference §2.10, §3.3). */
json_t *output_accounts_json(const struct output *o);
/* identity[]: each account's latest statement's identity block. */
json_t *output_identities(const struct output *o);
/* transactions[] of every account (only_account: that one), enriched when
 * the account was analysed, else the stored rows. */
json_t *output_transactions(struct store *st, const struct output *o, const char *only_account);
/* get_pdfs/ statements[] with signed links and the sealed passwords. */
json_t *output_pdfs(const struct app *app, const struct output *o);
/* xlsx_report/ reports[]: each account's signed workbook link. */
json_t *output_xlsx_reports(const struct app *app, const struct output *o);
/* The signed link of the session's workbook (account NULL) or one account's. */
char *output_xlsx_url(const struct app *app, const struct session *s, const char *account);
/* HMAC-SHA256 hex of "<kind>\n<id>\n<expires>" under secret: file links. */
void output_link_signature(const char *secret, const char *kind, const char *id, long long expires,
                           char out[PB_SHA256_HEX]);
/* The session's accounts analysed afresh from the stored rows. Returns 0,
 * or -1 (nothing to free). */
int output_analyse(struct app *app, const struct output *o, struct analysis *an);
/* Whether statement x's PDF is still kept (retention deletes it). */
bool output_pdf_kept(const struct statement_rec *x);
/* Answers 200 with statement x's PDF, private and not cached. Returns 0,
 * or -1 with nothing answered when the file is not kept. */
int output_pdf_answer(const struct app *app, const struct statement_rec *x, struct http_resp *resp);

#endif
