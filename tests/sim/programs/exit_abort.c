/* abort() and exit codes. */
#include <stdlib.h>
#include "common.h"
int main(void)
{
    printf("aborting\n");
    fflush(stdout);
    abort();
}
