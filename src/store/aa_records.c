/* The Account Aggregator records of store.h, whatever the store behind
 * them (the SQLite store fills them; others will too). */
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

void aa_consent_rec_clear(struct aa_consent_rec *c)
{
    char **strs[] = {&c->state, &c->consent_handle, &c->consent_id, &c->txnid, &c->state_token,
                     &c->customer_id, &c->bank, &c->artefact, &c->fi_session_id, &c->key_public,
                     &c->nonce, &c->notified_status, &c->fi_notified, &c->redirect_status,
                     &c->error_code, &c->error_message, &c->details};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        free(*strs[i]);
    if (c->key_sealed)
        explicit_bzero(c->key_sealed, c->key_sealed_len);
    free(c->key_sealed);
    memset(c, 0, sizeof *c);
}
