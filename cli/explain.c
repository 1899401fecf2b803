/* explain.c - which entries explain a code, and in what order to show them. */
#include "explain.h"

#include <stdio.h>
#include <string.h>

/* A follow-up only counts through entries of the kind its rule names: the
 * Win32 code inside an HRESULT is not a bug check that shares its number. */
static winerr_kind follow_kind(winerr_relation r)
{
    switch (r) {
    case WINERR_REL_WIN32_FROM_HRESULT:
    case WINERR_REL_WIN32_FROM_NTSTATUS:
        return WINERR_KIND_WIN32;
    case WINERR_REL_NTSTATUS_FROM_HRESULT:
        return WINERR_KIND_NTSTATUS;
    default:
        return WINERR_KIND_OTHER; /* exact, low word: not a follow-up we use */
    }
}

/* The kind of entry a follow-up may name, or OTHER when it is not one to
 * use: err.exe's low-word guess, and the empty ones, HRESULT_FROM_WIN32(0)
 * or HRESULT_FROM_NT of a success status (0x10000000 is a flag, not
 * HRESULT_FROM_NT(STATUS_SUCCESS)). */
static winerr_kind usable(const winerr_followup *f)
{
    if (f->value == 0 ||
        (f->relation == WINERR_REL_NTSTATUS_FROM_HRESULT && f->value >> 30 == 0))
        return WINERR_KIND_OTHER;
    return follow_kind(f->relation);
}

static int has_kind(uint32_t v, winerr_kind k)
{
    winerr_iter it;
    winerr_by_value(&it, v, NULL);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
        if (winerr_entry_kind(e) == k)
            return 1;
    return 0;
}

int err_explain_known_as(uint32_t v, winerr_kind k)
{
    return has_kind(v, k);
}

int err_explain_known(uint32_t v)
{
    if (winerr_lookup_value(v, NULL, NULL, 0) > 0)
        return 1;
    winerr_decoded d;
    winerr_decode(v, &d);
    for (size_t i = 0; i < d.follow_count; i++) {
        winerr_kind k = usable(&d.follow[i]);
        if (k != WINERR_KIND_OTHER && has_kind(d.follow[i].value, k))
            return 1;
    }
    return 0;
}

static int main_table(const winerr_entry *e)
{
    const char *t = winerr_entry_table(e);
    return strcmp(t, "winerror.h") == 0 || strcmp(t, "ntstatus.h") == 0;
}

/* A second name a header gives a number that has a usual one: DNS_ERROR_*
 * beside ERROR_* for the same Win32 code, and the like. */
static int alias(const winerr_entry *e)
{
    const char *n = winerr_entry_name(e);
    switch (winerr_entry_kind(e)) {
    case WINERR_KIND_WIN32: return strncmp(n, "ERROR_", 6) != 0;
    case WINERR_KIND_NTSTATUS: return strncmp(n, "STATUS_", 7) != 0;
    default: return 0;
    }
}

/* Where an entry goes in the list, best first, as twice the tier plus one
 * for an alias.  THE DEFAULT ORDER: the kind or table the context names
 * ("error 2": Win32; "BugCheck 7E": bugcodes.h; "Msg 208": SQL Server;
 * a TLS alert: schannel.h), then winerror.h and ntstatus.h before the
 * hundreds of headers that reuse their numbers (a Win32 code 2 is also a
 * dozen other things), the follow-ups (HRESULT_FROM_WIN32(...)), then the
 * rest; within a tier, ERROR_* before another name for the same Win32 code
 * (DNS_ERROR_INVALID_DATA) and STATUS_* likewise, else the library's order.
 * When the context names a kind, other kinds come after the follow-ups
 * (not STATUS_WAIT_2 for "error 2"). */
