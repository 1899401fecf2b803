/* eventlog.c - Event Viewer and wevtutil binary data read as DWORDs. */
#include "eventlog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "quote.h"

#define SHOW 24 /* input bytes of a bad token shown in a message */

/* Parser state that carries across the lines of one input. */
struct scan {
    uint64_t next;      /* offset of the next byte                   */
    int started;        /* the current section has had a data line   */
    uint32_t acc;       /* bytes of an unfinished DWORD, LE order     */
    unsigned nacc;      /* how many                                  */
    uint32_t acc_off;   /* offset of its first byte                  */
    long count;         /* DWORDs found so far                       */
    err_dword *out;
    size_t max;
    err_dword **grow;   /* err_dwords_read: out grows, *grow owns it  */
    size_t line;        /* 1-based line number, for messages         */
    char *why;
    size_t whylen;
};



static long fail(struct scan *st, const char *what, const char *tok, size_t n)
{
    if (tok != NULL) {
        char q[ERR_QUOTE_SIZE(SHOW)];
        snprintf(st->why, st->whylen, "has %s '%s' on line %zu", what,
                 err_quote(tok, n, SHOW, q, sizeof q), st->line);
    } else {
        snprintf(st->why, st->whylen, "has %s (line %zu)", what, st->line);
    }
    return -1;
}

static int push(struct scan *st, uint32_t offset, uint32_t value)
{
    if (st->grow != NULL && (size_t)st->count == st->max) {
        size_t cap = st->max ? st->max * 2 : 16;
        err_dword *d = realloc(st->out, cap * sizeof *d);
        if (d == NULL) {
            snprintf(st->why, st->whylen, "cannot get memory for its data");
            return -1;
        }
        st->out = *st->grow = d;
        st->max = cap;
    }
    if ((size_t)st->count < st->max) {
        st->out[st->count].offset = offset;
        st->out[st->count].value = value;
    }
    st->count++;
    return 0;
}

/* Event Viewer prints 4-digit offsets; 8 covers anything it could print. */
static int parse_label(const char *s, size_t n, size_t *pos, uint32_t *label)
{
    size_t i = 0, d;
    while (i < n && winerr__is_blank(s[i]))
        i++;
    for (d = 0; i + d < n && winerr__hexval(s[i + d]) >= 0; d++)
        ;
    if (d < 4 || d > 8 || i + d >= n || s[i + d] != ':')
        return 0;
    if (i + d + 1 < n && !winerr__is_blank(s[i + d + 1]))
        return 0;
    *label = (uint32_t)winerr__hex_value(s + i, d);
    *pos = i + d + 1;
    return 1;
}

static int is_heading(const char *s, size_t n)
{
    static const char *const headings[] = {"data:", "binary data:", "in words",
                                           "in bytes", "words", "bytes"};
    while (n > 0 && winerr__is_blank(s[n - 1]))
        n--;
    while (n > 0 && winerr__is_blank(*s))
        s++, n--;
    for (size_t h = 0; h < sizeof headings / sizeof headings[0]; h++) {
        size_t k = strlen(headings[h]);
        if (k != n)
            continue;
        size_t i = 0;
        while (i < k && (s[i] | 0x20) == headings[h][i])
            i++;
        if (i == k)
            return 1;
    }
    return 0;
}

static long emit_byte(struct scan *st, uint32_t b)
{
    if (st->next > UINT32_MAX)
        return fail(st, "data that runs past offset 0xffffffff", NULL, 0);
    if (st->nacc == 0) {
        st->acc = 0;
        st->acc_off = (uint32_t)st->next;
    }
    st->acc |= b << (8 * st->nacc);
    st->next++;
    if (++st->nacc == 4) {
        st->nacc = 0;
        return push(st, st->acc_off, st->acc);
    }
    return 0;
}

