/* annotate_out.c - one found code as an annotation line or a JSON object. */
#include "annotate_out.h"

#include <string.h>

#include "explain.h"
#include "json.h"
#include "platform.h"

#define SHOW_NAMES 3   /* names on an annotation line before "+N more"  */
#define SHORT_TEXT 300 /* bytes of message text on an annotation line   */

/* The first item with a message text among the shown ones, or NULL. */
static const char *first_text(const err_explanation *x, size_t shown)
{
    for (size_t i = 0; i < shown; i++) {
        const char *t = err_entry_text(x->item[i].entry);
        if (t != NULL && *t != '\0')
            return t;
    }
    return NULL;
}

/* The text on one line: blanks and control characters become single
 * spaces, and a long text is cut after a word with "...". */
static void write_short_text(FILE *out, const char *t)
{
    char buf[SHORT_TEXT + 4] = "";
    size_t n = 0, cut = 0;
    int space = 0;
    for (; *t != '\0'; t++) {
        unsigned char c = (unsigned char)*t;
        if (c < 0x20 || c == 0x7f || c == ' ') {
            space = n > 0;
            continue;
        }
        if (space) {
            if (n + 1 >= SHORT_TEXT)
                break;
            cut = n;
            buf[n++] = ' ';
            space = 0;
        }
        if (n >= SHORT_TEXT)
            break;
        buf[n++] = (char)c;
    }
    if (*t != '\0') {
        n = cut > 0 ? cut : n;
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    fwrite(buf, 1, n, out);
}

static int is_full_hex(const char *m, size_t n)
{
    return n >= 10 && m[0] == '0' && (m[1] | 0x20) == 'x' &&
           (n == 10 || !((m[10] >= '0' && m[10] <= '9') ||
                         ((m[10] | 0x20) >= 'a' && (m[10] | 0x20) <= 'f')));
}

void err_annotate_text(FILE *out, const char *line, const err_scan_hit *h,
                       const char *eol)
{
    err_explanation x;
    err_explain(h->value, h->prefer, &x);
    const char *m = line + h->column;
    fputs(ERR_ANNOTATE_PREFIX, out);
    /* The match is hex, digits, 'x', L/U and blanks: safe to copy, but a tab
     * or form feed of event data is shown as a space. */
    for (size_t i = 0; i < h->length; i++)
        putc(m[i] == ' ' || (unsigned char)m[i] >= 0x21 ? m[i] : ' ', out);
    if (!is_full_hex(m, h->length))
        fprintf(out, " (0x%08x)", (unsigned)h->value);
    size_t shown = x.main > 0 ? x.main : x.count;
    if (shown > SHOW_NAMES)
        shown = SHOW_NAMES;
    char name[ERR_EXPLAIN_NAME_SIZE];
    for (size_t i = 0; i < shown; i++)
        fprintf(out, "%s%s (%s)", i == 0 ? " = " : ", ",
                err_explain_name(&x.item[i], name, sizeof name),
                winerr_entry_table(x.item[i].entry));
    if (x.total > shown)
        fprintf(out, ", +%zu more", x.total - shown);
    const char *t = first_text(&x, shown);
    if (t != NULL) {
        fputs(": ", out);
        write_short_text(out, t);
    }
    fputs(eol, out);
}

/* ---- JSON (strings escaped by json.c) --------------------------------- */

static void json_cstring(FILE *out, const char *s)
{
    if (s == NULL)
        fputs("null", out);
    else
        err_json_string(out, s, strlen(s));
}

static void json_bits(FILE *out, const winerr_decoded *d)
{
    const winerr_hresult_bits *h = &d->hresult;
    const winerr_ntstatus_bits *s = &d->ntstatus;
    fprintf(out, "\"hresult\":{\"severity\":%u,\"customer\":%u,\"nt\":%u,"
                 "\"facility\":%u,\"facility_name\":",
            h->severity, h->customer, h->nt, h->facility);
    json_cstring(out, h->facility_name);
    fprintf(out, ",\"code\":%u},\"ntstatus\":{\"severity\":%u,\"severity_name\":",
            h->code, s->severity);
    json_cstring(out, s->severity_name);
    fprintf(out, ",\"facility\":%u,\"facility_name\":", s->facility);
    json_cstring(out, s->facility_name);
    fprintf(out, ",\"code\":%u}", s->code);
}

static void json_item(FILE *out, const err_explain_item *it)
{
    const winerr_entry *e = it->entry;
    char name[ERR_EXPLAIN_NAME_SIZE];
    fputs("{\"name\":", out);
    json_cstring(out, winerr_entry_name(e));
    fputs(",\"shown_as\":", out);
    json_cstring(out, err_explain_name(it, name, sizeof name));
    fprintf(out, ",\"value\":\"0x%08x\",\"table\":", (unsigned)winerr_entry_value(e));
    json_cstring(out, winerr_entry_table(e));
    fputs(",\"kind\":", out);
    json_cstring(out, winerr_kind_name(winerr_entry_kind(e)));
    fputs(",\"relation\":", out);
    json_cstring(out, winerr_relation_name(it->relation));
    fputs(",\"text\":", out);
    json_cstring(out, err_entry_text(e));
#ifdef _WIN32
    fputs(",\"text_origin\":", out);
    json_cstring(out, err_win32_text_origin(e));
#endif
    putc('}', out);
}

void err_annotate_json(FILE *out, const char *file, uint64_t line_no,
                       const char *line, const err_scan_hit *h)
{
    err_explanation x;
    err_explain(h->value, h->prefer, &x);
    fputs("{\"file\":", out);
    json_cstring(out, file);
    fprintf(out, ",\"line\":%llu,\"column\":%zu,\"match\":",
            (unsigned long long)line_no, h->column + 1);
    err_json_string(out, line + h->column, h->length);
    long long sv = h->value >= 0x80000000u ? (long long)h->value - 0x100000000LL
                                           : (long long)h->value;
    fprintf(out, ",\"form\":\"%s\",\"value\":\"0x%08x\",\"signed\":%lld,\"decoding\":{",
            err_scan_form_name(h->form), (unsigned)h->value, sv);
    json_bits(out, &x.decoded);
    fprintf(out, ",\"total\":%zu,\"main\":%zu,\"matches\":[", x.total, x.main);
    for (size_t i = 0; i < x.count; i++) {
        if (i > 0)
            putc(',', out);
        json_item(out, &x.item[i]);
    }
    fputs("]}}\n", out);
}
