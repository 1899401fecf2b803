/*
 * parse.h - what one command-line argument (or stdin token) asks for.
 *
 * err_parse_arg() is pure: it reads `len` bytes that may hold anything
 * (NUL, invalid UTF-8, megabytes), allocates nothing but the DWORDs of
 * event data (read once, here), and either fills a query or explains in one
 * phrase what was wrong.  The phrase completes the
 * sentence "err: '<argument>' ...", e.g. "does not fit in 32 bits".
 */
#ifndef ERR_PARSE_H
#define ERR_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "eventlog.h"

#define ERR_NAME_MAX 255 /* longest =NAME, :SUBSTRING or /TABLE accepted */

/* The forms an input can take, in one list: the enum and err_form_name()
 * (the "form" of err --json) are both made from it.
 *   HEX        0x54f, 54f, 0x54fL, HRESULT: 0x80070005
 *   DECIMAL    -2147024703, 1359L
 *   AMBIGUOUS  1359: read as decimal and as hex
 *   NAME       =ERROR_INTERNAL_ERROR, E_FAIL
 *   SUBSTRING  :INTERNAL_ERROR
 *   TABLE      /winerror.h
 *   EVENTLOG   0000: c1 00 07 80   A..?
 *   HEXSTRING  <Binary>C1000780</Binary>, --bytes C1000780
 *   CSV        /:outputtoCSV
 *   HELP       /? */
#define ERR_FORMS(X)                                                                     \
    X(HEX, "hex") X(DECIMAL, "decimal") X(AMBIGUOUS, "ambiguous") X(NAME, "name")        \
    X(SUBSTRING, "substring") X(TABLE, "table") X(EVENTLOG, "eventlog")                  \
    X(HEXSTRING, "bytes") X(CSV, "csv") X(HELP, "help")

#define ERR_FORM_ENUM_(id, name) ERR_FORM_##id,
enum err_form { ERR_FORMS(ERR_FORM_ENUM_) ERR_FORM_COUNT };
#undef ERR_FORM_ENUM_

/* "hex", "decimal", ... as in ERR_FORMS; "unknown" out of range. */
const char *err_form_name(enum err_form f);

/* One number to look up.  `decimal`: print the header decimal first, as
 * err.exe does for input read as decimal; `negative`: the decimal was typed
 * with a minus sign, so it is shown signed. */
struct err_reading {
    uint32_t value;
    unsigned char decimal;
    unsigned char negative;
};

struct err_query {
    enum err_form form;
    size_t nreadings;              /* 0..2; ambiguous input: decimal first */
    struct err_reading readings[2];
    long table;                    /* ERR_FORM_TABLE: the table's index      */
    char name[ERR_NAME_MAX + 1];   /* NAME, SUBSTRING: NUL-terminated        */
    err_dword *dword;              /* EVENTLOG, HEXSTRING: the DWORDs, read  */
    size_t dwords;                 /* once, malloc'd; how many               */
};

/* Returns 0 with q filled, or -1 with a reason in why (whylen > 0).  Free
 * a filled query with err_query_free(). */
int err_parse_arg(const char *arg, size_t len, struct err_query *q, char *why, size_t whylen);

/* --bytes: arg is a wevtutil hex string; the query is an ERR_FORM_HEXSTRING
 * one.  Same return convention as err_parse_arg. */
int err_parse_bytes(const char *arg, size_t len, struct err_query *q, char *why, size_t whylen);

/* Drops leading and trailing white space (U+00A0 included) from s[0..n). */
void err_trim(const char **s, size_t *n);

/* Frees what a query holds (event data); the query stays valid, empty. */
void err_query_free(struct err_query *q);

/* Is the stdin line s one input as a whole (event-log data with an offset
 * label, "HRESULT: 0x80070005", <Binary>...</Binary>) rather than several
 * blank-separated values? */
int err_parse_is_phrase(const char *s, size_t len);

#endif /* ERR_PARSE_H */
