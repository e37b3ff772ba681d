/* Libraries only some commands need, opened on first use.
 *
 * Every library linked to the binary is mapped and relocated at each start,
 * before main: `passbook parse` of a text statement paid more for the
 * server's libraries than for its own work (docs/extraction.md, "Start-up").
 * A library listed here is not linked; a shim file defines each of its
 * functions Passbook calls, under the library's own name and prototype (so
 * call sites and types stay the library's), forwarding to the real one,
 * looked up with dlopen/dlsym on the first call. `passbook serve` loads them
 * all at start (lazylib_load_all): a missing one is refused there, as the
 * dynamic loader would, not in the middle of a request. The Debian package
 * depends on them by name (debian/control). A shim file must never be linked
 * together with its library (the fuzz harnesses link the real ones). */
#ifndef PB_UTIL_LAZYLIB_H
#define PB_UTIL_LAZYLIB_H

enum lazylib { LAZYLIB_XML2, LAZYLIB_XLSXWRITER, LAZYLIB_PQ, LAZYLIB_CURL, LAZYLIB_MHD, LAZYLIB_COUNT };

/* The library's function `name`. A library or function that cannot be
 * loaded is logged (event=library_missing, with the Debian package) and
 * ends the process: a broken installation, as when the dynamic loader
 * refuses to start the program. */
void *lazylib_sym(enum lazylib lib, const char *name);

/* Opens every library; -1 (each missing one logged) when one is missing. */
int lazylib_load_all(void);

/* The library's own `name` (of name's type), looked up on the first call
 * and kept: a GNU statement expression, for the shims' bodies below. */
#define LAZYLIB_LOOKUP(lib, name)                                                                                      \
    ({                                                                                                                 \
        static __typeof__(name) *fn;                                                                                   \
        __typeof__(name) *f = __atomic_load_n(&fn, __ATOMIC_ACQUIRE);                                                  \
        if (!f) {                                                                                                      \
            f = (__typeof__(name) *)lazylib_sym(lib, #name);                                                           \
            __atomic_store_n(&fn, f, __ATOMIC_RELEASE);                                                                \
        }                                                                                                              \
        f;                                                                                                             \
    })

/* Defines `ret name params`, calling the library's own `name` with `args`. */
#define LAZYLIB_FN(lib, ret, name, params, args) \
    ret name params                              \
    {                                            \
        return LAZYLIB_LOOKUP(lib, name) args;   \
    }

/* The same for a function returning nothing. */
#define LAZYLIB_VOID(lib, name, params, args) \
    void name params                          \
    {                                         \
        LAZYLIB_LOOKUP(lib, name) args;       \
    }

#endif
