/* Inside header reading (header*.c): header.c reads the labels into
 * columns; header_roles.c reads the roles its labels leave open from the
 * cells below them (header_cells.c), after header_parting.c parted labels
 * printed as one that the cells show are several columns'. */
#ifndef PB_EXTRACT_HEADER_PARTS_H
#define PB_EXTRACT_HEADER_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/header.h"
#include "extract/layout.h"
#include "util/date.h"

/* Could line i start a header? At least two of its words begin a column
 * label (cheap: most lines of a statement are rows). */
bool header_may_start(const struct layout *l, size_t i);
/* Is line i a line of column labels: no values, more than half its words
 * named by header phrases? A row's text naming two labels in four words
 * ("Cheque deposit AXIS BANK") is not. */
bool header_line_of_labels(const struct layout *l, size_t i);
/* Is line i another table's labels, even in words the phrases half know:
 * spread over the line in four groups or more, two of its words starting
 * a label's phrase, no value ("SI No  Start Date  Frequency  Amount ...")?
 * The cells below a header end there. */
bool header_line_of_other_labels(const struct layout *l, size_t i);
/* Roles of h's unknown columns from the cells of the lines below the
 * header (from line `from`, on its page): dates, amounts, Dr/Cr markers,
 * serial numbers or text; unnamed pieces merged into the label beside
 * them. size: the header's font size. Returns false when too few lines
 * show a table of transactions under h (its date column dates, a money
 * column amounts). *chained: the balances below chain under these roles
 * (the cells vouch for the header whatever its words). */
bool header_roles_from_cells(const struct layout *l, size_t from, float size, struct header *h, bool *chained);

/* CK_DAYMONTH: "01.04", a day and month without a year or an amount of
 * 1.04: the column as a whole decides (column_kind) */
enum cellkind { CK_EMPTY, CK_DATE, CK_MONEY, CK_DRCR, CK_INT, CK_TEXT, CK_DAYMONTH, CK__COUNT };

/* What was counted of one column's cells below the header. One per column
 * of the header, at the column's index: it moves with its column when
 * labels merge or part (header_drop_column, header_open_column), never on
 * its own. */
struct col_cells {
    int count[CK__COUNT]; /* cells of each kind */
    enum cellkind kind;   /* what the column holds (column_kind) */
    int timed;            /* date cells that also print a time of day */
    int dated_text;       /* date cells whose date words follow (a narration begins with it) */
    int earlier, later;   /* date cells earlier / later than the column's date above */
    pb_day last;          /* the column's last date so far (0: none yet) */
    size_t textlen;       /* characters of its text cells */
};

#define SAMPLE_LINES 40 /* lines below a header read for its columns' roles */
#define SAMPLE_CELL 160

/* The lines a header's roles are read from: from line `from` on, on its
 * page, up to another table's header. A header at a page's foot with too
 * few lines under it to tell (a section's lone first row) reads on on the
 * next page, under its letterhead and the header repeated (cont -1: on the
 * header's page; 0: above the repeated header; 1: under it). */
struct sampler {
    size_t j;
    int page, cont, above;
    int lines; /* lines read so far (by header_sample_cells: those with two cells or more) */
    size_t from; /* the line under the header */
};

/* header_cells.c: the cells below a header, as its roles are read. */
/* Column a leaves h (merged into a label beside it): the columns after it,
 * and their counts (cc, unless NULL: none counted yet), move left. */
void header_drop_column(struct header *h, struct col_cells *cc, int a);
/* Room for a new column at a (h has fewer than TABLE_MAX_COLS): the
 * columns from a on, and their counts (cc unless NULL), move right; the
 * new column starts as a copy of the one it displaced, its counts empty. */
void header_open_column(struct header *h, struct col_cells *cc, int a);
/* What one cell holds: a date, an amount, a Dr/Cr marker, a small number,
 * text, or nothing. */
enum cellkind header_cell_kind(const char *s);
/* A cell's kind as a column's content counts it (text ending in an
 * amount is that amount). */
enum cellkind header_content_kind(const char *s);
/* A role of a money column: debit, credit, amount or balance. */
bool header_money_role(enum col_role r);
/* Does a column's content suit a label's role? */
bool header_kind_suits(enum cellkind k, enum col_role r);
/* The column whose cells reach over x. */
int header_column_at(const struct header *h, float x);
/* Line j's words under h's labels into cell; returns how many are filled. */
int header_cells_under(const struct layout *l, size_t j, const struct header *h, float size,
                       char (*cell)[SAMPLE_CELL]);
/* The lines below a header from line `from` (header_sample_next). */
struct sampler header_sampler_at(const struct layout *l, size_t from);
/* The next line to read (*j), or false at the end. */
bool header_sample_next(const struct layout *l, struct sampler *s, size_t *j);
/* The cells under h of the next line that has two or more, into cell;
 * false at the end or after SAMPLE_LINES such lines. */
bool header_sample_cells(const struct layout *l, struct sampler *s, const struct header *h, float size,
                         char (*cell)[SAMPLE_CELL]);
/* Counts the cells under each of h's columns (cc) over the lines its
 * roles are read from; each column's kind from its counts. Returns how
 * many lines were read. */
int header_count_cells(const struct layout *l, size_t from, float size, const struct header *h, struct col_cells *cc);

/* header_edges.c: where the columns of cells below a header start and
 * where right-aligned ones end. */
#define MAX_CELL_EDGES 24
struct cell_edges {
    int n, nr;
    float x[MAX_CELL_EDGES]; /* left edges */
    float r[MAX_CELL_EDGES]; /* right edges */
};
/* The edges of the columns of cells below a header (from line `from`,
 * the lines its roles are read from; size: its font size): left, an x
 * where three cells or more start; right, an x where three amounts or
 * more end. A cell starts its line or a gap wider than
 * a space; amounts and small numbers (right-aligned) show no left edge,
 * other cells no right one. */
void header_cell_edges(const struct layout *l, size_t from, float size, struct cell_edges *e);
/* Does a column of cells start at x (a label's word starting there)? */
bool header_edge_at(const struct cell_edges *e, float x);
/* Does a column of amounts (right-aligned: an x where three or more
 * end) end at x (a label's word ending there)? */
bool header_edge_ends_at(const struct cell_edges *e, float x);

/* header_parting.c: one printed label parted into several columns' labels
 * where the cells below show them apart. */
/* A serial number's label joined to the date's, parted where the cells
 * part (a small number then a date). */
void header_part_serial_lead(const struct layout *l, size_t from, float size, struct header *h);
/* Unnamed words a space after a named label, parted from it where their
 * cells are of a kind its role does not suit. */
void header_part_tail(const struct layout *l, size_t from, float size, struct header *h);
/* A column printing the date and the narration in one cell parted into a
 * date label and a narration label one space apart. */
void header_date_in_narration_cell(const struct layout *l, size_t from, float size, struct header *h,
                                   struct col_cells *cc);

#endif
