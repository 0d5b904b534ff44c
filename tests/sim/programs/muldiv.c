/* M extension incl. division by zero and overflow. */
#include "common.h"

static uint32_t hash = 0;
static void mix(uint32_t v) { hash = (hash ^ v) * 16777619u; }

static const uint32_t edge[] = {0, 1, 2, 3, 0xffffffffu, 0x80000000u, 0x7fffffffu, 7, 0xfffffff9u, 12345};

int main(void)
{
    uint32_t t0 = rdinstret();
    for (int i = 0; i < 1500; i++) {
        volatile uint32_t a = rng(), b = rng() >> (rng() & 31);
        int32_t sa = (int32_t)a, sb = (int32_t)b;
        mix(a * b), mix((uint32_t)(((int64_t)sa * sb) >> 32)), mix((uint32_t)(((uint64_t)a * b) >> 32));
        mix((uint32_t)(((int64_t)sa * (int64_t)(uint64_t)b) >> 32));
        if (b) mix(a / b), mix(a % b);
        if (sb && !(sa == INT32_MIN && sb == -1)) mix((uint32_t)(sa / sb)), mix((uint32_t)(sa % sb));
    }
    for (unsigned i = 0; i < sizeof edge / 4; i++)
        for (unsigned j = 0; j < sizeof edge / 4; j++) {
            uint32_t a = edge[i], b = edge[j], q, r, qu, ru;
            __asm__ volatile("div %0,%1,%2" : "=r"(q) : "r"(a), "r"(b));
            __asm__ volatile("rem %0,%1,%2" : "=r"(r) : "r"(a), "r"(b));
            __asm__ volatile("divu %0,%1,%2" : "=r"(qu) : "r"(a), "r"(b));
            __asm__ volatile("remu %0,%1,%2" : "=r"(ru) : "r"(a), "r"(b));
            printf("%08lx %08lx: %08lx %08lx %08lx %08lx\n", (unsigned long)a, (unsigned long)b,
                   (unsigned long)q, (unsigned long)r, (unsigned long)qu, (unsigned long)ru);
        }
    uint32_t t1 = rdinstret();
    printf("hash %08lx instret %lu\n", (unsigned long)hash, (unsigned long)(t1 - t0));
    return 7;
}
