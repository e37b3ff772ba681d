/* Bank search for the hosted page's bank picker: the catalogue filtered by
 * what the customer types, best matches first. */
#ifndef PB_JOURNEY_BANKS_H
#define PB_JOURNEY_BANKS_H

#include <stddef.h>

#include "core/bank.h"

#define JOURNEY_BANKS_MAX 50

/* Fills out with up to max banks matching q (case-insensitive; words of q
 * must each appear in the bank's full name or identifier). Ranking: exact
 * identifier, then name or identifier starting with q, then the rest in
 * catalogue order. An empty q lists the most used banks first. Returns
 * the count written. */
size_t journey_bank_search(const char *q, const struct bank_info **out, size_t max);

#endif
