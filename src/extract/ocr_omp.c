/* OpenMP regions inline. See ocr_omp.h. */
#include "extract/ocr_omp.h"

/* The sections construct running on this thread: sections 1..count, the
 * next to hand out. A region inside a section's body (not that Tesseract
 * nests them) saves and restores its caller's. */
static __thread unsigned sections_next, sections_count;

void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags)
{
    fn(data);
}

/* GCC before 4.9: the caller runs fn itself between start and end. */
void GOMP_parallel_start(void (*fn)(void *), void *data, unsigned num_threads)
{
}

void GOMP_parallel_end(void)
{
}

void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count, unsigned flags)
{
    unsigned next = sections_next, n = sections_count;
    sections_next = 0, sections_count = count;
    fn(data);
    sections_next = next, sections_count = n;
}

void GOMP_parallel_sections_start(void (*fn)(void *), void *data, unsigned num_threads, unsigned count)
{
    sections_next = 0, sections_count = count;
}

/* Section numbers from 1; 0 when all are handed out. */
unsigned GOMP_sections_next(void)
{
    return sections_next < sections_count ? ++sections_next : 0;
}

unsigned GOMP_sections_start(unsigned count)
{
    sections_next = 0, sections_count = count;
    return GOMP_sections_next();
}

void GOMP_sections_end(void)
{
}

void GOMP_sections_end_nowait(void)
{
}
