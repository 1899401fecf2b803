/* output.c - err.exe's text layout, written piecewise for bulk speed. */
#include "output.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "platform.h"

#define NAME_COLUMN 62 /* err.exe: "  %-62s %s" */
#define TEXT_WIDTH 59  /* characters of text per "# " line */

static const char spaces[NAME_COLUMN + 1] =
    "                                                              ";

static void put_hex(struct err_obuf *o, uint32_t v)
{
    char buf[11], *p = buf + sizeof buf;
    do {
        *--p = winerr__hexdigit(v);
        v >>= 4;
    } while (v != 0);
    *--p = 'x';
    *--p = '0';
    err_obuf_write(o, p, (size_t)(buf + sizeof buf - p));
}

static void put_udec(struct err_obuf *o, uint64_t v)
{
    char buf[21], *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    err_obuf_write(o, p, (size_t)(buf + sizeof buf - p));
}

static void put_dec(struct err_obuf *o, uint32_t v, int is_signed)
{
    if (is_signed && (v & 0x80000000u)) {
        err_obuf_putc(o, '-');
        put_udec(o, (uint64_t)0x100000000u - v);
    } else {
        put_udec(o, v);
    }
}

/* err.exe prints the decimal of hex input signed; decimal input is shown as
 * it was typed: signed with a minus sign, else unsigned. */
static void put_hex_dec(struct err_obuf *o, uint32_t v, int decimal_first, int is_signed)
{
    if (decimal_first) {
        err_obuf_puts(o, "decimal ");
        put_dec(o, v, is_signed);
        err_obuf_puts(o, " / hex ");
        put_hex(o, v);
    } else {
        err_obuf_puts(o, "hex ");
        put_hex(o, v);
        err_obuf_puts(o, " / decimal ");
        put_dec(o, v, is_signed);
    }
}

void err_text_header(struct err_obuf *o, uint32_t v, int decimal, int negative)
{
    err_obuf_puts(o, "# for ");
    put_hex_dec(o, v, decimal, negative || !decimal);
    err_obuf_putc(o, '\n');
}

static void no_results(struct err_obuf *o, const struct err_answer *a)
{
    err_obuf_puts(o, "# No results found for ");
    put_hex_dec(o, a->value, 0, a->negative || !a->decimal);
    err_obuf_putc(o, '\n');
}

/* Length of a text that winerr_wrap would print unchanged on one line: no
 * line break, no blank to collapse or trim, short enough; else 0. */
static size_t one_line(const char *t)
{
    size_t n = 0;
    for (; t[n] != '\0'; n++) {
        char c = t[n];
        if (n >= TEXT_WIDTH || (winerr__is_space(c) && c != ' ') ||
            (c == ' ' && (n == 0 || t[n - 1] == ' ')))
            return 0;
    }
    return (n > 0 && t[n - 1] != ' ') ? n : 0;
}

/* Appends p[0..n) to buf with snprintf's rules: counts all, stores what fits. */
static void sput(char *buf, size_t size, size_t *len, const char *p, size_t n)
{
    if (*len < size)
        memcpy(buf + *len, p, n < size - *len ? n : size - *len);
    *len += n;
}

/* An entry's match line and text as err_text_entry prints them, into buf;
 * returns the length needed, which fits when it is below size. */
static size_t format_entry(const winerr_entry *e, char *buf, size_t size)
{
    const char *name = winerr_entry_name(e), *table = winerr_entry_table(e);
    const char *text = err_entry_text(e);
    size_t len = 0, n = strlen(name);
    sput(buf, size, &len, "  ", 2);
    sput(buf, size, &len, name, n);
    sput(buf, size, &len, spaces, n < NAME_COLUMN ? NAME_COLUMN - n : 0);
    sput(buf, size, &len, " ", 1);
    sput(buf, size, &len, table, strlen(table));
    sput(buf, size, &len, "\n", 1);
    if (text == NULL || *text == '\0')
        return len;
    if ((n = one_line(text)) > 0) {
        sput(buf, size, &len, "# ", 2);
        sput(buf, size, &len, text, n);
        sput(buf, size, &len, "\n", 1);
        return len;
    }
    return len + winerr_wrap(text, TEXT_WIDTH, "# ", len < size ? buf + len : NULL,
                             len < size ? size - len : 0);
}

