/* Arrays that grow by doubling: the one place their capacity is computed
 * and checked against overflow. */
#ifndef PB_UTIL_ARRAY_H
#define PB_UTIL_ARRAY_H

#include <stddef.h>

/* Makes room for need elements of elem bytes in the array *items (a
 * pointer to the caller's element pointer) with *cap allocated: nothing
 * when need <= *cap; else the capacity doubles (from first when there is
 * none) until it holds need, and *items is reallocated. Returns 0, or -1
 * (out of memory, or the size would not fit a size_t) with *items and
 * *cap unchanged. */
int array_grow(void *items, size_t *cap, size_t need, size_t elem, size_t first);

#endif
