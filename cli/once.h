/*
 * once.h - a table made on first use, once whatever the threads.
 */
#ifndef ERR_ONCE_H
#define ERR_ONCE_H

#include <stdatomic.h>

/* Runs make() once for *state (0: not made, 1: being made, 2: made): the
 * first caller makes and publishes with release; one that comes meanwhile
 * waits the few microseconds that takes.  After it returns, what make()
 * wrote is visible. */
static inline void err_once(atomic_int *state, void (*make)(void))
{
    if (atomic_load_explicit(state, memory_order_acquire) == 2)
        return;
    int expected = 0;
    if (atomic_compare_exchange_strong(state, &expected, 1)) {
        make();
        atomic_store_explicit(state, 2, memory_order_release);
        return;
    }
    while (atomic_load_explicit(state, memory_order_acquire) != 2)
        ;
}

#endif /* ERR_ONCE_H */
