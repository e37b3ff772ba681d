/* OCR corrections. See ocr_fix.h. */
#include "extract/ocr_fix.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "extract/ocr_chars.h"

/* ---------- words ---------- */

/* Length of a Dr/Cr marker at the end of s[0..n), or 0. */
static size_t drcr_suffix(const char *s, size_t n)
{
    if (n < 3)
        return 0;
    const char *t = s + n - 2;
    bool dr = (t[0] == 'D' || t[0] == 'd') && (t[1] == 'r' || t[1] == 'R');
    bool cr = (t[0] == 'C' || t[0] == 'c') && (t[1] == 'r' || t[1] == 'R');
    if (!dr && !cr)
        return 0;
    return (n > 3 && t[-1] == '.') ? 0 : 2;
}

/* dd/mm/yyyy, dd-mm-yy, dd.mm.yyyy ... */
static bool date_shape(const char *s, size_t n)
{
    size_t i = 0, groups = 0, len[3] = {0};
    char sep = 0;
    while (i < n && groups < 3) {
        while (i < n && isdigit((unsigned char)s[i]))
            len[groups]++, i++;
        groups++;
        if (i < n) {
            if (groups == 3 || !(s[i] == '/' || s[i] == '-' || s[i] == '.') || (sep && s[i] != sep))
                return false;
            sep = s[i++];
        }
    }
    return i == n && groups == 3 && len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2 &&
           (len[2] == 2 || len[2] == 4);
}

/* Writes an amount's digits with its separators set right: the last one
 * followed by one or two digits is the decimal point, the others group.
 * A semicolon is a comma whose lower dot a speck or the scan's noise
 * joined ("Rs.1;79,500.00"), never the decimal point (a time of day read
 * "03;25" stays). False when s is no amount (other separators, empty
 * groups). */
static bool amount_shape(const char *s, size_t n, char *out)
{
    size_t last = n;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',' || s[i] == '.' || s[i] == ';') {
            if (i == 0 || i + 1 == n || !isdigit((unsigned char)s[i - 1]) || !isdigit((unsigned char)s[i + 1]))
                return false;
            last = i;
        } else if (!isdigit((unsigned char)s[i]))
            return false;
    }
    if (last < n && s[last] == ';')
        return false;
    size_t tail = last < n ? n - last - 1 : 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (s[i] == ',' || s[i] == '.' || s[i] == ';') ? (i == last && tail <= 2 ? '.' : ',') : s[i];
    return true;
}

/* Runs of letters read with l and I swapped: a run in capitals with an l
 * ("SAl", "OlL", "lNDIA") has an I; a run in lower case with an I ("ybI",
 * "paytIm") has an l. Other mixes are left as read. */
static void fix_l_and_i(char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (!isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i, upper = 0, lower = 0, ls = 0, is = 0;
        for (; j < n && isalpha((unsigned char)s[j]); j++) {
            if (s[j] == 'l')
                ls++;
            else if (s[j] == 'I')
                is++;
            else if (isupper((unsigned char)s[j]))
                upper++;
            else
                lower++;
        }
        if (ls && !lower && upper + is >= 2)
            for (size_t k = i; k < j; k++)
                s[k] = s[k] == 'l' ? 'I' : s[k];
        if (is && !upper && lower >= 2 && j - i >= 3)
            for (size_t k = i; k < j; k++)
                s[k] = s[k] == 'I' ? 'l' : s[k];
        i = j;
    }
}

/* A word in lower case that starts with an l and then a consonant no
 * English word starts with after an l ("lnstrument", "lnt.", "ldentification"):
 * OCR read a capital I as an l. */
static void fix_initial_l(char *s, size_t n)
{
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] != 'l' || (i > 0 && isalnum((unsigned char)s[i - 1])) || !strchr("bcdfgkmnpqrstvwxz", s[i + 1]))
            continue;
        size_t j = i + 1;
        while (j < n && islower((unsigned char)s[j]))
            j++;
        if (j - i >= 3 && (j == n || !isalnum((unsigned char)s[j])))
            s[i] = 'I';
    }
}

/* "A/c" (account) with its slash read as a thin letter or mark ("Afc",
 * "Alc", "AIC", "A1c": a fax's or a copy's slash is a hair wide): the
 * abbreviation statements print before an account's number or type, in
 * labels and narrations; a label read so lost its field ("Afc No. :
 * 0078405110559"). Alone, before a full stop or colon, or run into the
 * next word ("AlcType": its space given back). Returns the new length. */
