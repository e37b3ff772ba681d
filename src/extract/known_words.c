/* The words of the reader's own tables. See known_words.h. */
#include "extract/known_words.h"

#include <pthread.h>
#include <stddef.h>

#include "util/embedded.h"

static struct ocr_vocab *rules_vocab;
static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;

static void load_vocab(void)
{
    static const char *const FILES[] = {
        "rules/merchants.tsv", "rules/payees.tsv", "rules/channels.tsv", "rules/lenders.tsv", "rules/counterparty.tsv",
        "rules/salary.tsv",    "banks/profiles.tsv", "banks/identity.tsv", "banks/names.tsv", "banks.tsv",
    };
    struct ocr_vocab *v = ocr_vocab_new();
    for (size_t i = 0; v && i < sizeof FILES / sizeof *FILES; i++) {
        const struct embedded_file *f = embedded_find(FILES[i]);
        if (f && ocr_vocab_add_text(v, (const char *)f->data, f->len) < 0) {
            ocr_vocab_free(v);
            v = NULL;
        }
    }
    rules_vocab = v;
}

const struct ocr_vocab *known_words(void)
{
    pthread_once(&vocab_once, load_vocab);
    return rules_vocab;
}
