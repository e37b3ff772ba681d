/* Bounded extraction (issue 11, finding 2): hostile PDFs made here, in
 * memory, end with EXTRACT_TOO_COMPLEX and the reason, never run long;
 * ordinary statements (the kotak fuzz seed) read as before, also while
 * bombs are being read on other threads; the shared memory budget holds.
 *
 *   nested forms   form XObjects each drawing the next `fanout` times
 *   flate bomb     Flate inside Flate inflating to gigabytes of spaces
 *   operator flood millions of tiny path operators in one content stream
 *   objstm bomb    an object stream inflating far beyond any statement
 *   data bombs     a ToUnicode CMap, a font program or a PostScript function
 *                  (read when first used, token by token) inflating to gigabytes
 *   Type 3 forms   a Type 3 glyph drawing nested forms: MuPDF records every
 *                  glyph when the font loads, outside the page's cookie */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "extract/extract.h"
#include "first_account.h"
#include "pdf_build.h"

/* zlib data inflating to chunk repeated times: one compressed copy after a
 * full flush repeats (the checksum is left wrong: readers inflate it all
 * before they can tell). */
static struct buf deflate_repeat(const unsigned char *chunk, size_t n, long times)
{
    struct buf out = {0};
    z_stream z = {0};
    deflateInit(&z, 9);
    unsigned char tmp[1 << 16];
    struct buf part[2] = {{0}, {0}};
    for (int k = 0; k < 2; k++) {
        z.next_in = (unsigned char *)chunk;
        z.avail_in = (uInt)n;
        do {
            z.next_out = tmp;
            z.avail_out = sizeof tmp;
            deflate(&z, Z_FULL_FLUSH);
            put(&part[k], tmp, sizeof tmp - z.avail_out);
        } while (z.avail_out == 0);
    }
    put(&out, part[0].p, part[0].n);
    for (long i = 1; i < times; i++)
        put(&out, part[1].p, part[1].n);
    z.next_in = NULL;
    z.avail_in = 0;
    z.next_out = tmp;
    z.avail_out = sizeof tmp;
    deflate(&z, Z_FINISH);
    put(&out, tmp, sizeof tmp - z.avail_out);
    deflateEnd(&z);
    free(part[0].p);
    free(part[1].p);
    return out;
}

static struct buf deflate_once(const struct buf *in)
{
    struct buf out = {0};
    uLongf n = compressBound(in->n);
    out.p = malloc(n);
    compress2(out.p, &n, in->p, in->n, 9);
    out.n = out.cap = n;
    return out;
}


