/* parse.c - one argument to a query: numbers, names, tables, event data. */
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "winerr.h"

/* The words that may stand before a number: "HRESULT: 0x80070005".  Longer
 * first, so "hresult" is not taken for "hr". */
static const char *const keywords[] = {"exception from hresult", "hresult", "ntstatus",
                                       "status", "error", "hr"};

static int is_name_char(char c)
{
    return winerr__is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

void err_trim(const char **s, size_t *n)
{
    size_t k;
    while ((k = winerr__space_at(*s, *n)) > 0)
        *s += k, *n -= k;
    while ((k = winerr__space_before(*s, *n)) > 0)
        *n -= k;
}

static int say(char *why, size_t whylen, const char *msg)
{
    snprintf(why, whylen, "%s", msg);
    return -1;
}

/* C integer suffixes: u, l, ul, lu, ll, ull, llu in any case. */
static int valid_suffix(const char *s, size_t n)
{
    static const char *const ok[] = {"", "u", "l", "ul", "lu", "ll", "ull", "llu"};
    char low[4];
    if (n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = winerr__lower(s[i]);
    low[n] = '\0';
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(low, ok[i]) == 0)
            return 1;
    return 0;
}


/* Decimal digits s[0..n) to *v, at most `limit`; 0 when beyond it. */
static int dec_value(const char *s, size_t n, uint64_t limit, uint64_t *v)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) {
        x = x * 10 + (uint64_t)(s[i] - '0');
        if (x > limit)
            return 0;
    }
    *v = x;
    return 1;
}

static void one_reading(struct err_query *q, enum err_form form, uint32_t v, int decimal,
                        int negative)
{
    q->form = form;
    q->nreadings = 1;
    q->readings[0].value = v;
    q->readings[0].decimal = (unsigned char)decimal;
    q->readings[0].negative = (unsigned char)negative;
}

/* The 32-bit value of the hex digits s[0..n), or 0 when they do not fit.
 * A 64-bit value of 16 hex digits that holds a 32-bit code: the high half
 * all ones with bit 31 set (sign extension, as WinDbg prints an NTSTATUS:
 * ffffffffc0000005) or all zeros.  Read as its low half, as err --annotate
 * does (scan.c, rule 4); a pointer such as fffff80368499e95 stays too big. */
static int hex32(const char *s, size_t n, uint32_t *v)
{
    long long x = winerr__hex_value(s, n); /* leading zeros: zero-extended */
    if (x < 0 && n == 16 && winerr__hex_value(s, 8) == 0xFFFFFFFFLL) {
        x = winerr__hex_value(s + 8, 8); /* sign-extended: bit 31 must be set */
        if (x < 0x80000000LL)
            x = -1;
    }
    if (x < 0)
        return 0;
    *v = (uint32_t)x;
    return 1;
}

static int parse_hex(const char *s, size_t n, struct err_query *q, char *why, size_t whylen)
{
    size_t d = 0;
    while (d < n && winerr__hexval(s[d]) >= 0)
        d++;
    if (d == 0)
        return say(why, whylen, n == 0 ? "has no digits after 0x" : "is not a valid hex number");
    if (!valid_suffix(s + d, n - d))
        return say(why, whylen, "is not a valid hex number");
    uint32_t v;
    if (!hex32(s, d, &v))
        return say(why, whylen, "does not fit in 32 bits");
    one_reading(q, ERR_FORM_HEX, v, 0, 0);
    return 1;
}

static int parse_negative(const char *s, size_t n, struct err_query *q, char *why,
                          size_t whylen)
{
    size_t d = 0;
    while (d < n && winerr__is_digit(s[d]))
        d++;
    if (d == 1 && n > 1 && s[0] == '0' && winerr__lower(s[1]) == 'x')
        return say(why, whylen, "is a negative number that is not decimal");
    if (!valid_suffix(s + d, n - d))
        return say(why, whylen, "is not a valid decimal number");
    uint64_t v;
    if (!dec_value(s, d, 0x80000000u, &v))
        return say(why, whylen, "does not fit in 32 bits");
    one_reading(q, ERR_FORM_DECIMAL, (uint32_t)(0 - v), 1, 1);
    return 1;
}

/* Digits only: decimal and hex readings, decimal first (err.exe's order);
 * one reading when they are equal or only one fits in 32 bits. */
