/* The queries: by value, by name, by substring, by text, and all entries.
 * Each fills a caller-owned iterator; winerr_next() walks it.  Nothing is
 * allocated and nothing global is written. */
#include <string.h>

#include "internal.h"

static const struct winerr_vslot *value_slot(uint32_t value)
{
    uint32_t bits = winerr__value_hash_bits;
    uint32_t mask = (1u << bits) - 1;
    uint32_t h = (value * WINERR_GEN_VALUE_HASH_MULTIPLIER) >> (32 - bits);
    for (;; h = (h + 1) & mask) {
        const struct winerr_vslot *s = &winerr__value_hash[h];
        if (s->packed == 0)
            return NULL; /* the table is at most half full: an empty slot ends the probe */
        if (s->value == value)
            return s;
    }
}

void winerr_by_value(winerr_iter *it, uint32_t value, const winerr_filter *f)
{
    if (!it)
        return;
    const struct winerr_vslot *s = value_slot(value);
    if (!s) {
        winerr__iter_init(it, MODE_DONE, 0, 0, f);
        return;
    }
    uint32_t start = s->packed & ((1u << VSLOT_START_BITS) - 1);
    uint32_t count = s->packed >> VSLOT_START_BITS;
    /* A run of one is the entry's own index (see generator/emit.py). */
    winerr__iter_init(it, count == 1 ? MODE_ALL : MODE_BY_VALUE, start, start + count, f);
    it->value = value;
}

void winerr_by_substring(winerr_iter *it, const char *sub, const winerr_filter *f)
{
    if (!it)
        return;
    size_t len = sub ? strlen(sub) : 0;
    winerr__iter_init(it, len ? MODE_SUBSTRING : MODE_DONE, 0, winerr__entry_count, f);
    it->query = sub;
    it->query_len = len;
}

static int has_word(const char *s)
{
    for (; s && *s; s++)
        if (!winerr__is_space(*s))
            return 1;
    return 0;
}

void winerr_by_text(winerr_iter *it, const char *words, const winerr_filter *f)
{
    if (!it)
        return;
    winerr__iter_init(it, has_word(words) ? MODE_TEXT : MODE_DONE, 0, winerr__entry_count, f);
    it->query = words;
    it->query_len = words ? strlen(words) : 0;
}

void winerr_all(winerr_iter *it, const winerr_filter *f)
{
    if (!it)
        return;
    winerr__iter_init(it, MODE_ALL, 0, winerr__entry_count, f);
}

/* Does hay contain needle[0..n), ignoring ASCII case? */
static int contains_ci(const char *hay, const char *needle, size_t n)
{
    unsigned char first = winerr__upper((unsigned char)needle[0]);
    for (; *hay; hay++) {
        if (winerr__upper((unsigned char)*hay) != first)
            continue;
        size_t i = 1;
        while (i < n && hay[i] && winerr__upper((unsigned char)hay[i]) ==
                                      winerr__upper((unsigned char)needle[i]))
            i++;
        if (i == n)
            return 1;
        if (!hay[i])
            return 0; /* the rest of hay is shorter than needle */
    }
    return 0;
}

/* Does text contain every whitespace-separated word of q[0..qlen)? */
static int contains_all_words(const char *text, const char *q, size_t qlen)
{
    size_t i = 0;
    while (i < qlen) {
        while (i < qlen && winerr__is_space(q[i]))
            i++;
        size_t start = i;
        while (i < qlen && !winerr__is_space(q[i]))
            i++;
        if (i > start && !contains_ci(text, q + start, i - start))
            return 0;
    }
    return 1;
}

static int entry_matches(const winerr_iter *it, const struct winerr_entry *e)
{
    if (it->filter && !winerr_filter_has(it->filter, e->table))
        return 0;
    switch (it->mode) {
    case MODE_SUBSTRING:
        return contains_ci(winerr__names + e->name, it->query, it->query_len);
    case MODE_TEXT:
        return e->text && contains_all_words(winerr__texts + e->text, it->query, it->query_len);
    default:
        return 1;
    }
}

/* Filters, substring and text queries: the loop that may skip entries.
 * Kept out of winerr_next so the common case there stays a leaf. */
static __attribute__((noinline)) const winerr_entry *next_filtered(winerr_iter *it)
{
    while (it->mode != MODE_DONE && it->pos < it->end) {
        uint32_t i = it->pos++;
        if (it->mode == MODE_BY_VALUE)
            i = winerr__by_value[i];
        else if (it->mode == MODE_BY_NAME)
            i = winerr__by_name[i];
        const struct winerr_entry *e = &winerr__entries[i];
        if (entry_matches(it, e))
            return e;
    }
    it->mode = MODE_DONE;
    return NULL;
}

const winerr_entry *winerr_next(winerr_iter *it)
{
    if (!it)
        return NULL;
    if (!it->filter) { /* the common cases, kept short */
        int more = it->pos < it->end;
        if (it->mode == MODE_ALL) /* every one-entry answer */
            return more ? &winerr__entries[it->pos++] : NULL;
        switch (it->mode) {
        case MODE_BY_VALUE: return more ? &winerr__entries[winerr__by_value[it->pos++]] : NULL;
        case MODE_BY_NAME: return more ? &winerr__entries[winerr__by_name[it->pos++]] : NULL;
        case MODE_DONE: return NULL;
        default: break;
        }
    }
    return next_filtered(it);
}

size_t winerr_lookup_value(uint32_t value, const winerr_filter *f,
                           const winerr_entry **out, size_t cap)
{
    winerr_iter it;
    size_t n = 0;
    winerr_by_value(&it, value, f);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL; n++)
        if (out && n < cap)
            out[n] = e;
    return n;
}
