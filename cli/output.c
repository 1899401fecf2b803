/* output.c - err.exe's text layout, written piecewise for bulk speed. */
#include "output.h"

#include <stdlib.h>
#include <string.h>

#define NAME_COLUMN 62 /* err.exe: "  %-62s %s" */
#define TEXT_WIDTH 59  /* characters of text per "# " line */

static const char spaces[NAME_COLUMN + 1] =
    "                                                              ";

static void put_hex(FILE *f, uint32_t v)
{
    char buf[11], *p = buf + sizeof buf;
    do {
        *--p = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v != 0);
    *--p = 'x';
    *--p = '0';
    fwrite(p, 1, (size_t)(buf + sizeof buf - p), f);
}

static void put_udec(FILE *f, uint64_t v)
{
    char buf[21], *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    fwrite(p, 1, (size_t)(buf + sizeof buf - p), f);
}

static void put_dec(FILE *f, uint32_t v, int is_signed)
{
    if (is_signed && (v & 0x80000000u)) {
        fputc('-', f);
        put_udec(f, (uint64_t)0x100000000u - v);
    } else {
        put_udec(f, v);
    }
}

/* err.exe prints the decimal of hex input signed; decimal input is shown as
 * it was typed: signed with a minus sign, else unsigned. */
static void put_hex_dec(FILE *f, uint32_t v, int decimal_first, int is_signed)
{
    if (decimal_first) {
        fputs("decimal ", f);
        put_dec(f, v, is_signed);
        fputs(" / hex ", f);
        put_hex(f, v);
    } else {
        fputs("hex ", f);
        put_hex(f, v);
        fputs(" / decimal ", f);
        put_dec(f, v, is_signed);
    }
}

void err_text_header(FILE *f, uint32_t v, int decimal, int negative)
{
    fputs("# for ", f);
    put_hex_dec(f, v, decimal, negative || !decimal);
    fputc('\n', f);
}

static void no_results(FILE *f, const struct err_answer *a)
{
    fputs("# No results found for ", f);
    put_hex_dec(f, a->value, 0, a->negative || !a->decimal);
    fputc('\n', f);
}

/* Texts are short; a long one gets a buffer of its own, and if even that
 * fails its lines are printed unwrapped rather than cut. */
static void put_text(FILE *f, const char *text)
{
    char buf[2048];
    size_t n = winerr_wrap(text, TEXT_WIDTH, "# ", buf, sizeof buf);
    if (n < sizeof buf) {
        fwrite(buf, 1, n, f);
        return;
    }
    char *big = malloc(n + 1);
    if (big != NULL && winerr_wrap(text, TEXT_WIDTH, "# ", big, n + 1) == n) {
        fwrite(big, 1, n, f);
    } else {
        for (const char *p = text; *p != '\0';) {
            size_t k = strcspn(p, "\n");
            fputs("# ", f);
            fwrite(p, 1, k, f);
            fputc('\n', f);
            p += k + (p[k] == '\n');
        }
    }
    free(big);
}

void err_text_entry(FILE *f, const winerr_entry *e)
{
    const char *name = winerr_entry_name(e);
    size_t n = strlen(name);
    fputs("  ", f);
    fwrite(name, 1, n, f);
    if (n < NAME_COLUMN)
        fwrite(spaces, 1, NAME_COLUMN - n, f);
    fputc(' ', f);
    fputs(winerr_entry_table(e), f);
    fputc('\n', f);
    const char *text = winerr_entry_text(e);
    if (text != NULL && *text != '\0')
        put_text(f, text);
}

static void facility(FILE *f, const char *name, unsigned number)
{
    if (name != NULL) {
        fputs(name, f);
        fputs(" (", f);
        put_hex(f, number);
        fputc(')', f);
    } else {
        fputs("Facility: ", f);
        put_hex(f, number);
    }
}

static void hresult_line(FILE *f, const winerr_hresult_bits *h)
{
    fputs(h->severity ? "# as an HRESULT: Severity: FAILURE (1), "
                      : "# as an HRESULT: Severity: SUCCESS (0), ", f);
    facility(f, h->facility_name, h->facility);
    fputs(", Code ", f);
    put_hex(f, h->code);
    fputc('\n', f);
}

