/*
 * chars.h - the byte classes the library and err share, each defined once.
 *
 * Internal: included by lib/internal.h and by cli/, never installed.  Every
 * test is on bytes and independent of the locale.
 */
#ifndef WINERR_CHARS_H
#define WINERR_CHARS_H

#include <stddef.h>

/* ASCII white space within a line: space, tab, CR, VT, FF (not LF). */
static inline int winerr__is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* ASCII white space: a blank or LF. */
static inline int winerr__is_space(char c)
{
    return c == '\n' || winerr__is_blank(c);
}

static inline int winerr__is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* ASCII-only case folding, independent of the locale. */
static inline unsigned char winerr__upper(unsigned char c)
{
    return (c >= 'a' && c <= 'z') ? (unsigned char)(c - 32) : c;
}

static inline char winerr__lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* The value of a hex digit, or -1. */
static inline int winerr__hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The value of the hex digits s[0..n), leading zeros aside at most eight, or
 * -1 when one is not a hex digit or the value does not fit in 32 bits. */
static inline long long winerr__hex_value(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] == '0')
        i++;
    if (n > i + 8)
        return -1;
    unsigned long v = 0;
    for (; i < n; i++) {
        int d = winerr__hexval(s[i]);
        if (d < 0)
            return -1;
        v = v << 4 | (unsigned long)d;
    }
    return (long long)v;
}

/* The lower-case hex digit for the low four bits of v. */
static inline char winerr__hexdigit(unsigned v)
{
    return "0123456789abcdef"[v & 15];
}

/* U+00A0 NO-BREAK SPACE in UTF-8, which text pasted from a web page holds
 * where a space was meant. */
#define WINERR_NBSP "\xc2\xa0"

/* Bytes of the white space (ASCII or U+00A0) that starts s[0..n), or 0. */
static inline size_t winerr__space_at(const char *s, size_t n)
{
    if (n > 0 && winerr__is_space(s[0]))
        return 1;
    return n >= 2 && s[0] == WINERR_NBSP[0] && s[1] == WINERR_NBSP[1] ? 2 : 0;
}

/* Bytes of the white space (ASCII or U+00A0) that ends s[0..n), or 0. */
static inline size_t winerr__space_before(const char *s, size_t n)
{
    if (n > 0 && winerr__is_space(s[n - 1]))
        return 1;
    return n >= 2 && s[n - 2] == WINERR_NBSP[0] && s[n - 1] == WINERR_NBSP[1] ? 2 : 0;
}

/* The UTF-8 byte-order mark some Windows tools put before a text. */
#define WINERR_UTF8_BOM "\xef\xbb\xbf"

/* 3 when s[0..n) starts with the UTF-8 byte-order mark, else 0. */
static inline size_t winerr__bom_len(const char *s, size_t n)
{
    return n >= 3 && s[0] == WINERR_UTF8_BOM[0] && s[1] == WINERR_UTF8_BOM[1] &&
                   s[2] == WINERR_UTF8_BOM[2]
               ? 3
               : 0;
}

#endif /* WINERR_CHARS_H */
