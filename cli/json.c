/* json.c - NDJSON output; every string escaped, invalid UTF-8 replaced. */
#include "json.h"

#include <stdint.h>
#include <string.h>

#include "answer.h"
#include "platform.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    uint32_t c;
    size_t k;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        k = 2, c = s[0] & 0x1fu;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        k = 3, c = s[0] & 0x0fu;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        k = 4, c = s[0] & 0x07u;
    else
        return 0;
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = c << 6 | (s[i] & 0x3fu);
    }
    /* overlong forms, UTF-16 surrogates and code points past U+10FFFF */
    if ((k == 3 && c < 0x800) || (k == 4 && c < 0x10000) || (c >= 0xd800 && c <= 0xdfff) ||
        c > 0x10ffff)
        return 0;
    return k;
}

static void escape_byte(FILE *f, unsigned char c)
{
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default: fprintf(f, "\\u%04x", c); break;
    }
}

void err_json_string(FILE *f, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t start = 0, i = 0;
    fputc('"', f);
    while (i < len) {
        unsigned char c = p[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) {
            i++;
            continue;
        }
        size_t k = c >= 0x80 ? utf8_len(p + i, len - i) : 0;
        if (k > 0) {
            i += k;
            continue;
        }
        fwrite(s + start, 1, i - start, f);
        if (c >= 0x80)
            fputs("\\ufffd", f);
        else
            escape_byte(f, c);
        start = ++i;
    }
    fwrite(s + start, 1, len - start, f);
    fputc('"', f);
}

static void json_cstr(FILE *f, const char *s)
{
    if (s == NULL)
        fputs("null", f);
    else
        err_json_string(f, s, strlen(s));
}

/* "value":N,"hex":"0xN": a number as a JSON number, its hex beside it. */
static void value_fields(FILE *f, uint32_t v)
{
    fprintf(f, "\"value\":%lu,\"hex\":\"0x%x\"", (unsigned long)v, (unsigned)v);
}

static long long signed_value(uint32_t v)
{
    return (v & 0x80000000u) ? (long long)v - 0x100000000LL : (long long)v;
}

void err_json_value(FILE *f, uint32_t v)
{
    value_fields(f, v);
    fprintf(f, ",\"signed\":%lld", signed_value(v));
}

static void entry_fields(FILE *f, const winerr_entry *e)
{
    fputs("\"name\":", f);
    json_cstr(f, winerr_entry_name(e));
    fputc(',', f);
    value_fields(f, winerr_entry_value(e));
    fputs(",\"table\":", f);
    json_cstr(f, winerr_entry_table(e));
    fputs(",\"text\":", f);
    json_cstr(f, err_entry_text(e));
#ifdef _WIN32
    fputs(",\"text_origin\":", f);
    json_cstr(f, err_win32_text_origin(e));
#endif
    fputs(",\"kind\":", f);
    json_cstr(f, winerr_kind_name(winerr_entry_kind(e)));
}

void err_json_match(FILE *f, const winerr_entry *e, winerr_relation rel, const char *how)
{
    err_explain_item it = {e, rel};
    char name[ERR_EXPLAIN_NAME_SIZE];
    fputc('{', f);
    entry_fields(f, e);
    fputs(",\"relation\":", f);
    json_cstr(f, how != NULL ? how : winerr_relation_name(rel));
    fputs(",\"shown_as\":", f);
    json_cstr(f, err_explain_name(&it, name, sizeof name));
    fputc('}', f);
}

void err_json_begin(FILE *f, const char *arg, size_t len, const char *form)
{
    fputs("{\"input\":", f);
    err_json_string(f, arg, len);
    fputs(",\"form\":", f);
    json_cstr(f, form);
    fputs(",\"readings\":[", f);
}

void err_json_decoded(FILE *f, const winerr_decoded *d)
{
    const winerr_hresult_bits *h = &d->hresult;
    const winerr_ntstatus_bits *s = &d->ntstatus;
    fprintf(f,
            "\"hresult\":{\"severity\":%u,\"reserved\":%u,\"customer\":%u,\"nt\":%u,"
            "\"reserved_x\":%u,\"facility\":%u,\"facility_name\":",
            h->severity, h->reserved, h->customer, h->nt, h->reserved_x, h->facility);
    json_cstr(f, h->facility_name);
    fprintf(f, ",\"code\":%u},\"ntstatus\":{\"severity\":%u,\"severity_name\":", h->code,
            s->severity);
    json_cstr(f, s->severity_name);
    fprintf(f, ",\"customer\":%u,\"nt\":%u,\"facility\":%u,\"facility_name\":", s->customer,
            s->nt, s->facility);
    json_cstr(f, s->facility_name);
    fprintf(f, ",\"code\":%u}", s->code);
}

static void matches(FILE *f, const struct err_answer *a)
{
    int first = 1;
    fputs("\"matches\":[", f);
    for (size_t b = 0; b < a->nblocks; b++) {
        const struct err_block *blk = &a->blocks[b];
        for (size_t i = 0; i < blk->count; i++) {
            if (!first)
                fputc(',', f);
            first = 0;
            err_json_match(f, a->m[blk->first + i], blk->rel, a->how);
        }
    }
    fputc(']', f);
}

void err_json_answer(FILE *f, const struct err_answer *a, int first)
{
    if (!first)
        fputc(',', f);
    fputc('{', f);
    err_json_value(f, a->value);
    fprintf(f, ",\"base\":\"%s\",", a->decimal ? "decimal" : "hex");
    if (a->has_offset)
        fprintf(f, "\"offset\":%lu,", (unsigned long)a->offset);
    err_json_decoded(f, &a->d);
    fputc(',', f);
    matches(f, a);
    fputc('}', f);
}

void err_json_end(FILE *f, size_t found)
{
    fprintf(f, "],\"found\":%zu}\n", found);
}

void err_json_error(FILE *f, const char *arg, size_t len, const char *why)
{
    fputs("{\"input\":", f);
    err_json_string(f, arg, len);
    fputs(",\"error\":", f);
    json_cstr(f, why);
    fputs("}\n", f);
}

void err_json_entry_line(FILE *f, const winerr_entry *e)
{
    fputc('{', f);
    entry_fields(f, e);
    fputs("}\n", f);
}

void err_json_tables(FILE *f, const winerr_filter *filter)
{
    for (size_t i = 0; i < winerr_table_count(); i++) {
        if (filter != NULL && !winerr_filter_has(filter, i))
            continue;
        fputs("{\"table\":", f);
        json_cstr(f, winerr_table_name(i));
        fprintf(f, ",\"entries\":%zu}\n", winerr_table_entry_count(i));
    }
}
