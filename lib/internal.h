/* Internal: the generated tables' layout, shared by the library's sources.
 * The arrays are defined in data.c from the generator's winerr_data.inc and
 * are hidden from the shared library's exports. */
#ifndef WINERR_INTERNAL_H
#define WINERR_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "winerr.h"
#include "winerr_gen.h" /* the generator's constants: build/gen/ */

/* PE/COFF (the Windows build) has no ELF symbol visibility: a static
 * err.exe exports nothing anyway. */
#ifdef _WIN32
#define WINERR_HIDDEN
#else
#define WINERR_HIDDEN __attribute__((visibility("hidden")))
#endif

/* Strings are offsets into winerr__names / winerr__texts, so the tables need
 * no relocations.  Text offset 0 is the empty string: no text. */
struct winerr_entry {
    uint32_t value;
    uint32_t name;
    uint32_t text;
    uint16_t table;
    uint8_t kind;
    uint8_t pad;
};

struct winerr_table {
    uint32_t name;
    uint32_t first; /* entries of a table are contiguous */
    uint32_t count;
};

/* One distinct value: winerr__by_value[start .. start+count) hold its entries;
 * when count is 1, start is the entry's own index.  A slot with packed == 0
 * is empty. */
struct winerr_vslot {
    uint32_t value;
    uint32_t packed; /* start | count << VSLOT_START_BITS */
};
#define VSLOT_START_BITS WINERR_GEN_VSLOT_START_BITS

struct winerr_facility {
    uint32_t number;
    uint32_t name;
};

/* A name's row value (`run`, in its record of names_slots.inc): all entries
 * of one (case-folded) name are winerr__by_name[first .. first+count) (when
 * count is 1, first is the entry's own index), as first | count <<
 * NAME_FIRST_BITS. */
#define NAME_FIRST_BITS WINERR_GEN_NAME_FIRST_BITS

extern const char winerr__names[] WINERR_HIDDEN;
extern const char winerr__texts[] WINERR_HIDDEN;
extern const struct winerr_entry winerr__entries[] WINERR_HIDDEN;
extern const struct winerr_table winerr__tables[] WINERR_HIDDEN;
extern const uint32_t winerr__by_value[] WINERR_HIDDEN;
extern const uint32_t winerr__by_name[] WINERR_HIDDEN;
extern const struct winerr_vslot winerr__value_hash[] WINERR_HIDDEN;
extern const struct winerr_facility winerr__hr_facilities[] WINERR_HIDDEN;
extern const struct winerr_facility winerr__nt_facilities[] WINERR_HIDDEN;

/* Sizes, from data.c (the generated macros are visible only there). */
extern const uint32_t winerr__entry_count WINERR_HIDDEN;
extern const uint32_t winerr__table_count WINERR_HIDDEN;
extern const uint32_t winerr__value_hash_bits WINERR_HIDDEN;
extern const uint32_t winerr__hr_facility_count WINERR_HIDDEN;
extern const uint32_t winerr__nt_facility_count WINERR_HIDDEN;

/* An iterator's mode: what winerr_next walks (query.c; names.c answers
 * winerr_by_name, so the lookup is inlined into it). */
enum { MODE_DONE, MODE_BY_VALUE, MODE_BY_NAME, MODE_SUBSTRING, MODE_TEXT, MODE_ALL };

static inline void winerr__iter_init(winerr_iter *it, uint32_t mode, uint32_t pos,
                                     uint32_t end, const winerr_filter *f)
{
    memset(it, 0, sizeof *it);
    it->mode = mode;
    it->pos = pos;
    it->end = end;
    it->filter = f;
}

#endif