static size_t account_slash(char *s, size_t n, size_t cap)
{
    if (n < 3 || s[0] != 'A' || !strchr("flI1|!)'", s[1]) || (s[2] != 'c' && s[2] != 'C'))
        return n;
    bool alone = n == 3 || s[3] == '.' || s[3] == ':';
    bool run_into = n >= 5 && isupper((unsigned char)s[3]) && islower((unsigned char)s[4]);
    if (!alone && !run_into)
        return n;
    s[1] = '/';
    if (run_into && n + 1 < cap) {
        memmove(s + 4, s + 3, n - 3);
        s[3] = ' ';
        s[++n] = 0;
    }
    return n;
}

/* A typographic dash between two letters or digits is a hyphen OCR read
 * long ("okaxis\u2014CNRB0695411"): statements print ASCII hyphens. */
static size_t inner_dashes(char *s, size_t n)
{
    for (size_t i = 1; i + 3 < n; i++) {
        bool dash = !memcmp(s + i, "\xe2\x80\x94", 3) || !memcmp(s + i, "\xe2\x80\x93", 3);
        if (dash && isalnum((unsigned char)s[i - 1]) && isalnum((unsigned char)s[i + 3])) {
            s[i] = '-';
            memmove(s + i + 1, s + i + 3, n - i - 2);
            n -= 2;
        }
    }
    return n;
}

/* Hyphens OCR read as other marks: a tilde beside a letter or digit
 * ("UPI~RAJESH", "YESB0288047~": statements print no tildes), and a long
 * dash beside a hyphen ("okaxis-\u2014SBIN": one hyphen read twice). */
static size_t odd_hyphens(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '~' && ((i > 0 && isalnum((unsigned char)s[i - 1])) || (i + 1 < n && isalnum((unsigned char)s[i + 1]))))
            s[i] = '-';
    for (size_t i = 0; i + 3 <= n; i++) {
        bool dash = !memcmp(s + i, "\xe2\x80\x94", 3) || !memcmp(s + i, "\xe2\x80\x93", 3);
        if (dash && ((i > 0 && s[i - 1] == '-') || (i + 3 < n && s[i + 3] == '-'))) {
            memmove(s + i, s + i + 3, n - i - 2);
            n -= 3;
            i--;
        }
    }
    return n;
}

/* A ']' or '}' with no '[' or '{' before it, beside a capital, is a J
 * ("MANO]", "MANO}"): a closing bracket alone is no statement's. */
