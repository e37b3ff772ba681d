#include "enrich/rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"
#include "util/embedded.h"

char *str_upper_dup(const char *s)
{
    size_t n = strlen(s);
    char *u = malloc(n + 1);
    if (!u)
        abort();
    for (size_t i = 0; i <= n; i++)
        u[i] = (char)toupper((unsigned char)s[i]);
    return u;
}

static bool is_word_char(char c)
{
    return isalnum((unsigned char)c);
}

bool str_has_word(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return false;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        bool left = p == hay || !is_word_char(p[-1]) || !is_word_char(needle[0]);
        bool right = !is_word_char(p[n]) || !is_word_char(needle[n - 1]);
        if (left && right)
            return true;
    }
    return false;
}

void regex_anchor(const char *re, char *out, size_t cap)
{
    out[0] = '\0';
    if (re[0] != '^')
        return;
    int depth = 0; /* a top-level alternative may start differently */
    for (const char *p = re; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        else if (*p == '|' && depth == 0)
            return;
    }
    size_t n = 0;
    for (const char *p = re + 1; *p && n + 1 < cap; p++) {
        if (strchr("()[].*+?{}|\\$^", *p))
            break;
        out[n++] = *p;
    }
    /* a quantifier binds the last literal: "^NEFT?" does not need the T */
    if (n && (re[1 + n] == '?' || re[1 + n] == '*' || re[1 + n] == '{'))
        n--;
    out[n] = '\0';
}

/* ---- regexes (PCRE2) ---- */

static pthread_key_t md_key;
static pthread_once_t md_once = PTHREAD_ONCE_INIT;

static void md_free(void *p)
{
    pcre2_match_data_free(p);
}

static void md_key_make(void)
{
    pthread_key_create(&md_key, md_free);
}

/* This thread's match data (freed when the thread ends). */
static pcre2_match_data *thread_match_data(void)
{
    pthread_once(&md_once, md_key_make);
    pcre2_match_data *md = pthread_getspecific(md_key);
    if (!md) {
        md = pcre2_match_data_create(16, NULL);
        if (!md)
            abort();
        pthread_setspecific(md_key, md);
    }
    return md;
}

int rx_compile(struct rx *r, const char *pattern)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
    r->code = code;
    if (!code)
        return -1;
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* interpreted when JIT is unavailable */
    return 0;
}

void rx_free(struct rx *r)
{
    pcre2_code_free(r->code);
    r->code = NULL;
}

bool rx_match(const struct rx *r, const char *s, int group, long *so, long *eo)
{
    pcre2_match_data *md = thread_match_data();
    int rc = pcre2_match(r->code, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);
    if (rc < 0)
        return false;
    if (group > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        bool set = group < rc && ov[2 * group] != PCRE2_UNSET;
        *so = set ? (long)ov[2 * group] : -1;
        *eo = set ? (long)ov[2 * group + 1] : -1;
    }
    return true;
}

static void sig_add(uint64_t *sig, const char *s)
{
    for (; s[0] && s[1]; s++) {
        unsigned bit = ((unsigned char)s[0] * 31u + (unsigned char)s[1]) & (SIG_WORDS * 64 - 1);
        sig[bit / 64] |= (uint64_t)1 << (bit % 64);
    }
}

static bool sig_has(const uint64_t *text, const uint64_t *pat)
{
    for (int i = 0; i < SIG_WORDS; i++)
        if (pat[i] & ~text[i])
            return false;
    return true;
}

void rtext_init(struct rtext *t, const char *upper)
{
    t->up = upper;
    memset(t->sig, 0, sizeof t->sig);
    sig_add(t->sig, upper);
}

int matcher_init(struct matcher *m, const char *kind, const char *pattern)
{
    memset(m, 0, sizeof *m);
    if (strcmp(kind, "prefix") == 0)
        m->kind = MATCH_PREFIX;
    else if (strcmp(kind, "contains") == 0)
        m->kind = MATCH_CONTAINS;
    else if (strcmp(kind, "word") == 0)
        m->kind = MATCH_WORD;
    else if (strcmp(kind, "regex") == 0)
        m->kind = MATCH_REGEX;
    else
        return -1;
    /* Every kind matches the upper-cased text, so regexes are compiled from
     * the upper-cased pattern, without case folding. */
    m->pattern = str_upper_dup(pattern);
    if (m->kind == MATCH_REGEX) {
        if (rx_compile(&m->re, m->pattern) != 0)
            return -1;
        m->compiled = true;
        regex_anchor(m->pattern, m->anchor, sizeof m->anchor);
    } else {
        sig_add(m->sig, m->pattern);
    }
    return 0;
}

