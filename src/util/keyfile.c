#include "util/keyfile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/log.h"

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

int keyfile_load(const char *path, struct keyfile *kf, char *err, size_t errlen)
{
    memset(kf, 0, sizeof *kf);
    if (!(kf->path = strdup(path))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && (st.st_mode & 077)) {
        log_warn("keys msg=\"key file readable by others; made 0600\" path=%s", path);
        fchmod(fileno(f), 0600);
    }
    char line[1024];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s line %d: expected name = value", path, lineno);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *name = trim(s), *value = trim(eq + 1);
        if (!*name || !*value || keyfile_set(kf, name, value)) {
            snprintf(err, errlen, "%s line %d: expected name = value", path, lineno);
            rc = -1;
            break;
        }
    }
    explicit_bzero(line, sizeof line);
    fclose(f);
    return rc;
}

const char *keyfile_get(const struct keyfile *kf, const char *name)
{
    for (size_t i = 0; i < kf->n; i++)
        if (!strcmp(kf->v[i].name, name))
            return kf->v[i].value;
    return NULL;
}

int keyfile_set(struct keyfile *kf, const char *name, const char *value)
{
    char *v = strdup(value);
    if (!v)
        return -1;
    for (size_t i = 0; i < kf->n; i++)
        if (!strcmp(kf->v[i].name, name)) {
            explicit_bzero(kf->v[i].value, strlen(kf->v[i].value));
            free(kf->v[i].value);
            kf->v[i].value = v;
            return 0;
        }
    struct keyfile_entry *p = realloc(kf->v, (kf->n + 1) * sizeof *p);
    char *n = strdup(name);
    if (!p || !n) {
        if (p)
            kf->v = p;
        free(n);
        free(v);
        return -1;
    }
    kf->v = p;
    kf->v[kf->n].name = n;
    kf->v[kf->n].value = v;
    kf->n++;
    return 0;
}

static int fsync_dir_of(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(copy);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

int keyfile_save(const struct keyfile *kf, char *err, size_t errlen)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", kf->path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    fchmod(fd, 0600);
    fprintf(f, "# Passbook server keys: keep this file with every backup of the database and\n"
               "# on every node of the same database. See docs/operations.md, \"Keys\".\n");
    for (size_t i = 0; i < kf->n; i++)
        fprintf(f, "%s = %s\n", kf->v[i].name, kf->v[i].value);
    bool ok = fflush(f) == 0 && fsync(fd) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, kf->path) || fsync_dir_of(kf->path)) {
        snprintf(err, errlen, "cannot write %s: %s", kf->path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

void keyfile_free(struct keyfile *kf)
{
    for (size_t i = 0; i < kf->n; i++) {
        explicit_bzero(kf->v[i].value, strlen(kf->v[i].value));
        free(kf->v[i].name);
        free(kf->v[i].value);
    }
    free(kf->v);
    free(kf->path);
    memset(kf, 0, sizeof *kf);
}