static int parse_digits(const char *s, size_t d, size_t n, struct err_query *q, char *why,
                        size_t whylen)
{
    uint64_t dv;
    uint32_t hv;
    int dec_ok = dec_value(s, d, UINT32_MAX, &dv);
    int hex_ok = d == n && hex32(s, d, &hv); /* a C suffix makes it decimal */
    if (!dec_ok && !hex_ok)
        return say(why, whylen, "does not fit in 32 bits");
    q->form = d == n ? ERR_FORM_AMBIGUOUS : ERR_FORM_DECIMAL;
    q->nreadings = 0;
    if (dec_ok && !(hex_ok && hv == dv)) {
        q->readings[q->nreadings].value = (uint32_t)dv;
        q->readings[q->nreadings].decimal = 1;
        q->readings[q->nreadings++].negative = 0;
    }
    if (hex_ok) {
        q->readings[q->nreadings].value = hv;
        q->readings[q->nreadings].decimal = 0;
        q->readings[q->nreadings++].negative = 0;
    }
    return 1;
}

/* 1: a number, parsed; 0: not shaped like a number; -1: a bad number.
 * A token with a NUL in it is never a number, whatever surrounds the NUL. */
static int parse_number(const char *s, size_t n, struct err_query *q, char *why, size_t whylen)
{
    if (memchr(s, '\0', n) != NULL)
        return 0;
    if (n >= 2 && s[0] == '0' && winerr__lower(s[1]) == 'x')
        return parse_hex(s + 2, n - 2, q, why, whylen);
    if (n >= 2 && s[0] == '-' && winerr__is_digit(s[1]))
        return parse_negative(s + 1, n - 1, q, why, whylen);
    size_t d = 0, h = 0;
    while (d < n && winerr__is_digit(s[d]))
        d++;
    while (h < n && winerr__hexval(s[h]) >= 0)
        h++;
    if (d == n || (d > 0 && h == d && valid_suffix(s + d, n - d)))
        return parse_digits(s, d, n, q, why, whylen);
    if (h == n) { /* implicit hex: 54f */
        uint32_t v;
        if (!hex32(s, n, &v))
            return say(why, whylen, "does not fit in 32 bits");
        one_reading(q, ERR_FORM_HEX, v, 0, 0);
        return 1;
    }
    return 0;
}

/* =NAME, :SUB and /TABLE texts: printable ASCII without blanks. */
static int copy_name(const char *s, size_t n, struct err_query *q, const char *empty,
                     char *why, size_t whylen)
{
    if (n == 0)
        return say(why, whylen, empty);
    if (n > ERR_NAME_MAX)
        return say(why, whylen, "is longer than 255 characters, longer than any name");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
            return say(why, whylen, "has a character that cannot be in a name");
    memcpy(q->name, s, n);
    q->name[n] = '\0';
    return 0;
}

static int equals_ci(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    if (n != k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (winerr__lower(s[i]) != word[i])
            return 0;
    return 1;
}

static int parse_slash(const char *s, size_t n, struct err_query *q, char *why, size_t whylen)
{
    if (equals_ci(s, n, "?")) {
        q->form = ERR_FORM_HELP;
        return 0;
    }
    if (equals_ci(s, n, ":outputtocsv")) {
        q->form = ERR_FORM_CSV;
        return 0;
    }
    if (copy_name(s, n, q, "names no table after '/'", why, whylen) < 0)
        return -1;
    q->table = winerr_table_find(q->name);
    if (q->table < 0)
        return say(why, whylen, "is not a table (err without arguments lists them)");
    q->form = ERR_FORM_TABLE;
    return 0;
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = winerr__space_at(s + i, n - i)) > 0)
        i += k;
    return i;
}

/* Length of a leading keyword and its separator ("HRESULT: ", "hr="), or 0. */
static size_t keyword_len(const char *s, size_t n, size_t *kwlen)
{
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
        size_t w = strlen(keywords[k]), i;
        if (n <= w)
            continue;
        for (i = 0; i < w && winerr__lower(s[i]) == keywords[k][i]; i++)
            ;
        if (i < w || !(winerr__space_at(s + w, n - w) || s[w] == ':' || s[w] == '='))
            continue;
        i = skip_space(s, n, i);
        if (i < n && (s[i] == ':' || s[i] == '='))
            i++;
        i = skip_space(s, n, i);
        *kwlen = w;
        return i;
    }
    return 0;
}

