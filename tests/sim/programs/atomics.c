/* A extension: lr/sc and AMOs. */
#include <stdatomic.h>
#include <stdbool.h>
#include "common.h"
static _Atomic uint32_t counter = 5;
static _Atomic int32_t sv = -3;
int main(void)
{
    for (int i = 0; i < 10; i++) atomic_fetch_add(&counter, (uint32_t)i);
    uint32_t old = atomic_exchange(&counter, 99);
    atomic_fetch_xor(&counter, 0xff), atomic_fetch_and(&counter, 0xf0f0), atomic_fetch_or(&counter, 0x100);
    uint32_t expect = counter;
    bool ok = atomic_compare_exchange_strong(&counter, &expect, 7);
    int32_t v = atomic_fetch_sub(&sv, 10);
    uint32_t m;
    __asm__ volatile("amomin.w %0, %1, (%2)" : "=r"(m) : "r"(-100), "r"(&sv) : "memory");
    __asm__ volatile("amomaxu.w %0, %1, (%2)" : "=r"(m) : "r"(5), "r"(&sv) : "memory");
    printf("old %lu now %lu ok %d sv %ld v %ld m %ld\n", (unsigned long)old, (unsigned long)counter, ok,
           (long)sv, (long)v, (long)(int32_t)m);
    return 0;
}
