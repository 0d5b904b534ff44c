/* CSRs: fcsr/frm/fflags fields, mscratch, counters move forward, instret
 * deltas over straight-line code and a call. */
#include "common.h"

static int __attribute__((noinline)) work(int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) s += i * i;
    return s;
}

int main(void)
{
    uint32_t v;
    __asm__ volatile("csrw fcsr, %0" : : "r"(0xffu));
    __asm__ volatile("csrr %0, fcsr" : "=r"(v));
    printf("fcsr %02lx\n", (unsigned long)v);
    __asm__ volatile("csrr %0, frm" : "=r"(v));
    printf("frm %lu\n", (unsigned long)v);
    __asm__ volatile("csrr %0, fflags" : "=r"(v));
    printf("fflags %02lx\n", (unsigned long)v);
    __asm__ volatile("csrrci %0, fflags, 5" : "=r"(v));
    __asm__ volatile("csrr %0, fflags" : "=r"(v));
    printf("fflags after csrrci %02lx\n", (unsigned long)v);
    __asm__ volatile("csrwi frm, 0; csrwi fflags, 0");
    __asm__ volatile("csrw mscratch, %1; csrrs %0, mscratch, %2" : "=r"(v) : "r"(0x1234u), "r"(0x10000u));
    __asm__ volatile("csrr %0, mscratch" : "=r"(v));
    printf("mscratch %08lx\n", (unsigned long)v);
    uint32_t c0, c1;
    __asm__ volatile("rdcycle %0" : "=r"(c0));
    uint32_t t0 = rdinstret();
    __asm__ volatile("nop; nop; nop; addi x0, x0, 1; c.nop");
    uint32_t t1 = rdinstret();
    int r = work(100);
    uint32_t t2 = rdinstret();
    __asm__ volatile("rdcycle %0" : "=r"(c1));
    printf("straight %lu call %lu result %d cycles-forward %d\n", (unsigned long)(t1 - t0),
           (unsigned long)(t2 - t1), r, c1 > c0);
    return 0;
}
