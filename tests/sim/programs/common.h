/* common.h - helpers shared by the p4sim differential corpus. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static inline uint32_t rdinstret(void)
{
    uint32_t v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

/* a simple deterministic generator (xorshift32) */
static uint32_t rng_state = 2463534242u;
static inline uint32_t rng(void)
{
    uint32_t x = rng_state;
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    return rng_state = x;
}
