/* A fault-injection shim for the fault tests (tests/api/test_faults.py),
 * built by them and loaded with LD_PRELOAD into the server under test.
 * Never part of the product.
 *
 * PB_FAULT_CTL names a control file; each line is a rule
 *
 *     enospc SUBSTRING     writes to files whose path contains SUBSTRING fail
 *                          with ENOSPC (a full disk), as does creating one
 *     fsync  SUBSTRING     fsync/fdatasync of such files fail with EIO
 *
 * The file is read again whenever it changes, so a test fills the disk
 * and frees it again while the server runs. An empty or missing file
 * injects nothing. Paths come from /proc/self/fd. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAX_RULES 8

struct rule {
    char kind[16];
    char match[256];
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct rule rules[MAX_RULES];
static int nrules;
static struct timespec seen_mtime;
static off_t seen_size = -1;

static void reload(void)
{
    const char *ctl = getenv("PB_FAULT_CTL");
    struct stat st;
    if (!ctl || stat(ctl, &st) != 0) {
        nrules = 0;
        return;
    }
    if (st.st_mtim.tv_sec == seen_mtime.tv_sec && st.st_mtim.tv_nsec == seen_mtime.tv_nsec &&
        st.st_size == seen_size)
        return;
    seen_mtime = st.st_mtim;
    seen_size = st.st_size;
    nrules = 0;
    FILE *f = fopen(ctl, "r");
    char line[300];
    while (f && nrules < MAX_RULES && fgets(line, sizeof line, f))
        if (sscanf(line, "%15s %255s", rules[nrules].kind, rules[nrules].match) == 2)
            nrules++;
    if (f)
        fclose(f);
}

/* Whether a rule of kind matches the file behind fd (or path). */
static int hit(const char *kind, int fd, const char *path)
{
    char buf[4096];
    if (!path) {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, buf, sizeof buf - 1);
        if (n <= 0)
            return 0;
        buf[n] = '\0';
        path = buf;
    }
    int found = 0;
    pthread_mutex_lock(&mu);
    reload();
    for (int i = 0; i < nrules && !found; i++)
        found = !strcmp(rules[i].kind, kind) && strstr(path, rules[i].match);
    pthread_mutex_unlock(&mu);
    return found;
}

/* The next definition of name (libc's, or a sanitizer's wrapper of it). */
#define REAL(name)                                                                                   \
    static __typeof__(&name) real_##name;                                                            \
    if (!real_##name)                                                                                \
    real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(write);
    if (fd > 2 && hit("enospc", fd, NULL)) {
        errno = ENOSPC;
        return -1;
    }
    return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    REAL(pwrite);
    if (hit("enospc", fd, NULL)) {
        errno = ENOSPC;
        return -1;
    }
    return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    REAL(pwrite64);
    if (hit("enospc", fd, NULL)) {
        errno = ENOSPC;
        return -1;
    }
    return real_pwrite64(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    REAL(writev);
    if (fd > 2 && hit("enospc", fd, NULL)) {
        errno = ENOSPC;
        return -1;
    }
    return real_writev(fd, iov, cnt);
}

int fallocate(int fd, int mode, off_t off, off_t len)
{
    REAL(fallocate);
    if (hit("enospc", fd, NULL)) {
        errno = ENOSPC;
        return -1;
    }
    return real_fallocate(fd, mode, off, len);
}

int fsync(int fd)
{
    REAL(fsync);
    if (hit("fsync", fd, NULL)) {
        errno = EIO;
        return -1;
    }
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    REAL(fdatasync);
    if (hit("fsync", fd, NULL)) {
        errno = EIO;
        return -1;
    }
    return real_fdatasync(fd);
}

int mkstemp(char *tmpl)
{
    REAL(mkstemp);
    if (hit("enospc", -1, tmpl)) {
        errno = ENOSPC;
        return -1;
    }
    return real_mkstemp(tmpl);
}
