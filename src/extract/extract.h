/* Statement extraction: PDF bytes in, one struct statement per account the
 * document holds (core/statement.h) or a FinBox error code out. Knows nothing of HTTP or storage.
 *
 * Pipeline: pdf_doc.c (MuPDF open, limits; pdf_text.c words with coordinates)
 *   -> layout.c (words -> lines by baseline)
 *   -> header.c (header row), cells.c (columns), lines.c (line classes),
 *      table*.c (rows; table_parts.h) + token.c (dates, amounts)
 *   -> identity.c (name, account, IFSC, period ...) + profile.c (banks as data)
 *   -> reconcile.c (row and statement balance checks).
 * Thread-safe: call extract_init() once, then extract_pdf() from any thread. */
#ifndef PB_EXTRACT_EXTRACT_H
#define PB_EXTRACT_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/statement.h"

enum extract_code {
    EXTRACT_OK = 0,
    EXTRACT_UNPARSABLE,          /* not a PDF, corrupt, or over a resource limit */
    EXTRACT_PASSWORD_INCORRECT,  /* password missing or wrong */
    EXTRACT_PDF_IS_IMAGE,        /* pages carry images but no text */
    EXTRACT_TOO_MANY_PAGES,
    EXTRACT_NO_TRANSACTIONS,
    EXTRACT_BANK_UNDETECTED,     /* only when opts.require_bank */
    EXTRACT_BANK_MISMATCH,       /* opts.bank given and the document says another bank */
    EXTRACT_TEXT_UNREADABLE,     /* our own code (not FinBox's): the text layer is garbage (broken font encodings) */
    EXTRACT_TOO_COMPLEX,         /* stopped by a limit: deadline, work, nesting, inflated size, memory */
    EXTRACT_BUSY,                /* the memory all calls share is in use by others: retry once it frees */
};

struct layout;
struct ocr_memo;

struct extract_opts {
    const char *password;   /* NULL or "" when none given */
    const char *bank;       /* caller's bank id hint ("hdfc"), or NULL */
    bool require_bank;      /* fail with BANK_NAME_UNDETECTED when no bank is recognised */
    int max_pages;          /* 0 = default (500) */
    int max_objects;        /* 0 = default (2 000 000) */
    size_t max_memory;      /* bytes this call may hold (MuPDF's and the words); 0 = default (512 MiB) */
    double max_seconds;     /* wall-clock budget, enforced by a watchdog; 0 = default (60) */
    long max_ops;           /* work: content-stream tokens of the pages plus drawing calls
                               (every glyph run, path, image, form drawn); 0 = default (20 million) */
    int max_form_depth;     /* forms (patterns, glyphs) drawing forms; 0 = default (12) */
    size_t max_inflated;    /* content streams inflated, whole document; 0 = default (256 MiB,
                               64 MiB per page) */
    bool no_ocr;            /* scanned pages: PDF_IS_IMAGE (FinBox's answer) instead of OCR */
    int ocr_max_pages;      /* a scan with more pages is refused; 0 = default (50) */
    double ocr_page_seconds; /* OCR work one page may take (CPU seconds; 15x on the wall clock: ocr.h);
                               0 = default (20); the call's deadline grows with each scanned page */
    /* A scan read again where its chain broke (scan_again.h): the scanned
     * pages marked here are read by OCR with coloured ink taken off
     * (ocr_ink.h), the others (and a marked page with no coloured ink)
     * take their words from ocr_words, the first reading. NULL: read every
     * scanned page. */
    const bool *ocr_without_ink;
    const struct layout *ocr_words;
    /* The scanned pages as first read, piece by piece (ocr_memo.h): kept
     * here by a first reading, so that reading again (ocr_without_ink)
     * reads only the pieces the ink touched. NULL: not kept. */
    struct ocr_memo *ocr_memo;
};

struct extract_error {
    enum extract_code code;
    char message[200];
};

/* The memory all extractions together may hold (MuPDF's allocations and
 * the words each call has read). A call that would pass it fails with
 * EXTRACT_TOO_COMPLEX. Default 1 GiB. */
void extract_set_memory_budget(size_t bytes);
/* Bytes held now, all calls together (for /metrics and tests). */
size_t extract_memory_in_use(void);
/* Whether another call may start: a quarter of the budget is still free.
 * (The ingest pool asks before starting an upload, so that uploads wait
 * for memory rather than fail for it.) */
bool extract_memory_admits(void);

/* Once per process, before any thread calls extract_pdf. Returns 0 / -1. */
int extract_init(void);
/* Releases what extract_init made; no extraction may be running. */
void extract_shutdown(void);

/* Reads the statement in data[0..len): every account it holds, one
 * statement each (core/statement.h: statement_list; items[0] is the first
 * account). On success fills *out (caller frees with statement_list_free)
 * and returns 0; on failure fills err, leaves *out empty and returns -1.
 * Safe to call from several threads at once. */
int extract_pdf(const void *data, size_t len, const struct extract_opts *opts,
                struct statement_list *out, struct extract_error *err);

struct layout;
/* The stages after MuPDF, on an already built layout (tests, fuzzing):
 * same contract as extract_pdf, without document facts. */
int extract_layout(const struct layout *l, const struct extract_opts *opts, struct statement_list *out,
                   struct extract_error *err);

/* "UNPARSABLE", "PASSWORD_INCORRECT", ...: the FinBox code for c. */
const char *extract_code_name(enum extract_code c);
/* FinBox's message for c. */
const char *extract_code_message(enum extract_code c);

#endif
