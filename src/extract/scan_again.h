/* A scan read again where its balance chain breaks. Coloured ink put on a
 * printed statement (a pen's ring round an amount, a tick, a stamp) can
 * make OCR lose or garble the rows it crosses; the chain shows where
 * (rows whose balance does not follow). Those pages are read again with
 * the coloured ink taken off (ocr_ink.h: only then, since a statement may
 * print in colour itself), and the reading whose chain holds better is
 * kept. Pure: statements in, pages and a score out. */
#ifndef PB_EXTRACT_SCAN_AGAIN_H
#define PB_EXTRACT_SCAN_AGAIN_H

#include <stdbool.h>

#include "core/statement.h"

/* Marks in pages[0..npages) the pages of the rows of all where the chain
 * breaks (a printed balance that does not follow, rows left unread before
 * the first row or after the last), and of the row before each (a row lost
 * at the foot of a page breaks the chain at the next page's first row).
 * Rows unreconciled only because OCR was unsure of them mark nothing: the
 * chain vouches for their amounts, and reading a page again costs at least
 * a drawing of it in colour. Returns how many pages are marked. */
int scan_again_pages(const struct statement_list *all, bool *pages, int npages);

/* How well a reading's chain holds: its reconciled rows less its others
 * (a reading that lost a table, or rows, scores lower). */
long scan_again_score(const struct statement_list *all);

#endif
