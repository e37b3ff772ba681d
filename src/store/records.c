/* The store's records (store.h), whatever the store behind them: each
 * record owns its strings; these free them. */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

void account_rec_clear(struct account_rec *a)
{
    free(a->bank);
    free(a->account_number);
    free(a->name);
    free(a->ifsc);
    free(a->micr);
    free(a->address);
    free(a->account_category);
    free(a->account_type);
    free(a->status);
    free(a->error_code);
    free(a->error_message);
    free(a->insights);
    memset(a, 0, sizeof *a);
}

void statement_rec_clear(struct statement_rec *s)
{
    free(s->source);
    free(s->bank);
    free(s->blob_sha256);
    free(s->file_name);
    free(s->pdf_password_enc);
    free(s->status);
    free(s->error_code);
    free(s->error_message);
    free(s->identity);
    free(s->facts);
    free(s->fraud);
    free(s->content_sha256);
    free(s->aa_consent_id);
    memset(s, 0, sizeof *s);
}

void txn_recs_free(struct txn_rec *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) {
        free(t[i].note);
        free(t[i].chq_num);
    }
    free(t);
}

void job_rec_clear(struct job_rec *j)
{
    free(j->payload);
    free(j->session_id);
    memset(j, 0, sizeof *j);
}

void settings_free(struct setting *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].key);
        if (v[i].value) /* secrets: do not leave them in freed memory */
            explicit_bzero(v[i].value, strlen(v[i].value));
        free(v[i].value);
    }
    free(v);
}