static long emit_word(struct scan *st, uint32_t w, const char *tok)
{
    if (st->nacc != 0)
        return fail(st, "a DWORD after loose bytes:", tok, 8);
    if (st->next > (uint64_t)UINT32_MAX - 3)
        return fail(st, "data that runs past offset 0xffffffff", NULL, 0);
    st->next += 4;
    return push(st, (uint32_t)(st->next - 4), w);
}

/* End of a run of offsets: loose bytes are an error unless this is the
 * final section and the caller asked for them to be counted. */
static long end_section(struct scan *st, size_t *trailing, int last)
{
    if (st->nacc != 0) {
        if (!last || trailing == NULL) {
            snprintf(st->why, st->whylen,
                     "ends with %u loose byte%s at offset 0x%x, not a whole DWORD",
                     st->nacc, st->nacc == 1 ? "" : "s", (unsigned)st->acc_off);
            return -1;
        }
        *trailing = st->nacc;
    }
    st->nacc = 0;
    st->started = 0;
    return 0;
}

/* One token: a 2-digit byte or an 8-digit DWORD, the same width across a
 * line.  Returns 1 when it was data, 0 when it is not a group of that width. */
static int token_value(const char *t, size_t n, size_t *width, int64_t *v)
{
    if ((n != 2 && n != 8) || (*width != 0 && n != *width))
        return 0;
    *v = winerr__hex_value(t, n);
    if (*v < 0)
        return 0;
    *width = n;
    return 1;
}

static long emit(struct scan *st, const char *t, size_t n, int64_t v)
{
    return n == 2 ? emit_byte(st, (uint32_t)v) : emit_word(st, (uint32_t)v, t);
}

/* Event Viewer's ASCII column shows one character per byte of its line, and
 * only the bytes view has one: other text after the data is a mistake. */
static long ascii_column(struct scan *st, const char *s, size_t n, size_t width, size_t ntok)
{
    size_t chars = 0;
    while (n > 0 && winerr__is_blank(s[n - 1]))
        n--;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xc0) != 0x80; /* UTF-8 lead bytes */
    if (width == 2 && chars <= ntok)
        return 0;
    return fail(st, "text after the data that is not its ASCII column:", s, n);
}

/* Data of one line from s[pos..n).  With a label, the ASCII column starts at
 * a run of two or more blanks after some data, or is the one non-group token
 * at the end of the line (a paste that lost its column padding). */
static long scan_groups(struct scan *st, const char *s, size_t n, size_t pos, int labelled)
{
    size_t ntok = 0, width = 0;
    for (;;) {
        size_t run = 0;
        int tab = 0;
        while (pos < n && winerr__is_blank(s[pos]))
            tab |= s[pos++] == '\t', run++;
        if (pos >= n)
            break;
        if (labelled && ntok > 0 && (run >= 2 || tab))
            return ascii_column(st, s + pos, n - pos, width, ntok);
        size_t start = pos;
        while (pos < n && !winerr__is_blank(s[pos]))
            pos++;
        size_t after = pos;
        while (after < n && winerr__is_blank(s[after]))
            after++;
        int64_t v;
        if (!token_value(s + start, pos - start, &width, &v)) {
            if (labelled && ntok > 0 && after >= n)
                return ascii_column(st, s + start, n - start, width, ntok);
            return fail(st, "a token that is not a hex byte or DWORD:", s + start,
                        pos - start);
        }
        if (emit(st, s + start, pos - start, v) < 0)
            return -1;
        ntok++;
    }
    if (ntok == 0)
        return fail(st, "an offset label without data", NULL, 0);
    return 0;
}

static long scan_line(struct scan *st, const char *s, size_t n)
{
    size_t pos = 0;
    uint32_t label;
    int labelled = parse_label(s, n, &pos, &label);
    if (labelled) {
        if (!st->started)
            st->next = label;
        else if (label != st->next) {
            snprintf(st->why, st->whylen,
                     "has offset label %04x where %04llx was expected (line %zu)",
                     (unsigned)label, (unsigned long long)st->next, st->line);
            return -1;
        }
    }
    st->started = 1;
    return scan_groups(st, s, n, pos, labelled);
}

