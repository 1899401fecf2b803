/* csv.c - the database as err.exe's /:outputtoCSV rows. */
#include "csv.h"

#include <string.h>

#include "platform.h"

/* The characters written as references, and their references. */
static const char special[] = ",\n\r'\"&";
static const char *const refs[] = {"&#44;", "&#10;", "&#13;", "&apos;", "&quot;", "&amp;"};

void err_csv_escaped(FILE *f, const char *s)
{
    for (;;) {
        size_t k = strcspn(s, special);
        fwrite(s, 1, k, f);
        if (s[k] == '\0')
            return;
        fputs(refs[strchr(special, s[k]) - special], f);
        s += k + 1;
    }
}

void err_csv_dump(FILE *f, const winerr_filter *filter)
{
    winerr_iter it;
    fputs("HexID,SymbolicName,Description,Source\n", f);
    winerr_all(&it, filter);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;) {
        const char *text = err_entry_text(e);
        fprintf(f, "0x%x,", (unsigned)winerr_entry_value(e));
        err_csv_escaped(f, winerr_entry_name(e));
        fputs(",\"", f);
        err_csv_escaped(f, text != NULL && *text != '\0' ? text : "N/A");
        fputs("\",", f);
        err_csv_escaped(f, winerr_entry_table(e));
        fputc('\n', f);
    }
}
