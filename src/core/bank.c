/* The bank catalogue, loaded once from the embedded data/banks.tsv.
 * The table is data so that adding a bank, an IFSC prefix or an AA flag is
 * a one-line change with no code path involved. */
#include "core/bank.h"

#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/embedded.h"
#include "util/log.h"

#define BANKS_TSV "banks.tsv"

static struct {
    char *text;                   /* private copy of the TSV, split in place */
    struct bank_info *rows;       /* in file order (FinBox's order) */
    size_t n;
    const struct bank_info **by_id;   /* sorted case-insensitively by id */
    const struct bank_info **by_ifsc; /* rows with an IFSC prefix, sorted */
    size_t n_ifsc;
} T;

static pthread_once_t T_once = PTHREAD_ONCE_INIT;

/* Splits line at tabs into at most max fields; returns the field count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* Parses one TSV row into *b; false for comments, blanks and bad rows. */
static bool parse_row(char *line, struct bank_info *b)
{
    char *f[5];
    if (line[0] == '#' || line[0] == '\0')
        return false;
    if (split_tabs(line, f, 5) != 5 || !f[0][0] || !f[1][0]) {
        log_warn("event=bank_table msg=\"malformed row skipped\"");
        return false;
    }
    b->id = f[0];
    b->full_name = f[1];
    b->npci_code = strcmp(f[2], "-") == 0 ? NULL : f[2];
    b->aa = f[3][0] == 'y';
    b->net_banking = f[4][0] == 'y';
    return true;
}

static int cmp_id(const void *a, const void *b)
{
    return strcasecmp((*(const struct bank_info *const *)a)->id,
                      (*(const struct bank_info *const *)b)->id);
}

static int cmp_ifsc(const void *a, const void *b)
{
    return strcasecmp((*(const struct bank_info *const *)a)->npci_code,
                      (*(const struct bank_info *const *)b)->npci_code);
}

static void build_indexes(void)
{
    T.by_id = calloc(T.n ? T.n : 1, sizeof *T.by_id);
    T.by_ifsc = calloc(T.n ? T.n : 1, sizeof *T.by_ifsc);
    if (!T.by_id || !T.by_ifsc)
        abort(); /* start-up allocation of a few KiB: nothing sensible to do */
    for (size_t i = 0; i < T.n; i++) {
        T.by_id[i] = &T.rows[i];
        if (T.rows[i].npci_code)
            T.by_ifsc[T.n_ifsc++] = &T.rows[i];
    }
    qsort(T.by_id, T.n, sizeof *T.by_id, cmp_id);
    qsort(T.by_ifsc, T.n_ifsc, sizeof *T.by_ifsc, cmp_ifsc);
}

/* Runs once per process. The table lives until exit (never freed). */
static void load_table(void)
{
    const struct embedded_file *ef = embedded_find(BANKS_TSV);
    if (!ef) {
        log_error("event=bank_table msg=\"data/banks.tsv missing from the build\"");
        build_indexes();
        return;
    }
    size_t lines = 1;
    for (size_t i = 0; i < ef->len; i++)
        lines += ef->data[i] == '\n';
    T.text = malloc(ef->len + 1);
    T.rows = calloc(lines, sizeof *T.rows);
    if (!T.text || !T.rows)
        abort();
    memcpy(T.text, ef->data, ef->len + 1);
    char *save = NULL;
    for (char *line = strtok_r(T.text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        if (parse_row(line, &T.rows[T.n]))
            T.n++;
    }
    build_indexes();
}

static void ensure_loaded(void)
{
    pthread_once(&T_once, load_table);
}

const struct bank_info *bank_find(const char *id)
{
    if (!id)
        return NULL;
    ensure_loaded();
    struct bank_info key = {.id = id};
    const struct bank_info *kp = &key;
    const struct bank_info **hit = bsearch(&kp, T.by_id, T.n, sizeof *T.by_id, cmp_id);
    return hit ? *hit : NULL;
}

const struct bank_info *bank_find_by_ifsc(const char *ifsc)
{
    char prefix[5];
    if (!ifsc)
        return NULL;
    for (int i = 0; i < 4; i++) {
        if (!isalpha((unsigned char)ifsc[i]))
            return NULL;
        prefix[i] = ifsc[i];
    }
    prefix[4] = '\0';
    ensure_loaded();
    struct bank_info key = {.npci_code = prefix};
    const struct bank_info *kp = &key;
    const struct bank_info **hit =
        bsearch(&kp, T.by_ifsc, T.n_ifsc, sizeof *T.by_ifsc, cmp_ifsc);
    return hit ? *hit : NULL;
}

size_t bank_count(void)
{
    ensure_loaded();
    return T.n;
}

const struct bank_info *bank_at(size_t i)
{
    ensure_loaded();
    return i < T.n ? &T.rows[i] : NULL;
}

const char *bank_id_lower(const struct bank_info *b, char *buf, size_t len)
{
    if (!len)
        return buf;
    size_t i = 0;
    for (; b && b->id[i] && i + 1 < len; i++)
        buf[i] = (char)tolower((unsigned char)b->id[i]);
    buf[i] = '\0';
    return buf;
}
