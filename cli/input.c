/* input.c - bounded line reader and tokenizer for `err -`. */
#define _POSIX_C_SOURCE 200809L /* fileno, read */
#include "input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chars.h"

void err_reader_init(struct err_reader *r, size_t max, err_line_fn fn, void *ctx)
{
    memset(r, 0, sizeof *r);
    r->max = max;
    r->fn = fn;
    r->ctx = ctx;
}

void err_reader_free(struct err_reader *r)
{
    free(r->buf);
    r->buf = NULL;
    r->len = r->cap = 0;
}

static int emit(struct err_reader *r, const char *s, size_t n)
{
    r->lineno++;
    if (n > 0 && s[n - 1] == '\r')
        n--;
    return r->fn(r->ctx, s, n, r->lineno, 0);
}

/* Keeps s[0..n) as the start of a line; reports it once it is too long. */
static int keep(struct err_reader *r, const char *s, size_t n)
{
    if (r->skipping)
        return 0;
    if (r->len + n > r->max) {
        r->skipping = 1;
        size_t room = r->max - r->len; /* show the start of the line */
        r->lineno++;
        int rc;
        if (r->len == 0)
            rc = r->fn(r->ctx, s, n < room ? n : room, r->lineno, 1);
        else
            rc = r->fn(r->ctx, r->buf, r->len, r->lineno, 1);
        r->len = 0;
        return rc < 0 ? -1 : 0;
    }
    if (r->len + n > r->cap) {
        size_t cap = r->cap ? r->cap : 4096;
        while (cap < r->len + n)
            cap *= 2;
        char *b = realloc(r->buf, cap);
        if (b == NULL)
            return -1;
        r->buf = b;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, s, n);
    r->len += n;
    return 0;
}

/* The end of a line arrived: s[0..n) is its last piece. */
static int end_line(struct err_reader *r, const char *s, size_t n)
{
    if (r->skipping) {
        r->skipping = 0;
        return 0;
    }
    if (r->len == 0)
        return emit(r, s, n) < 0 ? -1 : 0;
    if (keep(r, s, n) < 0)
        return -1;
    if (r->skipping) { /* this piece made it overlong: already reported */
        r->skipping = 0;
        return 0;
    }
    int rc = emit(r, r->buf, r->len);
    r->len = 0;
    return rc < 0 ? -1 : 0;
}

int err_reader_feed(struct err_reader *r, const char *data, size_t n)
{
    while (n > 0) {
        const char *nl = memchr(data, '\n', n);
        if (nl == NULL)
            return keep(r, data, n);
        size_t k = (size_t)(nl - data);
        if (end_line(r, data, k) < 0)
            return -1;
        data += k + 1;
        n -= k + 1;
    }
    return 0;
}

int err_reader_finish(struct err_reader *r)
{
    if (r->skipping || r->len == 0) {
        r->skipping = 0;
        return 0;
    }
    int rc = emit(r, r->buf, r->len);
    r->len = 0;
    return rc < 0 ? -1 : 0;
}

long err_read_some(FILE *in, char *p, size_t n)
{
    int fd = fileno(in);
    if (fd < 0) {
        size_t k = fread(p, 1, n, in);
        return k == 0 && ferror(in) ? -1 : (long)k;
    }
    for (;;) {
        ssize_t k = read(fd, p, n);
        if (k >= 0 || errno != EINTR)
            return (long)k;
    }
}

int err_reader_stream(struct err_reader *r, FILE *in)
{
    char chunk[1 << 16];
    long n;
    while ((n = err_read_some(in, chunk, sizeof chunk)) > 0)
        if (err_reader_feed(r, chunk, (size_t)n) < 0)
            return -1;
    if (n < 0)
        return -2;
    return err_reader_finish(r);
}

/* Tokens are separated by white space, U+00A0 included. */
int err_split_tokens(const char *s, size_t len, err_token_fn fn, void *ctx)
{
    size_t i = 0;
    while (i < len) {
        for (size_t k; (k = winerr__space_at(s + i, len - i)) > 0;)
            i += k;
        size_t start = i;
        while (i < len && winerr__space_at(s + i, len - i) == 0)
            i++;
        if (i > start && fn(ctx, s + start, i - start) < 0)
            return -1;
    }
    return 0;
}

/* ---- UTF-16 ------------------------------------------------------------ */

static unsigned unit_at(const unsigned char *p, err_encoding enc)
{
    return enc == ERR_ENC_UTF16LE ? (unsigned)p[0] | (unsigned)p[1] << 8
                                  : (unsigned)p[0] << 8 | (unsigned)p[1];
}

/* How many of the first (up to 32) units of p[0..n) are ASCII, of how many. */
static size_t ascii_units(const unsigned char *p, size_t n, err_encoding enc, size_t *units)
{
    size_t k = 0, ascii = 0;
    for (; k < 32 && 2 * k + 1 < n; k++) {
        unsigned u = unit_at(p + 2 * k, enc);
        ascii += u != 0 && u < 0x80;
    }
    *units = k;
    return ascii;
}

err_encoding err_detect_encoding(const unsigned char *p, size_t n, size_t *skip)
{
    size_t units, ascii;
    *skip = 0;
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        err_encoding enc = p[0] == 0xFF ? ERR_ENC_UTF16LE : ERR_ENC_UTF16BE;
        ascii = ascii_units(p + 2, n - 2, enc, &units);
        if (2 * ascii >= units) {
            *skip = 2;
            return enc;
        }
        return ERR_ENC_BYTES;
    }
    for (int e = ERR_ENC_UTF16LE; e <= ERR_ENC_UTF16BE; e++) {
        ascii = ascii_units(p, n, (err_encoding)e, &units);
        if (units >= 4 && ascii == units)
            return (err_encoding)e;
    }
    return ERR_ENC_BYTES;
}

static size_t put_utf8(char *out, uint32_t c)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

static size_t put_unit(err_utf16 *u, unsigned c, char *out)
{
    size_t w = 0;
    if (u->high != 0) {
        if (c >= 0xDC00 && c <= 0xDFFF) {
            uint32_t cp = 0x10000 + ((u->high - 0xD800) << 10) + (c - 0xDC00);
            u->high = 0;
            return put_utf8(out, cp);
        }
        u->high = 0;
        w = put_utf8(out, 0xFFFD);
    }
    if (c >= 0xD800 && c <= 0xDBFF) {
        u->high = c;
        return w;
    }
    return w + put_utf8(out + w, c >= 0xDC00 && c <= 0xDFFF ? 0xFFFD : c);
}

size_t err_utf16_convert(err_utf16 *u, const unsigned char *in, size_t n, char *out, int last)
{
    size_t w = 0, i = 0;
    if (u->has_odd && n > 0) {
        unsigned char pair[2] = {u->odd, in[0]};
        w += put_unit(u, unit_at(pair, u->enc), out + w);
        u->has_odd = 0;
        i = 1;
    }
    for (; i + 1 < n; i += 2)
        w += put_unit(u, unit_at(in + i, u->enc), out + w);
    if (i < n) {
        u->odd = in[i];
        u->has_odd = 1;
    }
    if (last) {
        if (u->high != 0 || u->has_odd)
            w += put_utf8(out + w, 0xFFFD);
        u->high = 0;
        u->has_odd = 0;
    }
    return w;
}
