/*
 * obuf.h - an output buffer for the text layout.
 *
 * `err -` prints millions of short pieces; going through stdio for each
 * costs a lock and several checks per piece.  Pieces are copied here and
 * leave in large writes instead.
 */
#ifndef ERR_OBUF_H
#define ERR_OBUF_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define ERR_OBUF_SIZE (1 << 16)

struct err_obuf {
    FILE *f;
    size_t len;
    char data[ERR_OBUF_SIZE];
};

void err_obuf_init(struct err_obuf *b, FILE *f);
/* Hands the buffered bytes to the FILE (which the caller flushes). */
void err_obuf_flush(struct err_obuf *b);
/* Writes a piece too big to buffer, after what is buffered. */
void err_obuf_write_big(struct err_obuf *b, const char *s, size_t n);

static inline void err_obuf_write(struct err_obuf *b, const char *s, size_t n)
{
    if (n > ERR_OBUF_SIZE - b->len) {
        err_obuf_write_big(b, s, n);
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static inline void err_obuf_puts(struct err_obuf *b, const char *s)
{
    err_obuf_write(b, s, strlen(s));
}

static inline void err_obuf_putc(struct err_obuf *b, char c)
{
    if (b->len == ERR_OBUF_SIZE)
        err_obuf_flush(b);
    b->data[b->len++] = c;
}

#endif /* ERR_OBUF_H */
