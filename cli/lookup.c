/* lookup.c - the matches for a number and its follow-up values. */
#include "lookup.h"

#include <stdlib.h>
#include <string.h>

void err_answer_init(struct err_answer *a)
{
    memset(a, 0, sizeof *a);
}

void err_answer_free(struct err_answer *a)
{
    free(a->m);
    a->m = NULL;
    a->cap = 0;
}

static int grow(struct err_answer *a)
{
    size_t cap = a->cap ? a->cap * 2 : 64;
    const winerr_entry **m = realloc(a->m, cap * sizeof *m);
    if (m == NULL)
        return -1;
    a->m = m;
    a->cap = cap;
    return 0;
}

int err_answer_add(struct err_answer *a, const winerr_entry *e)
{
    if (a->total == a->cap && grow(a) < 0)
        return -1;
    a->m[a->total++] = e;
    a->blocks[a->nblocks - 1].count++;
    return 0;
}

/* --strict: a Win32 code taken from an HRESULT or NTSTATUS means a Win32
 * error, not a bug check or SQL message that shares the number. */
static int keep(const winerr_entry *e, winerr_relation rel, int strict)
{
    if (!strict)
        return 1;
    switch (rel) {
    case WINERR_REL_WIN32_FROM_HRESULT:
    case WINERR_REL_WIN32_FROM_NTSTATUS:
        return winerr_entry_kind(e) == WINERR_KIND_WIN32;
    case WINERR_REL_NTSTATUS_FROM_HRESULT:
        return winerr_entry_kind(e) == WINERR_KIND_NTSTATUS;
    default: /* exact; low-word guesses are not looked up at all */
        return 1;
    }
}

static int add_block(struct err_answer *a, uint32_t value, winerr_relation rel,
                     const struct err_opts *o)
{
    if (o->strict && rel == WINERR_REL_LOW_WORD)
        return 0;
    struct err_block *b = &a->blocks[a->nblocks++];
    b->value = value;
    b->rel = rel;
    b->first = a->total;
    b->count = 0;
    winerr_iter it;
    winerr_by_value(&it, value, o->filter);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
        if (keep(e, rel, o->strict) && err_answer_add(a, e) < 0)
            return -1;
    return 0;
}

static void reset(struct err_answer *a, uint32_t value)
{
    a->value = value;
    a->decimal = a->negative = a->has_offset = 0;
    a->offset = 0;
    a->how = NULL;
    a->nblocks = 0;
    a->total = 0;
}

int err_answer_value(struct err_answer *a, uint32_t value, const struct err_opts *o)
{
    reset(a, value);
    winerr_decode(value, &a->d);
    if (add_block(a, value, WINERR_REL_EXACT, o) < 0)
        return -1;
    for (size_t i = 0; i < a->d.follow_count; i++)
        if (add_block(a, a->d.follow[i].value, a->d.follow[i].relation, o) < 0)
            return -1;
    return 0;
}

void err_answer_group(struct err_answer *a, uint32_t value, const char *how)
{
    reset(a, value);
    winerr_decode(value, &a->d);
    a->how = how;
    a->nblocks = 1;
    a->blocks[0].value = value;
    a->blocks[0].rel = WINERR_REL_EXACT;
    a->blocks[0].first = 0;
    a->blocks[0].count = 0;
}
