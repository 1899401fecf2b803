/*
 * scan.c - finding the error codes in one line of a log, and nothing else.
 *
 * THE RULE.  A code is one of:
 *  1. "0x" + exactly 8 hex digits (any case; an L, U, UL or LU suffix is
 *     part of the match) from 0x00010000 to 0xfffeffff, not a single bit,
 *     with a decoding.
 *  2. A bare word of exactly 8 hex digits, holding a decimal digit, whose
 *     value has bit 31 set (a failure HRESULT, or an error or warning
 *     NTSTATUS) and is not 0xffffxxxx, with a decoding: 800700c1, c0000005.
 *  3. A decimal that, read as 32 bits, has bit 31 set and is not 0xffffxxxx,
 *     with a decoding: -2147483648..-65537 (.NET, exit codes), or 10 digits
 *     2147483648..4294901759 (IIS sc-win32-status).
 *  4. A keyword, then at most five of blank : = # ( ) [ ], then a number:
 *     error, errorcode, error_code, lasterror, getlasterror, win32error and
 *     "error code" take a decimal or 0x-hex Win32 code (error 1722,
 *     Error: 0x5); hr, hresult, status and ntstatus take 0x-hex of any length
 *     (status=0xC0000005) or a decimal as in 3 (a plain decimal after them is
 *     an HTTP status or an exit status).  The value must not be 0 and must
 *     have a decoding.
 *  5. An Event Viewer data line: blanks, a hex offset of 4-8 digits and ':',
 *     then bytes (c1 00 07 80) or DWORDs (800700c1) as cli/eventlog.c reads
 *     them; each non-zero DWORD with a decoding.
 *  6. A wevtutil <Binary>HEX</Binary> string: each non-zero DWORD with a
 *     decoding.
 * "Has a decoding": the value names an entry, or a follow-up of err.exe's
 * rules does (see explain.h); err.exe's low-word guess does not count.
 *
 * NOT codes (the traps the tests check): a number glued to a word by '.',
 * '`', '-', '/', '\' or '@' (versions 10.0.19041.1, IP addresses, dates
 * 2024-05-01, paths, WinDbg addresses 00007ff6`12345678), or by ':' to a
 * digit (times 12:00:00); GUIDs (each group is glued to the next by '-');
 * hex of more than 8 digits (0x00007ff6a1b2c3d4); 0x0000xxxx and
 * 0xffffxxxx without a keyword (flags, masks, -1: only other APIs' small
 * negative codes live there, never winerror.h's); a single bit without a
 * keyword (0x40000000 is GENERIC_WRITE far more often than
 * STATUS_OBJECT_NAME_EXISTS); any other decimal (line numbers, PIDs, sizes,
 * ports, epoch timestamps, which stay below 2^31 until 2038); 0 (success).
 * A hex word with no decimal digit (deadbeef) is never looked at: the scan
 * jumps from decimal digit to decimal digit, which keeps it fast.
 */
#include "scan.h"

#include <string.h>

#include "eventlog.h"
#include "explain.h"

enum { C_DIGIT = 1, C_HEX = 2, C_WORD = 4, C_SEP = 8, C_GLUE = 16, C_BLANK = 32 };

#define DEC(c) [c] = C_DIGIT | C_HEX | C_WORD
#define HEXL(c) [c] = C_HEX | C_WORD
#define LET(c) [c] = C_WORD
static const unsigned char cls[256] = {
    DEC('0'), DEC('1'), DEC('2'), DEC('3'), DEC('4'),
    DEC('5'), DEC('6'), DEC('7'), DEC('8'), DEC('9'),
    HEXL('a'), HEXL('b'), HEXL('c'), HEXL('d'), HEXL('e'), HEXL('f'),
    HEXL('A'), HEXL('B'), HEXL('C'), HEXL('D'), HEXL('E'), HEXL('F'),
    LET('g'), LET('h'), LET('i'), LET('j'), LET('k'), LET('l'), LET('m'),
    LET('n'), LET('o'), LET('p'), LET('q'), LET('r'), LET('s'), LET('t'),
    LET('u'), LET('v'), LET('w'), LET('x'), LET('y'), LET('z'),
    LET('G'), LET('H'), LET('I'), LET('J'), LET('K'), LET('L'), LET('M'),
    LET('N'), LET('O'), LET('P'), LET('Q'), LET('R'), LET('S'), LET('T'),
    LET('U'), LET('V'), LET('W'), LET('X'), LET('Y'), LET('Z'), LET('_'),
    [' '] = C_SEP | C_BLANK, ['\t'] = C_SEP | C_BLANK, ['\r'] = C_BLANK,
    ['\v'] = C_BLANK, ['\f'] = C_BLANK,
    [':'] = C_SEP, ['='] = C_SEP, ['#'] = C_SEP, ['('] = C_SEP, [')'] = C_SEP,
    ['['] = C_SEP, [']'] = C_SEP,
    ['.'] = C_GLUE, ['`'] = C_GLUE, ['-'] = C_GLUE, ['/'] = C_GLUE,
    ['\\'] = C_GLUE, ['@'] = C_GLUE,
};