static int all_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!winerr__is_blank(s[i]))
            return 0;
    return 1;
}

static long eventlog(const char *s, size_t len, err_dword *out, size_t max, err_dword **grow,
                     size_t *trailing, char *why, size_t whylen)
{
    struct scan st = {0};
    st.out = out;
    st.max = out == NULL ? 0 : max;
    st.grow = grow;
    st.why = why;
    st.whylen = whylen;
    if (trailing != NULL)
        *trailing = 0;
    int any = 0;
    for (size_t i = 0; i <= len;) {
        const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
        size_t end = nl != NULL ? (size_t)(nl - s) : len;
        st.line++;
        if (is_heading(s + i, end - i)) {
            if (end_section(&st, trailing, 0) < 0)
                return -1;
        } else if (!all_blank(s + i, end - i)) {
            if (scan_line(&st, s + i, end - i) < 0)
                return -1;
            any = 1;
        }
        i = end + 1;
    }
    if (!any) {
        snprintf(why, whylen, "holds no event data");
        return -1;
    }
    return end_section(&st, trailing, 1) < 0 ? -1 : st.count;
}

long err_eventlog_parse(const char *s, size_t len, err_dword *out, size_t max,
                        size_t *trailing, char *why, size_t whylen)
{
    return eventlog(s, len, out, max, NULL, trailing, why, whylen);
}

