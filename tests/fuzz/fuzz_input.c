/* err -'s stdin path on arbitrary bytes fed in two chunks split anywhere:
 * the line reader must keep lines newline-free and within its limit, and
 * every token of every line goes through the argument parser, as the CLI
 * does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "parse.h"

#define MAX_LINE 4096

static int on_token(void *ctx, const char *tok, size_t len)
{
    (void)ctx;
    struct err_query q;
    char why[256];
    if (len == 0 || memchr(tok, ' ', len))
        abort();
    (void)err_parse_arg(tok, len, &q, why, sizeof why);
    err_query_free(&q);
    return 0;
}

static int on_line(void *ctx, const char *line, size_t len, size_t lineno, int overlong)
{
    size_t *last = ctx;
    if (len > MAX_LINE || memchr(line, '\n', len) || lineno <= *last)
        abort();
    *last = lineno;
    if (!overlong && !err_parse_is_phrase(line, len))
        err_split_tokens(line, len, on_token, NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t split = data[0] % size, last = 0;
    struct err_reader r;
    err_reader_init(&r, MAX_LINE, on_line, &last);
    if (err_reader_feed(&r, (const char *)data + 1, split ? split - 1 : 0) == 0 &&
        err_reader_feed(&r, (const char *)data + (split ? split : 1), size - (split ? split : 1)) == 0)
        err_reader_finish(&r);
    err_reader_free(&r);
    return 0;
}
