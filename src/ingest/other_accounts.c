/* A PDF holding several accounts (a combined statement: savings with a
 * loan or deposit, two savings accounts): every account is a statement of
 * its own account, admitted through the same checks as any upload, or
 * recorded failed so that session_upload_status/ and session_status/ show
 * it: an account is never dropped silently. The accounts of the file are
 * committed in one store transaction (ingest_admit_all): a crash leaves
 * all of them or none, so a resend always completes the upload. */
#include <stdio.h>
#include <stdlib.h>
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

/* Account st of the file, at place i: a candidate of its own beside c. */
static void other_of(const struct ingest_candidate *c, const struct statement *st, size_t i, char sha[PB_SHA256_HEX],
                     struct ingest_other *o)
{
    char key[PB_SHA256_HEX + 32];
    int n = snprintf(key, sizeof key, "%s#account-%zu", c->content_sha256, i);
    sha256_hex(key, (size_t)n, sha);
    memset(o, 0, sizeof *o);
    o->c = *c;
    o->c.st = st;
    o->c.content_sha256 = sha;
    o->c.pin_id = 0; /* the file is the first account's statement's */
    o->c.want_progress = false;
    if (st->error_code) /* read, but not as a statement (a deposit's grid) */
        api_error_set(&o->err, 400, st->error_code, "%s", st->error_message ? st->error_message : "");
}

int ingest_admit_accounts(const struct ingest_env *env, const struct session *s, const struct ingest_candidate *c,
                          const struct statement_list *all, size_t first, json_t **result,
                          char stmt_id[PB_UUID_BUF], struct api_error *err)
{
    size_t n = all->n - 1;
    struct ingest_other *others = n ? calloc(n, sizeof *others) : NULL;
    char (*sha)[PB_SHA256_HEX] = n ? calloc(n, sizeof *sha) : NULL;
    if (n && (!others || !sha)) {
        free(others);
        free(sha);
        return api_error_set(err, 500, "INTERNAL_ERROR", "Something went wrong");
    }
    for (size_t i = 0, k = 0; i < all->n; i++)
        if (i != first)
            other_of(c, &all->items[i], i, sha[k], &others[k]), k++;
    int rc = ingest_admit_all(env, s, c, others, n, result, stmt_id, err);
    json_t *list = rc == 0 && n ? json_array() : NULL;
    for (size_t i = 0, k = 0; list && i < all->n; i++) {
        const struct statement *st = &all->items[i];
        const struct ingest_other *o = i == first ? NULL : &others[k++];
        json_array_append_new(list, o ? entry(o->stmt_id, o->account_id, st, o->err.code, o->err.message)
                                      : entry(jstr(*result, "statement_id"), jstr(*result, "account_id"), st,
                                              NULL, NULL));
    }
    if (list)
        json_object_set_new(*result, "accounts", list);
    free(others);
    free(sha);
    return rc;
}
