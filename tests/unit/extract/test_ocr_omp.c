/* The inline OpenMP runtime libtesseract's parallel regions bind to
 * (extract/ocr_omp.h): bodies called as GCC compiles `omp parallel` and
 * `omp parallel sections`, run once on this thread, every section once. */
#include <string.h>

#include "check.h"
#include "extract/ocr_omp.h"

struct ran {
    int calls;
    unsigned sections[8];
    int nsections;
};

static void body(void *arg)
{
    ((struct ran *)arg)->calls++;
}

/* What GCC makes of `omp parallel sections` (each `section` a case). */
static void sections_body(void *arg)
{
    struct ran *r = arg;
    r->calls++;
    for (unsigned s = GOMP_sections_next(); s; s = GOMP_sections_next())
        if (r->nsections < 8)
            r->sections[r->nsections++] = s;
    GOMP_sections_end_nowait();
}

static struct ran inner;

static void nesting_body(void *arg)
{
    struct ran *r = arg;
    unsigned first = GOMP_sections_next();
    GOMP_parallel_sections(sections_body, &inner, 0, 2, 0); /* a region inside a section */
    r->sections[r->nsections++] = first;
    for (unsigned s = GOMP_sections_next(); s; s = GOMP_sections_next())
        r->sections[r->nsections++] = s;
}

TEST(a_parallel_region_runs_its_body_once_on_this_thread)
{
    struct ran r = {0};
    GOMP_parallel(body, &r, 4, 0);
    CHECK_INT(r.calls, 1);
}

TEST(every_section_runs_once_in_order)
{
    struct ran r = {0};
    GOMP_parallel_sections(sections_body, &r, 4, 4, 0); /* Tesseract's LSTM: one section per gate */
    CHECK_INT(r.calls, 1);
    CHECK_INT(r.nsections, 4);
    for (int i = 0; i < r.nsections; i++)
        CHECK_INT(r.sections[i], i + 1);
    memset(&r, 0, sizeof r);
    GOMP_parallel_sections(sections_body, &r, 0, 3, 0); /* the next region starts afresh */
    CHECK_INT(r.nsections, 3);
    CHECK_INT(GOMP_sections_next(), 0); /* none outside a region */
}

TEST(a_region_inside_a_section_leaves_the_outer_sections_alone)
{
    struct ran r = {0};
    memset(&inner, 0, sizeof inner);
    GOMP_parallel_sections(nesting_body, &r, 0, 3, 0);
    CHECK_INT(inner.nsections, 2);
    CHECK_INT(r.nsections, 3);
    CHECK_INT(r.sections[0], 1);
    CHECK_INT(r.sections[1], 2);
    CHECK_INT(r.sections[2], 3);
}

TEST(orphaned_sections_are_handed_out_from_start)
{
    CHECK_INT(GOMP_sections_start(2), 1);
    CHECK_INT(GOMP_sections_next(), 2);
    CHECK_INT(GOMP_sections_next(), 0);
    GOMP_sections_end();
}

int main(void)
{
    RUN(a_parallel_region_runs_its_body_once_on_this_thread);
    RUN(every_section_runs_once_in_order);
    RUN(a_region_inside_a_section_leaves_the_outer_sections_alone);
    RUN(orphaned_sections_are_handed_out_from_start);
    return check_summary();
}
