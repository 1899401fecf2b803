/* Entries, source tables, table filters and the version: plain accessors
 * over the generated arrays. */
#include <string.h>

#include "internal.h"

const char *winerr_version(void)
{
    return WINERR_VERSION_STRING;
}

unsigned winerr_version_number(void)
{
    return WINERR_VERSION_NUMBER;
}

const char *winerr_entry_name(const winerr_entry *e)
{
    return e ? winerr__names + e->name : NULL;
}

uint32_t winerr_entry_value(const winerr_entry *e)
{
    return e ? e->value : 0;
}

const char *winerr_entry_table(const winerr_entry *e)
{
    return e ? winerr__names + winerr__tables[e->table].name : NULL;
}

size_t winerr_entry_table_index(const winerr_entry *e)
{
    return e ? e->table : 0;
}

const char *winerr_entry_text(const winerr_entry *e)
{
    return (e && e->text) ? winerr__texts + e->text : NULL;
}

winerr_kind winerr_entry_kind(const winerr_entry *e)
{
    return e ? (winerr_kind)e->kind : WINERR_KIND_OTHER;
}

/* winerr.h's public enum must number the kinds as the records do. */
_Static_assert(WINERR_KIND_OTHER == WINERR_GEN_KIND_OTHER && WINERR_KIND_WIN32 == WINERR_GEN_KIND_WIN32 &&
                   WINERR_KIND_HRESULT == WINERR_GEN_KIND_HRESULT &&
                   WINERR_KIND_NTSTATUS == WINERR_GEN_KIND_NTSTATUS &&
                   WINERR_KIND_BUGCHECK == WINERR_GEN_KIND_BUGCHECK &&
                   WINERR_KIND_SQL == WINERR_GEN_KIND_SQL && WINERR_GEN_KIND_COUNT == 6,
               "winerr_kind matches generator/model.py's KINDS");

const char *winerr_kind_name(winerr_kind k)
{
    static const char *const names[] = {WINERR_GEN_KIND_NAMES};
    return (unsigned)k < WINERR_GEN_KIND_COUNT ? names[k] : names[WINERR_GEN_KIND_OTHER];
}

size_t winerr_entry_count(void)
{
    return winerr__entry_count;
}

const winerr_entry *winerr_entry_at(size_t i)
{
    return i < winerr__entry_count ? &winerr__entries[i] : NULL;
}

size_t winerr_table_count(void)
{
    return winerr__table_count;
}

const char *winerr_table_name(size_t i)
{
    return i < winerr__table_count ? winerr__names + winerr__tables[i].name : NULL;
}

size_t winerr_table_entry_count(size_t i)
{
    return i < winerr__table_count ? winerr__tables[i].count : 0;
}

static int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char ca = winerr__upper((unsigned char)*a);
        unsigned char cb = winerr__upper((unsigned char)*b);
        if (ca != cb || ca == 0)
            return (int)ca - (int)cb;
    }
}

long winerr_table_find(const char *name)
{
    if (!name)
        return -1;
    for (uint32_t i = 0; i < winerr__table_count; i++)
        if (ascii_casecmp(name, winerr__names + winerr__tables[i].name) == 0)
            return (long)i;
    return -1;
}

void winerr_filter_clear(winerr_filter *f)
{
    if (f)
        memset(f, 0, sizeof *f);
}

int winerr_filter_add(winerr_filter *f, size_t i)
{
    if (!f || i >= winerr__table_count || i >= WINERR_MAX_TABLES)
        return -1;
    f->bits[i / 64] |= (uint64_t)1 << (i % 64);
    return 0;
}

int winerr_filter_has(const winerr_filter *f, size_t i)
{
    if (i >= winerr__table_count || i >= WINERR_MAX_TABLES)
        return 0;
    return !f || ((f->bits[i / 64] >> (i % 64)) & 1);
}
