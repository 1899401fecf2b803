/*
 * csv.h - --csv and /:outputtoCSV: the whole database in err.exe's format.
 *
 *   HexID,SymbolicName,Description,Source
 *   0xc1,ERROR_BAD_EXE_FORMAT,"%1 is not a valid Win32 application.",winerror.h
 *   0x...,SOME_NAME,"N/A",some.h
 *
 * The value is lower-case hex with 0x and no padding; a missing text is
 * "N/A".  Inside a field, characters that would break the row are written
 * as XML character references, as err.exe does for the first three:
 * ',' &#44;  newline &#10;  '\'' &apos;  and, so that decoding the
 * references gives back the original text exactly: '"' &quot;  '&' &amp;
 * carriage return &#13;.
 */
#ifndef ERR_CSV_H
#define ERR_CSV_H

#include <stdio.h>

#include "winerr.h"

/* Writes the header and every entry of the tables in `filter` (NULL: all). */
void err_csv_dump(FILE *f, const winerr_filter *filter);

/* One field's text with the references above (no quotes added). */
void err_csv_escaped(FILE *f, const char *s);

#endif /* ERR_CSV_H */