#define IS(c, k) (cls[(unsigned char)(c)] & (k))

/* What the word before a number says the number is. */
enum kw { KW_NONE, KW_WIN32, KW_HRESULT, KW_NTSTATUS };

struct line {
    const unsigned char *s;
    size_t len;
    unsigned flags;
    err_scan_hit *hits;
    size_t max, n;
};

const char *err_scan_form_name(err_scan_form f)
{
    static const char *const names[] = {"hex", "bare-hex", "decimal",
                                        "keyword", "event-data", "binary"};
    return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "unknown";
}

static void add(struct line *l, size_t col, size_t n, uint32_t v, err_scan_form f,
                enum kw kw)
{
    static const winerr_kind kinds[] = {WINERR_KIND_OTHER, WINERR_KIND_WIN32,
                                        WINERR_KIND_HRESULT, WINERR_KIND_NTSTATUS};
    if (l->n >= l->max)
        return;
    err_scan_hit *h = &l->hits[l->n++];
    h->column = col;
    h->length = n;
    h->value = v;
    h->form = f;
    /* Only where the keyword made the number a code ("error 2"): the
     * value of "Error 0x80070005" says by itself what it is. */
    h->prefer = f == ERR_SCAN_KEYWORD ? kinds[kw] : WINERR_KIND_OTHER;
}

static uint32_t hex_value(const unsigned char *p, size_t n)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 4 | (uint32_t)(p[i] <= '9' ? p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
    return v;
}

static int equal_ci(const unsigned char *p, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lower[i])
            return 0;
    }
    return 1;
}

/* The word ending at s[end), or length 0 when it is not a word. */
static size_t word_before(const struct line *l, size_t end)
{
    size_t k = end;
    while (k > 0 && end - k <= 16 && IS(l->s[k - 1], C_WORD))
        k--;
    return end - k > 16 ? 0 : end - k;
}

static enum kw keyword_of(const struct line *l, size_t end, size_t n)
{
    static const struct { const char *word; size_t len; enum kw kw; } words[] = {
        {"error", 5, KW_WIN32}, {"errorcode", 9, KW_WIN32},
        {"error_code", 10, KW_WIN32}, {"lasterror", 9, KW_WIN32},
        {"getlasterror", 12, KW_WIN32}, {"win32error", 10, KW_WIN32},
        {"hr", 2, KW_HRESULT}, {"hresult", 7, KW_HRESULT},
        {"status", 6, KW_NTSTATUS}, {"ntstatus", 8, KW_NTSTATUS}};
    const unsigned char *w = l->s + end - n;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (words[i].len == n && equal_ci(w, words[i].word, n))
            return words[i].kw;
    if (n == 4 && equal_ci(w, "code", 4)) { /* "error code" */
        size_t j = end - n;
        while (j > 0 && end - n - j < 3 && IS(l->s[j - 1], C_BLANK))
            j--;
        size_t m = word_before(l, j);
        if (j < end - n && m == 5 && equal_ci(l->s + j - 5, "error", 5))
            return KW_WIN32;
    }
    return KW_NONE;
}

/* The keyword that introduces a number starting at s[start), if any. */
static enum kw keyword_before(const struct line *l, size_t start)
{
    size_t j = start, seps = 0;
    while (j > 0 && seps <= 5 && IS(l->s[j - 1], C_SEP))
        j--, seps++;
    if (seps == 0 || seps > 5 || j == 0)
        return KW_NONE;
    /* Every keyword ends in r, s, t or e: most numbers stop here. */
    unsigned char last = l->s[j - 1] | 0x20;
    if (last != 'r' && last != 's' && last != 't' && last != 'e')
        return KW_NONE;
    size_t n = word_before(l, j);
    return n >= 2 ? keyword_of(l, j, n) : KW_NONE;
}

