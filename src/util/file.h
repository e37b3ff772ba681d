/* Whole files read into memory (the CLI's inputs, tests, benchmarks). */
#ifndef PB_UTIL_FILE_H
#define PB_UTIL_FILE_H

#include <stddef.h>

/* Reads the file at path into a malloc'd buffer (caller frees) with a NUL
 * after its last byte, its length in *len. NULL when the file cannot be
 * opened or read, or holds more than max bytes. Reads until end of file,
 * so pipes and devices work too. */
char *file_read(const char *path, size_t max, size_t *len);

#endif
