/* Money is integer paise (int64) everywhere inside Passbook. Rupee strings
 * and JSON numbers exist only at the edges. */
#ifndef PB_UTIL_MONEY_H
#define PB_UTIL_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int64_t pb_paise;

#define PB_MONEY_MAX ((pb_paise)1000000000000000LL) /* 10^13 rupees: far beyond any account */
#define PB_MONEY_BUF 32

/* Parses an amount as printed on statements: optional sign or parentheses,
 * digits with Western (1,234,567.89) or Indian (12,34,567.89) grouping,
 * 0, 1 or 2 decimals, optional "Rs"/"INR"/"₹" prefix. Surrounding spaces are
 * allowed. Dr/Cr markers are the caller's business. Returns false when the
 * text is not exactly one such amount (so "12/03/2024" is not money). */
bool money_parse(const char *s, size_t len, pb_paise *out);

/* "1234.50", "-0.05": two decimals, no grouping. */
const char *money_fmt(pb_paise p, char *buf);

/* Rupees as a double, for JSON numbers: exact for |p| < 2^53, and printed
 * back exactly when dumped with at most 15 significant digits. */
double money_to_rupees(pb_paise p);

/* Rupees from a JSON number, rounded to the nearest paisa. */
bool money_from_rupees(double r, pb_paise *out);

#endif
