/*
 * answer.h - which entries answer a 32-bit code: one model, two orders.
 *
 * The entries come from one walk: the code's own entries, then those of
 * the follow-up values winerr_decode() names (the Win32 code of a
 * FACILITY_WIN32 HRESULT or a FACILITY_NTWIN32 status, the NTSTATUS of an
 * HRESULT_FROM_NT value, err.exe's low-word guess), a follow-up counting only
 * through entries of the kind winerr_relation_kind() gives for it (the
 * library's rule) wherever kinds are told apart.
 *
 *  - err_answer_value(): err.exe's order for the text layout and --json, in
 *    blocks, the exact lookup first; --strict drops the low-word guess and
 *    off-kind follow-ups, otherwise everything is kept, as err.exe does.
 *  - err_explain(): the ranked list for --annotate, best first (the ranking
 *    is at tier() in answer.c); the low-word guess and the empty follow-ups
 *    are left out: in a log they only add noise.
 */
#ifndef ERR_ANSWER_H
#define ERR_ANSWER_H

#include <stddef.h>
#include <stdint.h>

#include "winerr.h"

/* ---- err.exe's order: blocks ------------------------------------------- */

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

/* ---- ranked: best first ------------------------------------------------ */

typedef struct err_explain_item {
    const winerr_entry *entry;
    winerr_relation relation; /* how entry's value relates to the code */
} err_explain_item;

#define ERR_EXPLAIN_MAX 32

typedef struct err_explanation {
    uint32_t value;
    winerr_decoded decoded;
    size_t count;  /* items stored, best first                          */
    size_t total;  /* items found; more than count when some were cut    */
    size_t main;   /* the first `main` items are the ones worth showing:
                      the kind the context asked for, winerror.h and
                      ntstatus.h entries, the follow-ups; the rest are
                      other headers' names for the same number          */
    err_explain_item item[ERR_EXPLAIN_MAX];
} err_explanation;

/* Nonzero when err_explain(v, ...) would find at least one item. */
int err_explain_known(uint32_t v);

/* Nonzero when some entry of kind k has the value v itself. */
int err_explain_known_as(uint32_t v, winerr_kind k);

/* Fills *x for the code v; `prefer` (or WINERR_KIND_OTHER) puts entries of
 * that kind first. */
void err_explain(uint32_t v, winerr_kind prefer, err_explanation *x);

/* The same, with the entries of header `table` (say "schannel.h" for a TLS
 * alert) first of all; NULL for none. */
void err_explain_in(uint32_t v, winerr_kind prefer, const char *table, err_explanation *x);

/* Writes the name to show for an item into buf (NUL-terminated, cut to
 * fit): the entry's name, wrapped for a follow-up of the kind the relation
 * yields, as in HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT) or
 * HRESULT_FROM_NT(STATUS_...).  Returns buf. */
const char *err_explain_name(const err_explain_item *it, char *buf, size_t size);

/* Room err_explain_name needs for any entry name up to 200 bytes. */
#define ERR_EXPLAIN_NAME_SIZE 240

#endif /* ERR_ANSWER_H */
