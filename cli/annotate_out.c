/* annotate_out.c - one found code as an annotation line or a JSON object. */
#include "annotate_out.h"

#include <stdio.h>
#include <string.h>

#include "chars.h"
#include "answer.h"
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


void err_annotate_explain(const err_scan_hit *h, err_explanation *x)
{
    const char *table = h->context == ERR_CTX_TLS        ? "schannel.h"
                        : h->context == ERR_CTX_IO_ERROR ? "ntiologc.h"
                                                         : NULL;
    err_explain_in(h->value, h->prefer, table, x);
}

/* Does the best entry say what the hit is?  Where the context names a table
 * of its own (a bug check, a SQL error, a TLS alert, a driver's ErrorCode),
 * another header's entry for the same number is no name for it. */
static int named(const err_scan_hit *h, const err_explanation *x)
{
    if (x->count == 0)
        return 0;
    const winerr_entry *e = x->item[0].entry;
    switch (h->context) {
    case ERR_CTX_BUGCHECK: return winerr_entry_kind(e) == WINERR_KIND_BUGCHECK;
    case ERR_CTX_SQL: return winerr_entry_kind(e) == WINERR_KIND_SQL;
    case ERR_CTX_TLS:
        return strncmp(winerr_entry_name(e), "TLS1_ALERT_", 11) == 0;
    case ERR_CTX_IO_ERROR:
        return strcmp(winerr_entry_table(e), "ntiologc.h") == 0;
    case ERR_CTX_WIN32: /* error 0x0000011b: a Win32 code or nothing */
        return !h->labelled || h->value >= 0x10000 || winerr_entry_kind(e) == WINERR_KIND_WIN32;
    default: return 1;
    }
}

/* What can be said of a code no table names: its fields. */
static void describe_unnamed(const err_scan_hit *h, const err_explanation *x, char *buf,
                             size_t size)
{
    const winerr_decoded *d = &x->decoded;
    uint32_t v = h->value;
    int ntstatus = h->context == ERR_CTX_NTSTATUS || h->context == ERR_CTX_IO_ERROR ||
                   (h->context != ERR_CTX_HRESULT && v >> 30 == 3);
    switch (h->context) {
    case ERR_CTX_SQL:
        if (h->severity < 0)
            snprintf(buf, size, "SQL Server error %u", (unsigned)v);
        else if (h->state >= 0)
            snprintf(buf, size, "SQL Server error %u, severity %d, state %d", (unsigned)v,
                     h->severity, h->state);
        else
            snprintf(buf, size, "SQL Server error %u, severity %d", (unsigned)v, h->severity);
        return;
    case ERR_CTX_BUGCHECK:
        snprintf(buf, size, "bug check 0x%x, not in bugcodes.h", (unsigned)v);
        return;
    case ERR_CTX_TLS:
        snprintf(buf, size, "TLS alert %u, not in schannel.h", (unsigned)v);
        return;
    case ERR_CTX_WIN32:
        if (v < 0x10000) {
            snprintf(buf, size, "Win32 code %u, which no table names", (unsigned)v);
            return;
        }
        break;
    default:
        break;
    }
    const char *fac = ntstatus ? d->ntstatus.facility_name : d->hresult.facility_name;
    unsigned facility = ntstatus ? d->ntstatus.facility : d->hresult.facility;
    unsigned code = ntstatus ? d->ntstatus.code : d->hresult.code;
    char f[64];
    if (fac != NULL)
        snprintf(f, sizeof f, "%s (%u)", fac, facility);
    else
        snprintf(f, sizeof f, "facility %u", facility);
    int n = snprintf(buf, size, "%s, %s, %s, code 0x%04x (%u)",
                     ntstatus ? "NTSTATUS" : "HRESULT",
                     ntstatus ? d->ntstatus.severity_name
                              : d->hresult.severity ? "severity FAILURE" : "severity SUCCESS",
                     f, code, code);
    if (facility == 7 && n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, ", the Win32 code %u, which has no name either",
                 code);
}

static int is_full_hex(const char *m, size_t n)
{
    return n >= 10 && m[0] == '0' && winerr__lower(m[1]) == 'x' &&
           (n == 10 || winerr__hexval(m[10]) < 0);
}

void err_annotate_text(FILE *out, const char *line, const err_scan_hit *h,
                       const char *eol)
{
    err_explanation x;
    err_annotate_explain(h, &x);
    const char *m = line + h->column;
    fputs(ERR_ANNOTATE_PREFIX, out);
    /* The match is hex, digits, 'x', L/U and blanks: safe to copy, but a tab
     * or form feed of event data is shown as a space. */
    for (size_t i = 0; i < h->length; i++)
        putc(m[i] == ' ' || (unsigned char)m[i] >= 0x21 ? m[i] : ' ', out);
    if (!is_full_hex(m, h->length))
        fprintf(out, " (0x%08x)", (unsigned)h->value);
    if (!named(h, &x)) {
        char what[200];
        describe_unnamed(h, &x, what, sizeof what);
        fprintf(out, " = no name: %s%s", what, eol);
        return;
    }
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

/* ---- JSON: the pieces json.c writes for err --json too ----------------- */

void err_annotate_json(FILE *out, const char *file, uint64_t line_no,
                       const char *line, const err_scan_hit *h)
{
    err_explanation x;
    err_annotate_explain(h, &x);
    fputs("{\"file\":", out);
    err_json_string(out, file, strlen(file));
    fprintf(out, ",\"line\":%llu,\"column\":%zu,\"match\":",
            (unsigned long long)line_no, h->column + 1);
    err_json_string(out, line + h->column, h->length);
    fprintf(out, ",\"form\":\"%s\",\"context\":\"%s\",", err_scan_form_name(h->form),
            err_scan_context_name(h->context));
    err_json_value(out, h->value);
    fputs(",\"no_name\":", out);
    if (named(h, &x)) {
        fputs("null", out);
    } else {
        char what[200];
        describe_unnamed(h, &x, what, sizeof what);
        err_json_string(out, what, strlen(what));
    }
    fputs(",\"decoding\":{", out);
    err_json_decoded(out, &x.decoded);
    fprintf(out, ",\"total\":%zu,\"main\":%zu,\"matches\":[", x.total, x.main);
    for (size_t i = 0; i < x.count; i++) {
        if (i > 0)
            putc(',', out);
        err_json_match(out, x.item[i].entry, x.item[i].relation, NULL);
    }
    fputs("]}}\n", out);
}
