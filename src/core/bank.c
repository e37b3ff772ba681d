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
#define NAMES_TSV "banks/names.tsv"

struct alias {
    const struct bank_info *bank;
    const char *phrase;
};

static struct {
    char *text;                   /* private copy of the TSV, split in place */
    struct bank_info *rows;       /* in file order (FinBox's order) */
    size_t n;
    const struct bank_info **by_id;   /* sorted case-insensitively by id */
    const struct bank_info **by_ifsc; /* rows with an IFSC prefix, sorted */
    size_t n_ifsc;
    char *names_text;             /* private copy of names.tsv, split in place */
    struct alias *aliases;
    size_t n_aliases;
    struct alias *domains;        /* names.tsv "domain" rows: phrase is the domain */
    size_t n_domains;
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

static const struct bank_info *find_loaded(const char *id);

/* One "ID kind value" line of names.tsv; unknown kinds are ignored. */
static void names_row(char *line)
{
    char *f[3];
    if (line[0] == '#' || line[0] == '\0' || split_tabs(line, f, 3) != 3)
        return;
    /* the rows are ours to complete while loading */
    struct bank_info *b = (struct bank_info *)find_loaded(f[0]);
    if (!b) {
        log_warn("event=bank_table msg=\"names.tsv names an unknown bank\"");
        return;
    }
    if (!strcmp(f[1], "alias") && f[2][0])
        T.aliases[T.n_aliases++] = (struct alias){b, f[2]};
    else if (!strcmp(f[1], "domain") && f[2][0])
        T.domains[T.n_domains++] = (struct alias){b, f[2]};
    else if (!strcmp(f[1], "merged"))
        b->merged_into = find_loaded(f[2]);
    else if (!strcmp(f[1], "abroad"))
        b->abroad = true;
}

static size_t count_lines(const struct embedded_file *ef)
{
    size_t lines = 1;
    for (size_t i = 0; i < ef->len; i++)
        lines += ef->data[i] == '\n';
    return lines;
}

/* A private copy of the file, split in place: row() sees every line (CR
 * removed). The copy lives as long as the table, which points into it. */
static char *split_lines(const struct embedded_file *ef, void (*row)(char *line))
{
    char *text = malloc(ef->len + 1);
    if (!text)
        abort(); /* start-up allocation of a few KiB: nothing sensible to do */
    memcpy(text, ef->data, ef->len + 1);
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        row(line);
    }
    return text;
}

static void bank_row(char *line)
{
    if (parse_row(line, &T.rows[T.n]))
        T.n++;
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
    T.rows = calloc(count_lines(ef), sizeof *T.rows);
    if (!T.rows)
        abort();
    T.text = split_lines(ef, bank_row);
    build_indexes();
    const struct embedded_file *names = embedded_find(NAMES_TSV);
    if (names) {
        T.aliases = calloc(count_lines(names), sizeof *T.aliases);
        T.domains = calloc(count_lines(names), sizeof *T.domains);
        if (!T.aliases || !T.domains)
            abort();
        T.names_text = split_lines(names, names_row);
    }
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
    return find_loaded(id);
}

const char *bank_full_name(const char *id)
{
    const struct bank_info *b = id ? bank_find(id) : NULL;
    return b ? b->full_name : id;
}

static const struct bank_info *find_loaded(const char *id)
{
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

bool bank_accepts(const struct bank_info *want, const struct bank_info *got)
{
    return want && got && (want == got || want->merged_into == got || got->merged_into == want);
}

const char *bank_alias_at(size_t i, const struct bank_info **bank)
{
    ensure_loaded();
    if (i >= T.n_aliases)
        return NULL;
    if (bank)
        *bank = T.aliases[i].bank;
    return T.aliases[i].phrase;
}

const struct bank_info *bank_find_by_domain(const char *host, size_t len)
{
    ensure_loaded();
    for (size_t i = 0; i < T.n_domains; i++) {
        size_t dl = strlen(T.domains[i].phrase);
        if (len < dl || strncasecmp(host + len - dl, T.domains[i].phrase, dl))
            continue;
        if (len == dl || host[len - dl - 1] == '.')
            return T.domains[i].bank;
    }
    return NULL;
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
