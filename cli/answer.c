/* answer.c - which entries answer a code: one walk over the code and its
 * follow-ups (walk()), one relation-to-kind rule (the library's
 * winerr_relation_kind()), and the two orders answer.h describes. */
#include "answer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "once.h"

/* ---- the walk ------------------------------------------------------------ */

/* How a walk treats the follow-ups. */
enum {
    WALK_ALL = 0,    /* err.exe: every follow-up, every kind           */
    WALK_STRICT = 1, /* --strict: no low-word guess, kinds told apart  */
    WALK_USABLE = 3  /* ranked: strict, and no empty follow-up either  */
};

/* Is the follow-up f walked, and through which kind of entry (*kind;
 * WINERR_KIND_OTHER for any)?  Kinds are told apart by the library's rule.
 * Empty follow-ups are HRESULT_FROM_WIN32(0) and HRESULT_FROM_NT of a
 * success status (0x10000000 is a flag, not HRESULT_FROM_NT(STATUS_SUCCESS)). */
static int walked(const winerr_followup *f, unsigned how, winerr_kind *kind)
{
    *kind = WINERR_KIND_OTHER;
    if (how == WALK_ALL)
        return 1;
    if (f->relation == WINERR_REL_LOW_WORD)
        return 0;
    if (how == WALK_USABLE &&
        (f->value == 0 ||
         (f->relation == WINERR_REL_NTSTATUS_FROM_HRESULT && f->value >> 30 == 0)))
        return 0;
    *kind = winerr_relation_kind(f->relation);
    return 1;
}

/* Called with e NULL when the entries of (value, r) begin, then once per
 * entry; a nonzero return stops the walk and is its result. */
typedef int (*visit_fn)(void *ctx, uint32_t value, winerr_relation r, const winerr_entry *e);

/* The code's own entries, then those of each follow-up walked. */
static int walk(const winerr_decoded *d, const winerr_filter *filter, unsigned how,
                visit_fn fn, void *ctx)
{
    for (size_t i = 0; i <= d->follow_count; i++) {
        uint32_t v = i == 0 ? d->value : d->follow[i - 1].value;
        winerr_relation r = i == 0 ? WINERR_REL_EXACT : d->follow[i - 1].relation;
        winerr_kind want = WINERR_KIND_OTHER;
        if (i > 0 && !walked(&d->follow[i - 1], how, &want))
            continue;
        int rc = fn(ctx, v, r, NULL);
        winerr_iter it;
        winerr_by_value(&it, v, filter);
        for (const winerr_entry *e; rc == 0 && (e = winerr_next(&it)) != NULL;)
            if (want == WINERR_KIND_OTHER || winerr_entry_kind(e) == want)
                rc = fn(ctx, v, r, e);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* ---- err.exe's order: blocks ------------------------------------------- */

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

static int add_to_block(void *ctx, uint32_t value, winerr_relation r, const winerr_entry *e)
{
    struct err_answer *a = ctx;
    if (e != NULL)
        return err_answer_add(a, e);
    struct err_block *b = &a->blocks[a->nblocks++];
    b->value = value;
    b->rel = r;
    b->first = a->total;
    b->count = 0;
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
    return walk(&a->d, o->filter, o->strict ? WALK_STRICT : WALK_ALL, add_to_block, a);
}

void err_answer_group(struct err_answer *a, uint32_t value, const char *how)
{
    reset(a, value);
    winerr_decode(value, &a->d);
    a->how = how;
    add_to_block(a, value, WINERR_REL_EXACT, NULL);
}

/* ---- ranked: best first ------------------------------------------------ */

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

static int found_one(void *ctx, uint32_t value, winerr_relation r, const winerr_entry *e)
{
    (void)ctx, (void)value, (void)r;
    return e != NULL;
}

/* Which high halves (value >> 16) the entries' values have, one bit each:
 * where none has it, the exact lookup is sure to miss, and its hash probe
 * (half a megabyte of table, which a log's bytes push out of the caches)
 * is skipped.  Made from the tables on first use (err_once()). */
static uint64_t high_halves[65536 / 64];
static atomic_int high_state;

static void fill_high_halves(void)
{
    winerr_iter it;
    winerr_all(&it, NULL);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;) {
        uint32_t h = winerr_entry_value(e) >> 16;
        high_halves[h / 64] |= (uint64_t)1 << (h % 64);
    }
}

static int may_be_named(uint32_t v)
{
    err_once(&high_state, fill_high_halves);
    return (high_halves[v >> 22] >> ((v >> 16) % 64)) & 1;
}

int err_explain_known(uint32_t v)
{
    if (may_be_named(v) && winerr_lookup_value(v, NULL, NULL, 0) > 0)
        return 1; /* the common case, without decoding */
    /* The follow-ups a ranked answer uses (walked(), WALK_USABLE) are the
     * Win32 code of a FACILITY_WIN32 HRESULT or a FACILITY_NTWIN32 status
     * (facility bits 7) and the NTSTATUS of an HRESULT_FROM_NT (bit 28); a
     * value with neither has only the low-word guess, which does not count:
     * most numbers a log holds end here, without a decoding. */
    if (v < 0x10000 || (((v >> 16) & 0x3FFF) != 7 && !(v & 0x10000000u)))
        return 0;
    winerr_decoded d;
    winerr_decode(v, &d);
    return walk(&d, NULL, WALK_USABLE, found_one, NULL);
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

struct gathering {
    err_explanation *x;
    struct candidates *c;
    winerr_kind prefer;
    const char *table;
};

static int rank_one(void *ctx, uint32_t value, winerr_relation r, const winerr_entry *e)
{
    struct gathering *g = ctx;
    (void)value;
    if (e != NULL)
        insert(g->x, g->c, e, r, tier(e, r, g->prefer, g->table));
    return 0;
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
    struct gathering g = {x, &c, prefer, table};
    walk(&x->decoded, NULL, WALK_USABLE, rank_one, &g);
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
    if (wrap != NULL && winerr_entry_kind(it->entry) == winerr_relation_kind(it->relation))
        snprintf(buf, size, "%s(%s)", wrap, name);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}
