/*
 * json.h - --json: one JSON object per line (NDJSON), for err and
 * err --annotate alike.  Every object err prints is one of those that
 * cli/err.schema.json describes (and err(1) documents); the pieces two
 * outputs share -- an entry, a match, a value, the hresult and ntstatus
 * fields -- are written by one function each, here.
 *
 * Numbers are JSON numbers; "hex" beside a value is its rendering in hex.
 * Strings are escaped so the output is always valid JSON: control
 * characters as \n, \t or \u00XX, and each byte that is not part of valid
 * UTF-8 as \ufffd.
 */
#ifndef ERR_JSON_H
#define ERR_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "answer.h"
#include "winerr.h"

/* s[0..len) as a JSON string literal, quotes included. */
void err_json_string(FILE *f, const char *s, size_t len);

/* "value":N,"hex":"0x...","signed":N for a 32-bit code. */
void err_json_value(FILE *f, uint32_t v);
/* "hresult":{...},"ntstatus":{...}: the code's fields read both ways. */
void err_json_decoded(FILE *f, const winerr_decoded *d);
/* One match: the entry's fields, "relation" (`how` when not NULL: "name" or
 * "substring") and "shown_as" (the name wrapped for a follow-up). */
void err_json_match(FILE *f, const winerr_entry *e, winerr_relation rel, const char *how);

/* Opens an input's object; `form` names how the input was read. */
void err_json_begin(FILE *f, const char *arg, size_t len, const char *form);
/* One element of "readings"; `first` is nonzero for the first one. */
void err_json_answer(FILE *f, const struct err_answer *a, int first);
/* Closes the object with its "found" count and a newline. */
void err_json_end(FILE *f, size_t found);

/* A whole object for an input that could not be read. */
void err_json_error(FILE *f, const char *arg, size_t len, const char *why);

/* -l / -s: one object per entry: name, value, hex, table, text, kind. */
void err_json_entry_line(FILE *f, const winerr_entry *e);

/* No inputs: one object per table, {"table":"winerror.h","entries":N}. */
void err_json_tables(FILE *f, const winerr_filter *filter);

#endif /* ERR_JSON_H */
