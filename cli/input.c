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