void matcher_set_needs(struct matcher *m, const char *list)
{
    if (!list || !*list)
        return;
    char *up = str_upper_dup(list), *save = NULL;
    for (char *w = strtok_r(up, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        m->needs = realloc(m->needs, (m->nneeds + 1) * sizeof *m->needs);
        m->need_sig = realloc(m->need_sig, (m->nneeds + 1) * sizeof *m->need_sig);
        if (!m->needs || !m->need_sig)
            abort();
        memset(m->need_sig[m->nneeds], 0, sizeof m->need_sig[0]);
        sig_add(m->need_sig[m->nneeds], w);
        m->needs[m->nneeds++] = strdup(w);
    }
    free(up);
}

void matcher_free(struct matcher *m)
{
    for (size_t i = 0; i < m->nneeds; i++)
        free(m->needs[i]);
    free(m->needs);
    free(m->need_sig);
    if (m->compiled)
        rx_free(&m->re);
    free(m->pattern);
    memset(m, 0, sizeof *m);
}

bool matcher_match(const struct matcher *m, const struct rtext *t)
{
    if (m->nneeds) {
        size_t i = 0;
        while (i < m->nneeds && !(sig_has(t->sig, m->need_sig[i]) && strstr(t->up, m->needs[i])))
            i++;
        if (i == m->nneeds)
            return false;
    }
    switch (m->kind) {
    case MATCH_PREFIX:
        return strncmp(t->up, m->pattern, strlen(m->pattern)) == 0;
    case MATCH_CONTAINS:
        return sig_has(t->sig, m->sig) && strstr(t->up, m->pattern) != NULL;
    case MATCH_WORD:
        return sig_has(t->sig, m->sig) && str_has_word(t->up, m->pattern);
    case MATCH_REGEX:
        if (m->anchor[0] && strncmp(t->up, m->anchor, strlen(m->anchor)) != 0)
            return false;
        return rx_match(&m->re, t->up, 0, NULL, NULL);
    }
    return false;
}

bool matcher_test(const struct matcher *m, const char *upper, const char *raw)
{
    if (m->nneeds) {
        size_t i = 0;
        while (i < m->nneeds && !strstr(upper, m->needs[i]))
            i++;
        if (i == m->nneeds)
            return false;
    }
    switch (m->kind) {
    case MATCH_PREFIX:
        return strncmp(upper, m->pattern, strlen(m->pattern)) == 0;
    case MATCH_CONTAINS:
        return strstr(upper, m->pattern) != NULL;
    case MATCH_WORD:
        return str_has_word(upper, m->pattern);
    case MATCH_REGEX:
        (void)raw;
        if (m->anchor[0] && strncmp(upper, m->anchor, strlen(m->anchor)) != 0)
            return false;
        return rx_match(&m->re, upper, 0, NULL, NULL);
    }
    return false;
}

/* The fields of line, split in place at its tabs; *n is their count. */
static char **tsv_fields(char *line, size_t *n)
{
    size_t nf = 1;
    for (char *p = line; *p; p++)
        nf += *p == '\t';
    char **f = malloc(nf * sizeof *f);
    if (!f)
        abort();
    size_t k = 0;
    f[k++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            f[k++] = p + 1;
        }
    *n = nf;
    return f;
}

/* Splits buf in place into rows and fields. */
static void tsv_split(struct tsv *t)
{
    size_t rows_cap = 0, ncols_cap = 0;
    char *line = t->buf;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len > 0 && line[0] != '#') {
            if (array_grow(&t->rows, &rows_cap, t->nrows + 1, sizeof *t->rows, 64) ||
                array_grow(&t->ncols, &ncols_cap, t->nrows + 1, sizeof *t->ncols, 64))
                abort();
            t->rows[t->nrows] = tsv_fields(line, &t->ncols[t->nrows]);
            t->nrows++;
        }
        line = nl ? nl + 1 : NULL;
    }
}

int tsv_load(const char *path, struct tsv *t, const char **err)
{
    memset(t, 0, sizeof *t);
    const struct embedded_file *f = embedded_find(path);
    if (!f) {
        *err = "rule table not embedded";
        return -1;
    }
    t->buf = malloc(f->len + 1);
    if (!t->buf)
        abort();
    memcpy(t->buf, f->data, f->len);
    t->buf[f->len] = '\0';
    tsv_split(t);
    return 0;
}

void tsv_free(struct tsv *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i]);
    free(t->rows);
    free(t->ncols);
    free(t->buf);
    memset(t, 0, sizeof *t);
}

const char *tsv_field(const struct tsv *t, size_t i, size_t j)
{
    if (i >= t->nrows || j >= t->ncols[i])
        return "";
    const char *s = t->rows[i][j];
    return strcmp(s, "-") == 0 ? "" : s;
}
