/* obuf.c - the slow paths of the output buffer. */
#include "obuf.h"

void err_obuf_init(struct err_obuf *b, FILE *f)
{
    b->f = f;
    b->len = 0;
}

void err_obuf_flush(struct err_obuf *b)
{
    if (b->len > 0)
        fwrite(b->data, 1, b->len, b->f);
    b->len = 0;
}

void err_obuf_write_big(struct err_obuf *b, const char *s, size_t n)
{
    err_obuf_flush(b);
    if (n >= ERR_OBUF_SIZE) {
        fwrite(s, 1, n, b->f);
        return;
    }
    memcpy(b->data, s, n);
    b->len = n;
}
