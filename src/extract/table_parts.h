/* Inside the table stage (table*.c), shared by its parts: which page
 * headers the rows are read under and the column boundaries
 * (table_columns.c), lines that belong to no row (table_noise.c), lines
 * into rows (table_rows.c), their narration and references
 * (table_narration.c), and the readings of the columns' roles the balance
 * chain chooses among (table_readings.c); table.c drives them. */
#ifndef PB_EXTRACT_TABLE_PARTS_H
#define PB_EXTRACT_TABLE_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/header.h"
#include "extract/layout.h"
#include "extract/lines.h"
#include "extract/table.h"

/* The data lines of one reading of the table (every line below a page's
 * header), in order: their layout line indices, their classes (and rows,
 * once attached) and the header each is read under. Arrays owned by the
 * reading (table.c: read_table). */
struct table_lines {
    const struct layout *l;
    struct table_result *out;
    size_t *dl;           /* data line indices (layout lines), in order */
    struct lineinfo *info;
    const struct header **hdr; /* header used by each data line */
    size_t ndl;
};

/* A page's header, if it has one, and the run of pages sharing its layout
 * (one table) it belongs to. */
struct page_header {
    struct header h;
    bool found;
    int group;
};

/* How a row's cells sit when its narration wraps: at the top (the wrapped
 * lines below the dated line), centred (above and below it) or at the
 * foot (all above it). */
enum valign { VA_TOP, VA_MIDDLE, VA_BOTTOM };

/* table_columns.c: each page's header (ph[0..npages), pstart[p] the first
 * layout line of page p, pstart[npages] = nlines). */
void table_find_headers(const struct layout *l, struct page_header *ph, const size_t *pstart);
/* Every line below a page's header becomes a data line under the header
 * of its run of pages; each run's boundaries come from its data lines.
 * Counts the tables and marks header lines in c->out. */
void table_assign_lines(struct table_lines *c, struct page_header *ph, const size_t *pstart);

/* table_unlabelled.c: when no page has a header, the columns of a table
 * printed without labels (a passbook's copy) from its rows, as the header
 * of the first row's page (one with no lines of its own). Returns whether
 * the rows make such a table. */
bool table_unlabelled_header(const struct layout *l, struct page_header *ph);

/* table_noise.c: footers, footnotes, letterheads and repeated lines
 * become LK_NOISE. pitch: the usual line spacing inside rows. */
void table_drop_far_lines(struct table_lines *c, float pitch);
void table_drop_repeated_lines(struct table_lines *c);
void table_drop_after_end(struct table_lines *c, float pitch);
/* A text line between rows printed wholly in the column labels' face and
 * in none of the transaction lines' (a section's or month's banner) is no
 * row's narration. */
void table_drop_section_titles(struct table_lines *c);

/* table_rows.c */
/* The line spacing inside rows (the lower quartile of line gaps). */
float table_line_pitch(const struct table_lines *c);
/* The cells' vertical alignment, voted over the document. */
enum valign table_valign(const struct table_lines *c);
/* Dated and amount lines become rows of c->out; opening/closing lines
 * markers; text lines join the row they continue (info[].row). Returns 0,
 * or -1 on out of memory. */
int table_attach_rows(struct table_lines *c, enum valign va, float pitch);

/* table_narration.c: each row's narration and reference from its lines'
 * cells, wrapped pieces joined; value dates printed under the date.
 * Returns 0, or -1 on out of memory. */
int table_collect_text(struct table_lines *c);
/* No row has a narration while lines of words no row took lie between
 * the rows, one for every other row or more (a header read without the
 * narration's column: its cells became the table's noise): sets
 * c->out->narration_unread. */
void table_narration_unread(struct table_lines *c);
/* table_value_dates.c: most rows print a second date on their lines (a
 * value date beside the date or stacked under it) yet the reader read the
 * value date of fewer than half of them: sets c->out->value_dates_unread.
 * Returns 0, or -1 on out of memory. */
int table_value_dates_unread(struct table_lines *c);

/* table_readings.c */
/* How well the balances chain (0..1). */
double table_chain_score(const struct table_result *t);
/* The money columns of h whose roles the labels left open (at most 4, in
 * idx). */
int table_guessed_money(const struct header *h, int *idx);
/* The v-th permutation of those columns' roles (v < k!). */
void table_permute_roles(struct header *h, int v);
/* How many orders of the guessed money columns' roles the pages' headers
 * allow (k! for the page with the most, k <= 4). */
int table_permutations(const struct page_header *ph, int npages);
/* Does a page's header hold a debit and a credit column that no label
 * names, and no balance column (table_result.sides_open)? */
bool table_sides_open(const struct page_header *ph, int npages);
/* Pages printing the same header words at the same place whose columns,
 * read from each page's cells, differ: one page per distinct reading (at
 * most max, in src), for the first such header; 0 when all agree. */
#define MAX_ROLE_SOURCES 4
int table_role_sources(const struct page_header *ph, int npages, int *src, int max);
/* Every page printing the header of page src takes its columns. */
void table_adopt_roles(struct page_header *ph, int npages, int src);

#endif
