/* Self-modifying code: write instructions into RAM, fence.i, call them;
 * rewrite and call again. */
#include "common.h"

static uint32_t code[16] __attribute__((aligned(4)));

typedef int (*Fn)(int);

int main(void)
{
    /* addi a0, a0, imm ; ret */
    for (int k = 1; k <= 5; k++) {
        code[0] = 0x00050513u | ((uint32_t)(k * 100) << 20);
        code[1] = 0x00008067u;
        __asm__ volatile("fence.i" ::: "memory");
        Fn f = (Fn)(uintptr_t)code;
        printf("k=%d f(7)=%d\n", k, f(7));
    }
    /* compressed: c.li a0, 21 (0x4555); c.jr ra (0x8082) */
    uint16_t *h = (uint16_t *)code;
    h[0] = 0x4555, h[1] = 0x8082;
    __asm__ volatile("fence.i" ::: "memory");
    printf("compressed %d\n", ((Fn)(uintptr_t)code)(0));
    return 0;
}
