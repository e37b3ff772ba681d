/* Inside identity reading (identity*.c), shared by its parts: the words of a
 * line (identity_text.c), the label table (identity_labels.c), field
 * validators (identity_fields.c), unlabelled names (identity_name.c), the
 * address (identity_address.c), account type (identity_type.c), the bank
 * (identity_bank.c); identity.c is the scan that drives them. */
#ifndef PB_EXTRACT_IDENTITY_PARTS_H
#define PB_EXTRACT_IDENTITY_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/bank.h"
#include "util/money.h"
#include "extract/identity.h"
#include "extract/layout.h"

#define SEG_MAX 512
#define MAX_TOK 48
#define MAX_SEGS 12
#define MAX_ADDR_LINES 8

/* ---------- text of a line (identity_text.c) ---------- */

/* A run of words on one line separated from its neighbours by a wide gap. */
struct seg {
    char text[SEG_MAX];
    float x0, x1;
    size_t line;
};

/* Tokens of a string (lower case, alphanumeric) with their byte offsets. */
struct toks {
    char t[MAX_TOK][24];
    size_t start[MAX_TOK], end[MAX_TOK];
    int n;
};

int id_segments(const struct layout *l, size_t li, struct seg *out, int max);
void id_line_text(const struct layout *l, size_t li, char *text, size_t cap);
void id_tokenize(const char *s, struct toks *t);
bool id_tok_in(const char *tok, const char *const *list);

/* ---------- labels (identity_labels.c) ---------- */

int id_labels_ready(void); /* loads the label table once; 0 / -1 */
int id_label_at(const struct toks *t, int p, int *len);
bool id_starts_with_label(const char *text);
bool id_names_a_field(const char *text);
/* Whether the lower-case letters s[0..n) end with a label of field whose
 * words are run together ('...yoursavingsaccountno'). */
bool id_ends_with_label(const char *s, size_t n, int field);

/* ---------- validators (identity_fields.c) ---------- */

char *id_dup_trim(const char *s, size_t n);
bool id_ifsc_at(const char *s, char out[12]);
/* An IFSC read by OCR with a glyph off, mended by its shape (four letters,
 * '0', six letters or digits) into out: digits and marks in the bank's code
 * read as the letters they look like (`PS{B`), an O in the '0''s place, a
 * branch part of digits with a look-alike letter, marks inside the code
 * dropped (`MAHB0080-784`), a glyph read twice as letter and digit
 * (`CITIO0103263`). False when read cannot be one. Its bank code is not
 * checked (identity_bank.c: id_mend_scanned_ifsc). */
bool id_ifsc_shape(const char *read, char out[12]);
char *id_account_in(const char *v, size_t *after);
char *id_micr_in(const char *v);
bool id_name_ok(const char *v, bool strict);
bool id_amount_in(const char *v, pb_paise *out);
bool id_valid_for(int field, const char *v);
bool id_counterparty_line(const char *text);

/* ---------- the scan's state (identity.c) ---------- */

/* Where a line sits relative to the transaction table on its page. */
enum zone { ZONE_TOP, ZONE_TABLE, ZONE_BOTTOM };

/* How a name was found: a better source replaces a worse one. */
enum name_rank { NAME_NONE, NAME_PLAIN, NAME_TITLE, NAME_AFTER_ACCOUNT, NAME_LABEL };

struct id_scan {
    const struct layout *l;
    const unsigned char *use;
    unsigned char *zone;
    struct id_result *r;
    enum name_rank name_rank;
    bool have_block;             /* an unlabelled name block (title or plain) */
    size_t block_line;
    float block_x0, block_x1;
    bool addr_specific;          /* the labelled address is the customer's by its label */
    size_t name_line;            /* where a labelled name was read */
    float name_x0, name_x1;
    size_t addr_line;
    float addr_x0, addr_x1;
    size_t addr_lines[MAX_ADDR_LINES]; /* lines read into the address */
    int naddr_lines;
    bool ifsc_labelled;
    bool ifsc_scanned;           /* the labelled IFSC was read by OCR */
    char ifsc_read[SEG_MAX];     /* an IFSC label's value OCR read that is no IFSC */
};

/* ---------- names (identity_name.c) ---------- */

void id_set_name(struct id_scan *s, char *v, enum name_rank rank);
void id_name_after_account(struct id_scan *s, const char *rest, size_t line);
void id_number_block(struct id_scan *s, size_t end);
void id_title_block(struct id_scan *s, size_t end);
void id_dear_name(struct id_scan *s, size_t end);
void id_plain_block(struct id_scan *s, size_t end);
void id_bare_name(char *name);
bool id_relation_at(const struct toks *t, int i);

/* ---------- address, type, bank ---------- */

void id_address_block(struct id_scan *s, size_t end);
bool id_address_line(const struct id_scan *s, size_t li);
void id_classify_account(struct identity *id);
void id_unlabelled_ifsc(struct id_scan *s);
void id_mend_scanned_ifsc(struct id_scan *s);
void id_run_together_account(struct id_scan *s);
const struct bank_info *id_decide_bank(const struct id_scan *s);

#endif
