/* An API error as FinBox reports it: {"error": {"code", "message"}} with an
 * HTTP status. Codes and messages are FinBox's, copied exactly. */
#ifndef PB_CORE_API_ERROR_H
#define PB_CORE_API_ERROR_H

struct api_error {
    int status;          /* HTTP status, e.g. 400 */
    const char *code;    /* "INVALID_DATE_FORMAT" (static string) */
    char message[256];   /* human-readable, may name the field */
};

/* Fills err and returns -1, so validators can `return api_error_set(...)`. */
int api_error_set(struct api_error *err, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
