/*
 * annotate_out.h - how one code found by the scanner is written out by
 * `err --annotate`: as an annotation line, or as a JSON object.
 */
#ifndef ERR_ANNOTATE_OUT_H
#define ERR_ANNOTATE_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "answer.h"
#include "scan.h"

/* What starts every annotation line; `grep -v '^    #> '` removes them. */
#define ERR_ANNOTATE_PREFIX "    #> "

/* The annotation line for hit h of `line`, ended with eol. */
/* The entries for a hit, best first, ranked by what its line says it is
 * (its context: a TLS alert's schannel.h names first, and so on). */
void err_annotate_explain(const err_scan_hit *h, err_explanation *x);

void err_annotate_text(FILE *out, const char *line, const err_scan_hit *h,
                       const char *eol);

/* One JSON object (and '\n') for hit h of line number line_no (from 1) of
 * the input called `file`. */
void err_annotate_json(FILE *out, const char *file, uint64_t line_no,
                       const char *line, const err_scan_hit *h);

#endif /* ERR_ANNOTATE_OUT_H */
