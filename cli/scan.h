/*
 * scan.h - where the Windows error codes are in one line of a log.
 *
 * The rule for what counts as a code, and what is an ordinary number, is
 * spelled out at the top of scan.c.
 */
#ifndef ERR_SCAN_H
#define ERR_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "winerr.h"

/* How a code was written. */
typedef enum err_scan_form {
    ERR_SCAN_HEX = 0,        /* 0x800700C1, 0x800700c1L                      */
    ERR_SCAN_BARE_HEX = 1,   /* 800700c1                                     */
    ERR_SCAN_DECIMAL = 2,    /* -2147024703, 2147942593                      */
    ERR_SCAN_KEYWORD = 3,    /* error 1722, Error: 0x5, status=0xC0000005    */
    ERR_SCAN_EVENT_DATA = 4, /* 0000: c1 00 07 80 ... / 0000: 800700c1       */
    ERR_SCAN_BINARY = 5      /* <Binary>C1000780</Binary>                    */
} err_scan_form;

/* "hex", "bare-hex", "decimal", "keyword", "event-data", "binary". */
const char *err_scan_form_name(err_scan_form f);

typedef struct err_scan_hit {
    size_t column;       /* byte offset of the match in the line, from 0    */
    size_t length;       /* bytes matched                                   */
    uint32_t value;      /* the 32-bit code                                 */
    err_scan_form form;
    winerr_kind prefer;  /* for ERR_SCAN_KEYWORD, the kind the keyword
                            names (error -> win32, hr -> hresult,
                            status -> ntstatus); else WINERR_KIND_OTHER    */
} err_scan_hit;

/* Flags for err_scan_line. */
#define ERR_SCAN_STRICT 1u /* only forms that say they are codes: 0x..., a
                              keyword, event data, <Binary>; no bare hex
                              words and no plain decimals                  */

/* The most hits one line reports; later ones are dropped. */
#define ERR_SCAN_MAX_HITS 64

/*
 * Finds the codes in line[0..len) (no line terminator; any bytes, NUL
 * included; nothing is read outside the range).  Stores up to `max` hits in
 * `hits`, ordered by column, and returns how many it stored.  Pure: no
 * allocation, no state between calls.
 */
size_t err_scan_line(const char *line, size_t len, unsigned flags,
                     err_scan_hit *hits, size_t max);

#endif /* ERR_SCAN_H */
