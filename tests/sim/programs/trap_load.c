/* An access to unmapped memory traps after some output. */
#include "common.h"
int main(void)
{
    printf("before\n");
    fflush(stdout);
    volatile uint32_t *p = (uint32_t *)0x10;
    printf("%lu\n", (unsigned long)*p);
    return 0;
}
