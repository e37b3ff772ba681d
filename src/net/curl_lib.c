/* libcurl, opened when the first URL is fetched (util/lazylib.h): every
 * function net/fetch.c calls. With it go the libraries libcurl brings
 * (GnuTLS, nghttp2, libssh2, librtmp, LDAP, ...). */
#include <stdarg.h>

#define CURL_DISABLE_TYPECHECK /* the checks are macros named as the functions defined here */
#include <curl/curl.h>

#include "util/lazylib.h"

#define X LAZYLIB_CURL

LAZYLIB_FN(X, CURLcode, curl_global_init, (long flags), (flags))
LAZYLIB_FN(X, CURL *, curl_easy_init, (void), ())
LAZYLIB_VOID(X, curl_easy_cleanup, (CURL * curl), (curl))
LAZYLIB_FN(X, CURLcode, curl_easy_perform, (CURL * curl), (curl))
LAZYLIB_FN(X, const char *, curl_easy_strerror, (CURLcode code), (code))
LAZYLIB_FN(X, struct curl_slist *, curl_slist_append, (struct curl_slist * list, const char *data), (list, data))
LAZYLIB_VOID(X, curl_slist_free_all, (struct curl_slist * list), (list))

/* The option's number tells its argument's type (curl.h: CURLOPTTYPE_*):
 * the argument is read as that type and passed on as it. */
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...)
{
    va_list ap;
    va_start(ap, option);
    CURLcode rc;
    if (option < CURLOPTTYPE_OBJECTPOINT)
        rc = LAZYLIB_LOOKUP(X, curl_easy_setopt)(curl, option, va_arg(ap, long));
    else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB)
        rc = LAZYLIB_LOOKUP(X, curl_easy_setopt)(curl, option, va_arg(ap, curl_off_t));
    else /* object, string, slist, function pointer, blob: a pointer */
        rc = LAZYLIB_LOOKUP(X, curl_easy_setopt)(curl, option, va_arg(ap, void *));
    va_end(ap);
    return rc;
}

/* Every CURLINFO_* takes a pointer to where the answer goes. */
CURLcode curl_easy_getinfo(CURL *curl, CURLINFO info, ...)
{
    va_list ap;
    va_start(ap, info);
    CURLcode rc = LAZYLIB_LOOKUP(X, curl_easy_getinfo)(curl, info, va_arg(ap, void *));
    va_end(ap);
    return rc;
}
