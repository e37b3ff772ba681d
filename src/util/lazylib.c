/* Libraries opened on first use. See lazylib.h. */
#include "util/lazylib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

#include "util/log.h"

/* Debian 12's sonames and the packages that install them. */
static const struct {
    const char *soname, *package;
} LIBS[LAZYLIB_COUNT] = {
    [LAZYLIB_XML2] = {"libxml2.so.2", "libxml2"},
    [LAZYLIB_XLSXWRITER] = {"libxlsxwriter.so.4", "libxlsxwriter4"},
    [LAZYLIB_PQ] = {"libpq.so.5", "libpq5"},
    [LAZYLIB_CURL] = {"libcurl.so.4", "libcurl4"},
    [LAZYLIB_MHD] = {"libmicrohttpd.so.12", "libmicrohttpd12"},
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void *handles[LAZYLIB_COUNT];

/* The library's handle, opened once; NULL (logged) when missing. */
static void *open_lib(enum lazylib lib)
{
    pthread_mutex_lock(&lock);
    if (!handles[lib]) {
        handles[lib] = dlopen(LIBS[lib].soname, RTLD_NOW | RTLD_LOCAL);
        if (!handles[lib])
            log_error("event=library_missing library=%s hint=\"install the Debian package %s\"", LIBS[lib].soname,
                      LIBS[lib].package);
    }
    void *h = handles[lib];
    pthread_mutex_unlock(&lock);
    return h;
}

void *lazylib_sym(enum lazylib lib, const char *name)
{
    void *h = open_lib(lib);
    void *fn = h ? dlsym(h, name) : NULL;
    if (!fn) {
        if (h)
            log_error("event=library_missing library=%s symbol=%s hint=\"install the Debian package %s\"",
                      LIBS[lib].soname, name, LIBS[lib].package);
        _exit(1);
    }
    return fn;
}

int lazylib_load_all(void)
{
    int rc = 0;
    for (int i = 0; i < LAZYLIB_COUNT; i++)
        if (!open_lib((enum lazylib)i))
            rc = -1;
    return rc;
}
