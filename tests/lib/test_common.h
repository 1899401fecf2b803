/* cmocka 1.1 needs these before <cmocka.h>. */
#ifndef WINERR_TEST_COMMON_H
#define WINERR_TEST_COMMON_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "winerr.h"
#endif
