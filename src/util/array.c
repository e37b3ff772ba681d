#include "util/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int array_grow(void *items, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : first;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return -1;
        c *= 2;
    }
    if (elem && c > SIZE_MAX / elem)
        return -1;
    void *p;
    memcpy(&p, items, sizeof p); /* items is a T **: read and written as bytes */
    p = realloc(p, c * elem);
    if (!p)
        return -1;
    memcpy(items, &p, sizeof p);
    *cap = c;
    return 0;
}
