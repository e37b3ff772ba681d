/* The lender console's shared parts (src/api/console*.c): who is signed in,
 * what they may do, and the audit log. docs/console.md describes the
 * console and its API. */
#ifndef PB_API_CONSOLE_H
#define PB_API_CONSOLE_H

#include "api/api.h"
#include "core/user.h"
#include "util/json_value.h"

/* Authorises a console API request: the login cookie names an unexpired
 * login (401 CONSOLE_UNAUTHORIZED otherwise), the user's role is at least
 * need (403 FORBIDDEN), and a request that changes anything carries the
 * login's CSRF token in X-CSRF-Token and, when the browser sends one, an
 * Origin of this server (403 CSRF_FAILED). Returns 0 with *l filled, or -1
 * with resp filled. */
int console_auth(struct http_req *req, struct http_resp *resp, enum user_role need, struct console_login *l);

/* Records that l's user did action (e.g. "session.view") on the customer
 * session session_id (NULL: none), with detail (an id, never personal
 * data). Returns 0, or -1 when the store refused: callers that show a
 * customer's data refuse to show it unaudited. */
int console_audit(struct http_req *req, const struct console_login *l, const char *action,
                  const char *session_id, const char *detail);

/* The customer session <id> of the route for l's organisation: 0 with *s
 * (session_clear), or -1 with 404 SESSION_NOT_FOUND for an unknown or
 * another organisation's session (the same answer) and 410 once deleted. */
int console_session(struct http_req *req, struct http_resp *resp, const struct console_login *l,
                    struct session *s);

/* Small shared forms: an ISO 8601 UTC time (0: null) and the 500 answer
 * (a string that may be NULL or "": json_text_or_null). */
json_t *console_time_json(int64_t t);
void console_internal(struct http_resp *resp);

/* "open", "expired", "processing", "completed" or "failed" at now. */
const char *console_session_status(const struct session *s, int64_t now);

#endif
