/* Word-wrapping a message text into a caller's buffer, err.exe style. */
#include <string.h>

#include "internal.h"

/* Output sink with snprintf semantics: counts everything, stores what fits. */
struct sink {
    char *buf;
    size_t size, len;
};

static void put(struct sink *s, const char *p, size_t n)
{
    if (s->len < s->size) {
        size_t room = s->size - 1 - s->len;
        memcpy(s->buf + s->len, p, n < room ? n : room);
    }
    s->len += n;
}

/* Wraps one hard line, text[0..n). */
static void wrap_line(struct sink *s, const char *text, size_t n, size_t width,
                      const char *prefix, size_t plen)
{
    size_t col = 0, i = 0;
    put(s, prefix, plen);
    for (;;) {
        while (i < n && winerr__is_blank(text[i]))
            i++;
        if (i == n)
            break;
        size_t start = i;
        while (i < n && !winerr__is_blank(text[i]))
            i++;
        const char *w = text + start;
        size_t wlen = i - start;
        if (col > 0 && col + 1 + wlen <= width) {
            put(s, " ", 1);
            col++;
        } else if (col > 0) {
            put(s, "\n", 1);
            put(s, prefix, plen);
            col = 0;
        }
        while (wlen > width - col) { /* a word too long for a line is split */
            size_t take = width - col;
            put(s, w, take);
            put(s, "\n", 1);
            put(s, prefix, plen);
            w += take;
            wlen -= take;
            col = 0;
        }
        put(s, w, wlen);
        col += wlen;
    }
    put(s, "\n", 1);
}

size_t winerr_wrap(const char *text, size_t width, const char *prefix, char *buf, size_t bufsize)
{
    if (!buf)
        bufsize = 0;
    struct sink s = {buf, bufsize, 0};
    if (!text)
        text = "";
    if (!prefix)
        prefix = "";
    if (width == 0)
        width = 1;
    size_t plen = strlen(prefix), n = strlen(text);
    while (n > 0 && (text[n - 1] == '\n' || winerr__is_blank(text[n - 1])))
        n--; /* a trailing newline would only print an empty line */
    for (size_t start = 0; start < n;) {
        const char *nl = memchr(text + start, '\n', n - start);
        size_t end = nl ? (size_t)(nl - text) : n;
        wrap_line(&s, text + start, end - start, width, prefix, plen);
        start = end + 1;
    }
    if (bufsize > 0)
        buf[s.len < bufsize ? s.len : bufsize - 1] = '\0';
    return s.len;
}
