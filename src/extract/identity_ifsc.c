/* An IFSC as OCR read it, mended by the shape every IFSC has. See
 * identity_parts.h (id_ifsc_shape). */
#include "extract/identity_parts.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The letter a digit or mark read in a bank's four-letter code stands for
 * (`PS{B`, `IC1C`, `HDFO`), or c itself in upper case. */
static char as_letter(char c)
{
    switch (c) {
    case '0': return 'O';
    case '1': case '|': case '!': case '{': case '}': case '[': case ']': case 'l': return 'I';
    case '5': case '$': return 'S';
    case '8': return 'B';
    case '2': return 'Z';
    case '6': return 'G';
    default: return (char)toupper((unsigned char)c);
    }
}

/* The digit a letter or mark read among digits stands for, or 0 when c
 * looks like none. */
static char as_digit(char c)
{
    if (isdigit((unsigned char)c))
        return c;
    switch (c) {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'I': case 'i': case 'l': case '|': case '!': return '1';
    case 'S': case 's': case '$': return '5';
    case 'B': return '8';
    case 'Z': case 'z': return '2';
    case 'G': return '6';
    default: return 0;
    }
}

/* The first word of read without the marks a stamp's or a fold's ink
 * leaves inside a code (`MAHB0080-784`, `:SBIN...`): letters, digits and
 * the marks as_letter reads as letters. Its length. */
static size_t code_chars(const char *read, char *out, size_t cap)
{
    size_t n = 0;
    read += strspn(read, " :");
    for (const char *p = read; *p && *p != ' ' && n + 1 < cap; p++)
        if (isalnum((unsigned char)*p) || strchr("|!{}[]$", *p))
            out[n++] = *p;
    out[n] = 0;
    return n;
}

/* Eleven characters made an IFSC: the bank's letters, its 0, and a branch
 * part of digits when all six look like digits (else as printed, a member
 * bank's letters: HDFC0CXXXXX). False when they cannot be one. */
static bool as_ifsc(const char *c, char out[12])
{
    for (int i = 0; i < 4; i++)
        if (!isupper((unsigned char)(out[i] = as_letter(c[i]))))
            return false;
    if (as_digit(c[4]) != '0')
        return false;
    out[4] = '0';
    bool digits = true;
    for (int i = 5; i < 11; i++)
        digits = digits && as_digit(c[i]);
    for (int i = 5; i < 11; i++) {
        out[i] = digits ? as_digit(c[i]) : (char)toupper((unsigned char)c[i]);
        if (!isupper((unsigned char)out[i]) && !isdigit((unsigned char)out[i]))
            return false;
    }
    out[11] = 0;
    return true;
}

/* Twelve characters where OCR read one glyph twice, as a letter and as the
 * digit it looks like (`CITIO0103263`): the eleven without the first such
 * pair's first half that make an IFSC. */
static bool without_twice_read(const char *c, char out[12])
{
    for (int i = 0; i + 1 < 12; i++) {
        char a = c[i], b = c[i + 1];
        if (!isdigit((unsigned char)a) == !isdigit((unsigned char)b) || !as_digit(a) || as_digit(a) != as_digit(b))
            continue;
        char eleven[12];
        memcpy(eleven, c, (size_t)i);
        memcpy(eleven + i, c + i + 1, (size_t)(11 - i));
        eleven[11] = 0;
        if (as_ifsc(eleven, out))
            return true;
    }
    return false;
}

bool id_ifsc_shape(const char *read, char out[12])
{
    char c[SEG_MAX];
    size_t n = code_chars(read, c, sizeof c);
    return (n == 11 && as_ifsc(c, out)) || (n == 12 && without_twice_read(c, out));
}
