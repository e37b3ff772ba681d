/* The balance chain sets OCR's misread digits right. See ocr_chain.h. */
#include "extract/ocr_chain.h"

/* What OCR reads a printed digit as: the usual confusions of Tesseract on
 * statement fonts. */
static const char *const CONFUSED[10] = {
    "869", "74", "7", "85", "1", "638", "580", "12", "0365", "0",
};

static pb_paise iabs(pb_paise v)
{
    return v < 0 ? -v : v;
}

static size_t add_unique(pb_paise *out, size_t n, size_t cap, pb_paise v)
{
    for (size_t i = 0; i < n; i++)
        if (out[i] == v)
            return n;
    if (n < cap)
        out[n++] = v;
    return n;
}

/* The readings of a (digits, sign apart) with one digit fewer: a 1 or a
 * digit the same as the one before it, not the first (a stroke read as a
 * 1 beside a 7, "76.69" read "716.69"; a glyph read twice). Added to
 * out[0..n); returns the new count. */
static size_t extra_digit_variants(pb_paise a, pb_paise sign, pb_paise *out, size_t n, size_t cap)
{
    char d[24];
    int len = 0;
    for (pb_paise rest = a; rest > 0 && len < (int)sizeof d; rest /= 10)
        d[len++] = (char)('0' + rest % 10); /* d[len - 1] is the first digit */
    for (int i = len - 2; i >= 0; i--) {
        if (d[i] != '1' && d[i] != d[i + 1])
            continue;
        pb_paise w = 0;
        for (int k = len - 1; k >= 0; k--)
            if (k != i)
                w = w * 10 + (d[k] - '0');
        if (w > 0 && w != a)
            n = add_unique(out, n, cap, sign * w);
    }
    return n;
}

size_t ocr_digit_variants(pb_paise v, pb_paise *out, size_t cap)
{
    pb_paise a = iabs(v), sign = v < 0 ? -1 : 1;
    size_t n = 0;
    pb_paise place = 1;
    for (pb_paise rest = a; rest > 0 || place <= 100; rest /= 10, place *= 10) {
        int d = (int)(rest % 10);
        bool leading = rest < 10 && place > 100;
        for (const char *c = CONFUSED[d]; *c; c++) {
            int e = *c - '0';
            if (leading && e == 0)
                continue; /* no leading zeros are printed */
            pb_paise w = a + (pb_paise)(e - d) * place;
            if (w > 0 && w != a)
                n = add_unique(out, n, cap, sign * w);
        }
        if (place > PB_MONEY_MAX / 10)
            break;
    }
    if (a && a % 100 == 0) /* "1234.56" read as "123456" */
        n = add_unique(out, n, cap, sign * (a / 100));
    return extra_digit_variants(a, sign, out, n, cap);
}

/* Whether the next row reconciles when this one ends at balance. */
static bool next_fits(const struct chain_row *next, pb_paise balance)
{
    if (!next)
        return true;
    if (balance + next->dir * next->amount == next->balance)
        return true;
    return !next->dir_fixed && balance - next->dir * next->amount == next->balance;
}

struct reading {
    pb_paise amount, balance;
    int dir;
};

/* The readings of row r (one token changed, the direction kept or, when
 * not printed, flipped) that reconcile from prev and let the next row
 * reconcile. Returns how many distinct ones (up to 2 counted). */
static int readings(pb_paise prev, const struct chain_row *r, const struct chain_row *next, struct reading *found)
{
    pb_paise var[64];
    int nfound = 0;
    for (int flip = 0; flip < (r->dir_fixed ? 1 : 2); flip++) {
        int dir = flip ? -r->dir : r->dir;
        size_t nv = ocr_digit_variants(r->amount, var, 64);
        for (size_t k = 0; k <= nv; k++) {
            pb_paise amt = k < nv ? var[k] : r->amount;
            if (amt <= 0 || prev + dir * amt != r->balance || !next_fits(next, r->balance))
                continue;
            if (!nfound || found->amount != amt || found->balance != r->balance || found->dir != dir)
                *found = (struct reading){amt, r->balance, dir}, nfound++;
        }
        nv = ocr_digit_variants(r->balance, var, 64);
        for (size_t k = 0; k < nv; k++) {
            if (prev + dir * r->amount != var[k] || !next_fits(next, var[k]))
                continue;
            if (!nfound || found->amount != r->amount || found->balance != var[k] || found->dir != dir)
                *found = (struct reading){r->amount, var[k], dir}, nfound++;
        }
        if (nfound)
            break; /* the printed direction first: a flip only when nothing else fits */
    }
    return nfound;
}

size_t ocr_fix_chain(pb_paise opening, struct chain_row *rows, size_t n)
{
    pb_paise prev = opening;
    size_t fixed = 0;
    for (size_t i = 0; i < n; i++) {
        struct chain_row *r = &rows[i];
        if (prev + r->dir * r->amount != r->balance) {
            struct reading f;
            if (readings(prev, r, i + 1 < n ? &rows[i + 1] : NULL, &f) == 1) {
                r->amount = f.amount, r->balance = f.balance, r->dir = f.dir;
                r->corrected = true;
                fixed++;
            }
        }
        prev = r->balance;
    }
    return fixed;
}
