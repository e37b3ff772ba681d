/* ocr_fix_chain: a scanned row whose balance does not follow from the
 * previous balance and its amount may hold a misread digit (1/7, 5/6, 0/8,
 * 3/8 ...) or a lost decimal point. The readings of its amount or of its
 * balance with one such confusion are tried; one that makes this row
 * reconcile AND lets the next row reconcile from it is taken, when it is
 * the only one. Anything else stays as printed and stays unreconciled:
 * never guessed. Pure functions, unit-tested alone. */
#ifndef PB_EXTRACT_OCR_CHAIN_H
#define PB_EXTRACT_OCR_CHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "util/money.h"

struct chain_row {
    pb_paise amount;  /* > 0 */
    pb_paise balance;
    int dir;          /* -1 debit, +1 credit */
    bool dir_fixed;   /* the direction was printed (a column, Dr/Cr): never flipped */
    bool corrected;   /* out: amount, balance or direction changed here */
};

/* The readings of v with one digit confused, its decimal point lost (v
 * read 100 times too big), or one digit too many (a 1, or a digit read
 * twice, after the first: "76.69" read "716.69"): up to cap values into
 * out, v itself not among them. Returns how many. */
size_t ocr_digit_variants(pb_paise v, pb_paise *out, size_t cap);

/* Corrects rows[0..n) in order from the opening balance. Returns the
 * number of rows corrected. */
size_t ocr_fix_chain(pb_paise opening, struct chain_row *rows, size_t n);

#endif
