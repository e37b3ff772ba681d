/* Tests of one account's reading: extract_pdf / extract_layout give every
 * account of a document (a statement_list); these keep the first one (the
 * statement of a single-account PDF) and free the others. */
#ifndef PB_TESTS_FIRST_ACCOUNT_H
#define PB_TESTS_FIRST_ACCOUNT_H

#include <string.h>

#include "extract/extract.h"

static inline int first_of(int rc, struct statement_list *all, struct statement *st)
{
    statement_list_take_first(all, st);
    return rc;
}

static inline int extract_pdf_first(const void *data, size_t len, const struct extract_opts *o, struct statement *st,
                                    struct extract_error *err)
{
    struct statement_list all;
    return first_of(extract_pdf(data, len, o, &all, err), &all, st);
}

static inline int extract_layout_first(const struct layout *l, const struct extract_opts *o, struct statement *st,
                                       struct extract_error *err)
{
    struct statement_list all;
    return first_of(extract_layout(l, o, &all, err), &all, st);
}

#endif
