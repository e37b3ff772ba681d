/* The transaction table's header row: column labels found by their words
 * (phrases of data/banks/profiles.tsv), stacked over up to three lines. */
#ifndef PB_EXTRACT_HEADER_H
#define PB_EXTRACT_HEADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/layout.h"
#include "extract/profile.h"

#define TABLE_MAX_COLS 16

struct column {
    enum col_role role;
    float x0, x1;      /* header label extent */
    float left, right; /* cell boundaries derived from the data */
    bool edge;         /* left is where this column's cells start (cells.c) */
    bool figures;      /* a text column whose cells all start with a word holding
                        * a digit (cheque and reference numbers: cells.c) */
    bool guess;        /* role not named by the label's words (read from the
                        * cells below, or only part of the label known):
                        * the balance chain may choose another */
    bool unnamed;      /* no phrase matched any of its words */
    float lead_x0, lead_x1; /* unnamed words a space or less before the label that
                             * joined it (header.c); set where they were its only
                             * guess: its cells may show them a column of their
                             * own (header_roles.c). lead_x1 <= lead_x0: none */
    float label_x0;         /* the label's own left edge without them */
    float tail_x0, tail_x1; /* the same after the label on its line ("Nature of Txn" a
                             * space after "Balance"): its cells may show them another
                             * column's label. tail_x1 <= tail_x0: none */
    float label_x1;         /* the label's own right edge without them */
    bool below;             /* a narration label printed under the first label from its
                             * left edge ('Date' over 'Particulars'): each row's narration
                             * is a line of its own under the row's figures, from the
                             * table's left edge; no word falls in the column (cells.c) */
    bool vdate_under;       /* the value date's label stacked under the date's ('Txn Date' over
                             * 'Value Date'): a row's value date is printed in the date's
                             * cell, on the line under its date (lines.c) */
    bool ref_under;         /* a reference's label stacked under the narration's, from its left
                             * edge ('Particulars' over 'Cheque No'): a row's cheque or
                             * reference number is the narration cell's last line
                             * (table_narration.c) */
};

struct header {
    int ncols;
    struct column cols[TABLE_MAX_COLS];
    size_t first_line, last_line; /* layout line indices */
    uint64_t words; /* its words, line by line, hashed: pages printing the same header share it */
    float advance;  /* the rows' font is monospaced: its advance (a letter, a space) in ems; 0 when
                     * not (cells.c) */
};

/* Header detection on lines [i, i+k) alone: returns the number of distinct
 * roles found (0 if these lines are not a header) and fills *h. */
int header_match(const struct layout *l, size_t i, size_t k, struct header *h);
/* The best header starting at line i, stacked over up to three close lines
 * before page_end (or from the line above, a label over the others, not
 * before page_start). Returns its score (0: none) and fills *best. */
int header_find_at(const struct layout *l, size_t i, size_t page_start, size_t page_end, struct header *best);
/* Same roles at the same places: the same table continued. */
bool header_same_layout(const struct header *a, const struct header *b);
/* A word on line li holds two or more digits (data, not a label). */
bool header_line_has_value(const struct layout *l, size_t li);
/* Index of the first column with role r, or -1. */
int header_col(const struct header *h, enum col_role r);
/* Column a is a narration label printed under the label beside it in the
 * column order, both starting at one x ('Date' over 'Particulars'): two
 * labels side by side never do. The narration is then a line of its own
 * under each row, from the table's left edge (struct column.below). */
bool header_narration_below(const struct header *h, int a);

#endif
