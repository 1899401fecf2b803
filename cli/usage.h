/* usage.h - the --help text. */
#ifndef ERR_USAGE_H
#define ERR_USAGE_H

#include <stdio.h>

void err_usage(FILE *f);

#endif /* ERR_USAGE_H */
