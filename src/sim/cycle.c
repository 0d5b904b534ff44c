/*
 * cycle.c - the parameters of the HP core timing model. Reasons for each
 * number and the calibration against ESP-DSP's published cycle counts:
 * docs/p4sim.md, "The cycle model" (same order).
 */
#include <string.h>

#include "sim/cycle.h"

const CyParams cy_params = {
    /*               ALU BR LD ST MUL DIV FPU FDIV JMP CSR PLS PMAC */
    .issue  = {      1,  1, 1, 1, 1,  1,  1,  1,   1,  1,  3,  1 },
    .result = {      1,  1, 2, 1, 2,  33, 3,  14,  1,  1,  2,  1 },
    .mispredict = 3,
    .taken_branch = 0,  /* was 1 before the calibration (docs/p4sim.md) */
    .taken_jump = 1,
    .cache_miss = 20,
};

void cy_reset(CyState *c, bool cache)
{
    memset(c, 0, sizeof *c);
    memset(c->bht, 1, sizeof c->bht); /* weakly not-taken */
    c->cache = cache;
}
