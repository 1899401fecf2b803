/*
 * output.h - err.exe's text layout.
 *
 *   # for hex 0xc000021a / decimal -1073741286
 *     STATUS_SYSTEM_PROCESS_TERMINATED                               ntstatus.h
 *   # {Fatal System Error}
 *   ...
 *   # as an HRESULT: Severity: FAILURE (1), FACILITY_NULL (0x0), Code 0x21a
 *   # for hex 0x21a / decimal 538
 *     ERROR_ABIOS_ERROR                                              winerror.h
 *   # An error occurred in the ABIOS subsystem.
 *   # 2 matches found for "c000021a"
 */
#ifndef ERR_OUTPUT_H
#define ERR_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "answer.h"
#include "obuf.h"
#include "winerr.h"

/* "# for hex 0x<hex> / decimal <n>", or decimal first when `decimal`. */
void err_text_header(struct err_obuf *o, uint32_t v, int decimal, int negative);

/* One match line, "  %-62s %s", then its text wrapped in "# " lines.
 * Formatted entries are kept for reuse; err_text_cache_free() lets go. */
void err_text_entry(struct err_obuf *o, const winerr_entry *e);
void err_text_cache_free(void);

/* Everything for one answered number (or one name group). */
void err_text_answer(struct err_obuf *o, const struct err_answer *a);

/* "# N matches found for "<arg>"": the argument as typed, except that
 * control characters are shown as \xNN so the footer stays one line. */
void err_text_footer(struct err_obuf *o, size_t n, const char *arg, size_t len);

void err_text_selected(struct err_obuf *o, const char *table);

/* -l / -s: "NAME 0xVALUE TABLE TEXT", the text on the same line. */
void err_text_list_line(struct err_obuf *o, const winerr_entry *e);

/* No arguments: the tables and their entry counts (filtered, if f). */
void err_text_tables(struct err_obuf *o, const winerr_filter *filter);

#endif /* ERR_OUTPUT_H */
