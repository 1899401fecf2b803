/* quote.c - untrusted bytes made printable for one-line messages. */
#include "quote.h"

#include <stdio.h>
#include <string.h>

#include "chars.h"


/* Appends one rendered byte if it fits whole; returns the new length or 0
 * when it did not fit (so a escape sequence is never cut in half). */
static size_t put_byte(unsigned char c, char *buf, size_t n, size_t bufsize)
{
    char tmp[4];
    size_t k = 0;
    if (c == '\\' || c == '\'') {
        tmp[k++] = '\\';
        tmp[k++] = (char)c;
    } else if (c >= 0x20 && c < 0x7f) {
        tmp[k++] = (char)c;
    } else {
        tmp[k++] = '\\';
        tmp[k++] = 'x';
        tmp[k++] = winerr__hexdigit(c >> 4);
        tmp[k++] = winerr__hexdigit(c);
    }
    if (n + k >= bufsize)
        return 0;
    for (size_t i = 0; i < k; i++)
        buf[n + i] = tmp[i];
    return n + k;
}

const char *err_quote(const char *s, size_t len, size_t max, char *buf, size_t bufsize)
{
    size_t n = 0;
    if (bufsize == 0)
        return buf;
    size_t shown = len < max ? len : max;
    size_t i;
    for (i = 0; i < shown; i++) {
        size_t m = put_byte((unsigned char)s[i], buf, n, bufsize);
        if (m == 0)
            break;
        n = m;
    }
    if (i < len && n + 3 < bufsize) {
        buf[n++] = '.';
        buf[n++] = '.';
        buf[n++] = '.';
    }
    buf[n] = '\0';
    return buf;
}

void err_io_error(const char *path, const char *what, int errnum)
{
    const char *std = strcmp(what, "written") == 0 ? "standard output" : "standard input";
    if (path == NULL || strcmp(path, "-") == 0) {
        fprintf(stderr, "err: %s could not be %s", std, what);
    } else {
        char q[ERR_QUOTE_SIZE(200)];
        fprintf(stderr, "err: '%s' could not be %s", err_quote(path, strlen(path), 200, q, sizeof q),
                what);
    }
    if (errnum != 0)
        fprintf(stderr, ": %s", strerror(errnum));
    fputc('\n', stderr);
}
