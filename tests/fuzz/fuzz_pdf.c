/* Fuzzes the PDF open path: MuPDF from memory under our limits (memory
 * cap, page cap, deadline), password handling, then the whole pipeline.
 * Seeds are small statements (plain and RC4-encrypted). */
#include <stdint.h>
#include <stdlib.h>

#include "extract/extract.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    return extract_init();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct extract_opts o = {.password = "secret1", .max_pages = 20, .max_memory = 64u << 20, .max_seconds = 5,
                             .ocr_max_pages = 2, .ocr_page_seconds = 1};
    struct statement_list all;
    struct extract_error err;
    if (extract_pdf(data, size, &o, &all, &err) == 0)
        statement_list_free(&all);
    else if (err.code == EXTRACT_OK)
        abort(); /* a failure must say why */
    return 0;
}