static void fix_bracket_j(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[' || s[i] == '{')
            return;
        if ((s[i] == ']' || s[i] == '}') &&
            ((i > 0 && isupper((unsigned char)s[i - 1])) || (i + 1 < n && isupper((unsigned char)s[i + 1]))))
            s[i] = 'J';
    }
}

/* A word in lower case run into one in capitals ("paymentJIO", "atATM"):
 * OCR lost the space between them. A word that starts with a capital
 * ("PhonePE") or has a single letter before the capitals ("eNACH", "iOS")
 * is a name and stays. Returns the new length. */
static size_t split_case(char *s, size_t n, size_t cap)
{
    for (size_t i = 0; i < n; i++) {
        if (!islower((unsigned char)s[i]) || (i > 0 && isalnum((unsigned char)s[i - 1])))
            continue;
        size_t j = i, k;
        while (j < n && islower((unsigned char)s[j]))
            j++;
        for (k = j; k < n && isupper((unsigned char)s[k]);)
            k++;
        if (j - i >= 2 && k - j >= 2 && (k == n || !isalnum((unsigned char)s[k])) && n + 1 < cap) {
            memmove(s + j + 1, s + j, n - j + 1);
            s[j] = ' ';
            n++;
        }
        i = k;
    }
    return n;
}

/* The letter a digit is read as beside itself ("S5": one 5 read twice), or 0. */
static char twin_letter(char d)
{
    switch (d) {
    case '0': return 'O';
    case '1': return 'I';
    case '2': return 'Z';
    case '5': return 'S';
    case '6': return 'G';
    case '8': return 'B';
    default: return 0;
    }
}

/* A NEFT or RTGS reference (UTR: a bank's four letters, N or R, then
 * digits) read with an O for the zero after its letters ("UTIBNO7875956759"),
 * or with its first digit read twice, as its look-alike letter and itself
 * ("BARBNS56515708739", "KKBKNS58830769932"): the letter goes. Returns the
 * new length. */
static size_t utr_fix(char *s, size_t n)
{
    for (size_t i = 0; i + 15 <= n; i++) {
        if ((i > 0 && isalnum((unsigned char)s[i - 1])) || (s[i + 4] != 'N' && s[i + 4] != 'R'))
            continue;
        bool ok = true;
        for (size_t k = 0; k < 4; k++)
            ok = ok && isupper((unsigned char)s[i + k]);
        size_t d = i + 6;
        while (d < n && isdigit((unsigned char)s[d]))
            d++;
        if (!ok || d - i - 6 < 9 || (d < n && isalnum((unsigned char)s[d])))
            continue;
        if (s[i + 5] == 'O') {
            s[i + 5] = '0';
        } else if (s[i + 5] == twin_letter(s[i + 6])) {
            memmove(s + i + 5, s + i + 6, n - i - 5);
            n--;
        }
    }
    return n;
}

/* The capital a digit (or a bar) stands for in a bank's code, or 0. */
static char letter_for(char c)
{
    switch (c) {
    case '1': case '!': case '|': return 'I';
    case '0': return 'O';
    case '5': return 'S';
    case '8': return 'B';
    default: return 0;
    }
}

/* Whether s[i, i + 11) is an IFSC standing alone: four capitals, a zero,
 * six capitals or digits, no letter or digit either side. */
static bool ifsc_at(const char *s, size_t n, size_t i)
{
    if (i + 11 > n || (i > 0 && isalnum((unsigned char)s[i - 1])) || (i + 11 < n && isalnum((unsigned char)s[i + 11])))
        return false;
    for (size_t k = 0; k < 11; k++) {
        unsigned char c = (unsigned char)s[i + k];
        if (!(k < 4 ? isupper(c) : k == 4 ? c == '0' : isupper(c) || isdigit(c)))
            return false;
    }
    return true;
}

/* A speck read as a full stop or comma inside an IFSC's branch part
 * ("IDFB0417.317", a scan's dust between two digits): an IFSC prints
 * none. Returns the new length. */
static size_t speck_in_ifsc(char *s, size_t n)
{
    for (size_t i = 6; i + 1 < n; i++) {
        if ((s[i] != '.' && s[i] != ',') || !isdigit((unsigned char)s[i - 1]) || !isdigit((unsigned char)s[i + 1]))
            continue;
        for (size_t start = i >= 10 ? i - 10 : 0; start + 5 <= i; start++) {
            char w[12];
            size_t k = 0;
            for (size_t j = start; k < 11 && j < n; j++)
                if (j != i)
                    w[k++] = s[j];
            bool before = start == 0 || !isalnum((unsigned char)s[start - 1]);
            size_t end = start + 12; /* the IFSC's end in s, the speck inside it */
            bool after = end >= n || !isalnum((unsigned char)s[end]);
            if (k == 11 && before && after && ifsc_at(w, 11, 0)) {
                memmove(s + i, s + i + 1, n - i);
                return n - 1;
            }
        }
    }
    return n;
}

/* An IFSC (four capitals, a zero, six capitals or digits) read with an O
 * for its zero or a digit for one of its bank's letters (at least two
 * read right), alone or inside a narration ("...-SBINO710690-...",
 * "IC1C0284383"). */
static void ifsc_fix(char *s, size_t n)
{
    for (size_t i = 0; i + 11 <= n; i++) {
        if ((i > 0 && isalnum((unsigned char)s[i - 1])) || (i + 11 < n && isalnum((unsigned char)s[i + 11])))
            continue;
        bool ok = s[i + 4] == 'O' || s[i + 4] == '0';
        size_t caps = 0;
        for (size_t k = 0; ok && k < 4; k++) {
            ok = isupper((unsigned char)s[i + k]) || letter_for(s[i + k]);
            caps += isupper((unsigned char)s[i + k]) != 0;
        }
        size_t digits = 0;
        for (size_t k = 5; ok && k < 11; k++) {
            ok = isupper((unsigned char)s[i + k]) || isdigit((unsigned char)s[i + k]);
            digits += isdigit((unsigned char)s[i + k]) != 0;
        }
        if (!ok || !digits || caps < 2)
            continue;
        for (size_t k = 0; k < 4; k++)
            s[i + k] = isupper((unsigned char)s[i + k]) ? s[i + k] : letter_for(s[i + k]);
        s[i + 4] = '0';
    }
}

/* The letter an accented Latin letter (UTF-8, c3 80..bf) is without its
 * accent, or 0: statements print their narrations in ASCII, so an accent
 * is a speck above a letter ("Receiv\u00e9d", "groceri\u00e9s"). */
static char unaccented(unsigned char c)
{
    static const char LATIN1[] = "AAAAAA?CEEEEIIII?NOOOOO?OUUUUY??aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";
    char a = c >= 0x80 && c <= 0xbf ? LATIN1[c - 0x80] : '?';
    return a == '?' ? 0 : a;
}

static size_t fold_accents(char *s, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        char a = (unsigned char)s[i] == 0xc3 && i + 1 < n ? unaccented((unsigned char)s[i + 1]) : 0;
        s[out++] = a ? a : s[i];
        i += a != 0;
    }
    s[out] = 0;
    return out;
}

