/* array_grow: room made by doubling, contents kept, sizes that would
 * overflow refused with the array left as it was. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "util/array.h"

TEST(grows_by_doubling_from_first_and_keeps_contents)
{
    int *a = NULL;
    size_t cap = 0;
    for (size_t n = 0; n < 1000; n++) {
        CHECK_INT(array_grow(&a, &cap, n + 1, sizeof *a, 16), 0);
        if (!a)
            return;
        a[n] = (int)n;
    }
    CHECK_INT(cap, 1024); /* 16, 32, ..., 1024 */
    for (size_t n = 0; n < 1000; n++)
        CHECK_INT(a[n], n);
    CHECK_INT(array_grow(&a, &cap, 1024, sizeof *a, 16), 0); /* room enough: nothing done */
    CHECK_INT(cap, 1024);
    CHECK_INT(array_grow(&a, &cap, 5000, sizeof *a, 16), 0); /* doubles until it fits */
    CHECK_INT(cap, 8192);
    free(a);
}

TEST(sizes_that_overflow_are_refused_and_change_nothing)
{
    char *a = NULL;
    size_t cap = 0;
    CHECK_INT(array_grow(&a, &cap, 10, 1, 8), 0);
    char *before = a;
    CHECK_INT(array_grow(&a, &cap, SIZE_MAX, 1, 8), -1);
    CHECK_INT(array_grow(&a, &cap, SIZE_MAX / 2, 4, 8), -1);
    CHECK(a == before);
    CHECK_INT(cap, 16);
    free(a);
}

int main(void)
{
    RUN(grows_by_doubling_from_first_and_keeps_contents);
    RUN(sizes_that_overflow_are_refused_and_change_nothing);
    return check_summary();
}
