/* Files under data/ (rule tables, journey assets) compiled into the binary
 * by scripts/embed.sh, so a deployment is one file. */
#ifndef PB_UTIL_EMBEDDED_H
#define PB_UTIL_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
    const char *path;          /* relative to data/, e.g. "rules/channels.tsv" */
    const unsigned char *data; /* NUL-terminated for convenience */
    size_t len;                /* without the NUL */
};

extern const struct embedded_file EMBEDDED_FILES[]; /* ends with {NULL} */

/* The embedded file at path, or NULL. */
const struct embedded_file *embedded_find(const char *path);
/* The media type of an asset by its name's extension (html, js, css, svg, png). */
const char *embedded_content_type(const char *path);

#endif