/* A section sign read for a 5 or an S ("\u00a7233331144259", "\u00a715925"),
 * and a dollar sign for an S in a word with letters ("$1A77146": an ATM's
 * id): statements print neither there (a dollar amount is digits only). */
static size_t fix_s_marks(char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++)
        letters += isalpha((unsigned char)s[i]) != 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if ((unsigned char)s[i] != 0xc2 || (unsigned char)s[i + 1] != 0xa7)
            continue;
        bool digit = (i + 2 < n && isdigit((unsigned char)s[i + 2])) || (i > 0 && isdigit((unsigned char)s[i - 1]));
        s[i] = digit ? '5' : 'S';
        memmove(s + i + 1, s + i + 2, n - i - 1);
        n--;
    }
    for (size_t i = 0; letters && i < n; i++)
        if (s[i] == '$')
            s[i] = 'S';
    return n;
}

/* A '!' beside a letter is an I among capitals ("DEV!", "UP!") and an l
 * among small letters ("@yb!"): statements print no exclamation marks. */
static void fix_bang(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '!')
            continue;
        size_t a = i, b = i + 1, lower = 0, upper = 0;
        while (a > 0 && (isalpha((unsigned char)s[a - 1]) || s[a - 1] == '!'))
            a--;
        while (b < n && (isalpha((unsigned char)s[b]) || s[b] == '!'))
            b++;
        for (size_t k = a; k < b; k++)
            lower += islower((unsigned char)s[k]) != 0, upper += isupper((unsigned char)s[k]) != 0;
        if (lower + upper)
            s[i] = lower > upper ? 'l' : 'I';
    }
}

/* A thin capital I read twice, as itself and a 1 ("UTI1B0501376",
 * "IC1I6013534682", "1IC1I1534481366"): a 1 beside an I between two
 * capitals, or before an I and a capital at a code's start, goes (a 1 of
 * a code's number stands among digits: "ICI1534481366"). Returns the new
 * length. */
static size_t doubled_i(char *s, size_t n)
{
#define CAP(k) ((k) < n && isupper((unsigned char)s[k]))
    for (size_t i = 0; i < n;) {
        bool start = i == 0 || !isalnum((unsigned char)s[i - 1]);
        bool inside = i > 0 && CAP(i - 1) && CAP(i + 1) && (s[i - 1] == 'I' || s[i + 1] == 'I');
        if (s[i] == '1' && (inside || (start && i + 1 < n && s[i + 1] == 'I' && CAP(i + 2)))) {
            memmove(s + i, s + i + 1, n - i);
            n--;
        } else {
            i++;
        }
    }
#undef CAP
    return n;
}

/* Marks OCR reads from a table rule, a stamp's edge or a speck touching a
 * word: typographic dashes, quotes, degree and trade marks, an underscore
 * at a word's start or end. Statements print none of them there. */
static size_t mark_at(const char *s, size_t n, size_t i)
{
    static const char *const MARKS[] = {"\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98",
                                        "\xe2\x80\x99", "\xc2\xb0", "\xe2\x84\xa2", "_"};
    for (size_t k = 0; k < sizeof MARKS / sizeof *MARKS; k++) {
        size_t m = strlen(MARKS[k]);
        if (i + m <= n && !memcmp(s + i, MARKS[k], m))
            return m;
    }
    return 0;
}