static struct buf nested_forms(int depth, int fanout)
{
    int n = 5 + depth;
    struct buf *o = calloc((size_t)n + 1, sizeof *o);
    putf(&o[1], CATALOG);
    putf(&o[2], PAGES);
    putf(&o[3], "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X 6 0 R >> "
                "/Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
    putf(&o[4], FONT);
    stream_obj(&o[5], "", "/X Do", 5);
    for (int i = 0; i < depth; i++) {
        char body[512] = "", dict[256];
        if (i + 1 < depth) {
            for (int k = 0; k < fanout; k++)
                strcat(body, "/X Do ");
            snprintf(dict, sizeof dict, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                        "/Resources << /XObject << /X %d 0 R >> >>", 7 + i);
        } else {
            snprintf(body, sizeof body, "BT /F1 12 Tf 72 700 Td (deep) Tj ET");
            snprintf(dict, sizeof dict, "/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                        "/Resources << /Font << /F1 4 0 R >> >>");
        }
        stream_obj(&o[6 + i], dict, body, strlen(body));
    }
    struct buf out = pdf_of(o, n);
    for (int i = 0; i <= n; i++)
        free(o[i].p);
    free(o);
    return out;
}

/* One page whose content stream is data under the given filter array. */
static struct buf one_page(const struct buf *data, const char *filter)
{
    struct buf o[6] = {{0}};
    putf(&o[1], CATALOG);
    putf(&o[2], PAGES);
    putf(&o[3], "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
                "/Contents 5 0 R >>");
    putf(&o[4], FONT);
    stream_obj(&o[5], filter, data->p, data->n);
    struct buf out = pdf_of(o, 5);
    for (int i = 0; i < 6; i++)
        free(o[i].p);
    return out;
}

static struct buf flate_bomb(long megabytes)
{
    static unsigned char spaces[1 << 20];
    memset(spaces, ' ', sizeof spaces);
    struct buf inner = deflate_repeat(spaces, sizeof spaces, megabytes);
    struct buf outer = deflate_once(&inner);
    struct buf out = one_page(&outer, "/Filter [/FlateDecode /FlateDecode]");
    free(inner.p);
    free(outer.p);
    return out;
}

static struct buf operator_flood(long lines)
{
    static const char unit[] = "0 0 m 1 1 l S\n";
    struct buf chunk = {0};
    for (int i = 0; i < 4096; i++)
        put(&chunk, unit, sizeof unit - 1);
    struct buf data = deflate_repeat(chunk.p, chunk.n, lines / 4096 + 1);
    struct buf out = one_page(&data, "/Filter /FlateDecode");
    free(chunk.p);
    free(data.p);
    return out;
}

/* Flate inside Flate inflating to megabytes of byte c, as a stream object with dict. */
static struct buf bomb_stream(const char *dict, int c, long megabytes)
{
    static unsigned char chunk[1 << 20];
    memset(chunk, c, sizeof chunk);
    struct buf inner = deflate_repeat(chunk, sizeof chunk, megabytes);
    struct buf outer = deflate_once(&inner);
    struct buf o = {0};
    char d[512];
    snprintf(d, sizeof d, "/Filter [/FlateDecode /FlateDecode] %s", dict);
    stream_obj(&o, d, outer.p, outer.n);
    free(inner.p);
    free(outer.p);
    return o;
}

#define TEXT "BT /F2 12 Tf 72 700 Td (01/01/2024 Opening balance 1,000.00) Tj ET"

/* A font whose ToUnicode CMap (which MuPDF parses token by token when the
 * font loads) inflates to gigabytes of spaces. */
static struct buf tounicode_bomb(long megabytes)
{
    struct buf extra[2] = {bomb_stream("", ' ', megabytes), {0}};
    putf(&extra[1], "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>");
    return page_with("<< /Font << /F2 7 0 R >> >>", TEXT, extra, 2);
}

/* An embedded TrueType program inflating to gigabytes of zeros. */
static struct buf fontfile_bomb(long megabytes)
{
    struct buf extra[3] = {bomb_stream("", 0, megabytes), {0}, {0}};
    putf(&extra[1], "<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
                    "/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 6 0 R >>");
    putf(&extra[2], "<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 "
                    "/FontDescriptor 7 0 R >>");
    return page_with("<< /Font << /F2 8 0 R >> >>", TEXT, extra, 3);
}

/* A shading whose PostScript calculator function inflates to gigabytes of
 * spaces: MuPDF parses it when the shading is first used. */
static struct buf function_bomb(long megabytes)
{
    struct buf extra[2] = {bomb_stream("/FunctionType 4 /Domain [0 1 0 1] /Range [0 1 0 1 0 1]", ' ', megabytes),
                           {0}};
    putf(&extra[1], "<< /ShadingType 1 /ColorSpace /DeviceRGB /Function 6 0 R >>");
    return page_with("<< /Shading << /Sh 7 0 R >> /Font << /F2 4 0 R >> >>", TEXT " /Sh sh", extra, 2);
}

/* A Type 3 font (object 6) whose one glyph (7) draws a tree of forms
 * (8..) depth deep, each drawing the next fanout times. */
static struct buf type3_forms(int depth, int fanout)
{
    struct buf *extra = calloc((size_t)depth + 2, sizeof *extra);
    putf(&extra[0], "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
                    "/CharProcs << /a 7 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> "
                    "/FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /XObject << /X 8 0 R >> >> >>");
    const char *glyph = "1000 0 0 0 1000 1000 d1 /X Do";
    stream_obj(&extra[1], "", glyph, strlen(glyph));
    for (int i = 0; i < depth; i++) {
        char body[512] = "", dict[256];
        if (i + 1 < depth) {
            for (int k = 0; k < fanout; k++)
                strcat(body, "/X Do ");
            snprintf(dict, sizeof dict, "/Type /XObject /Subtype /Form /BBox [0 0 1000 1000] "
                                        "/Resources << /XObject << /X %d 0 R >> >>", 9 + i);
        } else {
            snprintf(body, sizeof body, "0 0 m 1 1 l S");
            snprintf(dict, sizeof dict, "/Type /XObject /Subtype /Form /BBox [0 0 1000 1000]");
        }
        stream_obj(&extra[2 + i], dict, body, strlen(body));
    }
    struct buf out = page_with("<< /Font << /F1 4 0 R /F3 6 0 R >> >>",
                               "BT /F1 12 Tf 72 700 Td (01/01/2024 Opening balance) Tj ET "
                               "BT /F3 12 Tf 72 600 Td (aaaa) Tj ET",
                               extra, depth + 2);
    free(extra);
    return out;
}

/* zlib data inflating to prefix, then chunk repeated times, then suffix. */
static struct buf deflate_sandwich(const char *prefix, const unsigned char *chunk, size_t n, long times,
                                   const char *suffix)
{
    struct buf out = {0}, one = {0}, body = {0};
    z_stream z = {0};
    deflateInit(&z, 9);
    unsigned char tmp[1 << 16];
    const unsigned char *in[3] = {(const unsigned char *)prefix, chunk, chunk};
    size_t len[3] = {strlen(prefix), n, n};
    struct buf *dst[3] = {&out, &one, &body};
    for (int k = 0; k < 3; k++) { /* prefix, a first chunk, a chunk that repeats */
        z.next_in = (unsigned char *)in[k];
        z.avail_in = (uInt)len[k];
        do {
            z.next_out = tmp;
            z.avail_out = sizeof tmp;
            deflate(&z, Z_FULL_FLUSH);
            put(dst[k], tmp, sizeof tmp - z.avail_out);
        } while (z.avail_out == 0);
    }
    put(&out, one.p, one.n);
    for (long i = 1; i < times; i++)
        put(&out, body.p, body.n);
    z.next_in = (unsigned char *)suffix;
    z.avail_in = (uInt)strlen(suffix);
    do {
        z.next_out = tmp;
        z.avail_out = sizeof tmp;
        deflate(&z, Z_FINISH);
        put(&out, tmp, sizeof tmp - z.avail_out);
    } while (z.avail_out == 0);
    deflateEnd(&z);
    free(one.p);
    free(body.p);
    return out;
}

/* The catalog and the page tree come from an object stream (found through
 * an xref stream) in which megabytes of spaces separate the two: reading
 * the page tree means inflating them all. */
static struct buf objstm_bomb(long megabytes)
{
    static unsigned char spaces[1 << 20];
    memset(spaces, ' ', sizeof spaces);
    const char *catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    char head[64];
    long second = (long)strlen(catalog) + megabytes * (long)sizeof spaces;
    snprintf(head, sizeof head, "1 0 2 %ld ", second);
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%-40s%s", head, catalog);
    struct buf inner = deflate_sandwich(prefix, spaces, sizeof spaces, megabytes,
                                        "<< /Type /Pages /Kids [] /Count 0 >>");
    struct buf outer = deflate_once(&inner);
    struct buf out = {0};
    putf(&out, "%%PDF-1.7\n");
    size_t off3 = out.n;
    putf(&out, "3 0 obj\n");
    stream_obj(&out, "/Type /ObjStm /N 2 /First 40 /Filter [/FlateDecode /FlateDecode]", outer.p, outer.n);
    putf(&out, "\nendobj\n");
    size_t off4 = out.n;
    unsigned char rows[5][7] = {{0, 0, 0, 0, 0, 0xff, 0xff}, {2, 0, 0, 0, 3, 0, 0}, {2, 0, 0, 0, 3, 0, 1}};
    size_t offs[2] = {off3, off4};
    for (int i = 0; i < 2; i++) {
        unsigned char *r = rows[3 + i];
        r[0] = 1;
        r[1] = (unsigned char)(offs[i] >> 24);
        r[2] = (unsigned char)(offs[i] >> 16);
        r[3] = (unsigned char)(offs[i] >> 8);
        r[4] = (unsigned char)offs[i];
    }
    putf(&out, "4 0 obj\n");
    stream_obj(&out, "/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R", rows, sizeof rows);
    putf(&out, "\nendobj\nstartxref\n%zu\n%%%%EOF\n", off4);
    free(inner.p);
    free(outer.p);
    return out;
}

/* ---- checks ---- */

static unsigned char *ordinary;
static size_t ordinary_len;

static enum extract_code read_pdf(const struct buf *b, const struct extract_opts *o, char *why, size_t cap)
{
    struct statement st;
    struct extract_error err;
    if (extract_pdf_first(b->p, b->n, o, &st, &err) == 0) {
        statement_free(&st);
        return EXTRACT_OK;
    }
    if (why)
        snprintf(why, cap, "%s", err.message);
    return err.code;
}

TEST(nested_forms_are_refused_by_depth_and_by_work)
{
    char why[200];
    struct buf deep = nested_forms(30, 4);
    CHECK_INT(read_pdf(&deep, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "nested more than 12 levels") != NULL);
    struct buf wide = nested_forms(11, 5); /* within the depth limit: 5^10 glyph draws */
    CHECK_INT(read_pdf(&wide, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "too many drawing operations") != NULL);
    struct buf mild = nested_forms(4, 2); /* what real documents do: no limit applies */
    CHECK(read_pdf(&mild, NULL, why, sizeof why) != EXTRACT_TOO_COMPLEX);
    free(deep.p);
    free(wide.p);
    free(mild.p);
}

TEST(flate_bombs_are_refused_by_inflated_size)
{
    char why[200];
    struct buf bomb = flate_bomb(4096); /* 4 GiB of spaces in a few KB */
    CHECK(bomb.n < 64 * 1024);
    CHECK_INT(read_pdf(&bomb, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "inflates to more than 64 MiB") != NULL);
    free(bomb.p);
    struct buf objstm = objstm_bomb(1024); /* 1 GiB between two objects */
    CHECK_INT(read_pdf(&objstm, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "inflates to more than") != NULL);
    free(objstm.p);
}

TEST(operator_floods_are_refused_by_work)
{
    char why[200];
    struct buf flood = operator_flood(2000000);
    CHECK_INT(read_pdf(&flood, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "too many drawing operations") != NULL);
    free(flood.p);
}

TEST(data_bombs_are_refused_by_inflated_size)
{
    char why[200];
    struct buf cmap = tounicode_bomb(4096); /* 4 GiB of spaces in a CMap: was minutes of lexing */
    CHECK(cmap.n < 64 * 1024);
    CHECK_INT(read_pdf(&cmap, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "inflates to more than 64 MiB") != NULL);
    free(cmap.p);
    struct buf program = fontfile_bomb(4096);
    CHECK_INT(read_pdf(&program, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "inflates to more than") != NULL);
    free(program.p);
    struct buf function = function_bomb(4096);
    CHECK_INT(read_pdf(&function, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "inflates to more than 64 MiB") != NULL);
    free(function.p);
}

TEST(type3_glyphs_count_their_work_before_the_font_loads)
{
    char why[200];
    struct buf wide = type3_forms(11, 5); /* 5^10 forms recorded when the font loads */
    CHECK_INT(read_pdf(&wide, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "too many drawing operations") != NULL);
    struct buf mild = type3_forms(3, 2); /* a glyph drawing a small form: no limit applies */
    CHECK(read_pdf(&mild, NULL, why, sizeof why) != EXTRACT_TOO_COMPLEX);
    /* past the work estimate, the deadline stops the recording at its next allocation */
    struct extract_opts o = {.max_seconds = 0.2, .max_ops = 4000000000L};
    CHECK_INT(read_pdf(&wide, &o, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "took too long") != NULL);
    free(wide.p);
    free(mild.p);
}

/* A scanned page: one side x side RGB image (zeros, Flate inside Flate) on
 * a letter page, no text, so it goes to OCR. */
static struct buf image_page(int side)
{
    char dict[200];
    snprintf(dict, sizeof dict, "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                                "/BitsPerComponent 8", side, side);
    struct buf img = bomb_stream(dict, 0, (long)side * side * 3 / (1 << 20) + 1);
    struct buf out = page_with("<< /XObject << /Im 6 0 R >> >>", "q 612 0 0 792 0 0 cm /Im Do Q", &img, 1);
    return out;
}

TEST(scans_whose_images_decode_to_gigabytes_are_refused_before_drawing)
{
    char why[200];
    struct buf bomb = image_page(20000); /* 1.1 GiB of pixels from ~1 MB: seconds of inflating */
    CHECK(bomb.n < 4 << 20);
    CHECK_INT(read_pdf(&bomb, NULL, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "images are too large") != NULL);
    struct buf scan = image_page(2500); /* a 300 dpi page: read (a blank one is no statement) */
    CHECK(read_pdf(&scan, NULL, why, sizeof why) != EXTRACT_TOO_COMPLEX);
    free(bomb.p);
    free(scan.p);
}

TEST(ocr_memory_is_charged_while_a_page_is_read)
{
    char why[200];
    struct buf scan = image_page(2500); /* drawn at 300 dpi: 8.4 megapixels, ~100 MB for Tesseract */
    struct extract_opts drawn_only = {.max_memory = 80 << 20}; /* room to draw the page, not to read it */
    CHECK_INT(read_pdf(&scan, &drawn_only, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "memory") != NULL);
    struct extract_opts room = {.max_memory = 200 << 20};
    CHECK(read_pdf(&scan, &room, why, sizeof why) != EXTRACT_TOO_COMPLEX);
    /* given back once read: MuPDF's store (at most 64 MiB) and little else */
    CHECK_INT(extract_memory_in_use() < (size_t)(64 << 20) + (16 << 20), 1);
    free(scan.p);
}

TEST(deadline_stops_a_page_in_the_middle)
{
    char why[200];
    struct buf wide = nested_forms(11, 5);
    struct extract_opts o = {.max_seconds = 0.2, .max_ops = 2000000000L}; /* only the clock can stop it */
    CHECK_INT(read_pdf(&wide, &o, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "took too long") != NULL);
    free(wide.p);
}

TEST(memory_limits_are_limits)
{
    char why[200];
    struct buf b = {ordinary, ordinary_len, ordinary_len};
    struct extract_opts small = {.max_memory = 64 * 1024};
    CHECK_INT(read_pdf(&b, &small, why, sizeof why), EXTRACT_TOO_COMPLEX);
    CHECK(strstr(why, "memory") != NULL);
    extract_set_memory_budget(256 * 1024); /* all calls together: not this statement's fault */
    CHECK_INT(read_pdf(&b, NULL, why, sizeof why), EXTRACT_BUSY);
    CHECK(!extract_memory_admits());
    extract_set_memory_budget((size_t)1 << 30);
    CHECK(extract_memory_admits());
    CHECK_INT(read_pdf(&b, NULL, why, sizeof why), EXTRACT_OK);
}

static void *bomb_worker(void *arg)
{
    struct buf *b = arg;
    return (void *)(long)read_pdf(b, NULL, NULL, 0);
}

TEST(ordinary_statements_read_while_bombs_are_read)
{
    struct buf bombs[4] = {nested_forms(11, 5), flate_bomb(4096), operator_flood(3000000), nested_forms(30, 4)};
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, bomb_worker, &bombs[i]);
    struct buf b = {ordinary, ordinary_len, ordinary_len};
    for (int i = 0; i < 3; i++)
        CHECK_INT(read_pdf(&b, NULL, NULL, 0), EXTRACT_OK);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        CHECK_INT((long)r, EXTRACT_TOO_COMPLEX);
        free(bombs[i].p);
    }
    CHECK_INT(extract_memory_in_use() < (size_t)(64 << 20) + (16 << 20), 1); /* the store and little else */
}

int main(void)
{
    FILE *f = fopen("tests/fuzz/corpus/pdf/kotak.pdf", "rb");
    if (!f) {
        printf("FAIL cannot open tests/fuzz/corpus/pdf/kotak.pdf (run from the repository root)\n0 passed, 1 failed\n");
        return 1;
    }
    ordinary = malloc(1 << 20);
    ordinary_len = fread(ordinary, 1, 1 << 20, f);
    fclose(f);
    extract_init();
    RUN(nested_forms_are_refused_by_depth_and_by_work);
    RUN(flate_bombs_are_refused_by_inflated_size);
    RUN(operator_floods_are_refused_by_work);
    RUN(data_bombs_are_refused_by_inflated_size);
    RUN(type3_glyphs_count_their_work_before_the_font_loads);
    RUN(scans_whose_images_decode_to_gigabytes_are_refused_before_drawing);
    RUN(ocr_memory_is_charged_while_a_page_is_read);
    RUN(deadline_stops_a_page_in_the_middle);
    RUN(memory_limits_are_limits);
    RUN(ordinary_statements_read_while_bombs_are_read);
    free(ordinary);
    extract_shutdown();
    return check_summary();
}
