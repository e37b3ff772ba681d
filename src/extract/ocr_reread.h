/* What of a piece OCR read unsure is read again, and which reading is
 * kept. A piece (ocr_bands.h) is read from the grey page first; the words
 * of it less sure than OCR_REREAD_BELOW are read again in black and white,
 * and where that reading is surer it replaces them. Only the unsure words
 * are read again, each run of them on its line cut out between its sure
 * neighbours: the network's work goes with the width it reads, and on
 * scan-smoke the unsure words are ~60% of the width of the pieces they are
 * in. Pure: words in, choices out. */
#ifndef PB_EXTRACT_OCR_REREAD_H
#define PB_EXTRACT_OCR_REREAD_H

#include <stdbool.h>
#include <stddef.h>

/* Words Tesseract gave less than this are read again. From 90 to 80
 * (with the run cut to its line's rows, ocr_unsure_rows): scan-smoke s1
 * the same rows (222/255), a scan-full s2 sample of 19 statements the same
 * total (71.1%), silent 0 both, ~20% less CPU (docs/extraction.md). */
#define OCR_REREAD_BELOW 80.0f

/* A word as read: its text, box left and right, baseline and font size (in
 * points) and Tesseract's confidence (0-100). */
struct pword {
    char text[256];
    size_t len;
    float x0, x1, base, size, conf;
    float ink;   /* how far its ink reaches above the baseline (points; 0 unknown) */
    bool joined; /* of pieces Tesseract read apart: its text fixed again */
};

/* Whether two words are on one printed line (their baselines within half
 * an em). */
bool ocr_same_line(const struct pword *a, const struct pword *b);

/* Word i of w (n words, in reading order) being unsure: the end j of the
 * run of unsure words [i, j) on its line, and the columns to read them
 * again in, [*x0, *x1) in pixels (px pixels a point), narrowed from the
 * piece's to those between the run's sure neighbours on that line, two
 * pixels clear of their ink. */
size_t ocr_unsure_run(const struct pword *w, size_t n, size_t i, float px, int *x0, int *x1);

/* The rows to read the run [i, j) of w again in, [*y0, *y1) in pixels (px
 * pixels a point), narrowed from the piece's to the run's line: from an em
 * above its baseline (capitals reach 0.72 em) to 0.4 em below it (a
 * descender reaches 0.22). A piece may hold two or three lines (a wrapped
 * narration): cut to the columns of the run alone, the other lines' words
 * there were read again for nothing and dropped (ocr_reread_wins). */
void ocr_unsure_rows(const struct pword *w, size_t i, size_t j, float px, int *y0, int *y1);

/* The words read again (again, *m of them) that stand for the run (n
 * words): those on the run's line (the others, of another line of the
 * piece, are the first reading's to give) are kept in again, *m updated;
 * true when their least sure word is surer than the run's. Then each keeps
 * its text, box and confidence but takes the baseline and size of the run
 * word nearest it: cut out alone, a word or two is too little of its line
 * for Tesseract to place them (a header's "Chq" read again alone came out
 * at 14 points on a line of 9, and left its header line), and the first
 * reading saw the whole line. */
bool ocr_reread_wins(const struct pword *run, size_t n, struct pword *again, size_t *m);

#endif
