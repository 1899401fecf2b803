/*
 * explain.h - the entries that explain one 32-bit code, best first.
 *
 * err.exe's follow-up rules, as winerr_decode() gives them: the Win32 code
 * of a FACILITY_WIN32 HRESULT or a FACILITY_NTWIN32 status, the NTSTATUS of
 * an HRESULT_FROM_NT value.  err.exe's low-word guess is left out: in a log
 * it only adds noise.
 */
#ifndef ERR_EXPLAIN_H
#define ERR_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "winerr.h"

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
 * fit): the entry's name, wrapped for a follow-up, as in
 * HRESULT_FROM_WIN32(ERROR_BAD_EXE_FORMAT) or HRESULT_FROM_NT(STATUS_...).
 * Returns buf. */
const char *err_explain_name(const err_explain_item *it, char *buf, size_t size);

/* Room err_explain_name needs for any entry name up to 200 bytes. */
#define ERR_EXPLAIN_NAME_SIZE 240

#endif /* ERR_EXPLAIN_H */
