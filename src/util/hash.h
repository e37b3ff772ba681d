/* Small pieces of the open-addressing tables (the connection guard's
 * per-client counts, the rate counters). */
#ifndef PB_UTIL_HASH_H
#define PB_UTIL_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* FNV-1a of a string. */
static inline uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Backward-shift deletion in linear probing: slot i was emptied and slot j
 * (after it, in probe order) holds an entry whose home slot is home. It
 * must stay where it is when home lies cyclically in (i, j]; otherwise it
 * moves into i, and j is the slot emptied next. */
static inline bool hash_entry_stays(size_t i, size_t j, size_t home)
{
    return i <= j ? (i < home && home <= j) : (i < home || home <= j);
}

#endif
