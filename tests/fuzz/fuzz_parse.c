/* The argument parser on arbitrary bytes: every input form, and garbage.
 * A success must fill a consistent query; a failure must say why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct err_query q;
    char why[256];
    why[0] = '\0';
    if (err_parse_arg((const char *)data, size, &q, why, sizeof why) == 0) {
        if (q.nreadings > 2)
            abort();
        if ((q.form == ERR_FORM_NAME || q.form == ERR_FORM_SUBSTRING) &&
            strlen(q.name) > ERR_NAME_MAX)
            abort();
        if ((q.form == ERR_FORM_EVENTLOG || q.form == ERR_FORM_HEXSTRING) &&
            (q.dwords == 0 || q.dword == NULL))
            abort();
        err_query_free(&q);
    } else if (why[0] == '\0' || memchr(why, '\0', sizeof why) == NULL) {
        abort();
    }
    err_query_free(&q);
    (void)err_parse_is_phrase((const char *)data, size);
    return 0;
}