/* Formatted entries, by entry: bulk input repeats the same codes, and
 * formatting (wrapping above all) is most of the cost of answering one.
 * Entries sit in one array, so their addresses / 16 rarely collide; the
 * slots cost nothing until used. */
#define CACHE_SLOTS (1u << 15)
static struct cached {
    const winerr_entry *e;
    char *s;
    size_t len;
} cache[CACHE_SLOTS];
static uint32_t cache_used[CACHE_SLOTS]; /* slots to free, so a short run */
static size_t cache_nused;               /* touches only the pages it used */

static void out_of_memory(void)
{
    fputs("err: out of memory\n", stderr);
    exit(2);
}

void err_text_entry(struct err_obuf *o, const winerr_entry *e)
{
    uintptr_t h = (uintptr_t)e;
    struct cached *c = &cache[(h >> 4) % CACHE_SLOTS];
    if (c->e != e) {
        char buf[4096];
        size_t n = format_entry(e, buf, sizeof buf);
        char *copy = malloc(n + 1);
        if (copy == NULL)
            out_of_memory();
        if (n < sizeof buf)
            memcpy(copy, buf, n);
        else /* a text of several KiB: format again, into room enough */
            format_entry(e, copy, n + 1);
        if (c->s == NULL)
            cache_used[cache_nused++] = (uint32_t)(c - cache);
        free(c->s);
        c->e = e;
        c->s = copy;
        c->len = n;
    }
    err_obuf_write(o, c->s, c->len);
}

void err_text_cache_free(void)
{
    for (size_t i = 0; i < cache_nused; i++) {
        struct cached *c = &cache[cache_used[i]];
        free(c->s);
        c->s = NULL;
        c->e = NULL;
    }
    cache_nused = 0;
}

static void facility(struct err_obuf *o, const char *name, unsigned number)
{
    if (name != NULL) {
        err_obuf_puts(o, name);
        err_obuf_puts(o, " (");
        put_hex(o, number);
        err_obuf_putc(o, ')');
    } else {
        err_obuf_puts(o, "Facility: ");
        put_hex(o, number);
    }
}

static void hresult_line(struct err_obuf *o, const winerr_hresult_bits *h)
{
    err_obuf_puts(o, h->severity ? "# as an HRESULT: Severity: FAILURE (1), "
                      : "# as an HRESULT: Severity: SUCCESS (0), ");
    facility(o, h->facility_name, h->facility);
    err_obuf_puts(o, ", Code ");
    put_hex(o, h->code);
    err_obuf_putc(o, '\n');
}

static void ntstatus_line(struct err_obuf *o, const winerr_ntstatus_bits *s)
{
    err_obuf_puts(o, "# as an NTSTATUS: Severity: ");
    err_obuf_puts(o, s->severity_name);
    err_obuf_puts(o, " (");
    put_udec(o, s->severity);
    err_obuf_puts(o, "), ");
    facility(o, s->facility_name, s->facility);
    err_obuf_puts(o, ", Code ");
    put_hex(o, s->code);
    err_obuf_putc(o, '\n');
}

/* The line saying why a follow-up value is looked up.  The HRESULT line is
 * err.exe's; it is printed once even when two follow-ups share it. */
static void follow_intro(struct err_obuf *o, const struct err_answer *a, const struct err_block *b,
                         int *hresult_done)
{
    switch (b->rel) {
    case WINERR_REL_WIN32_FROM_NTSTATUS:
        ntstatus_line(o, &a->d.ntstatus);
        break;
    case WINERR_REL_NTSTATUS_FROM_HRESULT:
        err_obuf_puts(o, "# as an HRESULT_FROM_NT: the NTSTATUS ");
        put_hex(o, b->value);
        err_obuf_putc(o, '\n');
        break;
    default:
        if (!*hresult_done)
            hresult_line(o, &a->d.hresult);
        *hresult_done = 1;
        break;
    }
}

