/* A statement as the JSON `passbook parse` prints and the upload API
 * returns (field names as FinBox's). Rupee amounts are JSON reals: dump
 * with JSON_REAL_PRECISION(15) so they print exactly. */
#ifndef PB_CORE_STATEMENT_JSON_H
#define PB_CORE_STATEMENT_JSON_H

#include <jansson.h>

#include "core/statement.h"

/* New reference (caller json_decref's), or NULL when out of memory. */
json_t *statement_to_json(const struct statement *st);
/* A document's accounts: the first account's statement_to_json, with
 * "other_accounts": [statement_to_json of each later account] when the
 * document holds several (an account that could not be read carries
 * "error": {"code", "message"}). New reference, NULL when out of memory. */
json_t *statement_list_to_json(const struct statement_list *all);
/* {"error": {"code", "message"}}; new reference. */
json_t *statement_error_json(const char *code, const char *message);

#endif
