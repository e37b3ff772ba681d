/* MuPDF behind a small interface: open a PDF from memory with a password,
 * under limits (pages, objects, memory, time), and turn its pages into a
 * layout of positioned words plus the document facts. */
#ifndef PB_EXTRACT_PDF_DOC_H
#define PB_EXTRACT_PDF_DOC_H

#include "core/statement.h"
#include "extract/extract.h"
#include "extract/layout.h"

/* Once per process: the base MuPDF context with locks. 0 / -1. */
int pdf_doc_init(void);
void pdf_doc_shutdown(void);

/* Opens data[0..len) and fills l (words of every page) and facts. Returns
 * 0, or -1 with err set (UNPARSABLE, PASSWORD_INCORRECT, PDF_IS_IMAGE,
 * TOO_MANY_PAGES). *page_count gets the number of pages. The caller frees
 * l with layout_free and facts' strings with statement_free's helpers. */
int pdf_doc_read(const void *data, size_t len, const struct extract_opts *opts, struct layout *l,
                 struct doc_facts *facts, int *page_count, struct extract_error *err);

/* Number of incremental updates: "%%EOF" markers beyond the first, not
 * counting the extra one a linearized file carries. */
int pdf_doc_count_updates(const void *data, size_t len);

#endif
