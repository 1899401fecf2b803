/*
 * json.h - --json: one JSON object per input, one line each (NDJSON).
 *
 *   {"input":"800700c1","form":"hex","readings":[{"value":2147942593,
 *    "hex":"0x800700c1","signed":-2147024703,"base":"hex",
 *    "hresult":{...},"ntstatus":{...},
 *    "matches":[{"name":"ERROR_BAD_EXE_FORMAT","value":193,"hex":"0xc1",
 *                "table":"winerror.h","text":"...","kind":"win32",
 *                "relation":"win32-from-hresult"}, ...]}],"found":3}
 *
 * Strings are escaped so the output is always valid JSON: control
 * characters as \n, \t or \u00XX, and each byte that is not part of valid
 * UTF-8 as \ufffd.
 */
#ifndef ERR_JSON_H
#define ERR_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "lookup.h"
#include "winerr.h"

/* s[0..len) as a JSON string literal, quotes included. */
void err_json_string(FILE *f, const char *s, size_t len);

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
