#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

size_t utf8_seq_len(const unsigned char *s, size_t avail)
{
    if (!avail)
        return 0;
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!n || n > avail)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if (c == 0xe0 && s[1] < 0xa0)          /* overlong */
        return 0;
    if (c == 0xed && s[1] >= 0xa0)         /* surrogates */
        return 0;
    if (c == 0xf0 && s[1] < 0x90)          /* overlong */
        return 0;
    if (c == 0xf4 && s[1] >= 0x90)         /* past U+10FFFF */
        return 0;
    return n;
}

char *utf8_clean(const char *in, size_t max_bytes)
{
    size_t inlen = strlen(in);
    char *out = malloc(max_bytes + 1);
    if (!out)
        return NULL;
    const unsigned char *s = (const unsigned char *)in, *end = s + inlen;
    size_t n = 0;
    while (s < end) {
        size_t len = utf8_seq_len(s, (size_t)(end - s));
        const char *seq = (const char *)s;
        size_t sl = len;
        if (!len) {
            seq = "\xef\xbf\xbd";
            sl = 3;
            s++;
        } else {
            s += len;
            if (len == 1 && (*seq < 0x20 || *seq == 0x7f))
                continue;
            if (len == 2 && (unsigned char)seq[0] == 0xc2 && (unsigned char)seq[1] < 0xa0)
                continue; /* C1 controls */
        }
        if (n + sl > max_bytes)
            break;
        memcpy(out + n, seq, sl);
        n += sl;
    }
    out[n] = '\0';
    return out;
}
