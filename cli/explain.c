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

static int has_kind(uint32_t v, winerr_kind k)
{
    winerr_iter it;
    winerr_by_value(&it, v, NULL);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
        if (winerr_entry_kind(e) == k)
            return 1;
    return 0;
}

int err_explain_known(uint32_t v)
{
    if (winerr_lookup_value(v, NULL, NULL, 0) > 0)
        return 1;
    winerr_decoded d;
    winerr_decode(v, &d);
    for (size_t i = 0; i < d.follow_count; i++) {
        winerr_kind k = follow_kind(d.follow[i].relation);
        if (k != WINERR_KIND_OTHER && has_kind(d.follow[i].value, k))
            return 1;
    }
    return 0;
}

static void push(err_explanation *x, const winerr_entry *e, winerr_relation r)
{
    if (x->count < ERR_EXPLAIN_MAX) {
        x->item[x->count].entry = e;
        x->item[x->count].relation = r;
        x->count++;
    }
    x->total++;
}

static int main_table(const winerr_entry *e)
{
    const char *t = winerr_entry_table(e);
    return strcmp(t, "winerror.h") == 0 || strcmp(t, "ntstatus.h") == 0;
}

/* Exact matches of rank `rank`: 0 the preferred kind, 1 the two main
 * tables, 2 everything else (each entry lands in exactly one rank). */
static void push_exact(err_explanation *x, winerr_kind prefer, int rank)
{
    winerr_iter it;
    winerr_by_value(&it, x->value, NULL);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;) {
        int preferred = prefer != WINERR_KIND_OTHER && winerr_entry_kind(e) == prefer;
        int r = preferred ? 0 : main_table(e) ? 1 : 2;
        if (r == rank)
            push(x, e, WINERR_REL_EXACT);
    }
}

static void push_follow_ups(err_explanation *x)
{
    const winerr_decoded *d = &x->decoded;
    for (size_t i = 0; i < d->follow_count; i++) {
        winerr_kind k = follow_kind(d->follow[i].relation);
        if (k == WINERR_KIND_OTHER)
            continue;
        winerr_iter it;
        winerr_by_value(&it, d->follow[i].value, NULL);
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            if (winerr_entry_kind(e) == k)
                push(x, e, d->follow[i].relation);
    }
}

void err_explain(uint32_t v, winerr_kind prefer, err_explanation *x)
{
    x->value = v;
    x->count = x->total = x->main = 0;
    winerr_decode(v, &x->decoded);
    push_exact(x, prefer, 0);
    push_exact(x, prefer, 1);
    push_follow_ups(x);
    x->main = x->count;
    push_exact(x, prefer, 2);
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
    if (wrap != NULL)
        snprintf(buf, size, "%s(%s)", wrap, name);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}
