/* extract_pdf on a real PDF (a committed fuzz seed drawn by
 * tests/extract/make_fixtures.py): concurrent calls from threads agree
 * with a single call, limits refuse with the right code, bytes that are
 * not a PDF are UNPARSABLE. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "core/statement_json.h"
#include "extract/extract.h"
#include "first_account.h"
#include "extract/pdf_doc.h"

static unsigned char *pdf;
static size_t pdf_len;
static char *reference;

static char *parse_to_json(const struct extract_opts *o, enum extract_code *code)
{
    struct statement st;
    struct extract_error err;
    if (extract_pdf_first(pdf, pdf_len, o, &st, &err) < 0) {
        *code = err.code;
        return NULL;
    }
    *code = EXTRACT_OK;
    json_t *j = statement_to_json(&st);
    char *s = json_dumps(j, JSON_REAL_PRECISION(15) | JSON_COMPACT);
    json_decref(j);
    statement_free(&st);
    return s;
}

static void *worker(void *arg)
{
    long same = 0;
    for (int i = 0; i < 5; i++) {
        struct extract_opts o = {0};
        enum extract_code code;
        char *s = parse_to_json(&o, &code);
        same += s && !strcmp(s, reference);
        free(s);
    }
    return (void *)same;
}

TEST(threads_agree_with_one_call)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    long total = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        total += (long)r;
    }
    CHECK_INT(total, 20);
}

TEST(statement_read_with_facts)
{
    CHECK(reference != NULL);
    CHECK(reference && strstr(reference, "\"bank_name\":\"kotak\""));
    CHECK(reference && strstr(reference, "\"ok\":true"));
    CHECK(reference && strstr(reference, "\"producer\":\"ReportLab"));
    CHECK(reference && strstr(reference, "\"incremental_updates\":0"));
}

TEST(limits_refuse)
{
    enum extract_code code;
    struct extract_opts pages = {.max_pages = 1};
    CHECK(parse_to_json(&pages, &code) == NULL);
    CHECK_INT(code, EXTRACT_TOO_MANY_PAGES);
    struct extract_opts mem = {.max_memory = 64 * 1024};
    CHECK(parse_to_json(&mem, &code) == NULL);
    CHECK_INT(code, EXTRACT_TOO_COMPLEX);
    struct extract_opts need = {.require_bank = true, .bank = "hdfc"};
    CHECK(parse_to_json(&need, &code) == NULL);
    CHECK_INT(code, EXTRACT_BANK_MISMATCH);
}

TEST(not_a_pdf_is_unparsable)
{
    struct statement st;
    struct extract_error err;
    CHECK_INT(extract_pdf_first("%PDF-1.4 garbage", 16, NULL, &st, &err), -1);
    CHECK_INT(err.code, EXTRACT_UNPARSABLE);
    CHECK_STR(extract_code_name(err.code), "UNPARSABLE");
    CHECK_INT(extract_pdf_first("", 0, NULL, &st, &err), -1);
    CHECK_INT(err.code, EXTRACT_UNPARSABLE);
}

TEST(incremental_updates_counted)
{
    const char two[] = "%PDF-1.4\n...%%EOF\n1 0 obj...%%EOF\n2 0 obj...%%EOF\n";
    CHECK_INT(pdf_doc_count_updates(two, sizeof two - 1), 2);
    const char lin[] = "%PDF-1.4\n1 0 obj <</Linearized 1>> %%EOF\n...%%EOF\n";
    CHECK_INT(pdf_doc_count_updates(lin, sizeof lin - 1), 0);
}

int main(void)
{
    FILE *f = fopen("tests/fuzz/corpus/pdf/kotak.pdf", "rb");
    if (!f) {
        printf("FAIL cannot open tests/fuzz/corpus/pdf/kotak.pdf (run from the repository root)\n0 passed, 1 failed\n");
        return 1;
    }
    pdf = malloc(1 << 20);
    pdf_len = fread(pdf, 1, 1 << 20, f);
    fclose(f);
    extract_init();
    struct extract_opts o = {0};
    enum extract_code code;
    reference = parse_to_json(&o, &code);
    RUN(statement_read_with_facts);
    RUN(threads_agree_with_one_call);
    RUN(limits_refuse);
    RUN(not_a_pdf_is_unparsable);
    RUN(incremental_updates_counted);
    free(reference);
    free(pdf);
    extract_shutdown();
    return check_summary();
}
