/* Shared between session_req.c, session_dates.c and session_aa.c: the
 * pieces of create-session validation. Each returns 0 or fills err and
 * returns -1. Not for use outside src/core/session_*. */
#ifndef PB_CORE_SESSION_REQ_INT_H
#define PB_CORE_SESSION_REQ_INT_H

#include "core/field.h"
#include "core/session_req.h"

/* INVALID_REQUEST "<field>, <reason>" in DRF's wording. */
int sreq_bad(struct api_error *err, const char *field, const char *reason);
/* INVALID_REQUEST `<field>, "<value>" is not a valid choice.` */
int sreq_bad_choice(struct api_error *err, const char *field, const struct field_text *t);
/* An optional text field: 1 with *t when key holds text, 0 when it is
 * missing, null or blank, -1 with err ("Not a valid string.") when it is
 * not a string. */
int sreq_text(const json_t *body, const char *key, struct field_text *t, struct api_error *err);
/* Python's name for v's type ("list", "str"), as DRF puts it in messages. */
const char *sreq_json_type_name(const json_t *v);

/* from_date, to_date, max_from_date, max_to_date and the expected months. */
int sreq_dates(const json_t *body, pb_day today, struct session_req *r, struct api_error *err);
/* v1: aa_journey_mode and aa_recurring_*; v2: aa_journey_code, consents. */
int sreq_aa_v1(const json_t *body, struct session_req *r, struct api_error *err);
int sreq_aa_v2(const json_t *body, pb_day today, struct session_req *r, struct api_error *err);

#endif
