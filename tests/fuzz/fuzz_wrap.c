/* winerr_wrap on arbitrary text, widths and buffer sizes: it must stay in
 * bounds, always terminate, and agree with itself about the needed length. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "winerr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t width = data[0] % 80, bufsize = data[1];
    char *text = malloc(size - 1);
    char *buf = malloc(bufsize ? bufsize : 1);
    if (!text || !buf)
        abort();
    memcpy(text, data + 2, size - 2);
    text[size - 2] = '\0';
    size_t need = winerr_wrap(text, width, "# ", NULL, 0);
    size_t got = winerr_wrap(text, width, "# ", buf, bufsize);
    if (got != need)
        abort();
    if (bufsize && strlen(buf) != (need < bufsize ? need : bufsize - 1))
        abort();
    free(text);
    free(buf);
    return 0;
}
