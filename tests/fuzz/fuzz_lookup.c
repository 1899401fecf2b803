/* Name, substring and text lookups on arbitrary bytes: none may read out of
 * bounds, and every match must really match. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "winerr.h"

static int upper(int c)
{
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
}

static int equal_ci(const char *a, const char *b)
{
    for (; *a && upper((unsigned char)*a) == upper((unsigned char)*b); a++, b++)
        ;
    return *a == '\0' && *b == '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0'; /* the API takes C strings: an embedded NUL ends the query */

    winerr_iter it;
    winerr_by_name(&it, s, NULL);
    for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
        if (!equal_ci(winerr_entry_name(e), s))
            abort();
    winerr_by_substring(&it, s, NULL);
    for (int n = 0; n < 64 && winerr_next(&it); n++)
        ;
    winerr_by_text(&it, s, NULL);
    for (int n = 0; n < 64 && winerr_next(&it); n++)
        ;
    if (size >= 4) {
        uint32_t v;
        memcpy(&v, data, 4);
        winerr_decoded d;
        winerr_decode(v, &d);
        winerr_by_value(&it, v, NULL);
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            if (winerr_entry_value(e) != v)
                abort();
        long t = winerr_table_find(s);
        if (t >= 0 && !winerr_table_name((size_t)t))
            abort();
    }
    free(s);
    return 0;
}
