/* Capitals read as small letters. See ocr_case.h. */
#include "extract/ocr_case.h"

#include <ctype.h>
#include <string.h>

/* Between the x-height and the capitals' height, in ems. */
#define CAPITALS_REACH 0.62f

bool ocr_capitals_by_height(char *w, size_t n, float ink, float em)
{
    if (n < 2 || em <= 0 || ink < CAPITALS_REACH * em)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!w[i] || !strchr("cosuvwxz", w[i]))
            return false;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)toupper((unsigned char)w[i]);
    return true;
}

float ocr_line_reach(const char *text)
{
    bool letter = false;
    for (const char *p = text; *p; p++) {
        if (strchr("acemnorsuvwxzgpqy", *p))
            letter = true;
        else if (!strchr(" .,-\n", *p))
            return OCR_CAPS_HEIGHT;
    }
    return letter ? OCR_X_HEIGHT : OCR_CAPS_HEIGHT;
}