/* Is s[a, b) part of a bigger token (version, date, time, path, GUID)? */
static int glued(const struct line *l, size_t a, size_t b)
{
    const unsigned char *s = l->s;
    if (a >= 2) {
        unsigned char p = s[a - 1];
        if (IS(p, C_GLUE) && IS(s[a - 2], C_WORD))
            return 1;
        if (p == ':' && IS(s[a - 2], C_DIGIT))
            return 1;
    }
    if (b + 1 < l->len) {
        unsigned char q = s[b];
        if (IS(q, C_GLUE) && IS(s[b + 1], C_WORD))
            return 1;
        if (q == ':' && IS(s[b + 1], C_DIGIT))
            return 1;
    }
    return 0;
}

/* "", L, U, UL, LU in any case: C's integer suffixes as headers write them. */
static int suffix_ok(const unsigned char *p, size_t n)
{
    if (n == 0)
        return 1;
    if (n > 2)
        return 0;
    unsigned a = p[0] | 0x20, b = n == 2 ? (p[1] | 0x20) : 0;
    if (n == 1)
        return a == 'l' || a == 'u';
    return (a == 'u' && b == 'l') || (a == 'l' && b == 'u');
}

static void hex_run(struct line *l, size_t a, size_t b)
{
    const unsigned char *s = l->s;
    size_t d = a + 2;
    while (d < b && IS(s[d], C_HEX))
        d++;
    size_t nd = d - (a + 2);
    if (nd == 0 || nd > 8 || !suffix_ok(s + d, b - d))
        return;
    /* Only a backquote or a dot glues a 0x number: 0x... says it is hex. */
    if ((a > 0 && s[a - 1] == '`') || (b < l->len && s[b] == '`') ||
        (b + 1 < l->len && s[b] == '.' && IS(s[b + 1], C_WORD)))
        return;
    uint32_t v = hex_value(s + a + 2, nd);
    enum kw kw = keyword_before(l, a);
    int one_bit = (v & (v - 1)) == 0;
    if (nd == 8 && v >= 0x10000 && v < 0xFFFF0000u && !one_bit) {
        if (err_explain_known(v))
            add(l, a, b - a, v, ERR_SCAN_HEX, kw);
    } else if (kw != KW_NONE && v != 0 && err_explain_known(v)) {
        add(l, a, b - a, v, ERR_SCAN_KEYWORD, kw);
    }
}

/* Returns 1 when the word was taken as a bare hex code. */
static int bare_hex_run(struct line *l, size_t a, size_t b)
{
    uint32_t v = hex_value(l->s + a, 8);
    if (v < 0x80000000u || v >= 0xFFFF0000u || (l->flags & ERR_SCAN_STRICT) ||
        glued(l, a, b))
        return 0;
    if (!err_explain_known(v))
        return 0;
    add(l, a, 8, v, ERR_SCAN_BARE_HEX, KW_NONE);
    return 1;
}

/* A '-' right before s[a) that is a sign, not a hyphen or a range. */
static int has_sign(const struct line *l, size_t a)
{
    if (a == 0 || l->s[a - 1] != '-')
        return 0;
    return a < 2 || !(IS(l->s[a - 2], C_WORD | C_GLUE));
}

static void decimal_run(struct line *l, size_t a, size_t b)
{
    size_t n = b - a;
    /* Most numbers of a log end here: too short to be code-like unsigned,
     * no sign, and no separator for a keyword to stand before. */
    if (n < 10 && (a == 0 || (l->s[a - 1] != '-' && !IS(l->s[a - 1], C_SEP))))
        return;
    int neg = has_sign(l, a);
    size_t start = neg ? a - 1 : a;
    if (n > 10 || glued(l, start, b))
        return;
    uint64_t m = 0;
    for (size_t i = a; i < b; i++)
        m = m * 10 + (uint64_t)(l->s[i] - '0');
    if (m > (neg ? 0x80000000u : 0xFFFFFFFFu))
        return;
    uint32_t v = neg ? (uint32_t)(0x100000000u - m) : (uint32_t)m;
    /* Bit 31 set, and not 0xffffxxxx: -1, -22 and the like are not codes. */
    int codelike = v >= 0x80000000u && v < 0xFFFF0000u && (neg || n == 10);
    enum kw kw = keyword_before(l, start);
    if (codelike && (kw != KW_NONE || !(l->flags & ERR_SCAN_STRICT))) {
        if (err_explain_known(v))
            add(l, start, b - start, v, ERR_SCAN_DECIMAL, kw);
    } else if (kw == KW_WIN32 && !neg && v != 0 && err_explain_known(v)) {
        add(l, a, n, v, ERR_SCAN_KEYWORD, kw);
    }
}

