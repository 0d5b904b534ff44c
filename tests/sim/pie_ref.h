/*
 * pie_ref.h - a plain scalar model of the PIE instructions, written apart
 * from src/sim/pie_exec.c (from docs/pie-semantics.md's table) so that the
 * tests compare two independent implementations of the same choices.
 */
#ifndef P4_TESTS_PIE_REF_H
#define P4_TESTS_PIE_REF_H

#include <stdbool.h>
#include <stdint.h>

#include "rv32/rv32.h"
#include "sim/sim.h"

typedef struct RefMachine {
    uint32_t x[32];
    P4SimPie pie;
    uint8_t *mem;     /* the data window */
    uint32_t base, size;
} RefMachine;

/* Executes one PIE instruction. Returns 0, or the trap cause (4..7) with
 * the machine unchanged. */
int ref_exec(RefMachine *m, const RvInsn *in, RvRev rev);

/* Does the instruction access memory at x[rs1]? Its element alignment. */
bool ref_is_mem(unsigned op, unsigned *align);

#endif