/* Strips an ASCII case-insensitive prefix from [*s, *s + *n). */
static int strip_prefix(const char **s, size_t *n, const char *p)
{
    size_t k = strlen(p);
    if (*n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (((*s)[i] | 0x20) != (p[i] | 0x20))
            return 0;
    *s += k;
    *n -= k;
    return 1;
}

static int strip_suffix(const char *s, size_t *n, const char *p)
{
    size_t k = strlen(p);
    if (*n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((s[*n - k + i] | 0x20) != (p[i] | 0x20))
            return 0;
    *n -= k;
    return 1;
}

static long hex_fail(char *why, size_t whylen, const char *s, size_t n)
{
    char q[ERR_QUOTE_SIZE(SHOW)];
    snprintf(why, whylen, "has '%s' where a hex digit belongs",
             err_quote(s, n, SHOW, q, sizeof q));
    return -1;
}

static long hexstring(const char *s, size_t len, err_dword *out, size_t max, err_dword **grow,
                      size_t *trailing, char *why, size_t whylen)
{
    while (len > 0 && winerr__is_blank(*s))
        s++, len--;
    while (len > 0 && (winerr__is_blank(s[len - 1]) || s[len - 1] == '\n'))
        len--;
    if (strip_prefix(&s, &len, "<binary>") && !strip_suffix(s, &len, "</binary>")) {
        snprintf(why, whylen, "has <Binary> without </Binary>");
        return -1;
    }
    if (len == 0) {
        snprintf(why, whylen, "holds no hex digits");
        return -1;
    }
    for (size_t i = 0; i < len; i++)
        if (winerr__hexval(s[i]) < 0)
            return hex_fail(why, whylen, s + i, len - i < 4 ? len - i : 4);
    if (len % 2 != 0) {
        snprintf(why, whylen, "has an odd number of hex digits (%zu)", len);
        return -1;
    }
    size_t bytes = len / 2, whole = bytes / 4;
    if (bytes % 4 != 0 && trailing == NULL) {
        snprintf(why, whylen, "has %zu byte%s, not a whole number of DWORDs", bytes,
                 bytes == 1 ? "" : "s");
        return -1;
    }
    if ((uint64_t)bytes > (uint64_t)UINT32_MAX + 1) {
        snprintf(why, whylen, "holds more data than 32-bit offsets reach");
        return -1;
    }
    if (trailing != NULL)
        *trailing = bytes % 4;
    if (grow != NULL) {
        out = *grow = malloc(whole * sizeof *out);
        if (out == NULL) {
            snprintf(why, whylen, "cannot get memory for its data");
            return -1;
        }
        max = whole;
    }
    for (size_t k = 0; out != NULL && k < whole && k < max; k++) {
        uint32_t v = 0;
        for (unsigned b = 0; b < 4; b++)
            v |= (uint32_t)winerr__hex_value(s + 8 * k + 2 * b, 2) << (8 * b);
        out[k].offset = (uint32_t)(4 * k);
        out[k].value = v;
    }
    return (long)whole;
}

long err_hexstring_parse(const char *s, size_t len, err_dword *out, size_t max,
                         size_t *trailing, char *why, size_t whylen)
{
    return hexstring(s, len, out, max, NULL, trailing, why, whylen);
}

long err_dwords_read(const char *s, size_t len, int hex_string, err_dword **out, char *why,
                     size_t whylen)
{
    *out = NULL;
    long n = hex_string ? hexstring(s, len, NULL, 0, out, NULL, why, whylen)
                        : eventlog(s, len, NULL, 0, out, NULL, why, whylen);
    if (n < 0) {
        free(*out);
        *out = NULL;
    }
    return n;
}

/* Does the line s[0..n) start like bytes data: a byte, a blank, more? */
static int starts_with_bytes(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && winerr__is_blank(s[i]))
        i++;
    if (i + 2 >= n || winerr__hexval(s[i]) < 0 || winerr__hexval(s[i + 1]) < 0 || !winerr__is_blank(s[i + 2]))
        return 0;
    for (i += 2; i < n; i++)
        if (!winerr__is_blank(s[i]))
            return 1;
    return 0;
}

int err_eventlog_detect(const char *s, size_t len)
{
    size_t i = 0;
    int heading = 0;
    /* Look at the first line that is neither blank nor a heading. */
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl != NULL ? (size_t)(nl - s) : len;
        if (is_heading(s + i, end - i))
            heading = 1;
        else if (!all_blank(s + i, end - i))
            break;
        i = end + 1;
    }
    if (i >= len)
        return heading;
    const char *nl = memchr(s + i, '\n', len - i);
    size_t n = nl != NULL ? (size_t)(nl - (s + i)) : len - i;
    size_t pos;
    uint32_t label;
    if (heading || parse_label(s + i, n, &pos, &label))
        return 1;
    return starts_with_bytes(s + i, n);
}

int err_eventlog_has_label(const char *s, size_t len)
{
    size_t pos;
    uint32_t label;
    return parse_label(s, len, &pos, &label);
}

static int io_packet(const uint32_t *dw)
{
    uint32_t strings = dw[1] & 0xffffu, string_offset = dw[1] >> 16, code = dw[3];
    return (dw[0] & 0xffu) <= 0x1bu && (strings == 0 || string_offset >= 0x28u) &&
           dw[2] >> 16 == 0 && code >> 30 != 0 && (code >> 16 & 0xfffu) != 0;
}

static int sql_head(const uint32_t *dw, size_t n)
{
    return dw[0] >= 100 && dw[0] < 0x80000000u && dw[1] >= 1 && dw[1] <= 25 &&
           (n < 3 || dw[2] <= 255);
}

err_layout err_binary_layout(const uint32_t *dw, size_t n, int complete)
{
    if (n == 0)
        return complete ? ERR_LAYOUT_OTHER : ERR_LAYOUT_UNKNOWN;
    if (n == 1 && complete)
        return ERR_LAYOUT_LONE;
    if (n >= 4 && io_packet(dw))
        return ERR_LAYOUT_IO_PACKET;
    if (n >= 2 && sql_head(dw, n) && (n >= 3 || !complete))
        return ERR_LAYOUT_SQL;
    return n >= 4 || complete ? ERR_LAYOUT_OTHER : ERR_LAYOUT_UNKNOWN;
}