static int tier(const winerr_entry *e, winerr_relation r, winerr_kind prefer, const char *table)
{
    winerr_kind k = winerr_entry_kind(e);
    int preferred = prefer != WINERR_KIND_OTHER && k == prefer;
    int other_kind = prefer != WINERR_KIND_OTHER && !preferred;
    int t;
    if (table != NULL && r == WINERR_REL_EXACT && strcmp(winerr_entry_table(e), table) == 0)
        t = 0;
    else if (r != WINERR_REL_EXACT)
        t = main_table(e) ? 2 : 4;
    else if (main_table(e) || (preferred && (k == WINERR_KIND_BUGCHECK || k == WINERR_KIND_SQL)))
        t = preferred ? 0 : other_kind ? 3 : 1;
    else
        t = preferred ? 3 : 5;
    return 2 * t + alias(e);
}

#define MAIN_TIERS 3 /* tiers 0..2 are the ones worth showing */
#define MAIN_KEYS (2 * MAIN_TIERS)

struct candidates {
    size_t n;
    err_explain_item item[ERR_EXPLAIN_MAX];
    int tier[ERR_EXPLAIN_MAX];
};

/* Inserts in tier order, keeping the library's order within a tier; when
 * full, the worst one falls off the end (total still counts it). */
static void insert(err_explanation *x, struct candidates *c, const winerr_entry *e,
                   winerr_relation r, int t)
{
    x->total++;
    size_t i = c->n < ERR_EXPLAIN_MAX ? c->n++ : ERR_EXPLAIN_MAX;
    while (i > 0 && c->tier[i - 1] > t) {
        if (i < ERR_EXPLAIN_MAX) {
            c->item[i] = c->item[i - 1];
            c->tier[i] = c->tier[i - 1];
        }
        i--;
    }
    if (i < ERR_EXPLAIN_MAX) {
        c->item[i].entry = e;
        c->item[i].relation = r;
        c->tier[i] = t;
    }
}

/* The value's own entries, then those of the meaningful follow-ups. */
static void gather(err_explanation *x, winerr_kind prefer, const char *table,
                   struct candidates *c)
{
    const winerr_decoded *d = &x->decoded;
    for (size_t f = 0; f <= d->follow_count; f++) {
        uint32_t v = f == 0 ? x->value : d->follow[f - 1].value;
        winerr_relation r = f == 0 ? WINERR_REL_EXACT : d->follow[f - 1].relation;
        winerr_kind want = f == 0 ? WINERR_KIND_OTHER : usable(&d->follow[f - 1]);
        if (f > 0 && want == WINERR_KIND_OTHER)
            continue;
        winerr_iter it;
        winerr_by_value(&it, v, NULL);
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            if (f == 0 || winerr_entry_kind(e) == want)
                insert(x, c, e, r, tier(e, r, prefer, table));
    }
}

void err_explain(uint32_t v, winerr_kind prefer, err_explanation *x)
{
    err_explain_in(v, prefer, NULL, x);
}

void err_explain_in(uint32_t v, winerr_kind prefer, const char *table, err_explanation *x)
{
    struct candidates c;
    c.n = 0;
    x->value = v;
    x->count = x->total = x->main = 0;
    winerr_decode(v, &x->decoded);
    gather(x, prefer, table, &c);
    for (size_t i = 0; i < c.n; i++) {
        x->item[i] = c.item[i];
        x->main += c.tier[i] < MAIN_KEYS;
    }
    x->count = c.n;
}

const char *err_explain_name(const err_explain_item *it, char *buf, size_t size)
{
    const char *name = winerr_entry_name(it->entry);
    const char *wrap = NULL;
    switch (it->relation) {
    case WINERR_REL_WIN32_FROM_HRESULT: wrap = "HRESULT_FROM_WIN32"; break;
    case WINERR_REL_WIN32_FROM_NTSTATUS: wrap = "NTSTATUS_FROM_WIN32"; break;
    case WINERR_REL_NTSTATUS_FROM_HRESULT: wrap = "HRESULT_FROM_NT"; break;
    default: break;
    }
    /* Wrapped only where the entry is of the kind the rule yields: a bug
     * check that shares a Win32 code's number is not HRESULT_FROM_WIN32 of it. */
    if (wrap != NULL && winerr_entry_kind(it->entry) == follow_kind(it->relation))
        snprintf(buf, size, "%s(%s)", wrap, name);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}
