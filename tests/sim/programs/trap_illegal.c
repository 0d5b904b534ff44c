/* An illegal instruction (all-zero word, and an unknown CSR) traps. */
#include "common.h"
int main(int argc, char **argv)
{
    printf("before\n");
    fflush(stdout);
    if (argc > 5) return 0;
    __asm__ volatile(".word 0x00000000");
    return 0;
}
