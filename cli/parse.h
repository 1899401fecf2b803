/*
 * parse.h - what one command-line argument (or stdin token) asks for.
 *
 * err_parse_arg() is pure: it reads `len` bytes that may hold anything
 * (NUL, invalid UTF-8, megabytes), allocates nothing, and either fills a
 * query or explains in one phrase what was wrong.  The phrase completes the
 * sentence "err: '<argument>' ...", e.g. "does not fit in 32 bits".
 */
#ifndef ERR_PARSE_H
#define ERR_PARSE_H

#include <stddef.h>
#include <stdint.h>

#define ERR_NAME_MAX 255 /* longest =NAME, :SUBSTRING or /TABLE accepted */

enum err_form {
    ERR_FORM_HEX,       /* 0x54f, 54f, 0x54fL, HRESULT: 0x80070005      */
    ERR_FORM_DECIMAL,   /* -2147024703, 1359L                           */
    ERR_FORM_AMBIGUOUS, /* 1359: read as decimal and as hex             */
    ERR_FORM_NAME,      /* =ERROR_INTERNAL_ERROR, E_FAIL                */
    ERR_FORM_SUBSTRING, /* :INTERNAL_ERROR                              */
    ERR_FORM_TABLE,     /* /winerror.h                                  */
    ERR_FORM_EVENTLOG,  /* 0000: c1 00 07 80   A..?                     */
    ERR_FORM_HEXSTRING, /* <Binary>C1000780</Binary>                    */
    ERR_FORM_CSV,       /* /:outputtoCSV                                */
    ERR_FORM_HELP       /* /?                                           */
};

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
    const char *data;              /* EVENTLOG, HEXSTRING: the data within   */
    size_t data_len;               /* the argument                           */
    size_t dwords;                 /* EVENTLOG, HEXSTRING: how many DWORDs   */
};

/* Returns 0 with q filled, or -1 with a reason in why (whylen > 0). */
int err_parse_arg(const char *arg, size_t len, struct err_query *q, char *why, size_t whylen);

/* Is the stdin line s one input as a whole (event-log data with an offset
 * label, "HRESULT: 0x80070005", <Binary>...</Binary>) rather than several
 * blank-separated values? */
int err_parse_is_phrase(const char *s, size_t len);

#endif /* ERR_PARSE_H */
