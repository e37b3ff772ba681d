/* Stops extractions that run past their limits. One watchdog thread looks
 * at every registered watch a few times a second and trips it at the
 * deadline or when its work passes the limit. Work is what MuPDF counts in
 * the cookie's progress (the tokens of a page's content stream; MuPDF
 * checks the cookie's abort flag before each) plus every drawing call that
 * reaches the device (watch_device counts them): forms, patterns and Type 3
 * glyphs run without the cookie, but each draw of theirs passes the
 * device, which fails at once on a tripped watch, so the interpreter
 * unwinds within a draw. A single endless token (gigabytes of inflated
 * whitespace) is not interrupted this way, nor is what MuPDF does when a
 * resource loads (a font recording its Type 3 glyphs, parsing its CMaps):
 * pdf_bounds.h limits inflated bytes and glyph work before a page runs, and
 * a tripped watch fails the call's allocations (pdf_doc.c). */
#ifndef PB_EXTRACT_WATCHDOG_H
#define PB_EXTRACT_WATCHDOG_H

#include <stdatomic.h>

#include <mupdf/fitz.h>

enum watch_trip { WATCH_OK = 0, WATCH_DEADLINE, WATCH_WORK };

struct watch {
    fz_cookie cookie;            /* pass &cookie to fz_run_page */
    double deadline;             /* CLOCK_MONOTONIC seconds */
    long max_progress;           /* tokens interpreted + device calls, all pages together */
    long max_page_progress;      /* ... on one page (text piling up on one page costs more) */
    atomic_long calls;           /* device calls so far (watch_device) */
    atomic_long page_base;       /* tokens + calls when the current page began */
    atomic_int tripped;          /* enum watch_trip */
    struct watch *prev, *next;   /* the watchdog's list */
};

/* Seconds on CLOCK_MONOTONIC. */
double watch_now(void);
/* Registers w (zeroed here) with a deadline seconds from now. 0 / -1. */
int watch_start(struct watch *w, double seconds, long max_progress, long max_page_progress);
/* A new page begins: its own work count starts from here. */
void watch_page(struct watch *w);
/* Unregisters w; call before w goes out of scope. */
void watch_stop(struct watch *w);
/* A device passing every call to target, counting it as work and failing
 * (FZ_ERROR_ABORT) once w has tripped. Dropping it drops target too. */
fz_device *watch_device(fz_context *ctx, fz_device *target, struct watch *w);
/* The reason w was stopped, checking the deadline itself too (between
 * pages and in pdf_doc.c's own loops the watchdog's period is not awaited). */
enum watch_trip watch_check(struct watch *w);

#endif
