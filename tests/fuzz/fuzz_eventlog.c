/* Event Viewer data and wevtutil hex strings on arbitrary bytes: the count
 * returned with max 0 must match a second pass that stores the DWORDs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"

static void check(long (*parse)(const char *, size_t, err_dword *, size_t, size_t *, char *,
                                size_t),
                  const uint8_t *data, size_t size)
{
    char why[256];
    size_t trailing = 99;
    long n = parse((const char *)data, size, NULL, 0, &trailing, why, sizeof why);
    if (n < 0)
        return;
    if (trailing > 3)
        abort();
    size_t max = n > 64 ? 64 : (size_t)n;
    err_dword *out = malloc((max ? max : 1) * sizeof *out);
    if (!out)
        abort();
    if (parse((const char *)data, size, out, max, &trailing, why, sizeof why) != n)
        abort();
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(err_eventlog_parse, data, size);
    check(err_hexstring_parse, data, size);
    (void)err_eventlog_detect((const char *)data, size);
    (void)err_eventlog_has_label((const char *)data, size);
    return 0;
}
