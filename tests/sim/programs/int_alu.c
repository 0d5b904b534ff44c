/* Integer ALU, shifts, comparisons, branches; instret over a loop. */
#include "common.h"

static uint32_t hash = 0;
static void mix(uint32_t v) { hash = (hash ^ v) * 16777619u; }

int main(void)
{
    uint32_t t0 = rdinstret();
    for (int i = 0; i < 2000; i++) {
        uint32_t a = rng(), b = rng();
        int32_t sa = (int32_t)a, sb = (int32_t)b;
        mix(a + b), mix(a - b), mix(a ^ b), mix(a | b), mix(a & b);
        mix(a << (b & 31)), mix(a >> (b & 31)), mix((uint32_t)(sa >> (b & 31)));
        mix(sa < sb), mix(a < b), mix(sa < 5), mix(a < 77u);
        mix(a << 7), mix(a >> 9), mix((uint32_t)(sa >> 13));
        if (sa > sb) mix(1); else mix(2);
        if (a >= b) mix(3);
    }
    uint32_t t1 = rdinstret();
    printf("hash %08lx\n", (unsigned long)hash);
    printf("instret %lu\n", (unsigned long)(t1 - t0));
    return 0;
}