static void strip_parens(const char **s, size_t *n)
{
    if (*n >= 2 && (*s)[0] == '(' && (*s)[*n - 1] == ')') {
        (*s)++;
        *n -= 2;
        err_trim(s, n);
    }
}

static int has_binary_tag(const char *s, size_t n)
{
    return n >= 8 && equals_ci(s, 8, "<binary>");
}

static int parse_keyworded(const char *s, size_t n, size_t at, size_t kw,
                           struct err_query *q, char *why, size_t whylen)
{
    const char *v = s + at;
    size_t vn = n - at, i;
    for (i = 0; i < vn && !winerr__space_at(v + i, vn - i); i++)
        ;
    int r = (vn > 0 && i == vn) ? parse_number(v, vn, q, why, whylen) : 0;
    if (r == 0)
        snprintf(why, whylen, "has no single number after '%.*s'", (int)kw, s);
    return r > 0 ? 0 : -1;
}

static int parse_data(const char *s, size_t n, int hex_string, struct err_query *q, char *why,
                      size_t whylen)
{
    q->form = hex_string ? ERR_FORM_HEXSTRING : ERR_FORM_EVENTLOG;
    long count = err_dwords_read(s, n, hex_string, &q->dword, why, whylen);
    if (count < 0)
        return -1;
    q->dwords = (size_t)count;
    return 0;
}

static void clear(struct err_query *q)
{
    memset(q, 0, sizeof *q);
    q->table = -1;
}

void err_query_free(struct err_query *q)
{
    free(q->dword);
    q->dword = NULL;
    q->dwords = 0;
}

int err_parse_bytes(const char *arg, size_t len, struct err_query *q, char *why, size_t whylen)
{
    clear(q);
    return parse_data(arg, len, 1, q, why, whylen);
}

const char *err_form_name(enum err_form f)
{
#define ERR_FORM_NAME_(id, name) name,
    static const char *const names[] = {ERR_FORMS(ERR_FORM_NAME_)};
#undef ERR_FORM_NAME_
    _Static_assert(sizeof names / sizeof names[0] == ERR_FORM_COUNT, "one name per form");
    return (unsigned)f < ERR_FORM_COUNT ? names[f] : "unknown";
}

static int parse_word(const char *s, size_t n, struct err_query *q, char *why, size_t whylen)
{
    int r = parse_number(s, n, q, why, whylen);
    if (r != 0)
        return r > 0 ? 0 : -1;
    if (!winerr__is_digit(s[0])) {
        size_t i = 0;
        while (i < n && is_name_char(s[i]))
            i++;
        if (i == n) {
            q->form = ERR_FORM_NAME;
            return copy_name(s, n, q, "is empty", why, whylen);
        }
    }
    return say(why, whylen, "is not a number, a name or event-log data");
}

int err_parse_arg(const char *arg, size_t len, struct err_query *q, char *why, size_t whylen)
{
    const char *s = arg;
    size_t n = len, kw, at;
    clear(q);
    if (len == 0)
        return say(why, whylen, "is empty");
    err_trim(&s, &n);
    if (n == 0)
        return say(why, whylen, "is blank");
    if (s[0] == '=') {
        q->form = ERR_FORM_NAME;
        return copy_name(s + 1, n - 1, q, "has no name after '='", why, whylen);
    }
    if (s[0] == ':') {
        q->form = ERR_FORM_SUBSTRING;
        return copy_name(s + 1, n - 1, q, "has nothing to search for after ':'", why, whylen);
    }
    if (s[0] == '/')
        return parse_slash(s + 1, n - 1, q, why, whylen);
    if (has_binary_tag(s, n) || err_eventlog_detect(s, n))
        return parse_data(s, n, has_binary_tag(s, n), q, why, whylen);
    strip_parens(&s, &n);
    if ((at = keyword_len(s, n, &kw)) > 0)
        return parse_keyworded(s, n, at, kw, q, why, whylen);
    for (size_t i = 0; i < n; i++)
        if (winerr__space_at(s + i, n - i))
            return say(why, whylen,
                       "has blanks but is neither event-log data nor a form like "
                       "'HRESULT: 0x80070005'");
    return parse_word(s, n, q, why, whylen);
}

int err_parse_is_phrase(const char *s, size_t len)
{
    size_t kw;
    err_trim(&s, &len);
    if (has_binary_tag(s, len) || err_eventlog_has_label(s, len))
        return 1;
    strip_parens(&s, &len);
    return keyword_len(s, len, &kw) > 0;
}
