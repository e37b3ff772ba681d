/* Column formats shared by the store's backends (codec.c); not for use
 * outside src/store/. */
#ifndef PB_STORE_CODEC_H
#define PB_STORE_CODEC_H

#include <jansson.h>

#include "core/session.h"

/* The sessions table's columns in the order both backends bind and read
 * them (a row of the store: struct session). */
#define STORE_SESSION_COLS                                                                     \
    "id, org_id, api_version, link_id, redirect_url, logo_url, bank, mode, mobile_number, "     \
    "journey_mode, accept_anything, is_mobile_field_editable, from_day, to_day, max_from_day, " \
    "max_to_day, expected_months, session_expiry_min, aa_journey_mode, "                       \
    "aa_recurring_tenure_month_count, aa_recurring_frequency_unit, aa_recurring_frequency_value, " \
    "aa_journey_code, consents, metadata, created_at, expires_at, state, processing_requested_at, " \
    "deleted_at"

/* "2024-01,2024-02": at most SESSION_MAX_MONTHS months (malloc'd). */
char *store_months_format(const pb_month *m, int n);
/* Parses that form into out (at most max); returns the count. */
int store_months_parse(const char *s, pb_month *out, int max);
/* A JSON document as compact text (malloc'd), or NULL for NULL. */
char *store_json_text(const json_t *j);

struct statement_rec;
/* A by-id read's outcome from its list of rows: with rc STORE_OK, the
 * first row moves to *out (STORE_NOT_FOUND when there is none); the rest
 * and the array are freed. */
int store_first_statement(int rc, struct statement_rec *arr, size_t n, struct statement_rec *out);

#endif