static void ntstatus_line(FILE *f, const winerr_ntstatus_bits *s)
{
    fputs("# as an NTSTATUS: Severity: ", f);
    fputs(s->severity_name, f);
    fputs(" (", f);
    put_udec(f, s->severity);
    fputs("), ", f);
    facility(f, s->facility_name, s->facility);
    fputs(", Code ", f);
    put_hex(f, s->code);
    fputc('\n', f);
}

/* The line saying why a follow-up value is looked up.  The HRESULT line is
 * err.exe's; it is printed once even when two follow-ups share it. */
static void follow_intro(FILE *f, const struct err_answer *a, const struct err_block *b,
                         int *hresult_done)
{
    switch (b->rel) {
    case WINERR_REL_WIN32_FROM_NTSTATUS:
        ntstatus_line(f, &a->d.ntstatus);
        break;
    case WINERR_REL_NTSTATUS_FROM_HRESULT:
        fputs("# as an HRESULT_FROM_NT: the NTSTATUS ", f);
        put_hex(f, b->value);
        fputc('\n', f);
        break;
    default:
        if (!*hresult_done)
            hresult_line(f, &a->d.hresult);
        *hresult_done = 1;
        break;
    }
}

static void block_entries(FILE *f, const struct err_answer *a, const struct err_block *b)
{
    for (size_t i = 0; i < b->count; i++)
        err_text_entry(f, a->m[b->first + i]);
}

void err_text_answer(FILE *f, const struct err_answer *a)
{
    if (a->has_offset) {
        char buf[32];
        snprintf(buf, sizeof buf, "# offset %04x: ", (unsigned)a->offset);
        fputs(buf, f);
        put_hex(f, a->value);
        fputc('\n', f);
    }
    if (a->total == 0) {
        no_results(f, a);
        return;
    }
    if (a->blocks[0].count > 0) {
        err_text_header(f, a->value, a->decimal, a->negative);
        block_entries(f, a, &a->blocks[0]);
    }
    int hresult_done = 0;
    for (size_t i = 1; i < a->nblocks; i++) {
        const struct err_block *b = &a->blocks[i];
        if (b->count == 0)
            continue;
        follow_intro(f, a, b, &hresult_done);
        err_text_header(f, b->value, a->decimal, a->negative);
        block_entries(f, a, b);
    }
}

void err_text_footer(FILE *f, size_t n, const char *arg, size_t len)
{
    fputs("# ", f);
    put_udec(f, n);
    fputs(" matches found for \"", f);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)arg[i];
        if (c >= 0x20 && c != 0x7f)
            continue;
        fwrite(arg + start, 1, i - start, f);
        fprintf(f, "\\x%02x", c);
        start = i + 1;
    }
    fwrite(arg + start, 1, len - start, f);
    fputs("\"\n", f);
}

void err_text_selected(FILE *f, const char *table)
{
    fputs("# ", f);
    fputs(table, f);
    fputs(" selected.\n", f);
}

void err_text_list_line(FILE *f, const winerr_entry *e)
{
    fputs(winerr_entry_name(e), f);
    fputc(' ', f);
    put_hex(f, winerr_entry_value(e));
    fputc(' ', f);
    fputs(winerr_entry_table(e), f);
    const char *t = winerr_entry_text(e);
    if (t != NULL && *t != '\0') {
        fputc(' ', f);
        for (; *t != '\0'; t++)
            fputc((unsigned char)*t < 0x20 ? ' ' : *t, f);
    }
    fputc('\n', f);
}

void err_text_tables(FILE *f, const winerr_filter *filter)
{
    size_t tables = 0, entries = 0;
    for (size_t i = 0; i < winerr_table_count(); i++)
        if (filter == NULL || winerr_filter_has(filter, i))
            tables++, entries += winerr_table_entry_count(i);
    fprintf(f, "# winerr %s: %zu tables, %zu entries (err --help for usage)\n",
            winerr_version(), tables, entries);
    for (size_t i = 0; i < winerr_table_count(); i++) {
        if (filter != NULL && !winerr_filter_has(filter, i))
            continue;
        fprintf(f, "  %-*s %zu\n", NAME_COLUMN, winerr_table_name(i),
                winerr_table_entry_count(i));
    }
}