static void block_entries(struct err_obuf *o, const struct err_answer *a, const struct err_block *b)
{
    for (size_t i = 0; i < b->count; i++)
        err_text_entry(o, a->m[b->first + i]);
}

void err_text_answer(struct err_obuf *o, const struct err_answer *a)
{
    if (a->has_offset) {
        char buf[48]; /* Event Viewer's labels: 4 hex digits; the DWORD as its words view */
        snprintf(buf, sizeof buf, "# offset %04x: 0x%08x\n", (unsigned)a->offset,
                 (unsigned)a->value);
        err_obuf_puts(o, buf);
    }
    if (a->total == 0) {
        no_results(o, a);
        return;
    }
    if (a->blocks[0].count > 0) {
        err_text_header(o, a->value, a->decimal, a->negative);
        block_entries(o, a, &a->blocks[0]);
    }
    int hresult_done = 0;
    for (size_t i = 1; i < a->nblocks; i++) {
        const struct err_block *b = &a->blocks[i];
        if (b->count == 0)
            continue;
        follow_intro(o, a, b, &hresult_done);
        err_text_header(o, b->value, a->decimal, a->negative);
        block_entries(o, a, b);
    }
}

void err_text_footer(struct err_obuf *o, size_t n, const char *arg, size_t len)
{
    err_obuf_puts(o, "# ");
    put_udec(o, n);
    err_obuf_puts(o, " matches found for \"");
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)arg[i];
        if (c >= 0x20 && c != 0x7f)
            continue;
        err_obuf_write(o, arg + start, i - start);
        char esc[4] = {'\\', 'x', winerr__hexdigit(c >> 4), winerr__hexdigit(c)};
        err_obuf_write(o, esc, 4);
        start = i + 1;
    }
    err_obuf_write(o, arg + start, len - start);
    err_obuf_puts(o, "\"\n");
}

void err_text_selected(struct err_obuf *o, const char *table)
{
    err_obuf_puts(o, "# ");
    err_obuf_puts(o, table);
    err_obuf_puts(o, " selected.\n");
}

void err_text_list_line(struct err_obuf *o, const winerr_entry *e)
{
    err_obuf_puts(o, winerr_entry_name(e));
    err_obuf_putc(o, ' ');
    put_hex(o, winerr_entry_value(e));
    err_obuf_putc(o, ' ');
    err_obuf_puts(o, winerr_entry_table(e));
    const char *t = err_entry_text(e);
    if (t != NULL && *t != '\0') {
        err_obuf_putc(o, ' ');
        for (; *t != '\0'; t++)
            err_obuf_putc(o, (unsigned char)*t < 0x20 ? ' ' : *t);
    }
    err_obuf_putc(o, '\n');
}

void err_text_tables(struct err_obuf *o, const winerr_filter *filter)
{
    size_t tables = 0, entries = 0;
    for (size_t i = 0; i < winerr_table_count(); i++)
        if (filter == NULL || winerr_filter_has(filter, i))
            tables++, entries += winerr_table_entry_count(i);
    char line[256];
    snprintf(line, sizeof line, "# winerr %s: %zu tables, %zu entries (err --help for usage)\n",
             winerr_version(), tables, entries);
    err_obuf_puts(o, line);
    for (size_t i = 0; i < winerr_table_count(); i++) {
        if (filter != NULL && !winerr_filter_has(filter, i))
            continue;
        const char *name = winerr_table_name(i);
        size_t n = strlen(name);
        err_obuf_puts(o, "  ");
        err_obuf_write(o, name, n);
        err_obuf_write(o, spaces, n < NAME_COLUMN ? NAME_COLUMN - n : 0);
        err_obuf_putc(o, ' ');
        put_udec(o, winerr_table_entry_count(i));
        err_obuf_putc(o, '\n');
    }
}
