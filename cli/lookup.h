/*
 * lookup.h - the matches for one number: the number itself, then the
 * follow-up values the library's decode names (err.exe's code lookup and
 * what err.exe misses), filtered as --strict asks.
 */
#ifndef ERR_LOOKUP_H
#define ERR_LOOKUP_H

#include <stddef.h>
#include <stdint.h>

#include "winerr.h"

struct err_opts {
    const winerr_filter *filter; /* NULL: every table */
    int strict;                  /* drop low-word guesses and off-kind follow-ups */
};

/* The matches for one looked-up value: m[first .. first+count). */
struct err_block {
    uint32_t value;
    winerr_relation rel;
    size_t first, count;
};

/* One answered number.  blocks[0] is always the exact lookup. */
struct err_answer {
    uint32_t value;
    unsigned char decimal;   /* header decimal first (input read as decimal)  */
    unsigned char negative;  /* show the decimal signed (typed with a minus)  */
    unsigned char has_offset;/* an event-log DWORD: offset is its position    */
    uint32_t offset;
    const char *how;         /* NULL for numbers; "name" or "substring"       */
    winerr_decoded d;
    size_t nblocks;
    struct err_block blocks[1 + WINERR_MAX_FOLLOWUPS];
    size_t total;            /* matches in all blocks                         */
    const winerr_entry **m;  /* grows as needed; reuse across calls          */
    size_t cap;
};

/* Starts an empty answer.  Free with err_answer_free(). */
void err_answer_init(struct err_answer *a);
void err_answer_free(struct err_answer *a);

/* Looks up `value` and its follow-ups.  Header fields (decimal, negative,
 * has_offset, offset, how) are reset; set them after the call.
 * Returns 0, or -1 when memory ran out. */
int err_answer_value(struct err_answer *a, uint32_t value, const struct err_opts *o);

/* For name and substring results: clears `a` to one exact block for value,
 * then err_answer_add() appends entries to it. */
void err_answer_group(struct err_answer *a, uint32_t value, const char *how);
int err_answer_add(struct err_answer *a, const winerr_entry *e);

#endif /* ERR_LOOKUP_H */