/* A full stop before a word's first letter (".merchant"): narrations print
 * none there; it is a speck on the line (a full stop ends a word). */
static size_t mark_before_letter(const char *s, size_t n)
{
    return n > 1 && s[0] == '.' && isalpha((unsigned char)s[1]) ? 1 : 0;
}

static size_t strip_marks(char *s, size_t n)
{
    size_t m;
    while (n && ((m = mark_at(s, n, 0)) || (m = mark_before_letter(s, n))) && m < n && isalnum((unsigned char)s[m])) {
        memmove(s, s + m, n - m + 1);
        n -= m;
    }
    /* at the end, also after a slash or hyphen ("meera@okicici/\u00b0") */
    for (bool again = true; again;) {
        again = false;
        for (size_t i = n > 3 ? n - 3 : 0; i < n; i++)
            if ((m = mark_at(s, n, i)) && i + m == n && i > 0 &&
                (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '-')) {
                s[n = i] = 0;
                again = true;
                break;
            }
    }
    return n;
}

/* UPI handles (the part after a VPA's @) of the largest apps: distinctive
 * enough that one glued to a name is a VPA whose @ OCR lost. */
static const char *const HANDLES[] = {"okaxis", "oksbi", "okhdfcbank", "okicici", "ybl", "ibl", "axl", "apl"};

static bool is_lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || isdigit((unsigned char)c);
}

static bool ends_segment(const char *s, size_t n, size_t i)
{
    return i == n || s[i] == '/' || s[i] == '-' || s[i] == ',';
}

/* The letter a digit read in a UPI handle stands for, in the handle's case:
 * handles are words ("ybl", "okaxis", "SBI"), never numbers. */
static char handle_letter(char c, bool upper)
{
    switch (c) {
    case '1': case '|': return upper ? 'I' : 'l';
    case '0': return upper ? 'O' : 'o';
    case '5': return upper ? 'S' : 's';
    default: return 0;
    }
}

static bool vpa_boundary(char c)
{
    return c == '/' || c == '-' || c == ',' || c == ' ' || c == '*';
}

/* The two halves of each VPA in s read with the other half's characters:
 * a digit inside its handle ("neha@yb1", "@SB1": a handle of at least two
 * letters, all of one case) is the letter it looks like; a capital touching
 * the digits of a name in lower case ("venkateshS2@paytm": names are
 * printed in lower case, their numbers last) is the digit it looks like. */
static void vpa_parts(char *s, size_t n)
{
    for (size_t at = 0; at < n; at++) {
        if (s[at] != '@')
            continue;
        size_t e = at + 1, lower = 0, upper = 0, odd = 0;
        for (; e < n && !vpa_boundary(s[e]); e++) {
            lower += islower((unsigned char)s[e]) != 0, upper += isupper((unsigned char)s[e]) != 0;
            odd += !isalpha((unsigned char)s[e]) && !handle_letter(s[e], false);
        }
        if (!odd && lower + upper >= 2 && (!lower || !upper))
            for (size_t k = at + 1; k < e; k++)
                if (!isalpha((unsigned char)s[k]))
                    s[k] = handle_letter(s[k], upper > 0);
        size_t b = at, small = 0, digits = 0;
        while (b > 0 && !vpa_boundary(s[b - 1]) && s[b - 1] != '@')
            b--;
        for (size_t k = b; k < at; k++)
            small += islower((unsigned char)s[k]) != 0, digits += isdigit((unsigned char)s[k]) != 0;
        if (small < 2 || !digits)
            continue;
        size_t first = b;
        while (!isdigit((unsigned char)s[first]))
            first++;
        bool number = true; /* the name's number runs to the @ ("pooja8l@") */
        for (size_t k = first; k < at; k++)
            number = number && (isdigit((unsigned char)s[k]) || ocr_digit_for(s[k]));
        for (size_t k = first; number && k < at; k++)
            s[k] = isdigit((unsigned char)s[k]) ? s[k] : ocr_digit_for(s[k]);
        for (size_t k = b; k < at; k++) {
            bool by_digit = (k > b && isdigit((unsigned char)s[k - 1])) || (k + 1 < at && isdigit((unsigned char)s[k + 1]));
            if (isupper((unsigned char)s[k]) && by_digit && ocr_digit_for(s[k]))
                s[k] = ocr_digit_for(s[k]);
        }
    }
}

