/* What the hosted journey's files share (journey.c: the page, tokens,
 * uploads, submit; journey_aa.c: the Account Aggregator path). Not for
 * the lender's API. */
#ifndef PB_API_JOURNEY_INT_H
#define PB_API_JOURNEY_INT_H

#include <jansson.h>
#include <stdint.h>

#include "api/api.h"
#include "journey/token.h"

void journey_no_store(struct http_resp *resp);
/* Rate limits (upload_limit > 0: also the session's uploads per minute,
 * which AA starts share), the bearer journey token, then the session's
 * state: 0 with *s loaded (session_clear), or -1 with resp filled. */
int journey_auth(struct http_req *req, struct http_resp *resp, struct session *s, int upload_limit);
/* The accepted statements (the page's list), the months still missing and
 * (complete may be NULL) whether they meet the lender's criterion. */
int journey_uploaded(struct app *app, const struct session *s, json_t **statements, json_t **missing,
                     bool *complete);
/* The server-wide journey token key (NULL on a store error), and a token
 * for s into out; returns its lifetime in seconds. */
const char *journey_token_key(struct app *app);
int64_t journey_mint(const char *key, const struct session *s, char out[JOURNEY_TOKEN_BUF]);

#endif
