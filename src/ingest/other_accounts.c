/* A PDF holding several accounts (a combined statement: savings with a
 * loan or deposit, two savings accounts): after ingest_statement admitted
 * one account with the file's pin, every other account is admitted as a
 * statement of its own account, through the same ingest_admit, or
 * recorded failed (ingest_record_failure) so that session_upload_status/
 * and session_status/ show it: an account is never dropped silently. */
#include <stdio.h>
#include <string.h>

#include "ingest/records.h"
#include "util/secret.h"

static const char *jstr(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* One entry of the upload answer's "accounts". */
static json_t *entry(const char *stmt_id, const char *account_id, const struct statement *st, const char *code,
                     const char *message)
{
    char masked[128];
    ingest_mask_account(st->id.account_number, masked, sizeof masked);
    json_t *e = json_pack("{s:s?, s:s?, s:s, s:s?, s:s?, s:s}", "statement_id", stmt_id && stmt_id[0] ? stmt_id : NULL,
                          "account_id", account_id && account_id[0] ? account_id : NULL, "masked_account_number",
                          masked, "account_type", st->id.account_type, "bank_name", st->bank, "status",
                          code ? "failed" : "completed");
    if (e)
        json_object_set_new(e, "error",
                            code ? json_pack("{s:s, s:s}", "code", code, "message", message ? message : "")
                                 : json_null());
    return e;
}

/* Account i of the document, other than the one admitted first. */
static json_t *admit_other(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *first,
                           const struct statement *st, size_t i)
{
    /* its own duplicate key: the file's digest and its place in the file */
    char key[PB_SHA256_HEX + 32], sha[PB_SHA256_HEX];
    int n = snprintf(key, sizeof key, "%s#account-%zu", first->content_sha256, i);
    sha256_hex(key, (size_t)n, sha);
    struct ingest_candidate c = *first;
    c.st = st;
    c.content_sha256 = sha;
    c.pin_id = 0; /* the file is already the first account's statement's */
    c.want_progress = false;
    char stmt_id[PB_UUID_BUF] = "", account_id[PB_UUID_BUF] = "";
    struct api_error err = {0};
    const char *code = st->error_code, *message = st->error_message;
    json_t *res = NULL;
    if (!code && ingest_admit(env, s, &c, &res, stmt_id, &err) == 0) {
        json_t *e = entry(stmt_id, jstr(res, "account_id"), st, NULL, NULL);
        json_decref(res);
        return e;
    }
    if (!code)
        code = err.code, message = err.message;
    /* a duplicate is in the session already; anything else is recorded failed */
    if (strcmp(code, "STATEMENT_DUPLICATE"))
        ingest_record_failure_ids(env, s, &c, code, message, stmt_id, account_id);
    return entry(stmt_id, account_id, st, code, message);
}

void ingest_other_accounts(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *first,
                           const struct statement_list *all, size_t admitted, json_t *result)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < all->n; i++) {
        const struct statement *st = &all->items[i];
        json_t *e = i == admitted ? entry(jstr(result, "statement_id"), jstr(result, "account_id"), st, NULL, NULL)
                                  : admit_other(env, s, first, st, i);
        json_array_append_new(list, e);
    }
    json_object_set_new(result, "accounts", list);
}