size_t ocr_fix_vpa(char *s, size_t n, size_t cap)
{
    for (size_t h = 0; h < sizeof HANDLES / sizeof *HANDLES; h++) {
        size_t hl = strlen(HANDLES[h]);
        for (size_t i = 1; i + hl <= n; i++) {
            size_t end = i + hl;
            if (memcmp(s + i, HANDLES[h], hl) != 0)
                continue;
            bool stray = end < n && (s[end] == '1' || s[end] == 'l') && ends_segment(s, n, end + 1);
            if (!stray && !ends_segment(s, n, end))
                continue;
            bool glued = false;
            if (s[i - 1] != '@') {
                size_t start = i, letters = 0;
                while (start > 0 && is_lower_alnum(s[start - 1]))
                    letters += !isdigit((unsigned char)s[--start]);
                glued = i - start >= 3 && letters && (start == 0 || s[start - 1] == '/' || s[start - 1] == '-');
                if (!glued || n + 1 >= cap)
                    continue;
            }
            if (stray) {
                memmove(s + end, s + end + 1, n - end);
                n--;
            }
            if (glued) {
                memmove(s + i + 1, s + i, n - i + 1);
                s[i] = '@';
                n++;
            }
        }
    }
    vpa_parts(s, n);
    return n;
}

/* ---------- a row's narration, its lines joined ---------- */

/* Whether s[0..n) is one of the large apps' handles. */
static bool is_handle(const char *s, size_t n)
{
    for (size_t h = 0; h < sizeof HANDLES / sizeof *HANDLES; h++)
        if (strlen(HANDLES[h]) == n && !memcmp(s, HANDLES[h], n))
            return true;
    return false;
}

/* A handle read with one letter in the other case ("oKaxis", "HDFc"):
 * handles are printed in one case. */
static void handle_case(char *s, size_t n)
{
    size_t lower = 0, upper = 0;
    for (size_t i = 0; i < n; i++)
        lower += islower((unsigned char)s[i]) != 0, upper += isupper((unsigned char)s[i]) != 0;
    if (lower + upper < 3 || (lower != 1 && upper != 1) || lower == upper)
        return;
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(lower > upper ? tolower((unsigned char)s[i]) : toupper((unsigned char)s[i]));
}

/* A handle one thin letter away from a large app's ("@ybi", "@ib1"): the
 * l it is. */
static void known_handle(char *s, size_t n)
{
    if (is_handle(s, n))
        return;
    size_t at = n;
    for (size_t i = 0; i < n; i++) {
        if (!strchr("iI1|!", s[i]))
            continue;
        char keep = s[i];
        s[i] = 'l';
        bool fits = is_handle(s, n);
        s[i] = keep;
        if (fits && at < n)
            return; /* two ways: as read */
        at = fits ? i : at;
    }
    if (at < n)
        s[at] = 'l';
}

/* Whether the narration s prints the word w[0..n) (letters, any case, not
 * inside a longer run of letters) elsewhere than at w itself. */
static bool names_word(const char *s, const char *w, size_t n)
{
    for (const char *p = s; *p; p++)
        if (p != w && !strncasecmp(p, w, n) && (p == s || !isalpha((unsigned char)p[-1])) &&
            !isalpha((unsigned char)p[n]))
            return true;
    return false;
}

/* A VPA named after the row's payee with a 1 read as an l ("SNEHA GUPTA/
 * PUNB/snehal5@", "PRIYA MENON/ICIC/priyal0@"): letters, an l, then digits
 * up to the @ (s[b..at)), where the narration names the letters but not
 * the letters with the l. */
static void name_digit(char *s, size_t b, size_t at)
{
    size_t k = b;
    while (k < at && islower((unsigned char)s[k]))
        k++;
    if (k - b < 3 || k >= at || s[k - 1] != 'l')
        return;
    for (size_t d = k; d < at; d++)
        if (!isdigit((unsigned char)s[d]))
            return;
    if (names_word(s, s + b, k - b - 1) && !names_word(s, s + b, k - b))
        s[k - 1] = '1';
}

