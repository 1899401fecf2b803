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

/* The first byte picks the query, so the quick ones (name, value) are not
 * slowed down by the linear ones (substring, text) on every input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *s = malloc(size);
    if (!s)
        return 0;
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0'; /* the API takes C strings: an embedded NUL ends the query */

    winerr_iter it;
    switch (data[0] % 4) {
    case 0:
        winerr_by_name(&it, s, NULL);
        for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
            if (!equal_ci(winerr_entry_name(e), s))
                abort();
        if (winerr_table_find(s) >= 0 && !winerr_table_name((size_t)winerr_table_find(s)))
            abort();
        break;
    case 1:
        winerr_by_substring(&it, s, NULL);
        for (int n = 0; n < 64 && winerr_next(&it); n++)
            ;
        break;
    case 2:
        winerr_by_text(&it, s, NULL);
        for (int n = 0; n < 64 && winerr_next(&it); n++)
            ;
        break;
    default:
        if (size >= 5) {
            uint32_t v;
            memcpy(&v, data + 1, 4);
            winerr_decoded d;
            winerr_decode(v, &d);
            winerr_by_value(&it, v, NULL);
            for (const winerr_entry *e; (e = winerr_next(&it)) != NULL;)
                if (winerr_entry_value(e) != v)
                    abort();
        }
    }
    free(s);
    return 0;
}
