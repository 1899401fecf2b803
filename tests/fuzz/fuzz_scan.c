/* The log scanner and the annotate stream on arbitrary bytes.
 *
 * Checked on every input: hits lie inside the line, in column order, never
 * overlapping, each with a value the library can decode; a smaller hit array
 * gets a prefix of the same hits; and the annotated text, with the
 * annotation lines taken out, is the input again (plus a line ending when
 * the last line, unterminated, got annotations). */
#define _GNU_SOURCE /* fmemopen, open_memstream */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "annotate_out.h"
#include "answer.h"
#include "input.h"
#include "scan.h"

static void check_hits(const uint8_t *data, size_t size, unsigned flags)
{
    err_scan_hit hits[ERR_SCAN_MAX_HITS], few[3];
    size_t n = err_scan_line((const char *)data, size, flags, hits, ERR_SCAN_MAX_HITS);
    size_t end = 0;
    for (size_t i = 0; i < n; i++) {
        const err_scan_hit *h = &hits[i];
        if (h->length == 0 || h->column < end || h->column + h->length > size)
            abort();
        /* a code with no name is reported only where the line says it is one */
        if (h->value == 0 || (!h->labelled && !err_explain_known(h->value)))
            abort();
        end = h->column + h->length;
    }
    size_t m = err_scan_line((const char *)data, size, flags, few, 3);
    if (m != (n < 3 ? n : 3))
        abort();
    for (size_t i = 0; i < m; i++)
        if (few[i].column != hits[i].column || few[i].length != hits[i].length ||
            few[i].value != hits[i].value || few[i].form != hits[i].form)
            abort();
}

/* s[0..n) without the lines that start with the annotation prefix. */
static size_t strip(const char *s, size_t n, char *out)
{
    size_t k = 0, plen = strlen(ERR_ANNOTATE_PREFIX);
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl != NULL ? (size_t)(nl - s) + 1 : n;
        if (e - i < plen || memcmp(s + i, ERR_ANNOTATE_PREFIX, plen) != 0) {
            memcpy(out + k, s + i, e - i);
            k += e - i;
        }
        i = e;
    }
    return k;
}

static void check_stream(const uint8_t *data, size_t size, int json)
{
    FILE *in = fmemopen((void *)data, size, "rb");
    char *text = NULL;
    size_t tlen = 0;
    FILE *out = open_memstream(&text, &tlen);
    if (in == NULL || out == NULL)
        abort();
    err_annotate_opts o = {json, 0};
    uint64_t found = 0;
    if (err_annotate_stream(in, "fuzz", out, &o, &found) != 0)
        abort();
    fclose(in);
    fclose(out);
    size_t skip;
    if (!json) {
        /* bytes are copied through; UTF-16 comes out as UTF-8 (input.h) */
        if (err_detect_encoding(data, size, &skip) == ERR_ENC_BYTES) {
            char *a = malloc(size + 1), *b = malloc(tlen + 1);
            size_t na = strip((const char *)data, size, a), nb = strip(text, tlen, b);
            int same = nb >= na && memcmp(a, b, na) == 0 &&
                       (nb == na || (nb == na + 1 && b[na] == '\n') ||
                        (nb == na + 2 && b[na] == '\r' && b[na + 1] == '\n'));
            if (!same)
                abort();
            free(a);
            free(b);
        }
    } else if (tlen > 0 && (text[0] != '{' || text[tlen - 1] != '\n')) {
        abort();
    }
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_hits(data, size, 0);
    check_hits(data, size, ERR_SCAN_STRICT);
    if (size > 0) { /* fmemopen refuses an empty buffer */
        check_stream(data, size, 0);
        check_stream(data, size, 1);
    }
    return 0;
}