void ocr_fix_note(char *s)
{
    size_t n = strlen(s);
    for (size_t at = 0; at < n; at++) {
        if (s[at] != '@')
            continue;
        size_t e = at + 1, b = at;
        while (e < n && !vpa_boundary(s[e]))
            e++;
        handle_case(s + at + 1, e - at - 1);
        known_handle(s + at + 1, e - at - 1);
        while (b > 0 && !vpa_boundary(s[b - 1]) && s[b - 1] != '@')
            b--;
        name_digit(s, b, at);
    }
    vpa_parts(s, n);
}

bool ocr_stray_mark(const char *w)
{
    static const char *const STRAY[] = {".", ",", "'", "`", "\"", "~", "=", "^", "\\", "\xc2\xb0", "\xe2\x80\x98",
                                        "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x84\xa2"};
    if (!*w)
        return false;
    while (*w) {
        size_t k = 0, m = 0;
        for (; k < sizeof STRAY / sizeof *STRAY; k++)
            if (!strncmp(w, STRAY[k], m = strlen(STRAY[k])))
                break;
        if (k == sizeof STRAY / sizeof *STRAY)
            return false;
        w += m;
    }
    return true;
}

/* ---------- codes split by spaces ---------- */

static bool is_one(char c)
{
    return c == '1' || c == '|' || c == 'l' || c == 'I' || c == '!';
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return n > 0;
}

static size_t leading_digits(const char *s)
{
    size_t k = 0;
    while (isdigit((unsigned char)s[k]))
        k++;
    return k;
}

/* Pieces of a number between two slashes, see ocr_split_pieces. */
static size_t slashed_digits(const char *const *w, size_t n)
{
    const char *a = w[0], *slash = strrchr(a, '/');
    if (!slash || !all_digits(slash + 1, strlen(slash + 1)))
        return 0;
    size_t digits = strlen(slash + 1);
    for (size_t k = 1; k < n; k++) {
        size_t d = leading_digits(w[k]);
        if (w[k][d] == '/' || (w[k][d] && is_one(w[k][d]) && w[k][d + 1] == '/'))
            return digits + d + (w[k][d] != '/') >= 8 ? k : 0;
        if (!all_digits(w[k], strlen(w[k])))
            return 0;
        digits += d;
    }
    return 0;
}

static bool is_code_sep(char c)
{
    return c == '/' || c == '-' || c == '*';
}

/* An IFSC read as two words ("KKBK0961" "750/ANJALI", "KKBKO" "913711"). */
static bool split_ifsc(const char *a, const char *b)
{
    size_t na = strlen(a), start = na;
    while (start > 0 && !is_code_sep(a[start - 1]))
        start--;
    size_t nb = strcspn(b, "/-*");
    if (na - start < 5 || na - start + nb != 11 || !nb)
        return false;
    char code[12];
    memcpy(code, a + start, na - start);
    memcpy(code + na - start, b, nb);
    for (size_t k = 0; k < 11; k++)
        if (k < 4 ? !isupper((unsigned char)code[k])
                  : k == 4 ? code[k] != '0' && code[k] != 'O' /* set right once joined (ifsc_fix) */
                           : !isupper((unsigned char)code[k]) && !isdigit((unsigned char)code[k]))
            return false;
    return isdigit((unsigned char)code[10]) || isdigit((unsigned char)code[5]);
}

size_t ocr_split_pieces(const char *const *words, const float *gap, size_t n)
{
    size_t close = 1;
    while (close < n && gap[close] < 0.6f)
        close++;
    if (close < 2)
        return 0;
    size_t k = slashed_digits(words, close);
    if (k)
        return k;
    size_t na = strlen(words[0]);
    char last = words[0][na - 1];
    float most = last == '-' ? 0.3f : 0.5f; /* see ocr_join_doubtful */
    if (gap[1] < most && na > 1 && (last == '/' || last == '-' || last == '*') && isalnum((unsigned char)words[1][0]))
        return 1;
    if (gap[1] < 0.3f && isalnum((unsigned char)last) && !strcmp(words[1], "-"))
        return 1;
    return split_ifsc(words[0], words[1]) ? 1 : 0;
}

bool ocr_join_doubtful(const char *a, float gap)
{
    size_t na = strlen(a);
    return na && (a[na - 1] == '/' || a[na - 1] == '*') && gap >= 0.3f;
}