static void binary_run(struct line *l, size_t a, size_t b)
{
    err_dword dw[ERR_SCAN_MAX_HITS];
    size_t trailing;
    char why[128];
    long n = err_hexstring_parse((const char *)l->s + a, b - a, dw, ERR_SCAN_MAX_HITS,
                                 &trailing, why, sizeof why);
    for (long k = 0; k < n && k < ERR_SCAN_MAX_HITS; k++)
        if (dw[k].value != 0 && err_explain_known(dw[k].value))
            add(l, a + 8 * (size_t)k, 8, dw[k].value, ERR_SCAN_BINARY, KW_NONE);
}

/* One maximal word s[a, b) that holds a decimal digit; `all` is the
 * classes every byte of it has in common (C_DIGIT: a decimal number). */
static void word_run(struct line *l, size_t a, size_t b, unsigned all)
{
    const unsigned char *s = l->s;
    size_t n = b - a;
    if (n >= 3 && s[a] == '0' && (s[a + 1] | 0x20) == 'x') {
        hex_run(l, a, b);
        return;
    }
    if (a >= 8 && s[a - 1] == '>' && equal_ci(s + a - 8, "<binary>", 8)) {
        binary_run(l, a, b);
        return;
    }
    if (n == 8 && (all & C_HEX) && bare_hex_run(l, a, b))
        return;
    if (all & C_DIGIT)
        decimal_run(l, a, b);
}

/* Index of the first decimal digit in s[i, len), or len.  Eight bytes at a
 * time where the byte order allows: in a log most bytes are not digits. */
static size_t next_digit(const unsigned char *s, size_t i, size_t len)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        x ^= ones * '0'; /* digits become the bytes 0..9 */
        /* The lowest byte below 10 gets its top bit set, exactly: a borrow
         * only comes from a lower byte that is itself below 10. */
        uint64_t m = (x - ones * 10) & ~x & highs;
        if (m != 0)
            return i + (size_t)(__builtin_ctzll(m) >> 3);
    }
#endif
    while (i < len && (unsigned)(s[i] - '0') > 9)
        i++;
    return i;
}

/* The line as Event Viewer data; returns 1 when it was (hits or not). */
static int event_line(struct line *l)
{
    const unsigned char *s = l->s;
    size_t i = 0, d;
    while (i < l->len && IS(s[i], C_BLANK))
        i++;
    for (d = i; d < l->len && d - i <= 8 && IS(s[d], C_HEX);)
        d++;
    if (d - i < 4 || d - i > 8 || d >= l->len || s[d] != ':')
        return 0;
    if (memchr(s, '\n', l->len) != NULL) /* the parser would read on */
        return 0;
    err_dword dw[ERR_SCAN_MAX_HITS];
    size_t trailing;
    char why[128];
    long n = err_eventlog_parse((const char *)s, l->len, dw, ERR_SCAN_MAX_HITS,
                                &trailing, why, sizeof why);
    if (n <= 0)
        return 0;
    size_t pos = d + 1, per;
    while (pos < l->len && IS(s[pos], C_BLANK))
        pos++;
    per = pos + 8 <= l->len && IS(s[pos + 2], C_HEX) ? 1 : 4; /* words or bytes */
    for (long k = 0; k < n && k < ERR_SCAN_MAX_HITS; k++) {
        size_t start = pos, end = pos;
        for (size_t t = 0; t < per; t++) {
            while (pos < l->len && IS(s[pos], C_BLANK))
                pos++;
            if (t == 0)
                start = pos;
            while (pos < l->len && !IS(s[pos], C_BLANK))
                pos++;
            end = pos;
        }
        uint32_t v = dw[k].value;
        if (v != 0 && err_explain_known(v))
            add(l, start, end - start, v, ERR_SCAN_EVENT_DATA, KW_NONE);
    }
    return 1;
}

size_t err_scan_line(const char *line, size_t len, unsigned flags,
                     err_scan_hit *hits, size_t max)
{
    struct line l = {(const unsigned char *)line, len, flags, hits, max, 0};
    if (len == 0 || max == 0 || event_line(&l))
        return l.n;
    const unsigned char *s = l.s;
    size_t i = 0;
    while (i < len && l.n < max) {
        i = next_digit(s, i, len);
        if (i >= len)
            break;
        size_t a = i, b = i + 1;
        unsigned all = C_DIGIT | C_HEX | C_WORD, c;
        while (a > 0 && ((c = cls[s[a - 1]]) & C_WORD))
            a--, all &= c;
        while (b < len && ((c = cls[s[b]]) & C_WORD))
            b++, all &= c;
        word_run(&l, a, b, all);
        i = b;
    }
    return l.n;
}
