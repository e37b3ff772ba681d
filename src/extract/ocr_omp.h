/* The OpenMP parallel regions Tesseract opens, run inline on the calling
 * thread.
 *
 * Debian's libtesseract is built with OpenMP: its LSTM opens a parallel
 * region (`omp parallel sections`, one section per gate) at every time step
 * of every text line, ~250,000 regions for a page. Passbook reads pages in
 * parallel itself (one Tesseract per ingest thread), so those regions get
 * one thread each; libgomp still sets a team up and tears it down for each,
 * with a futex wake at its closing barrier: a system call per region, 13%
 * of a page's CPU time on this project's VM (docs/extraction.md).
 *
 * Passbook's executable defines the entry points GCC compiles these regions
 * into and exports them (Makefile: -Wl,--dynamic-list=src/extract/ocr_omp.sym),
 * so the dynamic loader binds libtesseract's calls to them rather than to
 * libgomp: a region becomes a plain call of its body on this thread, whose
 * sections are handed out in order, as OpenMP's serial stubs do. The rest
 * of libgomp (omp_get_thread_num, omp_get_num_threads: 0 and 1 outside any
 * team) serves the body as before. Nothing else in Passbook uses OpenMP. */
#ifndef PB_EXTRACT_OCR_OMP_H
#define PB_EXTRACT_OCR_OMP_H

/* GCC's libgomp ABI (the entry points a compiled `omp parallel` and
 * `omp sections` call); prototypes for the definitions in ocr_omp.c. */
void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags);
void GOMP_parallel_start(void (*fn)(void *), void *data, unsigned num_threads);
void GOMP_parallel_end(void);
void GOMP_parallel_sections(void (*fn)(void *), void *data, unsigned num_threads, unsigned count,
                            unsigned flags);
void GOMP_parallel_sections_start(void (*fn)(void *), void *data, unsigned num_threads, unsigned count);
unsigned GOMP_sections_start(unsigned count);
unsigned GOMP_sections_next(void);
void GOMP_sections_end(void);
void GOMP_sections_end_nowait(void);

#endif