bool ocr_letters_apart(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (!na || !isalpha((unsigned char)a[na - 1]) || !isalpha((unsigned char)b[0]))
        return false;
    char w[256];
    if (na + nb + 2 > sizeof w)
        return true;
    memcpy(w, a, na);
    memcpy(w + na, b, nb + 1);
    return ocr_fix_vpa(w, na + nb, sizeof w) == na + nb;
}

bool ocr_code_split_at_one(const char *a, size_t na, const char *b, size_t nb, float gap)
{
    size_t ta = 0, hb = 0, caps = 0;
    while (ta < na && isdigit((unsigned char)a[na - 1 - ta]))
        ta++;
    while (hb < nb && isdigit((unsigned char)b[hb]))
        hb++;
    while (caps < na - ta && isupper((unsigned char)a[na - ta - 1 - caps]))
        caps++;
    bool one = ta && hb && (a[na - 1] == '1' || b[0] == '1');
    bool ends = hb == nb || !isalnum((unsigned char)b[hb]);
    bool code = caps >= 2 || (!caps && ta < na && a[na - ta - 1] == '/');
    return one && ends && code && ta + hb >= 10 && gap < 0.4f;
}

bool ocr_value_split_at_one(const char *label, const char *a, size_t na, const char *b, size_t nb, float gap)
{
    size_t nl = strlen(label);
    bool labelled = nl && label[nl - 1] == ':';
    bool one = na && nb && (a[na - 1] == '1' || b[0] == '1');
    return labelled && one && all_digits(a, na) && all_digits(b, nb) && na + nb >= 10 && gap < 0.4f;
}

/* A number between two slashes read with one 1 as a bar or a letter
 * ("/46725775195|/"): at least eight digits, one such mark. */
static void slashed_number(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '/')
            continue;
        size_t j = i + 1, digits = 0, ones = 0, at = 0;
        for (; j < n && s[j] != '/'; j++) {
            if (isdigit((unsigned char)s[j]))
                digits++;
            else if (is_one(s[j]))
                ones++, at = j;
            else
                break;
        }
        if (j < n && s[j] == '/' && ones == 1 && digits >= 8)
            s[at] = '1';
        i = j - 1;
    }
}

size_t ocr_fix_word(const char *in, char *out, size_t cap)
{
    size_t n = strlen(in);
    if (!cap)
        return 0;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, in, n);
    out[n] = 0;
    n = fold_accents(out, n);
    n = fix_s_marks(out, n);
    n = strip_marks(out, n);
    n = odd_hyphens(out, n);
    n = inner_dashes(out, n);
    n = account_slash(out, n, cap);
    fix_bracket_j(out, n);
    fix_bang(out, n);
    fix_l_and_i(out, n);
    n = doubled_i(out, n);
    fix_initial_l(out, n);
    n = split_case(out, n, cap);
    n = utr_fix(out, n);
    n = speck_in_ifsc(out, n);
    ifsc_fix(out, n);
    slashed_number(out, n);
    n = ocr_fix_vpa(out, n, cap);
    /* the core: after a sign, bracket or currency, before a Dr/Cr marker */
    size_t a = 0, b = n;
    if (a < b && (out[a] == '-' || out[a] == '(' || out[a] == '+'))
        a++;
    if (b - a > 2 && !strncmp(out + a, "Rs", 2))
        a += out[a + 2] == '.' ? 3 : 2;
    b -= drcr_suffix(out + a, b - a);
    if (b > a && out[b - 1] == ')')
        b--;
    size_t digits = 0, letters = 0;
    char core[256];
    for (size_t i = a; i < b; i++) {
        char c = out[i];
        if (isdigit((unsigned char)c))
            digits++, core[i - a] = c;
        else if (ocr_is_sep(c))
            core[i - a] = c;
        else if (ocr_digit_for(c))
            letters++, core[i - a] = ocr_digit_for(c);
        else
            return n; /* a word, not a number */
    }
    size_t m = b - a;
    if (digits < 2 || letters * 2 > digits || m >= sizeof core)
        return n;
    char fixed[256];
    if (date_shape(core, m))
        memcpy(fixed, core, m);
    else if (!amount_shape(core, m, fixed))
        return n;
    memcpy(out + a, fixed, m);
    return n;
}
