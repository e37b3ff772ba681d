/* passbook parse FILE.pdf... [--password P] [--bank ID] [--format json|csv]
 * One file prints one JSON object; several print JSON Lines with progress
 * on stderr. A file holding several accounts prints its first account's
 * statement with the others under "other_accounts" (CSV: every account's
 * rows, the last column naming the account). An error prints {"error": {"code", "message"}} on stdout and
 * the exit status is 1. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "cli/flags.h"
#include "core/bank.h"
#include "core/statement_json.h"
#include "extract/extract.h"
#include "util/file.h"

#define PARSE_MAX_FILE ((size_t)200 << 20)

static void csv_field(const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n")) {
        fputs(s, stdout);
        return;
    }
    putchar('"');
    for (; *s; s++) {
        if (*s == '"')
            putchar('"');
        putchar(*s);
    }
    putchar('"');
}

/* Every account's rows, each row naming its account (a PDF may hold several). */
static void print_csv(const struct statement_list *all)
{
    char d[PB_DATE_BUF], v[PB_DATE_BUF], a[PB_MONEY_BUF], b[PB_MONEY_BUF];
    for (size_t k = 0; k < all->n; k++) {
        const struct statement *st = &all->items[k];
        for (size_t i = 0; i < st->ntxns; i++) {
            const struct txn *t = &st->txns[i];
            printf("%s,%s,", date_fmt_iso(t->date, d),
                   t->value_date == PB_NO_DAY ? "" : date_fmt_iso(t->value_date, v));
            csv_field(t->note);
            putchar(',');
            csv_field(t->chq_num);
            printf(",%s,%s,%s,", money_fmt(t->amount, a), t->type == TXN_DEBIT ? "debit" : "credit",
                   money_fmt(t->balance, b));
            csv_field(st->id.account_number);
            putchar('\n');
        }
    }
}

static int parse_one(const char *path, const struct extract_opts *opts, bool csv)
{
    size_t len = 0;
    char *data = file_read(path, PARSE_MAX_FILE, &len);
    struct statement_list all;
    struct extract_error err = {EXTRACT_OK, ""};
    json_t *out;
    int rc = 1;
    if (!data) {
        out = statement_error_json("INVALID_FILE_OBJECT", "The file could not be read");
    } else if (extract_pdf(data, len, opts, &all, &err) < 0) {
        out = statement_error_json(extract_code_name(err.code), err.message);
    } else {
        rc = 0;
        if (csv) {
            print_csv(&all);
            out = NULL;
        } else {
            out = statement_list_to_json(&all);
        }
        statement_list_free(&all);
    }
    free(data);
    cli_print_json(out);
    fflush(stdout);
    return rc;
}

int cli_parse(int argc, char **argv)
{
    const char *password = NULL, *bank = NULL, *format = "json";
    long max_pages = 0;
    bool require_bank = false, no_ocr = false;
    long ocr_max_pages = 0, ocr_page_seconds = 0;
    const struct flag flags[] = {
        STRING_FLAG("password", &password, "P", "password of a protected PDF"),
        STRING_FLAG("bank", &bank, "ID", "bank the statement must be from: a catalogue id (hdfc, pnbbnk, canara, ...)"),
        STRING_FLAG("format", &format, "json|csv", "output format (default json)"),
        INT_FLAG("max-pages", &max_pages, "N", 0, INT_MAX, "refuse statements with more pages (default 500)"),
        BOOL_FLAG("require-bank", &require_bank, "fail with BANK_NAME_UNDETECTED for unknown banks"),
        BOOL_FLAG("no-ocr", &no_ocr, "refuse scanned statements with PDF_IS_IMAGE instead of reading them"),
        INT_FLAG("ocr-max-pages", &ocr_max_pages, "N", 0, INT_MAX, "refuse scanned statements with more pages (default 50)"),
        INT_FLAG("ocr-page-seconds", &ocr_page_seconds, "SECONDS", 0, INT_MAX, "OCR work one scanned page may take, CPU time (default 20)"),
    };
    const struct command_line cl = {"passbook parse",
                                    "passbook parse FILE.pdf... [--password P] [--bank ID] [--format json|csv]",
                                    FLAGS_OF(flags), 1, -1, false};
    struct args files;
    int rc = flags_parse(argc, argv, &cl, &files);
    if (rc != FLAGS_RUN)
        return rc;
    bool csv = !strcmp(format, "csv");
    if (!csv && strcmp(format, "json"))
        return flags_refuse(&cl, "--format must be json or csv");
    if (bank && bank[0] && !bank_find(bank))
        return flags_refuse(&cl, "--bank %.40s is not a catalogue bank identifier (data/banks.tsv)", bank);
    if (extract_init() < 0) {
        fprintf(stderr, "passbook parse: cannot start the PDF engine\n");
        return 1;
    }
    struct extract_opts opts = {.password = password, .bank = bank, .require_bank = require_bank,
                                .max_pages = (int)max_pages, .no_ocr = no_ocr, .ocr_max_pages = (int)ocr_max_pages,
                                .ocr_page_seconds = (double)ocr_page_seconds};
    if (csv)
        puts("date,value_date,transaction_note,chq_num,amount,transaction_type,balance,account_number");
    int failed = 0;
    for (int i = 0; i < files.n; i++) {
        if (files.n > 1)
            fprintf(stderr, "[%d/%d] %s\n", i + 1, files.n, files.v[i]);
        failed += parse_one(files.v[i], &opts, csv);
    }
    extract_shutdown();
    return failed ? 1 : 0;
}
